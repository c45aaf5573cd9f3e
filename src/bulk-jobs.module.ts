import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { jobsConfig } from './config/namespaces.js';
import { BroadWorksModule } from './broadworks/broadworks.module.js';
import { BulkExecutor } from './domain/bulk/bulk-executor.js';
import { BulkJobsService } from './domain/bulk/bulk-jobs.service.js';
import { JobStore } from './domain/bulk/bulk.js';
import { JobRunner, JobRunnerSettings } from './domain/bulk/job-runner.js';
import { IdGenerationModule } from './domain/id-generation/id-generation.module.js';
import { BodyValidator, PluginChecks } from './domain/plugin-checks.js';
import { DtoBodyValidator } from './http/hunt-groups/dto-body-validator.js';
import { HuntGroupTemplates } from './http/hunt-groups/templates.js';
import { JobsController } from './http/jobs/jobs.controller.js';
import { JobsRepository } from './store/repositories/jobs.repository.js';

/**
 * Bulk jobs across the layers: the upload and job routes, the domain's executor and runner, the
 * jobs in the shared store (StoreModule's JobsRepository), and the BroadWorks port.
 */
@Module({
  imports: [BroadWorksModule, IdGenerationModule],
  controllers: [JobsController],
  providers: [
    BulkJobsService,
    BulkExecutor,
    JobRunner,
    {
      provide: JobRunnerSettings,
      inject: [jobsConfig.KEY],
      useFactory: (jobs: ConfigType<typeof jobsConfig>): JobRunnerSettings =>
        Object.assign(new JobRunnerSettings(), jobs),
    },
    PluginChecks,
    HuntGroupTemplates,
    { provide: BodyValidator, useClass: DtoBodyValidator },
    { provide: JobStore, useExisting: JobsRepository },
  ],
})
export class BulkJobsModule {}
