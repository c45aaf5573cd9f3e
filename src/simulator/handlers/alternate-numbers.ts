/**
 * UserAlternateNumbersGetRequest21 and UserAlternateNumbersModifyRequest: up to ten extra numbers
 * and/or extensions that ring a user (real or virtual), each with a ring pattern and a description.
 * The service must be assigned. In a modify, each slot given is merged element by element (nil
 * clears); a slot left with neither number nor extension is free again, and its number with it.
 * Every number must be one of the user's group and held by nobody else (a number is used once in
 * the whole system, as a primary or an alternate number); every extension digits only and unused in
 * the group; none twice. The whole request is checked before anything changes.
 */
import type {
  AlternateNumberEntry21,
  UserAlternateNumbersGetRequest21,
  UserAlternateNumbersGetResponse21,
  UserAlternateNumbersModifyRequest,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { ociError } from '../errors.js';
import {
  ALTERNATE_NUMBER_SLOTS,
  holderOfNumber,
  isExtensionUsedInGroup,
  setService,
  type AlternateNumberSlot,
  type Subscriber,
} from '../user-services.js';
import type { World } from '../world.js';
import { SUCCESS, type Handler } from './handler.js';

const SERVICE = 'Alternate Numbers';

/** alternateEntry01 … alternateEntry10. */
export const slotName = (i: number): string => `alternateEntry${String(i + 1).padStart(2, '0')}`;

const idOf = (s: Subscriber): string => ('userId' in s ? s.userId : s.serviceUserId);

export const getAlternateNumbers: Handler<UserAlternateNumbersGetRequest21> = (world, { userId }) => {
  const subscriber = world.userOrVirtualUser(userId);
  if (!subscriber) return ociError('userNotFound', userId);
  const settings = subscriber.services?.[SERVICE];
  if (!settings) return ociError('serviceNotAssigned', SERVICE, userId);
  const answer: Record<string, unknown> = {
    $type: 'UserAlternateNumbersGetResponse21',
    distinctiveRing: settings.distinctiveRing,
  };
  settings.slots.forEach((slot, i) => {
    if (slot) answer[slotName(i)] = { ...slot };
  });
  return answer as UserAlternateNumbersGetResponse21;
};

/** A slot after the modify's entry (undefined: unchanged; null elements: cleared), or why it is refused. */
function mergedSlot(
  current: AlternateNumberSlot | null,
  entry: AlternateNumberEntry21 | undefined,
  name: string,
): AlternateNumberSlot | null | OciErrorResponse {
  if (entry === undefined) return current;
  const next: Partial<AlternateNumberSlot> = { ...current };
  for (const key of ['phoneNumber', 'extension', 'ringPattern', 'description'] as const) {
    const value = entry[key];
    if (value === null) delete next[key];
    else if (value !== undefined) (next as Record<string, string>)[key] = value;
  }
  if (next.phoneNumber === undefined && next.extension === undefined) {
    const describes = typeof entry.ringPattern === 'string' || typeof entry.description === 'string';
    return describes ? ociError('emptyAlternateEntry', name) : null;
  }
  return { ...next, ringPattern: next.ringPattern ?? 'Normal' };
}

/** The first rule the new slots break, if any. */
function checkSlots(world: World, subscriber: Subscriber, slots: (AlternateNumberSlot | null)[]) {
  const group = world.group(subscriber.serviceProviderId, subscriber.groupId);
  if (!group) return ociError('groupNotFound', subscriber.groupId);
  const numbers = new Set<string>();
  const extensions = new Set<string>();
  for (const slot of slots) {
    if (!slot) continue;
    const { phoneNumber, extension } = slot;
    if (phoneNumber !== undefined) {
      if (!group.phoneNumbers.includes(phoneNumber)) return ociError('phoneNumberNotAssigned', phoneNumber);
      const holder = holderOfNumber(world, phoneNumber);
      const ownAlternate = holder?.as === 'alternate' && holder.userId === idOf(subscriber);
      if ((holder && !ownAlternate) || numbers.has(phoneNumber)) return ociError('phoneNumberInUse', phoneNumber);
      numbers.add(phoneNumber);
    }
    if (extension !== undefined) {
      if (!/^[0-9]+$/.test(extension)) return ociError('invalidExtension', extension);
      const except = { ownerId: idOf(subscriber), primary: false, alternate: true };
      if (isExtensionUsedInGroup(world, group, extension, except) || extensions.has(extension))
        return ociError('extensionInUse', extension);
      extensions.add(extension);
    }
  }
  return undefined;
}

export const modifyAlternateNumbers: Handler<UserAlternateNumbersModifyRequest> = (world, command) => {
  const subscriber = world.userOrVirtualUser(command.userId);
  if (!subscriber) return ociError('userNotFound', command.userId);
  const settings = subscriber.services?.[SERVICE];
  if (!settings) return ociError('serviceNotAssigned', SERVICE, command.userId);
  const entries = command as unknown as Record<string, AlternateNumberEntry21 | undefined>;
  const slots: (AlternateNumberSlot | null)[] = [];
  for (let i = 0; i < ALTERNATE_NUMBER_SLOTS; i++) {
    const slot = mergedSlot(settings.slots[i] ?? null, entries[slotName(i)], slotName(i));
    if (slot instanceof OciErrorResponse) return slot;
    slots.push(slot);
  }
  const problem = checkSlots(world, subscriber, slots);
  if (problem) return problem;
  setService(subscriber, SERVICE, { distinctiveRing: command.distinctiveRing ?? settings.distinctiveRing, slots });
  return SUCCESS;
};
