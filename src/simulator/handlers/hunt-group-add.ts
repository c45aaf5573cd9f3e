/** GroupHuntGroupAddInstanceRequest20: creates a hunt group, a virtual user of the group. */
import type { GroupHuntGroupAddInstanceRequest20 } from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import type { HuntGroupProfile } from '../world.js';
import { SUCCESS, type Handler } from './handler.js';
import { pickSettings } from './hunt-group-settings.js';
import {
  checkAgents,
  checkAliases,
  checkExtension,
  checkLanguage,
  checkNewUserId,
  checkPhoneNumber,
  checkTimeZone,
  findGroup,
  resolveDepartment,
} from './rules.js';

export const addHuntGroup: Handler<GroupHuntGroupAddInstanceRequest20> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const profile = command.serviceInstanceProfile;
  const agentIds = command.agentUserId ?? [];

  const departmentKey =
    profile.department === undefined ? undefined : resolveDepartment(world, group, profile.department);

  const problem =
    checkNewUserId(world, group, command.serviceUserId) ??
    (profile.phoneNumber === undefined ? undefined : checkPhoneNumber(world, group, profile.phoneNumber)) ??
    (profile.extension === undefined ? undefined : checkExtension(world, group, profile.extension)) ??
    (departmentKey instanceof OciErrorResponse ? departmentKey : undefined) ??
    checkLanguage(world, profile.language) ??
    checkTimeZone(profile.timeZone) ??
    checkAliases(world, group, profile.alias ?? []) ??
    checkAgents(world, group, agentIds);
  if (problem) return problem;

  const stored: HuntGroupProfile = {
    name: profile.name,
    callingLineIdLastName: profile.callingLineIdLastName,
    callingLineIdFirstName: profile.callingLineIdFirstName,
    hiraganaLastName: profile.hiraganaLastName,
    hiraganaFirstName: profile.hiraganaFirstName,
    phoneNumber: profile.phoneNumber,
    extension: profile.extension,
    password: profile.password,
    departmentKey: departmentKey as string | undefined,
    language: profile.language,
    timeZone: profile.timeZone,
    aliases: profile.alias ?? [],
    publicUserIdentity: profile.publicUserIdentity,
    callingLineIdPhoneNumber: profile.callingLineIdPhoneNumber,
  };
  world.huntGroups.set(command.serviceUserId, {
    serviceUserId: command.serviceUserId,
    serviceProviderId: group.serviceProviderId,
    groupId: group.id,
    profile: stored,
    settings: pickSettings(command),
    agents: agentIds.map((userId) => ({ userId, weight: 0 })),
    isActive: true,
  });
  return SUCCESS;
};
