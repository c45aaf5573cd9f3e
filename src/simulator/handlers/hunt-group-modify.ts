/** GroupHuntGroupModifyInstanceRequest: a partial update; `null` clears what the schema lets clear. */
import type { GroupHuntGroupModifyInstanceRequest, ServiceInstanceModifyProfile } from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { ociError } from '../errors.js';
import type { Group, HuntGroup, HuntGroupProfile, World } from '../world.js';
import { SUCCESS, type Handler } from './handler.js';
import { modifySettings } from './hunt-group-settings.js';
import {
  checkAgents,
  checkAliases,
  checkExtension,
  checkLanguage,
  checkPhoneNumber,
  checkTimeZone,
  resolveDepartment,
  type Check,
} from './rules.js';

export const modifyHuntGroup: Handler<GroupHuntGroupModifyInstanceRequest> = (world, command) => {
  const current = world.huntGroups.get(command.serviceUserId);
  if (!current) return ociError('userNotFound', command.serviceUserId);
  const group = world.group(current.serviceProviderId, current.groupId);
  if (!group) return ociError('groupNotFound', current.groupId);

  const profile = command.serviceInstanceProfile
    ? modifyProfile(world, group, current, command.serviceInstanceProfile)
    : current.profile;
  if (profile instanceof OciErrorResponse) return profile;

  let agents = current.agents;
  if (command.agentUserIdList !== undefined) {
    const ids = command.agentUserIdList?.userId ?? [];
    const problem = checkAgents(world, group, ids);
    if (problem) return problem;
    // Agents that stay keep their weight; new ones start at 0, as BroadWorks does.
    const weights = new Map(current.agents.map((a) => [a.userId, a.weight]));
    agents = ids.map((userId) => ({ userId, weight: weights.get(userId) ?? 0 }));
  }

  const next: HuntGroup = { ...current, profile, agents, settings: modifySettings(current.settings, command) };
  world.huntGroups.set(current.serviceUserId, next);
  return SUCCESS;
};

/** The profile after the changes, or the first rule they break (nothing is changed yet). */
function modifyProfile(
  world: World,
  group: Group,
  huntGroup: HuntGroup,
  changes: ServiceInstanceModifyProfile,
): HuntGroupProfile | OciErrorResponse {
  const owner = huntGroup.serviceUserId;
  const next: HuntGroupProfile = { ...huntGroup.profile, aliases: [...huntGroup.profile.aliases] };
  const simple = [
    'name',
    'callingLineIdLastName',
    'callingLineIdFirstName',
    'hiraganaLastName',
    'hiraganaFirstName',
    'password',
    'language',
    'timeZone',
  ] as const;
  for (const name of simple) if (changes[name] !== undefined) next[name] = changes[name];
  const clearable = ['phoneNumber', 'extension', 'publicUserIdentity', 'callingLineIdPhoneNumber'] as const;
  for (const name of clearable) {
    const change = changes[name];
    if (change === null) delete next[name];
    else if (change !== undefined) next[name] = change;
  }
  if (changes.department === null) delete next.departmentKey;
  else if (changes.department !== undefined) {
    const key = resolveDepartment(world, group, changes.department);
    if (key instanceof OciErrorResponse) return key;
    next.departmentKey = key;
  }
  if (changes.sipAliasList !== undefined)
    next.aliases = changes.sipAliasList === null ? [] : [...changes.sipAliasList.sipAlias];

  const problem: Check =
    (typeof changes.phoneNumber === 'string'
      ? checkPhoneNumber(world, group, changes.phoneNumber, owner)
      : undefined) ??
    (typeof changes.extension === 'string' ? checkExtension(world, group, changes.extension, owner) : undefined) ??
    checkLanguage(world, changes.language) ??
    checkTimeZone(changes.timeZone) ??
    (changes.sipAliasList ? checkAliases(world, group, changes.sipAliasList.sipAlias, owner) : undefined);
  return problem ?? next;
}
