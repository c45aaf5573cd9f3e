/**
 * Change planning, as pure functions: from the state read and the change asked for, the ordered
 * steps to send to BroadWorks and, for each, the steps that take it back. BroadWorks applies each
 * command on its own, so the BroadWorks adapter runs a plan all or nothing with these undos.
 */
import {
  CLEARABLE_PROFILE_FIELDS,
  CLEARABLE_SETTINGS,
  present,
  type AgentWeight,
  type DepartmentRef,
  type HuntGroup,
  type HuntGroupChange,
  type HuntGroupFields,
  type ProfileFields,
  type UnassignNumbersLevel,
} from './model.js';

/** One thing BroadWorks is asked to do. */
export type Action =
  | { kind: 'add'; serviceUserId: string; fields: HuntGroupFields }
  | { kind: 'modify'; serviceUserId: string; change: HuntGroupChange }
  | { kind: 'activate'; serviceUserId: string; active: boolean }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'set-weights'; serviceUserId: string; weights: AgentWeight[] }
  | { kind: 'delete'; serviceUserId: string; unassignPhoneNumbers?: UnassignNumbersLevel };

/** An action and what takes it back. */
export interface Step {
  action: Action;
  undo: Action[];
  /**
   * The undo cannot fully take it back (BroadWorks cannot clear some fields once set). Such a step
   * is sent alone, after every other step succeeded, so it never has to be undone.
   */
  irreversible?: boolean;
}

export type ChangePlan = Step[];

/** A create: the add (undone by a delete) and, for an inactive hunt group, its deactivation. */
export function planCreate(serviceUserId: string, fields: HuntGroupFields): ChangePlan {
  const plan: ChangePlan = [
    { action: { kind: 'add', serviceUserId, fields }, undo: [{ kind: 'delete', serviceUserId }] },
  ];
  if (fields.active === false) plan.push({ action: { kind: 'activate', serviceUserId, active: false }, undo: [] });
  return plan;
}

/**
 * An update of `before`, renamed to `newId` when given. Order: the modify (when it can be undone),
 * the activation, the rename (after every command that names the hunt group by its old id), and a
 * modify that cannot be fully undone last, alone, under the new id. Empty when nothing changes.
 */
export function planUpdate(before: HuntGroup, change: HuntGroupChange, newId?: string): ChangePlan {
  const id = before.serviceUserId;
  const plan: ChangePlan = [];
  const modify = modifyPart(change);
  const restore = modify ? restoreOf(before, modify) : undefined;
  if (modify && restore?.complete)
    plan.push({ action: { kind: 'modify', serviceUserId: id, change: modify }, undo: restore.undo });
  if (change.active !== undefined && change.active !== before.active) {
    plan.push({
      action: { kind: 'activate', serviceUserId: id, active: change.active },
      undo: [{ kind: 'activate', serviceUserId: id, active: before.active }],
    });
  }
  if (newId !== undefined && newId !== id) {
    plan.push({ action: { kind: 'rename', from: id, to: newId }, undo: [{ kind: 'rename', from: newId, to: id }] });
  }
  if (modify && !restore?.complete) {
    plan.push({ action: { kind: 'modify', serviceUserId: newId ?? id, change: modify }, undo: [], irreversible: true });
  }
  return plan;
}

/** New weights for the agents of `before`; undone by the weights read before. */
export function planWeights(before: HuntGroup, weights: AgentWeight[]): ChangePlan {
  const id = before.serviceUserId;
  return [{ action: { kind: 'set-weights', serviceUserId: id, weights }, undo: [weightsOf(before)] }];
}

const weightsOf = (huntGroup: HuntGroup): Action => ({
  kind: 'set-weights',
  serviceUserId: huntGroup.serviceUserId,
  weights: huntGroup.agents.map((a) => ({ userId: a.userId, weight: a.weight })),
});

/**
 * The part of a change that a modify carries (all but activation and the read-only time zone
 * display name), or undefined when it carries nothing.
 */
export function modifyPart(change: HuntGroupChange): HuntGroupChange | undefined {
  const { active: _active, serviceInstanceProfile, ...settings } = change;
  const { timeZoneDisplayName: _readOnly, ...profile } = serviceInstanceProfile ?? {};
  const profilePart = hasValues(profile) ? profile : undefined;
  const part: HuntGroupChange = {
    ...definedOnly(settings),
    ...(profilePart ? { serviceInstanceProfile: profilePart } : {}),
  };
  return hasValues(part) ? part : undefined;
}

/**
 * The change that puts back what `applied` changed, from the state read before, and whether it
 * puts back everything: a field that was absent can only be emptied again where BroadWorks can
 * clear it. A password cannot be read back, so it is not put back. Agents come back with their
 * weights (BroadWorks gives agents new to a list weight 0).
 */
