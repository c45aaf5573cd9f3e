/**
 * The four call forwarding services of a user (real or virtual): Get and Modify of Always, Busy,
 * No Answer and Not Reachable. The service must be assigned; the forward-to value must be a number
 * that can be dialed (digits, a leading +, * and # for access codes; up to 30) or a SIP URI as the
 * schema documents it (user@host, one @, no sip: prefix); it may not be the user's own number,
 * extension or id; and an active service needs a forward-to value.
 */
import type {
  UserCallForwardingAlwaysGetRequest,
  UserCallForwardingAlwaysGetResponse,
  UserCallForwardingAlwaysModifyRequest,
  UserCallForwardingBusyGetRequest,
  UserCallForwardingBusyGetResponse,
  UserCallForwardingBusyModifyRequest,
  UserCallForwardingNoAnswerGetRequest13mp16,
  UserCallForwardingNoAnswerGetResponse13mp16,
  UserCallForwardingNoAnswerModifyRequest,
  UserCallForwardingNotReachableGetRequest,
  UserCallForwardingNotReachableGetResponse,
  UserCallForwardingNotReachableModifyRequest,
} from '../../ocip/commands.js';
import type { OciErrorResponse } from '../../ocip/oci-errors.js';
import { ociError } from '../errors.js';
import {
  alternateSlots,
  setService,
  type ForwardingServiceName,
  type ForwardingSettings,
  type Subscriber,
} from '../user-services.js';
import type { World } from '../world.js';
import type { Handler } from './handler.js';
import { SUCCESS } from './handler.js';

const DIALABLE = /^\+?[0-9*#]{1,30}$/;
const SIP_URI = /^[A-Za-z0-9\-_.!~*'()]+@[A-Za-z0-9\-.]+$/;

/** Whether BroadWorks would take the value as a forward-to number or SIP URI. */
export const isForwardTarget = (value: string): boolean =>
  (DIALABLE.test(value) || SIP_URI.test(value)) && !/^sips?:/i.test(value);

/** The assigned service's settings of the user, or why there are none. */
function settingsOf(
  world: World,
  userId: string,
  service: ForwardingServiceName,
): { subscriber: Subscriber; settings: ForwardingSettings } | OciErrorResponse {
  const subscriber = world.userOrVirtualUser(userId);
  if (!subscriber) return ociError('userNotFound', userId);
  const settings = subscriber.services?.[service];
  if (!settings) return ociError('serviceNotAssigned', service, userId);
  return { subscriber, settings };
}

/** The user's own addresses: calls forwarded there would loop. */
function ownAddresses(subscriber: Subscriber): string[] {
  const own =
    'userId' in subscriber
      ? [subscriber.userId, subscriber.phoneNumber, subscriber.extension]
      : [subscriber.serviceUserId, subscriber.profile.phoneNumber, subscriber.profile.extension];
  return [...own, ...alternateSlots(subscriber).flatMap((s) => [s.phoneNumber, s.extension])].filter(
    (a): a is string => a !== undefined,
  );
}

interface ForwardingModify {
  userId: string;
  isActive?: boolean;
  forwardToPhoneNumber?: string | null;
  isRingSplashActive?: boolean;
  numberOfRings?: number;
}

/** Applies a modify of one forwarding service after checking every rule; a refusal changes nothing. */
function modifyForwarding(world: World, service: ForwardingServiceName, command: ForwardingModify) {
  const found = settingsOf(world, command.userId, service);
  if (!('settings' in found)) return found;
  const next: ForwardingSettings = { ...found.settings };
  if (command.isActive !== undefined) next.isActive = command.isActive;
  if (command.forwardToPhoneNumber === null) delete next.forwardToPhoneNumber;
  else if (command.forwardToPhoneNumber !== undefined) {
    const target = command.forwardToPhoneNumber;
    if (!isForwardTarget(target)) return ociError('invalidForwardTo', target);
    if (ownAddresses(found.subscriber).includes(target)) return ociError('forwardToSelf', target);
    next.forwardToPhoneNumber = target;
  }
  if (command.isRingSplashActive !== undefined) next.isRingSplashActive = command.isRingSplashActive;
  if (command.numberOfRings !== undefined) next.numberOfRings = command.numberOfRings;
  if (next.isActive && next.forwardToPhoneNumber === undefined) return ociError('forwardToRequired', service);
  setService(found.subscriber, service, next);
  return SUCCESS;
}

export const getCallForwardingAlways: Handler<UserCallForwardingAlwaysGetRequest> = (world, { userId }) => {
  const found = settingsOf(world, userId, 'Call Forwarding Always');
  if (!('settings' in found)) return found;
  const { isActive, forwardToPhoneNumber, isRingSplashActive } = found.settings;
  const answer: UserCallForwardingAlwaysGetResponse = {
    $type: 'UserCallForwardingAlwaysGetResponse',
    isActive,
    ...(forwardToPhoneNumber !== undefined ? { forwardToPhoneNumber } : {}),
    isRingSplashActive: isRingSplashActive ?? false,
  };
  return answer;
};

export const getCallForwardingBusy: Handler<UserCallForwardingBusyGetRequest> = (world, { userId }) => {
  const found = settingsOf(world, userId, 'Call Forwarding Busy');
  if (!('settings' in found)) return found;
  const { isActive, forwardToPhoneNumber } = found.settings;
  const answer: UserCallForwardingBusyGetResponse = {
    $type: 'UserCallForwardingBusyGetResponse',
    isActive,
    ...(forwardToPhoneNumber !== undefined ? { forwardToPhoneNumber } : {}),
  };
  return answer;
};

export const getCallForwardingNoAnswer: Handler<UserCallForwardingNoAnswerGetRequest13mp16> = (world, { userId }) => {
  const found = settingsOf(world, userId, 'Call Forwarding No Answer');
  if (!('settings' in found)) return found;
  const { isActive, forwardToPhoneNumber, numberOfRings } = found.settings;
  const answer: UserCallForwardingNoAnswerGetResponse13mp16 = {
    $type: 'UserCallForwardingNoAnswerGetResponse13mp16',
    isActive,
    ...(forwardToPhoneNumber !== undefined ? { forwardToPhoneNumber } : {}),
    numberOfRings: numberOfRings ?? 2,
  };
  return answer;
};

export const getCallForwardingNotReachable: Handler<UserCallForwardingNotReachableGetRequest> = (world, { userId }) => {
  const found = settingsOf(world, userId, 'Call Forwarding Not Reachable');
  if (!('settings' in found)) return found;
  const { isActive, forwardToPhoneNumber } = found.settings;
  const answer: UserCallForwardingNotReachableGetResponse = {
    $type: 'UserCallForwardingNotReachableGetResponse',
    isActive,
    ...(forwardToPhoneNumber !== undefined ? { forwardToPhoneNumber } : {}),
  };
  return answer;
};

export const modifyCallForwardingAlways: Handler<UserCallForwardingAlwaysModifyRequest> = (world, command) =>
  modifyForwarding(world, 'Call Forwarding Always', command);
export const modifyCallForwardingBusy: Handler<UserCallForwardingBusyModifyRequest> = (world, command) =>
  modifyForwarding(world, 'Call Forwarding Busy', command);
export const modifyCallForwardingNoAnswer: Handler<UserCallForwardingNoAnswerModifyRequest> = (world, command) =>
  modifyForwarding(world, 'Call Forwarding No Answer', command);
export const modifyCallForwardingNotReachable: Handler<UserCallForwardingNotReachableModifyRequest> = (
  world,
  command,
) => modifyForwarding(world, 'Call Forwarding Not Reachable', command);
