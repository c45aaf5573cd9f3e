import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { TEST_SCRYPT, verifyPassword } from './password.js';
import { runUsersCli, type CliIo } from './users-cli.js';
import { readUsersFile } from './users-file.js';

function io(password = 'pa55word'): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), readPassword: () => Promise.resolve(password) };
}

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'users-cli-')), 'users.json');
const run = (argv: string[], file: string, cli = io()): Promise<number> => runUsersCli(argv, file, cli, TEST_SCRYPT);

describe('users CLI', () => {
  it('adds users of every level, creating the file, owner-readable only', async () => {
    const file = tempFile();
    expect(await run(['add', 'root', '--level', 'system'], file)).toBe(0);
    expect(await run(['add', 'acme', '--level', 'tenant', '--tenant', 'T1', '--tenant', 'T2'], file)).toBe(0);
    expect(await run(['add', 'desk', '--level', 'group', '--group', 'T1/G1', '--group', 'T1/G/with/slash'], file)).toBe(
      0,
    );
    const { users } = readUsersFile(file);
    expect(users.map((u) => [u.username, u.level, u.tenants, u.groups])).toEqual([
      ['root', 'system', [], []],
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
    ]);
    expect(await verifyPassword('pa55word', users[0].password)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('lists users without their hashes', async () => {
    const file = tempFile();
    await run(['add', 'acme', '--level', 'tenant', '--tenant', 'T1', '--note', 'ACME portal'], file);
    const cli = io();
    expect(await run(['list'], file, cli)).toBe(0);
    expect(cli.lines).toEqual(['acme level=tenant tenants=T1 note="ACME portal"']);
    const { users } = readUsersFile(file);
    expect(cli.lines.join('\n')).not.toContain(users[0].password.hash);
    expect(cli.lines.join('\n')).not.toContain(users[0].password.salt);
  });

  it('replaces a user added again (new salt), and removes users', async () => {
    const file = tempFile();
    await run(['add', 'root', '--level', 'system'], file);
    const before = readUsersFile(file).users[0].password.salt;
    const cli = io('n3w-password');
    await run(['add', 'root', '--level', 'system'], file, cli);
    expect(cli.lines[0]).toMatch(/^replaced root/);
    const after = readUsersFile(file).users;
    expect(after).toHaveLength(1);
    expect(after[0].password.salt).not.toBe(before);
    expect(await run(['remove', 'root'], file)).toBe(0);
    expect(readUsersFile(file).users).toEqual([]);
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
  ])('refuses %j', async (argv, message) => {
    const file = tempFile();
    writeFileSync(file, '{"users": []}');
    await expect(run(argv, file)).rejects.toThrow(message);
    expect(readFileSync(file, 'utf8')).toBe('{"users": []}');
  });

  it('refuses a too short password', async () => {
    await expect(run(['add', 'x', '--level', 'system'], tempFile(), io('abc'))).rejects.toThrow(/4 to 1024/);
  });
});

describe('users file', () => {
  it('reads the shipped file: the documented demo administrator demo/demo, level system, hashed', async () => {
    const { users } = readUsersFile('env/users.json');
    expect(users.map((u) => [u.username, u.level])).toEqual([['demo', 'system']]);
    expect(await verifyPassword('demo', users[0].password)).toBe(true);
    expect(readFileSync('env/users.json', 'utf8')).not.toMatch(/"password":\s*"/);
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

  it('names a missing file and how to create it', () => {
    expect(() => readUsersFile('/nonexistent/users.json')).toThrow(
      /AUTH_USERS_FILE=\/nonexistent\/users.json: no such file.*npm run users -- add/,
    );
  });
});
