import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { testStoreEnv } from './test-database.js';

const ROOT = resolve('.');

/**
 * Compiles the service as `npm run build` does, but into a private directory: `dist/` may be
 * rebuilt by someone else meanwhile. node_modules is linked in, and a package.json makes the
 * output ESM, so `node <dir>/dist/main.js` runs exactly what `npm start` runs.
 *
 * Within a Jest run (TEST_RUN_ID) the build is made once and shared by the test files that need
 * it (it takes 10-30 s): the first one builds, the others wait for it; the global teardown
 * removes it. `remove()` is then a no-op.
 */
export async function buildService(): Promise<{ main: string; remove(): void }> {
  const run = process.env.TEST_RUN_ID;
  if (!run) {
    const dir = mkdtempSync(join(tmpdir(), 'built-service-'));
    await compileInto(dir);
    return { main: join(dir, 'dist/main.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = join(tmpdir(), `hunt-group-built-${run}`);
  const ok = join(dir, 'built.ok');
  const failed = join(dir, 'built.failed');
  let builder = true;
  try {
    mkdirSync(dir); // atomic: one test file of the run builds
  } catch {
    builder = false;
  }
  if (builder) {
    try {
      await compileInto(dir);
      writeFileSync(ok, '');
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  } else {
    for (let waited = 0; !existsSync(ok); waited += 200) {
      if (existsSync(failed)) throw new Error(`the shared build failed: ${readFileSync(failed, 'utf8')}`);
      if (waited > 240000) throw new Error(`the shared build in ${dir} did not finish in 240 s`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  return { main: join(dir, 'dist/main.js'), remove: () => undefined };
}

async function compileInto(dir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      join(dir, 'dist'),
    ],
    { cwd: ROOT },
  );
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
}

export interface RunningService {
  child: ChildProcess;
  port: number;
  /** Every log record written so far (JSON lines). */
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built service on a free loopback port (PORT=0) with JSON logs; resolves once it
 * listens. Its store is a fresh schema of the test server unless `env` names one (DATABASE_URL,
 * DATABASE_SCHEMA), or `DATABASE_URL: ''` asks for the embedded one (then give DATA_DIR).
 */
export function startService(main: string, env: Record<string, string> = {}): Promise<RunningService> {
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      ...testStoreEnv(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return new Promise((resolvePort, reject) => {
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const record = JSON.parse(line) as Record<string, unknown>;
          logs.push(record);
          const port = /listening on http:\/\/localhost:(\d+)/.exec(String(record.msg))?.[1];
          if (port) resolvePort({ child, port: Number(port), logs, exited });
        } catch {
          // Not a log record (should not happen with LOG_FORMAT=json); ignored.
        }
      }
    });
    void exited.then(({ code }) => reject(new Error(`the service exited (${code}) before listening: ${stderr}`)));
  });
}
