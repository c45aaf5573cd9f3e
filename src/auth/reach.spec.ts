import { describe, expect, it } from '@jest/globals';
import { canReach, normalizeReach, reachProblems } from './reach.js';

describe('reach', () => {
  const system = normalizeReach({ level: 'system' });
  const tenant = normalizeReach({ level: 'tenant', tenants: ['T1', 'T2'] });
  const group = normalizeReach({ level: 'group', groups: [{ tenantId: 'T1', groupId: 'G1' }] });

  it.each([
    ['system', system, 'T9', 'G9', true],
    ['system', system, undefined, undefined, true],
    ['tenant', tenant, 'T1', 'G1', true],
    ['tenant', tenant, 'T2', 'G7', true],
    ['tenant', tenant, 'T3', 'G1', false],
    ['tenant', tenant, 't1', 'G1', false],
    ['tenant', tenant, undefined, undefined, false],
    ['group', group, 'T1', 'G1', true],
    ['group', group, 'T1', 'G2', false],
    ['group', group, 'T2', 'G1', false],
    ['group', group, 'T1', undefined, false],
    ['group', group, undefined, undefined, false],
  ])('%s admin on %s/%s: %s', (_level, reach, tenantId, groupId, allowed) => {
    expect(canReach(reach, tenantId, groupId)).toBe(allowed);
  });

  it('does not let a group of one tenant stand for the same group id elsewhere', () => {
    const g = normalizeReach({ level: 'group', groups: [{ tenantId: 'A', groupId: 'G' }] });
    expect(canReach(g, 'B', 'G')).toBe(false);
  });

  it.each([
    [{ level: 'root' }, /level must be one of/],
    [{ level: 'tenant' }, /needs at least one tenant/],
    [{ level: 'group', groups: [] }, /needs at least one group/],
    [{ level: 'tenant', tenants: [' T'] }, /tenants must be a list/],
    [{ level: 'tenant', tenants: ['T\u0000'] }, /tenants must be a list/],
    [{ level: 'group', groups: [{ tenantId: 'T' }] }, /groups must be a list/],
    [{ level: 'system', tenants: ['T'] }, /tenants is only for level tenant/],
    [{ level: 'tenant', tenants: ['T'], groups: [{ tenantId: 'T', groupId: 'G' }] }, /groups is only for level group/],
  ])('refuses %j', (value, message) => {
    expect(reachProblems(value, 'x').join('\n')).toMatch(message);
  });

  it('accepts well-formed reaches and drops duplicates', () => {
    expect(reachProblems({ level: 'group', groups: [{ tenantId: 'T', groupId: 'G' }] }, 'x')).toEqual([]);
    expect(normalizeReach({ level: 'tenant', tenants: ['T', 'T'] }).tenants).toEqual(['T']);
  });
});