export function restoreOf(before: HuntGroup, applied: HuntGroupChange): { undo: Action[]; complete: boolean } {
  let complete = true;
  const restore: Record<string, unknown> = {};
  const put = (target: Record<string, unknown>, key: string, old: string | undefined, clearable: boolean): void => {
    if (old !== undefined) target[key] = old;
    else if (clearable) target[key] = null;
    else complete = false;
  };
  const settings = before as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(applied)) {
    if (value === undefined || key === 'serviceInstanceProfile' || key === 'agents') continue;
    const old = settings[key];
    if (typeof old === 'string' || old === undefined)
      put(restore, key, present(old), CLEARABLE_SETTINGS.has(key as keyof HuntGroupFields));
    else restore[key] = old;
  }
  if (applied.serviceInstanceProfile) {
    const profile: Record<string, unknown> = {};
    const old = before.serviceInstanceProfile;
    for (const [key, value] of Object.entries(applied.serviceInstanceProfile)) {
      if (value === undefined || key === 'password') continue;
      const clearable = CLEARABLE_PROFILE_FIELDS.has(key as keyof ProfileFields);
      if (key === 'aliases') profile.aliases = old.aliases.length > 0 ? old.aliases : null;
      else if (key === 'department') profile.department = old.department ? departmentRefOf(old.department) : null;
      else put(profile, key, present((old as unknown as Record<string, string>)[key]), clearable);
    }
    if (Object.keys(profile).length > 0) restore.serviceInstanceProfile = profile;
  }
  if (applied.agents !== undefined) restore.agents = before.agents.map((a) => a.userId);
  const undo: Action[] = [];
  if (Object.keys(restore).length > 0)
    undo.push({ kind: 'modify', serviceUserId: before.serviceUserId, change: restore });
  if (applied.agents !== undefined) undo.push(weightsOf(before));
  return { undo, complete };
}

const departmentRefOf = (d: DepartmentRef): DepartmentRef => ({
  tenantId: d.tenantId,
  ...(d.groupId !== undefined ? { groupId: d.groupId } : {}),
  departmentName: d.departmentName,
});

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const hasValues = (object: object): boolean => Object.values(object).some((v) => v !== undefined);

/**
 * The weights of `before`'s agents once the list is `agentIds`: agents that stay keep their weight,
 * new ones get 0 (BroadWorks' rule), and the weight of the agents that leave is shared among those
 * that stay in proportion to their weights (evenly when they all weigh 0; the remainder of the
 * division goes to the largest fractions, then to the first in hunting order). So weights that
 * added up to 100 still do, as BroadWorks requires of a Weighted hunt group.
 */
export function weightsAfter(before: readonly AgentWeight[], agentIds: readonly string[]): AgentWeight[] {
  const staying = new Set(agentIds);
  const weightOf = new Map(before.map((a) => [a.userId, a.weight]));
  const kept = agentIds.filter((id) => weightOf.has(id));
  const freed = before.filter((a) => !staying.has(a.userId)).reduce((sum, a) => sum + a.weight, 0);
  const keptTotal = kept.reduce((sum, id) => sum + weightOf.get(id)!, 0);
  const shares = new Map<string, { whole: number; fraction: number }>();
  for (const id of kept) {
    const exact = keptTotal > 0 ? (freed * weightOf.get(id)!) / keptTotal : freed / kept.length;
    shares.set(id, { whole: Math.floor(exact), fraction: exact - Math.floor(exact) });
  }
  let left = freed - [...shares.values()].reduce((sum, s) => sum + s.whole, 0);
  const byFraction = [...kept].sort((a, b) => shares.get(b)!.fraction - shares.get(a)!.fraction);
  for (const id of byFraction) {
    if (left <= 0) break;
    shares.get(id)!.whole += 1;
    left -= 1;
  }
  return agentIds.map((userId) => ({ userId, weight: (weightOf.get(userId) ?? 0) + (shares.get(userId)?.whole ?? 0) }));
}

/**
 * A new agent list for `before` (one agent in or out), the others' order and weights kept: the
 * modify that replaces the list (undone by the list and weights read before) and, when agents who
 * leave had weight, first the weights that share it out (weightsAfter). The weights go first: they
 * name only agents that stay, so they hold whichever of the two BroadWorks applies first, and
 * their undo (the weights read before, naming the leaving agents too) runs after the modify's
 * undo has put those agents back.
 */
export function planAgentList(before: HuntGroup, agentIds: readonly string[]): ChangePlan {
  const modify = planUpdate(before, { agents: [...agentIds] });
  const weights = weightsAfter(before.agents, agentIds);
  const kept = new Map(before.agents.map((a) => [a.userId, a.weight]));
  if (!weights.some((w) => kept.has(w.userId) && kept.get(w.userId) !== w.weight)) return modify;
  const id = before.serviceUserId;
  const staying = weights.filter((w) => kept.has(w.userId));
  return [
    { action: { kind: 'set-weights', serviceUserId: id, weights: staying }, undo: [weightsOf(before)] },
    ...modify,
  ];
}
