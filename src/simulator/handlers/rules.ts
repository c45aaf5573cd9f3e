/**
 * BroadWorks rules shared by several commands. Each check answers the ErrorResponse to return, or
 * undefined when the rule holds, so handlers chain them with `??` and stop at the first failure.
 */
import type { DepartmentKey } from '../../ocip/commands.js';
import type { OciErrorResponse } from '../../ocip/oci-errors.js';
import { ociError } from '../errors.js';
import { isKnownTimeZone } from '../time-zones.js';
import { holderOfNumber, isExtensionUsedInGroup } from '../user-services.js';
import { departmentKey, type Group, type User, type World } from '../world.js';

export type Check = OciErrorResponse | undefined;

/** The group, or 4152 when it (or its service provider) does not exist: the pair names the group. */
export function findGroup(world: World, serviceProviderId: string, groupId: string): Group | OciErrorResponse {
  return world.group(serviceProviderId, groupId) ?? ociError('groupNotFound', groupId);
}

export const domainOf = (userId: string): string | undefined => {
  const at = userId.lastIndexOf('@');
  return at > 0 && at < userId.length - 1 ? userId.slice(at + 1) : undefined;
};

/** A new (or renamed) user id: carries a domain of the group and is taken by no real or virtual user. */
export function checkNewUserId(world: World, group: Group, userId: string): Check {
  const domain = domainOf(userId);
  if (domain === undefined) return ociError('domainRequired', userId);
  if (!world.domainsOf(group).has(domain)) return ociError('domainNotAssigned', domain);
  if (world.isUserIdTaken(userId)) return ociError('userAlreadyExists', userId);
  return undefined;
}

/**
 * A phone number must be assigned to the group and be free: held by nobody as a primary or an
 * alternate number (the owner may keep its own primary number).
 */
export function checkPhoneNumber(world: World, group: Group, phoneNumber: string, ownerId?: string): Check {
  if (!group.phoneNumbers.includes(phoneNumber)) return ociError('phoneNumberNotAssigned', phoneNumber);
  const holder = holderOfNumber(world, phoneNumber);
  const ownPrimary = holder?.as === 'primary' && holder.userId === ownerId;
  return holder && !ownPrimary ? ociError('phoneNumberInUse', phoneNumber) : undefined;
}

/** Extensions are digits and unique within the group, across users, virtual users and alternate numbers. */
export function checkExtension(world: World, group: Group, extension: string, ownerId?: string): Check {
  if (!/^[0-9]+$/.test(extension)) return ociError('invalidExtension', extension);
  const except = ownerId === undefined ? undefined : { ownerId, primary: true, alternate: false };
  return isExtensionUsedInGroup(world, group, extension, except) ? ociError('extensionInUse', extension) : undefined;
}

/**
 * The internal key of a department a virtual user of the group may belong to: a group department
 * of this very group, or an enterprise department of its enterprise (never in a plain service provider).
 */
export function resolveDepartment(world: World, group: Group, key: DepartmentKey): string | OciErrorResponse {
  const inThisGroup =
    key.$type === 'GroupDepartmentKey' && key.serviceProviderId === group.serviceProviderId && key.groupId === group.id;
  const inThisEnterprise =
    key.$type === 'EnterpriseDepartmentKey' &&
    key.serviceProviderId === group.serviceProviderId &&
    world.serviceProviders.get(group.serviceProviderId)?.isEnterprise === true;
  const internal = departmentKey(
    key.serviceProviderId,
    key.$type === 'GroupDepartmentKey' ? key.groupId : undefined,
    key.name,
  );
  if ((inThisGroup || inThisEnterprise) && world.departments.has(internal)) return internal;
  return ociError('departmentNotFound', key.name);
}

/** Users a hunt group of the group may take as agents: its own users, or every group's in an enterprise. */
export function isAvailableAgent(world: World, group: Group, user: User): boolean {
  if (user.serviceProviderId !== group.serviceProviderId) return false;
  return user.groupId === group.id || world.serviceProviders.get(group.serviceProviderId)?.isEnterprise === true;
}

/** Every agent exists, is an available real user (never a virtual one), and is listed once. */
export function checkAgents(world: World, group: Group, agentIds: readonly string[]): Check {
  const seen = new Set<string>();
  for (const id of agentIds) {
    if (seen.has(id)) return ociError('duplicateAgent', id);
    seen.add(id);
    const user = world.users.get(id);
    if (!user) return world.huntGroups.has(id) ? ociError('agentNotAvailable', id) : ociError('userNotFound', id);
    if (!isAvailableAgent(world, group, user)) return ociError('agentNotAvailable', id);
  }
  return undefined;
}

/** SIP aliases are `user@domain` with a domain of the group, and used by no other virtual user. */
export function checkAliases(world: World, group: Group, aliases: readonly string[], ownerId?: string): Check {
  const seen = new Set<string>();
  for (const alias of aliases) {
    const domain = domainOf(alias);
    if (domain === undefined || alias.indexOf('@') !== alias.lastIndexOf('@') || /\s|^sips?:/i.test(alias))
      return ociError('invalidAlias', alias);
    if (!world.domainsOf(group).has(domain)) return ociError('domainNotAssigned', domain);
    const taken =
      seen.has(alias) ||
      world.isUserIdTaken(alias) ||
      [...world.huntGroups.values()].some((h) => h.serviceUserId !== ownerId && h.profile.aliases.includes(alias));
    if (taken) return ociError('aliasInUse', alias);
    seen.add(alias);
  }
  return undefined;
}

export function checkLanguage(world: World, language: string | undefined): Check {
  return language === undefined || world.languages.includes(language)
    ? undefined
    : ociError('languageNotFound', language);
}

export function checkTimeZone(timeZone: string | undefined): Check {
  return timeZone === undefined || isKnownTimeZone(timeZone) ? undefined : ociError('timeZoneNotFound', timeZone);
}
