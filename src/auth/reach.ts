/** APIO's administrator levels: every tenant, some tenants, or some groups. */
export const LEVELS = ['system', 'tenant', 'group'] as const;
export type Level = (typeof LEVELS)[number];

export interface GroupRef {
  tenantId: string;
  groupId: string;
}

/** What a user or machine token may touch. */
export interface Reach {
  level: Level;
  /** level tenant: the tenants (service providers or enterprises) of this administrator. */
  tenants: string[];
  /** level group: the groups of this administrator. */
  groups: GroupRef[];
}

/**
 * Whether `reach` covers a route's tenant and group. A tenant admin of T may touch every group of
 * T; a group admin only their own groups; a route with no tenant (the auth administration) is
 * for system admins only. Ids are compared exactly, as BroadWorks keys are.
 */
export function canReach(reach: Reach, tenantId: string | undefined, groupId: string | undefined): boolean {
  switch (reach.level) {
    case 'system':
      return true;
    case 'tenant':
      return tenantId !== undefined && reach.tenants.includes(tenantId);
    case 'group':
      return (
        tenantId !== undefined &&
        groupId !== undefined &&
        reach.groups.some((g) => g.tenantId === tenantId && g.groupId === groupId)
      );
  }
}

/** Checks a reach read from a file or a request; returns the problems (empty when valid). */
export function reachProblems(
  value: { level?: unknown; tenants?: unknown; groups?: unknown },
  where: string,
): string[] {
  const problems: string[] = [];
  if (!LEVELS.includes(value.level as Level)) problems.push(`${where}.level must be one of ${LEVELS.join(', ')}`);
  const tenants = value.tenants ?? [];
  const groups = value.groups ?? [];
  if (!Array.isArray(tenants) || !tenants.every(isId))
    problems.push(`${where}.tenants must be a list of tenant ids (1 to 30 characters)`);
  if (!Array.isArray(groups) || !groups.every((g) => isGroupRef(g))) {
    problems.push(`${where}.groups must be a list of {"tenantId", "groupId"} (1 to 30 characters each)`);
  }
  if (problems.length > 0) return problems;
  if (value.level === 'tenant' && (tenants as unknown[]).length === 0)
    problems.push(`${where}: a tenant admin needs at least one tenant`);
  if (value.level === 'group' && (groups as unknown[]).length === 0)
    problems.push(`${where}: a group admin needs at least one group`);
  if (value.level !== 'tenant' && (tenants as unknown[]).length > 0)
    problems.push(`${where}.tenants is only for level tenant`);
  if (value.level !== 'group' && (groups as unknown[]).length > 0)
    problems.push(`${where}.groups is only for level group`);
  return problems;
}

/** A BroadWorks service provider or group id: 1..30 characters, no white space at either end, no control characters. */
export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 30 &&
    /^\S(.*\S)?$/.test(value) &&
    !/[\u0000-\u001f\u007f]/.test(value)
  );
}

function isGroupRef(value: unknown): value is GroupRef {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Record<string, unknown>;
  return isId(g.tenantId) && isId(g.groupId);
}

/** The reach with only the fields its level uses. */
export function normalizeReach(value: { level: Level; tenants?: string[]; groups?: GroupRef[] }): Reach {
  return {
    level: value.level,
    tenants: value.level === 'tenant' ? [...new Set(value.tenants ?? [])] : [],
    groups: value.level === 'group' ? dedupeGroups(value.groups ?? []) : [],
  };
}

function dedupeGroups(groups: GroupRef[]): GroupRef[] {
  const seen = new Map<string, GroupRef>();
  for (const g of groups)
    seen.set(JSON.stringify([g.tenantId, g.groupId]), { tenantId: g.tenantId, groupId: g.groupId });
  return [...seen.values()];
}
