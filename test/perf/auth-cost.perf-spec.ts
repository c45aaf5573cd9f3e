/**
 * What checking a bearer token costs per request, with the cache (the default) and without it
 * (every check a round trip to PostgreSQL). Not part of `npm test`; run it with:
 *   NODE_OPTIONS=--experimental-vm-modules npx jest --testRegex 'perf-spec\.ts$' test/perf
 */
import { it } from '@jest/globals';
import { AuthService } from '../../src/auth/auth.service.js';
import { startApp } from '../support/harness.js';

it('costs a token check, cached and not', async () => {
  for (const cacheMaxAgeMs of [5000, 0]) {
    const t = await startApp('memory', { auth: { cacheMaxAgeMs } });
    try {
      const auth = t.app.get(AuthService);
      const machine = (await t.http.post('/api/v1/auth/machine_tokens').send({ name: 'm', level: 'system' })).body
        .token as string;
      for (const [what, token] of [
        ['user access token', t.accessTokenOf('admin')],
        ['machine token', machine],
      ] as const) {
        for (let i = 0; i < 200; i++) await auth.authenticate(token);
        const n = 3000;
        const started = performance.now();
        for (let i = 0; i < n; i++) await auth.authenticate(token);
        const us = ((performance.now() - started) / n) * 1000;
        console.log(`AUTH_CACHE_MAX_AGE_MS=${cacheMaxAgeMs}, ${what}: ${us.toFixed(1)} µs a check`);
      }
      const n = 300;
      const started = performance.now();
      for (let i = 0; i < n; i++)
        await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/services/hunt_groups');
      const ms = (performance.now() - started) / n;
      console.log(
        `AUTH_CACHE_MAX_AGE_MS=${cacheMaxAgeMs}: ${ms.toFixed(2)} ms a GET of the list (memory gateway, in process)`,
      );
    } finally {
      await t.close();
    }
  }
}, 120000);
