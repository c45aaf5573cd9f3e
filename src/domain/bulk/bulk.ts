/**
 * Bulk jobs: many creates, updates and deletes of one group's hunt groups, submitted at once, run
 * in the background by one replica, with a result per item. Each item keeps the all-or-nothing
 * rule of the single call it stands for.
 */
import type { HuntGroupChange, HuntGroupInput, UnassignNumbersLevel } from '../model.js';
import type { RequestJournal } from '../request-journal.js';

export const BULK_ACTIONS = ['create', 'update', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The most items a job may carry (the body of one upload). */
export const MAX_BULK_ITEMS = 5000;

/** How long a finished job stays readable before the runners forget it. */
export const JOB_RETENTION_MS = 7 * 86400_000;

/** BroadWorks takes up to 15 commands a document (the domain knows no OCI-P: the number only sizes chunks). */
export const MAX_COMMANDS_PER_DOCUMENT_HINT = 15;

/** One validated item of a job; `row` is 1-based, as a file's rows are numbered (its header not counted). */
export type BulkItem =
  | { row: number; action: 'create'; fields: HuntGroupInput }
  | { row: number; action: 'update'; serviceUserId: string; fields: HuntGroupChange }
  | { row: number; action: 'delete'; serviceUserId: string; unassignPhoneNumbers?: UnassignNumbersLevel };

export type ItemStatus = 'pending' | 'done' | 'failed' | 'cancelled';

/** Why an item failed, as the error envelope says it. */
export interface ItemError {
  code: string;
  message: string;
  details?: unknown;
}

export interface ItemResult {
  row: number;
  status: ItemStatus;
  /** The hunt group the item is about (for a create, the id it got); null when none is known. */
  serviceUserId: string | null;
  error: ItemError | null;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  tenantId: string;
  groupId: string;
  state: JobState;
  total: number;
  done: number;
  failed: number;
  items: ItemResult[];
  createdAt: string;
  /** When the job ended (done, failed or cancelled); null while it is queued or running. */
  finishedAt: string | null;
}

/** A job a replica holds the lease of: what it needs to run the job's items. */
export interface ClaimedJob {
  id: string;
  tenantId: string;
  groupId: string;
  /** Who submitted it (`user:<name>` or `machine:<token id>`): the actor of its changes. */
  createdBy: string;
}

/**
 * Where a job's changes are recorded once a chunk has run (the audit log, and through it the
 * webhooks): the chunk ran in a journal of its own (request-journal.ts), outside any request, so
 * the record of the upload's request cannot carry them.
 */
export abstract class JobAudit {
  abstract recordChunk(job: ClaimedJob, results: readonly ItemResult[], journal: RequestJournal): Promise<void>;
}

/** After a chunk's results are written: run on, or stop (the lease went to another replica, or the job was cancelled). */
export type ChunkOutcome = 'continue' | 'lost' | 'cancelled';

/**
 * Where jobs live: the store every replica shares. A job is run by one replica at a time, the one
 * holding its lease; a lease that runs out (its replica died) is taken over by another.
 */
export abstract class JobStore {
  /** A new job, queued, with its items; items already failed (rows refused with ?partial=true) are recorded as such. */
  abstract create(
    job: { tenantId: string; groupId: string; createdBy: string },
    items: { item: BulkItem | null; result: ItemResult }[],
  ): Promise<Job>;

  abstract get(id: string): Promise<Job | undefined>;

  /** Cancels what has not started: the job's pending items and the job itself, when it is not finished. */
  abstract cancel(id: string): Promise<Job | undefined>;

  /** Takes the lease of the oldest job that is queued, or running with a lease run out. */
  abstract claim(owner: string, leaseMs: number): Promise<ClaimedJob | undefined>;

  /** The next pending items of a job after row `afterRow`, in row order. */
  abstract pending(jobId: string, limit: number, afterRow?: number): Promise<BulkItem[]>;

  /** Records results and renews the lease, in one transaction, unless the lease or the job is gone. */
  abstract record(jobId: string, owner: string, leaseMs: number, results: ItemResult[]): Promise<ChunkOutcome>;

  /** Forgets the jobs finished before `before` (and their items); answers how many. */
  abstract prune(before: Date): Promise<number>;

  /** Ends a job whose items have all run: done, or failed when none succeeded. */
  abstract finish(jobId: string, owner: string): Promise<void>;
}
