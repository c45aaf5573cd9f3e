import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ConfigType } from '@nestjs/config';
import { sql } from 'kysely';
import { ApiError } from '../domain/errors.js';
import type { authConfig } from '../config/namespaces.js';
import { LoginFailuresRepository } from '../store/repositories/login-failures.repository.js';
import { Store } from '../store/store.js';
import { openTestStore, SILENT_STORE_LOGGER } from '../../test/support/test-database.js';
import { Clock } from './clock.js';
import { LoginLimiter } from './login-limiter.js';

class TestClock extends Clock {
  t = 1_000_000;
  now(): number {
    return this.t;
  }
}

/** The counters are in PostgreSQL (a schema of this file's own); each test starts with none. */
let test: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  test = await openTestStore();
});
afterAll(async () => {
  await test.close();
});
beforeEach(async () => {
  await sql`delete from login_failures`.execute(test.store.db);
});

function limiter(
  perUser = 3,
  perAddress = 5,
  windowS = 60,
  store = test.store,
): { limiter: LoginLimiter; clock: TestClock } {
  const clock = new TestClock();
  const config = {
    maxFailuresPerUser: perUser,
    maxFailuresPerAddress: perAddress,
    loginWindowS: windowS,
  } as ConfigType<typeof authConfig>;
  return { limiter: new LoginLimiter(new LoginFailuresRepository(store), clock, config), clock };
}

const refusal = (attempt: Promise<void>): Promise<ApiError | undefined> =>
  attempt.then(
    () => undefined,
    (error: ApiError) => error,
  );

describe('LoginLimiter', () => {
  it('refuses a user name after N failures, with the wait until the oldest leaves the window', async () => {
    const { limiter: l, clock } = limiter();
    for (let i = 0; i < 3; i++) {
      await l.begin('alice', '10.0.0.1');
      clock.t += 10_000;
    }
    const error = await refusal(l.begin('alice', '10.0.0.2'));
    expect(error).toMatchObject({
      kind: 'too-many-requests',
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      headers: { 'Retry-After': '30' },
    });
    clock.t += 30_000;
    expect(await refusal(l.begin('alice', '10.0.0.2'))).toBeUndefined();
  });

  it('clears the user name on success, but not the address', async () => {
    const { limiter: l } = limiter(3, 4);
    await l.begin('alice', 'A');
    await l.begin('alice', 'A');
    await l.begin('alice', 'A');
    await l.succeeded('alice', 'A');
    expect(await refusal(l.begin('alice', 'A'))).toBeUndefined();
    // The address keeps its failures: 2 (the success took its own attempt back) + alice's + bob's = 4, the bound.
    expect(await refusal(l.begin('bob', 'A'))).toBeUndefined();
    expect(await refusal(l.begin('carol', 'A'))).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
  });

  it('refuses an address after M failures whatever the user names', async () => {
    const { limiter: l } = limiter(3, 5);
    for (let i = 0; i < 5; i++) await l.begin(`user${i}`, 'A');
    expect(await refusal(l.begin('fresh', 'A'))).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    expect(await refusal(l.begin('fresh', 'B'))).toBeUndefined();
  });

  it('counts an attempt before it is checked, so parallel guesses are bounded too', async () => {
    const { limiter: l } = limiter(3, 100);
    const results = await Promise.all(Array.from({ length: 10 }, () => refusal(l.begin('alice', 'A'))));
    expect(results.filter((r) => r === undefined)).toHaveLength(3);
  });

  it('is one bound for two replicas (two stores on one database), even guessing in parallel', async () => {
    const other = await Store.open(test.settings, { logger: SILENT_STORE_LOGGER });
    try {
      const { limiter: a } = limiter(4, 100);
      const { limiter: b } = limiter(4, 100, 60, other);
      const attempts = Array.from({ length: 12 }, (_, i) => refusal((i % 2 ? a : b).begin('alice', `10.0.0.${i}`)));
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r === undefined)).toHaveLength(4);
      expect(await refusal(b.begin('alice', '10.9.9.9'))).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
      // A success on one replica clears the user name for both.
      await a.succeeded('alice', '10.0.0.1');
      expect(await refusal(b.begin('alice', '10.9.9.9'))).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('forgets keys whose failures left the window (the table does not grow with the names tried)', async () => {
    const { limiter: l, clock } = limiter(3, 1000, 60);
    for (let i = 0; i < 20; i++) await l.begin(`name${i}`, 'A');
    clock.t += 61_000 + 60_000; // past the window, and past the sweep's pace
    await l.begin('late', 'B');
    const { rows } = await sql<{ key: string }>`select key from login_failures order by key`.execute(test.store.db);
    expect(rows.map((r) => r.key)).toEqual(['addr:B', 'user:late']);
  });
});
