import type { ChangePlan } from './change-plan.js';
import type { AvailableUser, GroupInfo, HuntGroup, HuntGroupSummary, Scope } from './model.js';
import type { CommandView } from './writes.js';

/** What a use case needs read before it decides; the port reads it all in as few round trips as it can. */
export interface ReadRequest {
  /** A hunt group of the scope's group (HuntGroupNotFound when it is not one of them). */
  huntGroup?: string;
  /** With `huntGroup`: only prove it is the group's, without reading its details. */
  existenceOnly?: boolean;
  /** The group itself (its default domain and calling line id number). */
  group?: boolean;
  /** Users to check: which of them cannot be agents of this group's hunt groups. */
  agents?: readonly string[];
  /** With `agents`: describe the available ones fully (their departments too), as a dry-run answers them. */
  agentDetails?: boolean;
}

export interface ReadResult {
  huntGroup?: HuntGroup;
  group?: GroupInfo;
  /** Of `agents`, the users who cannot be agents here (unknown, or outside the group's reach). */
  unavailableAgents: string[];
  /** Of `agents`, those who can, with what BroadWorks says of them (to predict a dry-run's answer). */
  availableAgents: AvailableUser[];
}

export type TextField = 'UserLastName' | 'UserFirstName' | 'UserId' | 'Dn' | 'Extension';
export type TextMode = 'Starts' | 'Contains' | 'Equals';

/** A search of the users who can be agents; criteria all apply (AND). */
export interface UserSearch {
  text: { field: TextField; mode: TextMode; value: string; caseInsensitive: boolean }[];
  department?: { tenantId: string; groupId?: string; departmentName: string };
  /** Only the users of this group of the tenant. */
  group?: string;
  limit: number;
}

/**
 * The BroadWorks port: what the hunt group use cases ask of BroadWorks, in domain terms. Its one
 * implementation packs the reads and writes into OCI-P documents and decodes BroadWorks' errors
 * into domain errors (errors.ts).
 */
export abstract class BroadWorksPort {
  /** Reads what a use case needs, together. */
  abstract read(scope: Scope, request: ReadRequest): Promise<ReadResult>;

  /**
   * The details of many hunt groups of the scope's group, in the order of `ids`, read 15 commands a
   * document with the documents in parallel (HuntGroupNotFound when one is not the group's).
   */
  abstract readMany(scope: Scope, ids: readonly string[]): Promise<HuntGroup[]>;

  /** Whether the tenant is an enterprise, and its groups (or the service provider's), in one document. */
  abstract tenantGroups(tenantId: string): Promise<{ isEnterprise: boolean; groupIds: string[] }>;

  /** The group's hunt groups; with `withGroup`, the group too. */
  abstract list(scope: Scope, withGroup: boolean): Promise<{ huntGroups: HuntGroupSummary[]; group?: GroupInfo }>;

  /** The users who can be agents; with a group filter, whether the tenant is an enterprise too. */
  abstract availableUsers(
    scope: Scope,
    search: UserSearch,
  ): Promise<{ users: AvailableUser[]; tenantIsEnterprise?: boolean }>;

  /**
   * Applies a plan all or nothing: when a step fails, the steps that succeeded are undone before
   * the failure is thrown. With `readBack`, answers that hunt group as it is after the change.
   */
  abstract apply(scope: Scope, plan: ChangePlan, readBack: string): Promise<HuntGroup>;
  abstract apply(scope: Scope, plan: ChangePlan): Promise<void>;

  /**
   * Applies a plan whose steps are independent of each other (each hunt group changed once), in as
   * many documents as its commands need, the documents in parallel; all or nothing across them:
   * when a step fails, every step that succeeded, in any document, is undone before the failure
   * is thrown.
   */
  abstract applyAcross(scope: Scope, plan: ChangePlan): Promise<void>;

  /**
   * Applies many plans, each all or nothing on its own (the items of a bulk job), packed into as
   * few documents as they fit (with one-command forms where BroadWorks has them), the documents in
   * parallel. Answers, for each plan, the domain error
   * that made it fail, or undefined.
   */
  abstract applyEach(scope: Scope, plans: readonly ChangePlan[]): Promise<(Error | undefined)[]>;

  /** The commands a plan would send, in order, as a dry-run shows them (nothing is sent). */
  abstract describe(scope: Scope, plan: ChangePlan): CommandView[];
}
