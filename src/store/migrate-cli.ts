/**
 * `npm run db:migrate`: brings the store's schema to the latest migration and exits, without
 * starting the service (the service also migrates at boot; both under the same advisory lock).
 * The store is DATABASE_URL (and DATABASE_SCHEMA), or the embedded PostgreSQL of DATA_DIR.
 */
import { storeSettings } from '../config/namespaces.js';
import { Store } from './store.js';

// Run only as the entry point (node dist/store/migrate-cli.js), not when a test imports it.
if (process.argv[1]?.endsWith('migrate-cli.js')) {
  let store: Store | undefined;
  try {
    const settings = storeSettings();
    store = await Store.open(settings, {
      logger: { log: () => undefined, warn: (message) => console.error(`db:migrate: ${message}`) },
      embeddedMode: 'attach',
      listen: false,
    });
    console.log(
      store.applied.length > 0
        ? `db:migrate: ${store.where}, schema ${settings.schema}: applied ${store.applied.join(', ')}`
        : `db:migrate: ${store.where}, schema ${settings.schema}: already up to date`,
    );
  } catch (error) {
    console.error(`db:migrate: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await store?.close();
  }
}
