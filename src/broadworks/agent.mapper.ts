import type { Agent, Department } from '../domain/model.js';

/**
 * One row of agentUserTable (GroupHuntGroupGetInstanceResponse20) as an agent. The department is
 * read from the row's own columns: a group department belongs to the agent's group.
 */
export function agentFromRow(row: Record<string, string>, tenantId: string): Agent {
  const department = agentDepartment(row, tenantId);
  return {
    userId: row['User Id'],
    lastName: row['Last Name'] ?? '',
    firstName: row['First Name'] ?? '',
    weight: Number(row['Weight'] || 0),
    phoneNumber: row['Phone Number'] ?? '',
    extension: row['Extension'] ?? '',
    ...(department ? { department } : {}),
    emailAddress: row['Email Address'] ?? '',
  };
}

function agentDepartment(row: Record<string, string>, tenantId: string): Department | undefined {
  const fullPathName = row['Department'];
  if (!fullPathName) return undefined;
  const isGroupDepartment = row['Department Type'] !== 'Enterprise';
  return {
    tenantId,
    ...(isGroupDepartment && row['Group Id'] ? { groupId: row['Group Id'] } : {}),
    departmentName: row['Department Name'] || lastPathSegment(fullPathName),
    fullPathName,
  };
}

/** BroadWorks writes full path names `parent \ child`. */
export function lastPathSegment(fullPathName: string): string {
  const parts = fullPathName.split(' \\ ');
  return parts[parts.length - 1];
}
