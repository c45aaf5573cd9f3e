import { rowsRequest } from './hunt-group-pages.mapper.js';
import { Injectable } from '@nestjs/common';
import { HuntGroupNotFound } from '../domain/errors.js';
import type { CallForwarding, Forwarding } from '../domain/hunt-group-service-settings.js';
import {
  HuntGroupServicesPort,
  type AlternateNumberSlots,
  type GroupNumbers,
  type ServiceState,
} from '../domain/hunt-group-services/hunt-group-services.port.js';
import type { ServicePlan } from '../domain/hunt-group-services/service-plans.js';
import type { Scope } from '../domain/model.js';
import type { CommandView } from '../domain/writes.js';
import {
  tableRecords,
  type GroupDnGetAvailableListResponse,
  type GroupDnGetListResponse,
  type GroupHuntGroupGetInstancePagedSortedListResponse,
  type OciOutcome,
  type OciRequest,
  type UserAlternateNumbersGetResponse21,
  type UserServiceIsAssignedResponse,
} from '../ocip/commands.js';
import { OciErrorResponse } from '../ocip/oci-errors.js';
import { applyAllOrNothing, type Step } from './all-or-nothing.js';
import { decodeError } from './decode-error.js';
import { viewOf } from './hunt-group.mapper.js';
import {
  forwardingGetRequest,
  serviceCommandOf,
  toAlternateNumberSlots,
  toForwarding,
  USER_SERVICE,
} from './hunt-group-services.mapper.js';
import { OciGateway } from './oci/oci-gateway.js';

type ForwardingAnswer = Parameters<typeof toForwarding>[0];

/**
 * The hunt group services port over OCI-P. A read is one document: whether the service is assigned
 * (UserServiceIsAssignedRequest: BroadWorks may answer a Get of a service that is not assigned with
 * an error, or with data; the flag decides), the service's Get, and the group's hunt group list,
 * whose row proves the hunt group is this group's (BroadWorks addresses it by id alone). A write is
 * one document, all or nothing, with the service read back.
 */
@Injectable()
export class OciHuntGroupServices extends HuntGroupServicesPort {
  constructor(private readonly oci: OciGateway) {
    super();
  }

  async readForwarding(
    scope: Scope,
    serviceUserId: string,
    forwarding: Forwarding,
  ): Promise<ServiceState<CallForwarding>> {
    const [assigned, settings] = await this.readService(scope, serviceUserId, [
      isAssignedRequest(serviceUserId, forwarding),
      forwardingGetRequest(forwarding, serviceUserId),
    ]);
    if (!(assigned as UserServiceIsAssignedResponse).isAssigned) return { assigned: false };
    return { assigned: true, settings: toForwarding(answered(settings) as ForwardingAnswer) };
  }

  async readAlternateNumbers(
    scope: Scope,
    serviceUserId: string,
    groupNumbers: boolean,
  ): Promise<{ state: ServiceState<AlternateNumberSlots>; groupNumbers?: GroupNumbers }> {
    const group = { serviceProviderId: scope.tenantId, groupId: scope.groupId };
    const [assigned, settings, all, available] = await this.readService(scope, serviceUserId, [
      isAssignedRequest(serviceUserId, 'alternate_numbers'),
      { $type: 'UserAlternateNumbersGetRequest21', userId: serviceUserId },
      ...(groupNumbers
        ? ([
            { $type: 'GroupDnGetListRequest', ...group },
            { $type: 'GroupDnGetAvailableListRequest', ...group },
          ] as const)
        : []),
    ]);
    const numbers = groupNumbers
      ? {
          groupNumbers: {
            assigned: (answered(all) as GroupDnGetListResponse).phoneNumber ?? [],
            available: (answered(available) as GroupDnGetAvailableListResponse).phoneNumber ?? [],
          },
        }
      : {};
    if (!(assigned as UserServiceIsAssignedResponse).isAssigned) return { state: { assigned: false }, ...numbers };
    const slots = toAlternateNumberSlots(answered(settings) as UserAlternateNumbersGetResponse21);
    return { state: { assigned: true, settings: slots }, ...numbers };
  }

  async availableNumbers(scope: Scope): Promise<string[]> {
    const request = {
      $type: 'GroupDnGetAvailableListRequest',
      serviceProviderId: scope.tenantId,
      groupId: scope.groupId,
    } as const;
    const [answer] = await this.decoded(() => this.oci.send(request));
    return answer.phoneNumber ?? [];
  }

  async applyForwarding(
    scope: Scope,
    plan: ServicePlan,
    serviceUserId: string,
    forwarding: Forwarding,
  ): Promise<CallForwarding> {
    const [answer] = await this.decoded(() =>
      applyAllOrNothing(this.oci, stepsOf(plan), forwardingGetRequest(forwarding, serviceUserId)),
    );
    return toForwarding(answer as ForwardingAnswer);
  }

  async applyAlternateNumbers(scope: Scope, plan: ServicePlan, serviceUserId: string): Promise<AlternateNumberSlots> {
    const [answer] = await this.decoded(() =>
      applyAllOrNothing(this.oci, stepsOf(plan), { $type: 'UserAlternateNumbersGetRequest21', userId: serviceUserId }),
    );
    return toAlternateNumberSlots(answer);
  }

  describe(_scope: Scope, plan: ServicePlan): CommandView[] {
    return plan.map((step) => viewOf(serviceCommandOf(step.action)));
  }

  /**
   * One document: `commands` (the assignment flag first), then the hunt group's row of the group's
   * list, searched by its id (proof it is this group's, at the same cost in any group). Returns
   * the outcomes of `commands`; the flag's and the list's failures are thrown (4008: HuntGroupNotFound),
   * the others are left for the caller, which needs them only when the service is assigned.
   */
  private async readService(scope: Scope, serviceUserId: string, commands: OciRequest[]): Promise<OciOutcome[]> {
    const notFound = () => new HuntGroupNotFound(scope.tenantId, scope.groupId, serviceUserId);
    const outcomes = await this.decoded(() => this.oci.execute([...commands, rowsRequest(scope, [serviceUserId])]));
    const [flag] = outcomes;
    if (flag instanceof OciErrorResponse) throw flag.errorCode === 4008 ? notFound() : decodeError(flag);
    const rows = answered(outcomes[outcomes.length - 1]) as GroupHuntGroupGetInstancePagedSortedListResponse;
    if (!tableRecords(rows.huntGroupTable).some((r) => r['Service User Id'] === serviceUserId)) throw notFound();
    // The group's numbers come whether or not the service is assigned: their failures count now.
    outcomes.slice(2, -1).forEach(answered);
    return outcomes.slice(0, -1);
  }

  private async decoded<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw decodeError(e);
    }
  }
}

const isAssignedRequest = (userId: string, service: keyof typeof USER_SERVICE): OciRequest => ({
  $type: 'UserServiceIsAssignedRequest',
  userId,
  serviceName: USER_SERVICE[service],
});

/** An outcome's answer, or its ErrorResponse thrown as a domain error. */
function answered(outcome: OciOutcome | undefined): OciOutcome {
  if (outcome instanceof OciErrorResponse) throw decodeError(outcome);
  if (outcome === undefined) throw new Error('BroadWorks answered fewer responses than commands');
  return outcome;
}

const stepsOf = (plan: ServicePlan): Step[] =>
  plan.map((s) => ({ command: serviceCommandOf(s.action), undo: s.undo.map(serviceCommandOf) }));
