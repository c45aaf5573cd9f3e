import type { Department, DepartmentRef } from '../domain/model.js';
import {
  type DepartmentKey,
  type GroupDepartmentGetListRequest18,
  type OciTable,
  tableRecords,
} from '../ocip/commands.js';

/** A department of a request: with `groupId` a GroupDepartmentKey, else an EnterpriseDepartmentKey. */
export function departmentKeyOf(department: DepartmentRef): DepartmentKey {
  return department.groupId !== undefined
    ? {
        $type: 'GroupDepartmentKey',
        serviceProviderId: department.tenantId,
        groupId: department.groupId,
        name: department.departmentName,
      }
    : { $type: 'EnterpriseDepartmentKey', serviceProviderId: department.tenantId, name: department.departmentName };
}

export function departmentOf(key: DepartmentKey, fullPathName?: string): Department {
  return {
    tenantId: key.serviceProviderId,
    ...(key.$type === 'GroupDepartmentKey' ? { groupId: key.groupId } : {}),
    departmentName: key.name,
    ...(fullPathName ? { fullPathName } : {}),
  };
}

/**
 * The departments a group can see (its own and, in an enterprise, the enterprise's), by full path
 * name: OCI-P lists and tables name a department by its full path only.
 */
export class DepartmentDirectory {
  private readonly byPath = new Map<string, Department>();

  constructor(tenantId: string, groupId: string, departmentTable: OciTable) {
    for (const row of tableRecords(departmentTable)) {
      const isEnterprise = row['Is Enterprise Department'] === 'true';
      this.byPath.set(row['Full Path Name'], {
        tenantId,
        ...(isEnterprise ? {} : { groupId }),
        departmentName: row['Department Name'],
        fullPathName: row['Full Path Name'],
      });
    }
  }

  /** The department with this full path name, or undefined when the path is empty or unknown. */
  find(fullPathName: string): Department | undefined {
    return fullPathName ? this.byPath.get(fullPathName) : undefined;
  }
}

/** The group's departments and the enterprise's, for a DepartmentDirectory. */
export const departmentListRequest = (tenantId: string, groupId: string): GroupDepartmentGetListRequest18 => ({
  $type: 'GroupDepartmentGetListRequest18',
  serviceProviderId: tenantId,
  groupId,
  includeEnterpriseDepartments: true,
});
