/**
 * GroupDepartmentGetListRequest18: the group's departments and, on request, its enterprise's,
 * ordered by full path name so parents come before their children.
 */
import type { GroupDepartmentGetListRequest18, GroupDepartmentGetListResponse18 } from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { compareText } from '../canonical-json.js';
import type { Handler } from './handler.js';
import { findGroup } from './rules.js';

export const DEPARTMENT_COLUMNS = [
  'Is Enterprise Department',
  'Department Name',
  'Full Path Name',
  'Calling Line Id Name',
  'Calling Line Id Phone Number',
];

export const listGroupDepartments: Handler<GroupDepartmentGetListRequest18> = (world, command) => {
  const group = findGroup(world, command.serviceProviderId, command.groupId);
  if (group instanceof OciErrorResponse) return group;
  const departments = [...world.departments.values()].filter(
    (d) =>
      d.serviceProviderId === group.serviceProviderId &&
      (d.groupId === group.id || (d.groupId === undefined && command.includeEnterpriseDepartments)),
  );
  const rows = departments
    .map((d) => [
      String(d.groupId === undefined),
      d.name,
      world.departmentFullPath(d.key),
      d.callingLineIdName ?? '',
      d.callingLineIdPhoneNumber ?? '',
    ])
    .sort((a, b) => compareText(a[2], b[2]) || compareText(a[0], b[0]));
  const response: GroupDepartmentGetListResponse18 = {
    $type: 'GroupDepartmentGetListResponse18',
    departmentTable: { headings: [...DEPARTMENT_COLUMNS], rows },
  };
  return response;
};
