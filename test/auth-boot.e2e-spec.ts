/** The production boot refusals: each bad signing secret, and the demo user left in the store or its seed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module.js';
import { hashPassword, TEST_SCRYPT } from '../src/auth/password.js';
import { writeUsersFile } from '../src/auth/users-file.js';
import { DEMO_JWT_SECRET, validateEnvironment } from '../src/config/environment.js';
import { testStoreEnv } from './support/test-database.js';

const GOOD_SECRET = 'k3P9xQ2mV7bN4tR8wZ1yL6cF5hJ0sD3a';

describe('production boot', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
    process.env.LOG_LEVEL = 'silent';
    delete process.env.AUTH_JWT_SECRET;
    // AppModule as main.ts boots it, from the environment: on an empty schema of the test server.
    Object.assign(process.env, testStoreEnv());
  });
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  const boot = async (): Promise<void> => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    try {
      await app.init();
    } finally {
      await app.close();
    }
  };

  it.each([
    ['no secret', undefined, /AUTH_JWT_SECRET=undefined: .*AUTH_JWT_SECRET is required in production/],
    ['the demo secret', DEMO_JWT_SECRET, /AUTH_JWT_SECRET=\(hidden\): AUTH_JWT_SECRET must not be the demo secret/],
    [
      'a 31-character secret',
      'x'.repeat(31),
      /AUTH_JWT_SECRET=\(hidden\): AUTH_JWT_SECRET must be at least 32 characters/,
    ],
  ])('refuses to start with %s, naming AUTH_JWT_SECRET and never showing its value', async (_what, secret, reason) => {
    if (secret !== undefined) process.env.AUTH_JWT_SECRET = secret;
    const message = await boot().then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(reason);
    if (secret !== undefined) expect(message).not.toContain(secret);
    expect(() => validateEnvironment(process.env)).toThrow(/AUTH_JWT_SECRET/);
  });

  it('refuses to start on an empty store whose seed is the shipped file, with the demo password', async () => {
    process.env.AUTH_JWT_SECRET = GOOD_SECRET;
    await expect(boot()).rejects.toThrow(
      /The store has no user, and its seed AUTH_USERS_FILE=env\/users.json holds the demo user "demo" with its demo password: add a user first/,
    );
  });

  it('starts with a good secret and a seed of its own', async () => {
    process.env.AUTH_JWT_SECRET = GOOD_SECRET;
    const file = join(mkdtempSync(join(tmpdir(), 'prod-users-')), 'users.json');
    writeUsersFile(file, {
      users: [
        {
          username: 'ops',
          level: 'system',
          tenants: [],
          groups: [],
          password: await hashPassword('a-real-password', TEST_SCRYPT),
        },
      ],
    });
    process.env.AUTH_USERS_FILE = file;
    await expect(boot()).resolves.toBeUndefined();
  });

  it('takes the demo secret outside production when none is set', () => {
    expect(validateEnvironment({ NODE_ENV: 'development' }).AUTH_JWT_SECRET).toBeUndefined();
    expect(() => validateEnvironment({ NODE_ENV: 'test' })).not.toThrow();
    expect(validateEnvironment({ NODE_ENV: 'production', AUTH_JWT_SECRET: GOOD_SECRET }).AUTH_JWT_SECRET).toBe(
      GOOD_SECRET,
    );
  });
});
