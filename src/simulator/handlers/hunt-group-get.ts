/** GroupHuntGroupGetInstanceRequest20: a hunt group's profile, settings and agents (with weights). */
import type {
  GroupHuntGroupGetInstanceRequest20,
  GroupHuntGroupGetInstanceResponse20,
  ServiceInstanceReadProfile19sp1,
} from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import { timeZoneDisplayName } from '../time-zones.js';
import type { HuntGroup, World } from '../world.js';
import type { Handler } from './handler.js';
import { AGENT_COLUMNS, agentRow, departmentKeyOf } from './views.js';

export const getHuntGroup: Handler<GroupHuntGroupGetInstanceRequest20> = (world, command) => {
  // A real user is not a hunt group: BroadWorks answers "User not found" for it as well.
  const huntGroup = world.huntGroups.get(command.serviceUserId);
  if (!huntGroup) return ociError('userNotFound', command.serviceUserId);
  const response: GroupHuntGroupGetInstanceResponse20 = {
    $type: 'GroupHuntGroupGetInstanceResponse20',
    ...huntGroup.settings,
    serviceInstanceProfile: readProfile(world, huntGroup),
    agentUserTable: {
      headings: [...AGENT_COLUMNS],
      // Agents are users by construction (renames and deletions keep the lists in step); skip any stray id anyway.
      rows: huntGroup.agents.flatMap(({ userId, weight }) => {
        const user = world.users.get(userId);
        return user ? [agentRow(world, user, weight)] : [];
      }),
    },
  };
  return response;
};

function readProfile(world: World, huntGroup: HuntGroup): ServiceInstanceReadProfile19sp1 {
  const p = huntGroup.profile;
  const group = world.group(huntGroup.serviceProviderId, huntGroup.groupId);
  // Country code and national prefix describe the phone number, so they come only with one.
  const countryCode = p.phoneNumber !== undefined ? group?.countryCode : undefined;
  const read: ServiceInstanceReadProfile19sp1 = {
    name: p.name,
    callingLineIdLastName: p.callingLineIdLastName,
    callingLineIdFirstName: p.callingLineIdFirstName,
    hiraganaLastName: p.hiraganaLastName,
    hiraganaFirstName: p.hiraganaFirstName,
    phoneNumber: p.phoneNumber,
    extension: p.extension,
    countryCode,
    nationalPrefix: countryCode === undefined ? undefined : world.nationalPrefixes.get(countryCode),
    department: departmentKeyOf(world, p.departmentKey),
    language: p.language,
    timeZone: p.timeZone,
    timeZoneDisplayName: p.timeZone === undefined ? undefined : timeZoneDisplayName(p.timeZone),
    alias: p.aliases.length > 0 ? [...p.aliases] : undefined,
    publicUserIdentity: p.publicUserIdentity,
    callingLineIdPhoneNumber: p.callingLineIdPhoneNumber,
  };
  return withoutUndefined(read);
}

/** Optional elements without a value are left out of OCI-P answers, not sent empty. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
