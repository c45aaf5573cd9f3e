/** A hunt group's services between the domain and OCI-P: commands of planned actions, domain reads of answers. */
import type {
  AlternateNumber,
  CallForwarding,
  Forwarding,
  HuntGroupService,
} from '../domain/hunt-group-service-settings.js';
import type { AlternateNumberSlots } from '../domain/hunt-group-services/hunt-group-services.port.js';
import type { ServiceAction } from '../domain/hunt-group-services/service-plans.js';
import type {
  AlternateNumberEntry21,
  OciRequest,
  RingPattern,
  UserAlternateNumbersGetResponse21,
  UserAlternateNumbersModifyRequest,
  UserCallForwardingAlwaysGetResponse,
  UserCallForwardingBusyGetResponse,
  UserCallForwardingNoAnswerGetResponse13mp16,
  UserCallForwardingNotReachableGetResponse,
  UserServiceName,
} from '../ocip/commands.js';

/** The UserService name of each service. */
export const USER_SERVICE: Readonly<Record<HuntGroupService, UserServiceName>> = {
  always: 'Call Forwarding Always',
  busy: 'Call Forwarding Busy',
  no_answer: 'Call Forwarding No Answer',
  not_reachable: 'Call Forwarding Not Reachable',
  alternate_numbers: 'Alternate Numbers',
};

/** The Get request of a forwarding. */
export function forwardingGetRequest(forwarding: Forwarding, userId: string): OciRequest {
  switch (forwarding) {
    case 'always':
      return { $type: 'UserCallForwardingAlwaysGetRequest', userId };
    case 'busy':
      return { $type: 'UserCallForwardingBusyGetRequest', userId };
    case 'no_answer':
      return { $type: 'UserCallForwardingNoAnswerGetRequest13mp16', userId };
    case 'not_reachable':
      return { $type: 'UserCallForwardingNotReachableGetRequest', userId };
  }
}

type ForwardingGetResponse =
  | UserCallForwardingAlwaysGetResponse
  | UserCallForwardingBusyGetResponse
  | UserCallForwardingNoAnswerGetResponse13mp16
  | UserCallForwardingNotReachableGetResponse;

/** A forwarding's Get answer → the forwarding as answered (R25's names; no number is ""). */
export function toForwarding(answer: ForwardingGetResponse): CallForwarding {
  return {
    isActive: answer.isActive,
    forwardToPhoneNumber: answer.forwardToPhoneNumber ?? '',
    ...('isRingSplashActive' in answer ? { isRingSplashActive: answer.isRingSplashActive } : {}),
    ...('numberOfRings' in answer ? { numberOfRings: answer.numberOfRings } : {}),
  };
}

export const ALTERNATE_SLOT_NAMES = [
  'alternateEntry01',
  'alternateEntry02',
  'alternateEntry03',
  'alternateEntry04',
  'alternateEntry05',
  'alternateEntry06',
  'alternateEntry07',
  'alternateEntry08',
  'alternateEntry09',
  'alternateEntry10',
] as const;

/** UserAlternateNumbersGetResponse21 → ten slots (null where free). */
export function toAlternateNumberSlots(answer: UserAlternateNumbersGetResponse21): AlternateNumberSlots {
  return {
    distinctiveRing: answer.distinctiveRing,
    slots: ALTERNATE_SLOT_NAMES.map((name) => {
      const entry = answer[name];
      if (!entry || (!entry.phoneNumber && !entry.extension)) return null;
      return {
        phoneNumber: entry.phoneNumber ?? '',
        extension: entry.extension ?? '',
        ringPattern: entry.ringPattern ?? 'Normal',
        description: entry.description ?? '',
      };
    }),
  };
}

/** A slot's new entry: every element given, "" as nil; a freed slot is all nil. */
function entryOf(slot: AlternateNumber | null): AlternateNumberEntry21 {
  if (!slot) return { phoneNumber: null, extension: null, ringPattern: null, description: null };
  return {
    phoneNumber: slot.phoneNumber || null,
    extension: slot.extension || null,
    ringPattern: slot.ringPattern as RingPattern,
    description: slot.description || null,
  };
}

/** The OCI-P command that carries out one planned action. */
export function serviceCommandOf(action: ServiceAction): OciRequest {
  switch (action.kind) {
    case 'assign-service':
      return {
        $type: 'UserServiceAssignListRequest',
        userId: action.serviceUserId,
        serviceName: [USER_SERVICE[action.service]],
      };
    case 'unassign-service':
      return {
        $type: 'UserServiceUnassignListRequest',
        userId: action.serviceUserId,
        serviceName: [USER_SERVICE[action.service]],
      };
    case 'modify-forwarding': {
      const { isActive, forwardToPhoneNumber, isRingSplashActive, numberOfRings } = action.change;
      const userId = action.serviceUserId;
      const common = { userId, isActive, forwardToPhoneNumber };
      switch (action.forwarding) {
        case 'always':
          return { $type: 'UserCallForwardingAlwaysModifyRequest', ...common, isRingSplashActive };
        case 'busy':
          return { $type: 'UserCallForwardingBusyModifyRequest', ...common };
        case 'no_answer':
          return { $type: 'UserCallForwardingNoAnswerModifyRequest', ...common, numberOfRings };
        case 'not_reachable':
          return { $type: 'UserCallForwardingNotReachableModifyRequest', ...common };
      }
      break;
    }
    case 'modify-alternate-numbers': {
      const command: UserAlternateNumbersModifyRequest = {
        $type: 'UserAlternateNumbersModifyRequest',
        userId: action.serviceUserId,
        distinctiveRing: action.distinctiveRing,
      };
      for (const [index, slot] of Object.entries(action.slots))
        command[ALTERNATE_SLOT_NAMES[Number(index)]] = entryOf(slot);
      return command;
    }
  }
}
