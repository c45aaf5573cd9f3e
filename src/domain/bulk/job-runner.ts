import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { RequestJournal, withJournal } from '../request-journal.js';
import {
  JOB_RETENTION_MS,
  MAX_COMMANDS_PER_DOCUMENT_HINT,
  JobAudit,
  JobStore,
  type ClaimedJob,
  type ItemResult,
} from './bulk.js';
import { BulkExecutor } from './bulk-executor.js';

/** How the replica runs jobs: JOBS_RUNNER, JOBS_LEASE_MS, JOBS_POLL_MS (BulkJobsModule); tests shorten the times. */
export class JobRunnerSettings {
  /** Whether this replica runs jobs at all (a replica that only serves requests sets it off). */
  enabled = true;
  /** How often an idle runner looks for a job (a job submitted here starts at once). */
  pollMs = 1000;
  /** How long a lease lasts without renewal: a replica that died holds its job this long. */
  leaseMs = 30000;
  /**
   * Items a chunk carries: 16 documents of 15 commands, two a session of a pool of 8 (measured
   * 6% faster than 8 documents, bench:bulk); progress is written after each chunk.
   */
  chunkItems = 16 * MAX_COMMANDS_PER_DOCUMENT_HINT;
  /** Chunks run at once: two keep a pool of 8 busy while a chunk's answers are read and its results written. */
  chunksInFlight = 2;
}

/**
 * Runs the jobs of the shared store, one at a time in this replica: takes a job's lease, runs its
 * pending items in chunks (BulkExecutor; see `run`), writes each chunk's results and renews the
 * lease in the same transaction, and stops when the job is cancelled or its lease was taken over
 * (a chunk that outlived the lease). A job a dead replica held is taken over when its lease runs
 * out, from its first pending item: the items of the chunks it was running when it died may have
 * been applied; they run again, and fail (the id exists) or succeed again (an update), as a
 * retried single call would. When BroadWorks cannot be reached, the items not sent stay pending and the
 * job is left until its lease runs out (a back-off of JOBS_LEASE_MS), then resumed.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private prunedAt = 0;

  constructor(
    private readonly store: JobStore,
    private readonly executor: BulkExecutor,
    private readonly settings: JobRunnerSettings,
    @Optional() private readonly audit?: JobAudit,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Looks for work now (a job was just submitted here); a look under way looks once more after. */
  kick(): void {
    if (!this.settings.enabled || this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.runAvailable()
      .catch((e: unknown) =>
        this.logger.warn(`Jobs: ${e instanceof Error ? e.message : String(e)}; trying again later`),
      )
      .finally(() => {
        this.loop = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** The chunk under way finishes (its results written) before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.loop;
  }

  private async runAvailable(): Promise<void> {
    await this.pruneNowAndThen();
    for (let job = await this.claim(); job; job = await this.claim()) await this.run(job);
  }

  /** Finished jobs older than JOB_RETENTION_MS are forgotten, once an hour, by whichever replica looks. */
  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.prunedAt < 3600_000) return;
    this.prunedAt = Date.now();
    const pruned = await this.store.prune(new Date(Date.now() - JOB_RETENTION_MS));
    if (pruned > 0)
      this.logger.log(`Forgot ${pruned} jobs finished more than ${JOB_RETENTION_MS / 86400_000} days ago`);
  }

  private claim(): Promise<ClaimedJob | undefined> {
    return this.stopped ? Promise.resolve(undefined) : this.store.claim(this.owner, this.settings.leaseMs);
  }

  /**
   * The job's chunks in row order, `chunksInFlight` of them running at once (a job's rows name
   * different hunt groups, so its chunks are independent): the pool always has a document to send,
   * and a chunk's audit records and results are written while the next ones run. Results are
   * recorded in row order. A chunk that has started is always run to its end and recorded, even
   * when the job was cancelled meanwhile.
   */
  private async run(job: ClaimedJob): Promise<void> {
    const scope = { tenantId: job.tenantId, groupId: job.groupId };
    const running: RunningChunk[] = [];
    let afterRow = 0;
    let goOn = true;
    const startMore = async (): Promise<void> => {
      while (goOn && !this.stopped && running.length < this.settings.chunksInFlight) {
        const items = await this.store.pending(job.id, this.settings.chunkItems, afterRow);
        if (items.length === 0) return;
        afterRow = items[items.length - 1].row;
        // The chunk's own journal, whatever request woke the runner: its documents carry the job's
        // id as their trackingId, and its changes are recorded as the job's (JobAudit).
        const journal = new RequestJournal(job.id);
        const ran = withJournal(journal, () => this.executor.run(scope, items));
        ran.catch(() => undefined); // awaited below; a store failure first must not leave it unhandled
        running.push({ journal, ran });
      }
    };
    await startMore();
    for (let chunk = running.shift(); chunk; chunk = running.shift()) {
      const { results, retryLater } = await chunk.ran;
      // BroadWorks unreachable: nothing more starts; the job waits for its lease to run out, then any replica resumes it.
      if (retryLater) goOn = false;
      await startMore();
      await this.audit?.recordChunk(job, results, chunk.journal);
      const outcome = await this.store.record(job.id, this.owner, this.settings.leaseMs, results);
      if (retryLater)
        this.logger.warn(`Job ${job.id}: BroadWorks cannot be reached; resuming in ${this.settings.leaseMs} ms`);
      goOn &&= outcome === 'continue';
    }
    if (goOn && !this.stopped) await this.store.finish(job.id, this.owner);
  }
}

/** A chunk under way: the journal of its documents, its results to come. */
interface RunningChunk {
  journal: RequestJournal;
  ran: Promise<{ results: ItemResult[]; retryLater: boolean }>;
}
