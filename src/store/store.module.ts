import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { storeConfig } from '../config/namespaces.js';
import { AuditLogRepository } from './repositories/audit-log.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { IdempotencyRepository } from './repositories/idempotency.repository.js';
import { JobsRepository } from './repositories/jobs.repository.js';
import { LoginFailuresRepository } from './repositories/login-failures.repository.js';
import { MachineTokensRepository } from './repositories/machine-tokens.repository.js';
import { UsersRepository } from './repositories/users.repository.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';
import { Store } from './store.js';

const REPOSITORIES = [
  UsersRepository,
  MachineTokensRepository,
  LoginFailuresRepository,
  AuditRepository,
  IdempotencyRepository,
  AuditLogRepository,
  WebhooksRepository,
  JobsRepository,
];

/**
 * The store for every module: `Store` (Kysely, notifications) and one repository per concern.
 * A new table: a migration (migrations/index.ts), its interface (database.ts), a repository
 * here. The store is opened before any module that injects it, and closed after every other
 * module's destroy hook (onApplicationShutdown), so requests finishing during a graceful
 * shutdown still have it.
 */
@Global()
@Module({
  providers: [
    {
      provide: Store,
      inject: [storeConfig.KEY],
      useFactory: async (settings: ConfigType<typeof storeConfig>): Promise<Store> => {
        const logger = new Logger('Store');
        const store = await Store.open(settings, { logger });
        const migrated = store.applied.length > 0 ? `; applied ${store.applied.join(', ')}` : '';
        logger.log(`Store: ${store.where}, schema ${settings.schema}${migrated}`);
        return store;
      },
    },
    ...REPOSITORIES,
  ],
  exports: [Store, ...REPOSITORIES],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(Store) private readonly store: Store) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
