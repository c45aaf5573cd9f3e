import { ApiError } from '../common/api-error.js';
import {
  tableRecords,
  type GroupHuntGroupGetInstanceListRequest,
  type GroupHuntGroupGetInstanceResponse20,
  type OciTable,
} from '../oci/commands.js';
import { OciErrorResponse } from '../oci/oci-errors.js';
import type { OciGateway } from '../oci/oci-gateway.js';

export const huntGroupListRequest = (tenantId: string, groupId: string): GroupHuntGroupGetInstanceListRequest => ({
  $type: 'GroupHuntGroupGetInstanceListRequest',
  serviceProviderId: tenantId,
  groupId,
});

export interface HuntGroupRead {
  instance: GroupHuntGroupGetInstanceResponse20;
  /** The hunt group's row of its group's list: "Is Active" and the department's full path live only there. */
  row: Record<string, string>;
}

/**
 * Reads a hunt group of this group in one OCI-P document: the instance, and the group's list, which
 * proves the hunt group belongs to the group of the URL (BroadWorks addresses it by id alone).
 */
export async function readHuntGroupOfGroup(oci: OciGateway, tenantId: string, groupId: string, serviceUserId: string): Promise<HuntGroupRead> {
  try {
    const [instance, list] = await oci.send(
      { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId },
      huntGroupListRequest(tenantId, groupId),
    );
    return { instance, row: rowOf(list.huntGroupTable, tenantId, groupId, serviceUserId) };
  } catch (e) {
    throw e instanceof OciErrorResponse && e.errorCode === 4008 ? huntGroupNotFound(tenantId, groupId, serviceUserId) : e;
  }
}

/** The hunt group's row of its group's list; 404 when it is not one of this group's. */
export async function findHuntGroupRow(oci: OciGateway, tenantId: string, groupId: string, serviceUserId: string): Promise<Record<string, string>> {
  const [list] = await oci.send(huntGroupListRequest(tenantId, groupId));
  return rowOf(list.huntGroupTable, tenantId, groupId, serviceUserId);
}

function rowOf(table: OciTable, tenantId: string, groupId: string, serviceUserId: string): Record<string, string> {
  const row = tableRecords(table).find((r) => r['Service User Id'] === serviceUserId);
  if (!row) throw huntGroupNotFound(tenantId, groupId, serviceUserId);
  return row;
}

function huntGroupNotFound(tenantId: string, groupId: string, serviceUserId: string): ApiError {
  return ApiError.notFound('HUNT_GROUP_NOT_FOUND', `Hunt group ${serviceUserId} not found in group ${groupId} of tenant ${tenantId}`);
}
