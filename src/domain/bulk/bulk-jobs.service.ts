import { Injectable } from '@nestjs/common';
import { ApiError } from '../errors.js';
import type { Scope } from '../model.js';
import { JobStore, type BulkItem, type ItemResult, type Job } from './bulk.js';
import { JobRunner } from './job-runner.js';

/** Bulk jobs: submitted here, run by whichever replica takes them (JobRunner), read and cancelled by id. */
@Injectable()
export class BulkJobsService {
  constructor(
    private readonly store: JobStore,
    private readonly runner: JobRunner,
  ) {}

  /**
   * A new job of validated items; rows refused at upload (`?partial=true`) come as null items with
   * their failed result. This replica looks for work at once: the job starts without waiting for a poll.
   */
  async submit(
    scope: Scope,
    createdBy: string,
    entries: { item: BulkItem | null; result: ItemResult }[],
  ): Promise<Job> {
    const job = await this.store.create({ ...scope, createdBy }, entries);
    this.runner.kick();
    return job;
  }

  /** The job, when `canSee` says the caller reaches its group (404 otherwise: its existence is not revealed). */
  async get(id: string, canSee: (job: Job) => boolean): Promise<Job> {
    const job = await this.store.get(id);
    if (!job || !canSee(job)) throw notFound(id);
    return job;
  }

  /** Cancels the items not started yet; the items under way finish. A finished job is answered as it is. */
  async cancel(id: string, canSee: (job: Job) => boolean): Promise<Job> {
    await this.get(id, canSee);
    return (await this.store.cancel(id)) ?? Promise.reject(notFound(id));
  }
}

const notFound = (id: string): ApiError => ApiError.notFound('JOB_NOT_FOUND', `Job ${id} not found`);
