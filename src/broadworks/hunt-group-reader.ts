import { ApiError } from '../domain/errors.js';
import {
  tableRecords,
  type GroupHuntGroupGetInstanceListRequest,
  type GroupHuntGroupGetInstanceListResponse,
  type GroupHuntGroupGetInstanceRequest20,
  type GroupHuntGroupGetInstanceResponse20,
  type OciRequest,
  type OciResponse,
  type OciTable,
} from './oci/commands.js';
import { OciErrorResponse } from './oci/oci-errors.js';
import type { OciGateway } from './oci/oci-gateway.js';
import { sendInDocuments } from './oci/send-in-documents.js';

export const huntGroupListRequest = (tenantId: string, groupId: string): GroupHuntGroupGetInstanceListRequest => ({
  $type: 'GroupHuntGroupGetInstanceListRequest',
  serviceProviderId: tenantId,
  groupId,
});

export const huntGroupGetRequest = (serviceUserId: string): GroupHuntGroupGetInstanceRequest20 => ({
  $type: 'GroupHuntGroupGetInstanceRequest20',
  serviceUserId,
});

export interface HuntGroupRead {
  instance: GroupHuntGroupGetInstanceResponse20;
  /** The hunt group's row of its group's list: "Is Active" and the department's full path live only there. */
  row: Record<string, string>;
  /** The answers to the `alongside` commands, in order. */
  alongside: OciResponse[];
}

/**
 * Reads a hunt group of this group: the instance, and the group's list, which proves the hunt group
 * belongs to the group of the URL (BroadWorks addresses it by id alone). Other reads the caller
 * needs go `alongside`, in the same document while they fit.
 */
export async function readHuntGroupOfGroup(
  oci: OciGateway,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  alongside: readonly OciRequest[] = [],
): Promise<HuntGroupRead> {
  try {
    const [instance, list, ...rest] = await sendInDocuments(oci, [
      huntGroupGetRequest(serviceUserId),
      huntGroupListRequest(tenantId, groupId),
      ...alongside,
    ]);
    return huntGroupRead(
      tenantId,
      groupId,
      serviceUserId,
      instance as GroupHuntGroupGetInstanceResponse20,
      list as GroupHuntGroupGetInstanceListResponse,
      rest,
    );
  } catch (e) {
    throw e instanceof OciErrorResponse && e.errorCode === 4008
      ? huntGroupNotFound(tenantId, groupId, serviceUserId)
      : e;
  }
}

/** The read of a hunt group from the answers to its get and its group's list. */
export function huntGroupRead(
  tenantId: string,
  groupId: string,
  serviceUserId: string,
  instance: GroupHuntGroupGetInstanceResponse20,
  list: GroupHuntGroupGetInstanceListResponse,
  alongside: OciResponse[] = [],
): HuntGroupRead {
  return { instance, row: rowOf(list.huntGroupTable, tenantId, groupId, serviceUserId), alongside };
}

/** The hunt group's row of its group's list; 404 when it is not one of this group's. */
export async function findHuntGroupRow(
  oci: OciGateway,
  tenantId: string,
  groupId: string,
  serviceUserId: string,
): Promise<Record<string, string>> {
  const [list] = await oci.send(huntGroupListRequest(tenantId, groupId));
  return rowOf(list.huntGroupTable, tenantId, groupId, serviceUserId);
}

function rowOf(table: OciTable, tenantId: string, groupId: string, serviceUserId: string): Record<string, string> {
  const row = tableRecords(table).find((r) => r['Service User Id'] === serviceUserId);
  if (!row) throw huntGroupNotFound(tenantId, groupId, serviceUserId);
  return row;
}

function huntGroupNotFound(tenantId: string, groupId: string, serviceUserId: string): ApiError {
  return ApiError.notFound(
    'HUNT_GROUP_NOT_FOUND',
    `Hunt group ${serviceUserId} not found in group ${groupId} of tenant ${tenantId}`,
  );
}
