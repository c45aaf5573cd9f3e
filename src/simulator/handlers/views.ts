/** How the world's records read back in OCI-P answers (department keys, table rows). */
import type { DepartmentKey } from '../../ocip/commands.js';
import type { User, World } from '../world.js';

export function departmentKeyOf(world: World, key: string | undefined): DepartmentKey | undefined {
  const department = key === undefined ? undefined : world.departments.get(key);
  if (!department) return undefined;
  return department.groupId === undefined
    ? { $type: 'EnterpriseDepartmentKey', serviceProviderId: department.serviceProviderId, name: department.name }
    : {
        $type: 'GroupDepartmentKey',
        serviceProviderId: department.serviceProviderId,
        groupId: department.groupId,
        name: department.name,
      };
}

/** "Department" columns carry the full path (`parent \ child`), or "" for no department. */
export function departmentPath(world: World, key: string | undefined): string {
  return key === undefined ? '' : world.departmentFullPath(key);
}

const departmentType = (world: World, key: string | undefined): string => {
  const department = key === undefined ? undefined : world.departments.get(key);
  if (!department) return '';
  return department.groupId === undefined ? 'Enterprise' : 'Group';
};

export const AVAILABLE_USER_COLUMNS = [
  'User Id',
  'Last Name',
  'First Name',
  'Hiragana Last Name',
  'Hiragana First Name',
  'Phone Number',
  'Extension',
  'Department',
  'Email Address',
];

export function availableUserRow(world: World, user: User): string[] {
  return [
    user.userId,
    user.lastName,
    user.firstName,
    user.hiraganaLastName ?? '',
    user.hiraganaFirstName ?? '',
    user.phoneNumber ?? '',
    user.extension ?? '',
    departmentPath(world, user.departmentKey),
    user.email ?? '',
  ];
}

export const AGENT_COLUMNS = [
  'User Id',
  'Last Name',
  'First Name',
  'Hiragana Last Name',
  'Hiragana First Name',
  'Weight',
  'Phone Number',
  'Extension',
  'Department',
  'Email Address',
  'Is Phone Number Activated',
  'Country Code',
  'National Prefix',
  'Department Name',
  'Department Type',
  'Parent Department',
  'Parent Department Type',
  'Group Id',
  'Group Name',
];

export function agentRow(world: World, user: User, weight: number): string[] {
  const department = user.departmentKey === undefined ? undefined : world.departments.get(user.departmentKey);
  return [
    user.userId,
    user.lastName,
    user.firstName,
    user.hiraganaLastName ?? '',
    user.hiraganaFirstName ?? '',
    String(weight),
    user.phoneNumber ?? '',
    user.extension ?? '',
    departmentPath(world, user.departmentKey),
    user.email ?? '',
    String(user.phoneNumber !== undefined && user.phoneNumberActivated),
    user.countryCode,
    world.nationalPrefixes.get(user.countryCode) ?? '',
    department?.name ?? '',
    departmentType(world, user.departmentKey),
    departmentPath(world, department?.parentKey),
    departmentType(world, department?.parentKey),
    user.groupId,
    world.groupName(user.serviceProviderId, user.groupId),
  ];
}
