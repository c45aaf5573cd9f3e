/**
 * `npm run users -- …`: manages the users in the store (PostgreSQL: DATABASE_URL, or the embedded
 * server of DATA_DIR, the one the service runs if it is running, else started for the command).
 *
 *   add <username> --level system|tenant|group [--tenant T ...] [--group T/G ...] [--password-stdin] [--note TEXT]
 *   remove <username>
 *   unlock <username>
 *   list
 *
 * `add` asks for the password twice on a terminal, or reads one line from stdin with
 * --password-stdin; adding an existing user replaces them (a password or reach change), which
 * ends their current tokens. Passwords are stored as scrypt hashes only; `list` never prints them.
 * Every running replica sees the change on its next request (the store notifies them).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { storeSettings } from '../config/namespaces.js';
import { LoginFailuresRepository } from '../store/repositories/login-failures.repository.js';
import { UsersRepository } from '../store/repositories/users.repository.js';
import { Store } from '../store/store.js';
import { userKey } from './login-limiter.js';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './password.js';
import { LEVELS, normalizeReach, reachProblems, type GroupRef, type Level } from './reach.js';
import { USERNAME_PATTERN, type StoredUser } from './users-file.js';

const USAGE = `usage:
  npm run users -- add <username> --level system|tenant|group [--tenant T ...] [--group T/G ...] [--password-stdin] [--note TEXT]
  npm run users -- remove <username>
  npm run users -- unlock <username>     (forgets the user name's failed logins: lifts a 429 at once)
  npm run users -- list
The users are in the store: DATABASE_URL, or the embedded PostgreSQL of DATA_DIR (default data/).`;

/** What the CLI works on: the users (UsersRepository) and the failed-login counts (LoginFailuresRepository). */
export interface UsersCliStore {
  users: UserDirectory;
  loginFailures: { clear(keys: string[]): Promise<boolean> };
}

export interface UserDirectory {
  list(): Promise<StoredUser[]>;
  /** True when a user of that name was replaced. */
  save(user: StoredUser): Promise<boolean>;
  /** False when no user has that name. */
  remove(username: string): Promise<boolean>;
}

export interface CliIo {
  out(line: string): void;
  /** The password: one line of stdin, or asked twice on the terminal. */
  readPassword(fromStdin: boolean): Promise<string>;
}

/** Runs one command; returns the exit code. `scrypt` is for tests (a cheaper cost). */
export async function runUsersCli(
  argv: string[],
  { users, loginFailures }: UsersCliStore,
  io: CliIo,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      level: { type: 'string' },
      tenant: { type: 'string', multiple: true },
      group: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean', default: false },
      note: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, username, ...rest] = positionals;
  if (values.help || command === undefined) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  if (rest.length > 0) throw new Error(`unexpected arguments: ${rest.join(' ')}\n${USAGE}`);
  switch (command) {
    case 'list': {
      for (const u of await users.list()) io.out(describe(u));
      return 0;
    }
    case 'remove': {
      const name = requireUsername(username);
      if (!(await users.remove(name))) throw new Error(`no user ${name} in the store`);
      io.out(`removed ${name}`);
      return 0;
    }
    case 'unlock': {
      const name = requireUsername(username);
      const had = await loginFailures.clear([userKey(name)]);
      io.out(had ? `unlocked ${name}: its failed logins are forgotten` : `${name} had no failed logins`);
      return 0;
    }
    case 'add': {
      const name = requireUsername(username);
      const level = values.level as Level | undefined;
      if (level === undefined) throw new Error(`--level is required (${LEVELS.join(', ')})`);
      const groups = (values.group ?? []).map(parseGroup);
      const reachInput = { level, tenants: values.tenant ?? [], groups };
      const problems = reachProblems(reachInput, 'the user');
      if (problems.length > 0) throw new Error(problems.join('\n'));
      const password = await io.readPassword(values['password-stdin']);
      if (password.length < 4 || password.length > 1024) throw new Error('the password must be 4 to 1024 characters');
      const user: StoredUser = {
        username: name,
        ...(values.note !== undefined ? { note: values.note } : {}),
        ...normalizeReach(reachInput),
        password: await hashPassword(password, scrypt),
      };
      const replaced = await users.save(user);
      io.out(`${replaced ? 'replaced' : 'added'} ${describe(user)}`);
      return 0;
    }
    default:
      throw new Error(`unknown command ${command}\n${USAGE}`);
  }
}

function requireUsername(username: string | undefined): string {
  if (username === undefined) throw new Error(`a user name is required\n${USAGE}`);
  if (!USERNAME_PATTERN.test(username)) throw new Error(`the user name must match ${String(USERNAME_PATTERN)}`);
  return username;
}

/** `T/G`: the tenant, then the group after the first slash. */
function parseGroup(text: string): GroupRef {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) throw new Error(`--group must be TENANT/GROUP, not ${text}`);
  return { tenantId: text.slice(0, slash), groupId: text.slice(slash + 1) };
}

/** One line a user, never the hash. */
export function describe(u: StoredUser): string {
  const reach =
    u.level === 'tenant'
      ? ` tenants=${u.tenants.join(',')}`
      : u.level === 'group'
        ? ` groups=${u.groups.map((g) => `${g.tenantId}/${g.groupId}`).join(',')}`
        : '';
  return `${u.username} level=${u.level}${reach}${u.note ? ` note=${JSON.stringify(u.note)}` : ''}`;
}

/** The terminal or stdin. */
const processIo: CliIo = {
  out: (line) => console.log(line),
  async readPassword(fromStdin) {
    if (fromStdin || !process.stdin.isTTY) {
      const rl = createInterface({ input: process.stdin });
      for await (const line of rl) {
        rl.close();
        return line;
      }
      throw new Error('no password on stdin');
    }
    const first = await askHidden('Password: ');
    const second = await askHidden('Again: ');
    if (first !== second) throw new Error('the passwords differ');
    return first;
  },
};

/** Reads a line on the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let text = '';
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(text);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        text = ch === '\u007f' ? text.slice(0, -1) : text + ch;
      }
    };
    stdin.on('data', onData);
  });
}

// Run only as the entry point (node dist/auth/users-cli.js), not when a test imports it.
if (process.argv[1]?.endsWith('users-cli.js')) {
  let store: Store | undefined;
  try {
    store = await Store.open(storeSettings(), {
      logger: { log: () => undefined, warn: (message) => console.error(`users: ${message}`) },
      embeddedMode: 'attach',
      listen: false,
    });
    const cliStore = { users: new UsersRepository(store), loginFailures: new LoginFailuresRepository(store) };
    process.exitCode = await runUsersCli(process.argv.slice(2), cliStore, processIo);
  } catch (error) {
    console.error(`users: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await store?.close();
  }
}
