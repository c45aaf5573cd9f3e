import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { LoginFailuresRepository } from '../store/repositories/login-failures.repository.js';
import { UsersRepository } from '../store/repositories/users.repository.js';
import { openTestStore } from '../../test/support/test-database.js';
import { TEST_SCRYPT, verifyPassword } from './password.js';
import { runUsersCli, type CliIo } from './users-cli.js';
import { readUsersFile } from './users-file.js';

function io(password = 'pa55word'): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), readPassword: () => Promise.resolve(password) };
}

/** The CLI works on the store (a schema of this file's own on the test server); each test starts with no user. */
let test: Awaited<ReturnType<typeof openTestStore>>;
let users: UsersRepository;
let loginFailures: LoginFailuresRepository;
beforeAll(async () => {
  test = await openTestStore();
  users = new UsersRepository(test.store);
  loginFailures = new LoginFailuresRepository(test.store);
});
afterAll(async () => {
  await test.close();
});
beforeEach(async () => {
  await sql`delete from users`.execute(test.store.db);
});

const run = (argv: string[], cli = io()): Promise<number> =>
  runUsersCli(argv, { users, loginFailures }, cli, TEST_SCRYPT);

describe('users CLI', () => {
  it('adds users of every level to the store', async () => {
    expect(await run(['add', 'root', '--level', 'system'])).toBe(0);
    expect(await run(['add', 'acme', '--level', 'tenant', '--tenant', 'T1', '--tenant', 'T2'])).toBe(0);
    expect(await run(['add', 'desk', '--level', 'group', '--group', 'T1/G1', '--group', 'T1/G/with/slash'])).toBe(0);
    const stored = await users.list();
    expect(stored.map((u) => [u.username, u.level, u.tenants, u.groups])).toEqual([
      ['acme', 'tenant', ['T1', 'T2'], []],
      [
        'desk',
        'group',
        [],
        [
          { tenantId: 'T1', groupId: 'G1' },
          { tenantId: 'T1', groupId: 'G/with/slash' },
        ],
      ],
      ['root', 'system', [], []],
    ]);
    const root = stored.find((u) => u.username === 'root')!;
    expect(await verifyPassword('pa55word', root.password)).toBe(true);
    // Only the hash is stored.
    const { rows } = await sql<{ text: string }>`select password::text as text from users`.execute(test.store.db);
    expect(rows.map((r) => r.text).join('\n')).not.toContain('pa55word');
  });

  it('lists users without their hashes', async () => {
    await run(['add', 'acme', '--level', 'tenant', '--tenant', 'T1', '--note', 'ACME portal']);
    const cli = io();
    expect(await run(['list'], cli)).toBe(0);
    expect(cli.lines).toEqual(['acme level=tenant tenants=T1 note="ACME portal"']);
    const [acme] = await users.list();
    expect(cli.lines.join('\n')).not.toContain(acme.password.hash);
    expect(cli.lines.join('\n')).not.toContain(acme.password.salt);
  });

  it('replaces a user added again (new salt), and removes users', async () => {
    await run(['add', 'root', '--level', 'system']);
    const before = (await users.find('root'))!.password.salt;
    const cli = io('n3w-password');
    await run(['add', 'root', '--level', 'system'], cli);
    expect(cli.lines[0]).toMatch(/^replaced root/);
    const after = await users.list();
    expect(after).toHaveLength(1);
    expect(after[0].password.salt).not.toBe(before);
    expect(await run(['remove', 'root'])).toBe(0);
    expect(await users.list()).toEqual([]);
  });

  it("unlocks a user name: its failed logins are forgotten (the address's are not)", async () => {
    await loginFailures.update(['user:alice', 'addr:10.0.0.1'], () => ({
      result: undefined,
      write: new Map([
        ['user:alice', [1, 2, 3]],
        ['addr:10.0.0.1', [1, 2, 3]],
      ]),
    }));
    const cli = io();
    expect(await run(['unlock', 'alice'], cli)).toBe(0);
    expect(cli.lines).toEqual(['unlocked alice: its failed logins are forgotten']);
    const { rows } = await sql<{ key: string }>`select key from login_failures`.execute(test.store.db);
    expect(rows.map((r) => r.key)).toEqual(['addr:10.0.0.1']);
    const again = io();
    await run(['unlock', 'alice'], again);
    expect(again.lines).toEqual(['alice had no failed logins']);
  });

  it.each([
    [['add', 'x', '--level', 'tenant'], /needs at least one tenant/],
    [['add', 'x', '--level', 'group', '--group', 'nogroup'], /--group must be TENANT\/GROUP/],
    [['add', 'x', '--level', 'boss'], /level must be one of/],
    [['add', 'x'], /--level is required/],
    [['add', 'bad name', '--level', 'system'], /user name must match/],
    [['remove', 'nobody'], /no user nobody/],
    [['frobnicate'], /unknown command/],
    [['add', 'x', '--level', 'system', '--bogus'], /Unknown option/],
  ])('refuses %j, changing nothing', async (argv, message) => {
    await run(['add', 'keep', '--level', 'system']);
    const before = await users.list();
    await expect(run(argv)).rejects.toThrow(message);
    expect(await users.list()).toEqual(before);
  });

  it('refuses a too short password', async () => {
    await expect(run(['add', 'x', '--level', 'system'], io('abc'))).rejects.toThrow(/4 to 1024/);
    expect(await users.list()).toEqual([]);
  });
});

describe('users seed file', () => {
  const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'users-seed-')), 'users.json');

  it('reads the shipped file: the documented demo administrator demo/demo, level system, hashed', async () => {
    const { users: seed } = readUsersFile('env/users.json');
    expect(seed.map((u) => [u.username, u.level])).toEqual([['demo', 'system']]);
    expect(await verifyPassword('demo', seed[0].password)).toBe(true);
  });

  it.each([
    ['{not json', /cannot be read as JSON/],
    ['{"users": 1}', /must hold \{"users": \[\.\.\.\]\}/],
    [
      '{"users": [{"username": "a", "level": "system", "password": "plain"}]}',
      /users\[0\]\.password must be a scrypt hash/,
    ],
    ['{"users": [{"username": "a", "level": "king"}]}', /users\[0\]\.level/],
  ])('stops on %s, naming AUTH_USERS_FILE', (content, message) => {
    const file = tempFile();
    writeFileSync(file, content);
    expect(() => readUsersFile(file)).toThrow(/^AUTH_USERS_FILE=/);
    expect(() => readUsersFile(file)).toThrow(message);
  });

  it('names a missing file and how to create users instead', () => {
    expect(() => readUsersFile('/nonexistent/users.json')).toThrow(
      /AUTH_USERS_FILE=\/nonexistent\/users.json: no such file.*npm run users -- add/,
    );
  });
});
