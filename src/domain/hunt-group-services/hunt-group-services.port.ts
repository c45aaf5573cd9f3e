import type { CallForwarding, Forwarding } from '../hunt-group-service-settings.js';
import type { Scope } from '../model.js';
import type { CommandView } from '../writes.js';
import type { AlternateNumberSlots, ServicePlan } from './service-plans.js';

export type { AlternateNumberSlots };

/** A service as read: not assigned, or assigned with its settings. */
export type ServiceState<T> = { assigned: false } | { assigned: true; settings: T };

/** The group's numbers: every one assigned to it, and those nobody holds. */
export interface GroupNumbers {
  assigned: string[];
  available: string[];
}

/**
 * What the hunt group services use cases ask of BroadWorks. Every read proves the hunt group is one
 * of the scope's group (HuntGroupNotFound otherwise) in the same round trip as the service itself.
 */
export abstract class HuntGroupServicesPort {
  /** Whether the forwarding service is assigned, and its settings; one round trip. */
  abstract readForwarding(
    scope: Scope,
    serviceUserId: string,
    forwarding: Forwarding,
  ): Promise<ServiceState<CallForwarding>>;

  /** The alternate numbers; with `groupNumbers`, the group's numbers too, in the same round trip. */
  abstract readAlternateNumbers(
    scope: Scope,
    serviceUserId: string,
    groupNumbers: boolean,
  ): Promise<{ state: ServiceState<AlternateNumberSlots>; groupNumbers?: GroupNumbers }>;

  /** The numbers of the group that nobody holds (not a user's, a hunt group's or anyone's alternate number). */
  abstract availableNumbers(scope: Scope): Promise<string[]>;

  /** Applies a plan all or nothing, and reads the forwarding back in the same round trip. */
  abstract applyForwarding(
    scope: Scope,
    plan: ServicePlan,
    serviceUserId: string,
    forwarding: Forwarding,
  ): Promise<CallForwarding>;

  /** Applies a plan all or nothing, and reads the alternate numbers back in the same round trip. */
  abstract applyAlternateNumbers(scope: Scope, plan: ServicePlan, serviceUserId: string): Promise<AlternateNumberSlots>;

  /** The commands a plan would send, in order, as a dry-run shows them (nothing is sent). */
  abstract describe(scope: Scope, plan: ServicePlan): CommandView[];
}
