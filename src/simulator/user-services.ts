/**
 * The user services the simulator models, assigned per user (real or virtual): call forwarding
 * always, busy, no answer and not reachable, and alternate numbers. A group authorizes services;
 * only authorized services can be assigned to its users; a service's settings exist while it is
 * assigned (assigning starts from BroadWorks' defaults, unassigning drops them and frees the
 * numbers they held). Who uses which number or extension is answered here, for every rule that
 * needs it (a number is used once in the whole system, an extension once in its group).
 */
import type { UserServiceName } from '../ocip/commands.js';
import { UserService } from '../ocip/schema.js';
import { type AlternateNumberSlot, type AssignedServices, type ServiceSettings } from './user-service-settings.js';
import type { Group, HuntGroup, User, World } from './world.js';

export * from './user-service-settings.js';

export type ForwardingServiceName = Exclude<UserServiceName, 'Alternate Numbers'>;

export const FORWARDING_SERVICES: readonly ForwardingServiceName[] = [
  'Call Forwarding Always',
  'Call Forwarding Busy',
  'Call Forwarding No Answer',
  'Call Forwarding Not Reachable',
];

/** Every user service the simulator knows (the schema description's enumeration). */
export const KNOWN_USER_SERVICES: readonly UserServiceName[] = UserService.enumeration;

export type Subscriber = User | HuntGroup;

export const isAssigned = (subscriber: Subscriber, service: UserServiceName): boolean =>
  subscriber.services?.[service] !== undefined;

/** The user's alternate number slots that are in use. */
export function alternateSlots(subscriber: Subscriber): AlternateNumberSlot[] {
  return (subscriber.services?.['Alternate Numbers']?.slots ?? []).filter((s) => s !== null);
}

const idOf = (subscriber: Subscriber): string =>
  'userId' in subscriber ? subscriber.userId : subscriber.serviceUserId;
const primaryNumberOf = (subscriber: Subscriber): string | undefined =>
  'userId' in subscriber ? subscriber.phoneNumber : subscriber.profile.phoneNumber;
const primaryExtensionOf = (subscriber: Subscriber): string | undefined =>
  'userId' in subscriber ? subscriber.extension : subscriber.profile.extension;

/** Who holds a phone number, as a primary or an alternate number; undefined when it is free. */
export function holderOfNumber(
  world: World,
  phoneNumber: string,
): { userId: string; as: 'primary' | 'alternate' } | undefined {
  for (const subscriber of world.allUsers()) {
    if (primaryNumberOf(subscriber) === phoneNumber) return { userId: idOf(subscriber), as: 'primary' };
    if (alternateSlots(subscriber).some((s) => s.phoneNumber === phoneNumber))
      return { userId: idOf(subscriber), as: 'alternate' };
  }
  return undefined;
}

/** Whether an extension is used in the group by anyone but `ownerId`'s own alternate numbers. */
export function isExtensionUsedInGroup(
  world: World,
  group: Group,
  extension: string,
  except?: { ownerId: string; primary: boolean; alternate: boolean },
): boolean {
  const members: Subscriber[] = [...world.usersOf(group), ...world.huntGroupsOf(group)];
  return members.some((m) => {
    const own = except?.ownerId === idOf(m);
    if (primaryExtensionOf(m) === extension && !(own && except?.primary)) return true;
    return alternateSlots(m).some((s) => s.extension === extension) && !(own && except?.alternate);
  });
}

/** The numbers of the group that nobody holds, in E.164 order. */
export function freeNumbers(world: World, group: Group): string[] {
  return group.phoneNumbers.filter((n) => holderOfNumber(world, n) === undefined).sort();
}

/** Sets a service's settings (or unassigns it with undefined), keeping `services` absent when none is left. */
export function setService<S extends UserServiceName>(
  subscriber: Subscriber,
  service: S,
  settings: ServiceSettings[S] | undefined,
): void {
  const services: AssignedServices = { ...subscriber.services };
  if (settings === undefined) delete services[service];
  else services[service] = settings;
  if (Object.keys(services).length === 0) delete subscriber.services;
  else subscriber.services = services;
}
