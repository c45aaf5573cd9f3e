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

/** The fields the users who can be agents can be sorted by (BroadWorks sorts by these only). */
export const AVAILABLE_USER_SORT_FIELDS = ['userId', 'lastName', 'firstName', 'phoneNumber', 'extension'] as const;
export type AvailableUserSortField = (typeof AVAILABLE_USER_SORT_FIELDS)[number];

/** A page of a list: 0-based offset, 1..2000 rows, up to 3 sort keys (the first the main one). */
export interface PageRequest<F extends string> {
  offset: number;
  limit: number;
  sort: { field: F; descending: boolean }[];
}

/** A search of the users who can be agents; criteria all apply (AND). */
export interface UserSearch {
  text: { field: TextField; mode: TextMode; value: string; caseInsensitive: boolean }[];
  department?: { tenantId: string; groupId?: string; departmentName: string };
  /** Only the users of this group of the tenant. */
  group?: string;
  limit: number;
  /** One page, searched and sorted by BroadWorks (no department criterion then: see AgentsService). */
  page?: PageRequest<AvailableUserSortField>;
}

/** The fields a hunt group list can be sorted by (BroadWorks sorts by these only). */
export const HUNT_GROUP_SORT_FIELDS = ['serviceUserId', 'name', 'phoneNumber', 'extension'] as const;
export type HuntGroupSortField = (typeof HUNT_GROUP_SORT_FIELDS)[number];

/**
 * One page of a group's hunt groups. Filters all apply (AND): `name` and `department` (its name)
 * match a part, case-insensitively; `phoneNumber` and `extension` match exactly.
 */
export interface HuntGroupPageQuery extends PageRequest<HuntGroupSortField> {
  filters: { name?: string; phoneNumber?: string; extension?: string; department?: string; active?: boolean };
}

export interface HuntGroupPage {
  huntGroups: HuntGroupSummary[];
  /** Whether rows may follow this page (BroadWorks tells no total: a full last page of 2000 says yes). */
  more: boolean;
  group?: GroupInfo;
}

/**
 * The BroadWorks port: what the hunt group use cases ask of BroadWorks, in domain terms. Its one
 * implementation packs the reads and writes into OCI-P documents and decodes BroadWorks' errors
 * into domain errors (errors.ts).
 */
export abstract class BroadWorksPort {
  /** Reads what a use case needs, together. */
  abstract read(scope: Scope, request: ReadRequest): Promise<ReadResult>;

  /** Whether the tenant is an enterprise, and its groups (or the service provider's), in one document. */
  abstract tenantGroups(tenantId: string): Promise<{ isEnterprise: boolean; groupIds: string[] }>;

  /** The group's hunt groups; with `withGroup`, the group too. */
  abstract list(scope: Scope, withGroup: boolean): Promise<{ huntGroups: HuntGroupSummary[]; group?: GroupInfo }>;

  /** One page of the group's hunt groups, searched and sorted by BroadWorks, in one document. */
  abstract listPage(scope: Scope, query: HuntGroupPageQuery, withGroup: boolean): Promise<HuntGroupPage>;

  /**
   * The hunt groups of the group with these ids, in full, in the order asked; ids that are not hunt
   * groups of the group (any more) are left out. Read in documents of 15 commands sent at once.
   */
  abstract readMany(scope: Scope, ids: readonly string[]): Promise<HuntGroup[]>;

  /** Which of these ids are hunt groups of the group: a search by the ids, whatever the group's size. */
  abstract existing(scope: Scope, ids: readonly string[]): Promise<Set<string>>;

  /**
   * Every hunt group of the group, in full, in the list's order, a few at a time: a consumer that
   * writes each batch out holds little. A hunt group deleted meanwhile is left out.
   */
  abstract readAll(scope: Scope): AsyncGenerator<HuntGroup[]>;

  /** The users who can be agents; with a group filter, whether the tenant is an enterprise too. */
  abstract availableUsers(
    scope: Scope,
    search: UserSearch,
  ): Promise<{ users: AvailableUser[]; more: boolean; tenantIsEnterprise?: boolean }>;

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
