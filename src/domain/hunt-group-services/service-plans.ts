/**
 * Plans of the hunt group services' writes, as pure functions: the steps to send and what takes
 * each back. Assigning a service is undone by unassigning it (which drops whatever was set after),
 * so a modify that follows an assign needs no undo of its own; a modify of an assigned service is
 * undone by a modify back to the state read before.
 */
import {
  MAX_ALTERNATE_NUMBERS,
  type AlternateNumber,
  type CallForwarding,
  type CallForwardingChange,
  type Forwarding,
  type HuntGroupService,
} from '../hunt-group-service-settings.js';

/** Alternate numbers as BroadWorks keeps them: ten slots (null where free), so an undo puts each back in its own. */
export interface AlternateNumberSlots {
  distinctiveRing: boolean;
  slots: (AlternateNumber | null)[];
}

export type ServiceAction =
  | { kind: 'assign-service'; serviceUserId: string; service: HuntGroupService }
  | { kind: 'unassign-service'; serviceUserId: string; service: HuntGroupService }
  | { kind: 'modify-forwarding'; serviceUserId: string; forwarding: Forwarding; change: CallForwardingChange }
  | {
      kind: 'modify-alternate-numbers';
      serviceUserId: string;
      distinctiveRing?: boolean;
      /** Slot index (0-based) → its new entry, null to free it; only the slots that change. */
      slots: Record<number, AlternateNumber | null>;
    };

export interface ServiceStep {
  action: ServiceAction;
  undo: ServiceAction[];
}

export type ServicePlan = ServiceStep[];

const assignStep = (serviceUserId: string, service: HuntGroupService): ServiceStep => ({
  action: { kind: 'assign-service', serviceUserId, service },
  undo: [{ kind: 'unassign-service', serviceUserId, service }],
});

/** The fields of `change` that differ from `current` (a cleared number is `""` in `current`). */
export function forwardingDelta(current: CallForwarding, change: CallForwardingChange): CallForwardingChange {
  const delta: CallForwardingChange = {};
  if (change.isActive !== undefined && change.isActive !== current.isActive) delta.isActive = change.isActive;
  if (change.forwardToPhoneNumber !== undefined && (change.forwardToPhoneNumber ?? '') !== current.forwardToPhoneNumber)
    delta.forwardToPhoneNumber = change.forwardToPhoneNumber || null;
  if (
    change.isRingSplashActive !== undefined &&
    current.isRingSplashActive !== undefined &&
    change.isRingSplashActive !== current.isRingSplashActive
  )
    delta.isRingSplashActive = change.isRingSplashActive;
  if (
    change.numberOfRings !== undefined &&
    current.numberOfRings !== undefined &&
    change.numberOfRings !== current.numberOfRings
  )
    delta.numberOfRings = change.numberOfRings;
  return delta;
}

/** The forwarding after a change (fields the forwarding does not have are left out). */
export function applyForwardingChange(current: CallForwarding, change: CallForwardingChange): CallForwarding {
  const delta = forwardingDelta(current, change);
  return {
    ...current,
    ...(delta.isActive !== undefined ? { isActive: delta.isActive } : {}),
    ...(delta.forwardToPhoneNumber !== undefined ? { forwardToPhoneNumber: delta.forwardToPhoneNumber ?? '' } : {}),
    ...(delta.isRingSplashActive !== undefined ? { isRingSplashActive: delta.isRingSplashActive } : {}),
    ...(delta.numberOfRings !== undefined ? { numberOfRings: delta.numberOfRings } : {}),
  };
}

/**
 * A forwarding change. `before` undefined: the service is not assigned, and the plan assigns it
 * first (its settings start from `defaults`). Empty when nothing changes.
 */
export function planForwarding(
  serviceUserId: string,
  forwarding: Forwarding,
  before: CallForwarding | undefined,
  defaults: CallForwarding,
  change: CallForwardingChange,
): ServicePlan {
  const current = before ?? defaults;
  const delta = forwardingDelta(current, change);
  const plan: ServicePlan = before ? [] : [assignStep(serviceUserId, forwarding)];
  if (Object.keys(delta).length === 0) return plan;
  const restore: CallForwardingChange = {};
  if (delta.isActive !== undefined) restore.isActive = current.isActive;
  if (delta.forwardToPhoneNumber !== undefined) restore.forwardToPhoneNumber = current.forwardToPhoneNumber || null;
  if (delta.isRingSplashActive !== undefined) restore.isRingSplashActive = current.isRingSplashActive;
  if (delta.numberOfRings !== undefined) restore.numberOfRings = current.numberOfRings;
  plan.push({
    action: { kind: 'modify-forwarding', serviceUserId, forwarding, change: delta },
    // After an assign, the unassign takes everything back.
    undo: before ? [{ kind: 'modify-forwarding', serviceUserId, forwarding, change: restore }] : [],
  });
  return plan;
}

/** No alternate number in any slot. */
export const EMPTY_SLOTS = (): AlternateNumberSlots => ({
  distinctiveRing: false,
  slots: Array.from({ length: MAX_ALTERNATE_NUMBERS }, () => null),
});

/**
 * Alternate numbers from `before` (undefined: not assigned, assigned first) to `after`: one modify
 * of the slots that change, undone by the same slots as they were. Empty when nothing changes.
 */
export function planAlternateNumbers(
  serviceUserId: string,
  before: AlternateNumberSlots | undefined,
  after: AlternateNumberSlots,
): ServicePlan {
  const current = before ?? EMPTY_SLOTS();
  const plan: ServicePlan = before ? [] : [assignStep(serviceUserId, 'alternate_numbers')];
  const changed = after.slots
    .map((slot, i) => i)
    .filter((i) => JSON.stringify(after.slots[i] ?? null) !== JSON.stringify(current.slots[i] ?? null));
  const ringChanged = after.distinctiveRing !== current.distinctiveRing;
  if (changed.length === 0 && !ringChanged) return plan;
  const slotsOf = (state: AlternateNumberSlots) =>
    Object.fromEntries(changed.map((i) => [i, state.slots[i] ?? null])) as Record<number, AlternateNumber | null>;
  const ring = (state: AlternateNumberSlots) => (ringChanged ? { distinctiveRing: state.distinctiveRing } : {});
  plan.push({
    action: { kind: 'modify-alternate-numbers', serviceUserId, ...ring(after), slots: slotsOf(after) },
    undo: before
      ? [{ kind: 'modify-alternate-numbers', serviceUserId, ...ring(current), slots: slotsOf(current) }]
      : [],
  });
  return plan;
}
