import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
 */
export async function buildService(): Promise<{ main: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'built-service-'));
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
  return { main: join(dir, 'dist/main.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
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
