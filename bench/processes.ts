import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free loopback port: bind 0, read the port, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  /** Peak resident memory of the process so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts `node script` with env; resolves once `ready(output)` says it is up (at once without `ready`).
 * BENCH_NODE_FLAGS (say `--cpu-prof --cpu-prof-dir=/tmp/prof`) go to every child: Node refuses
 * profiling flags in NODE_OPTIONS.
 */
export async function startNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  ready?: (output: string) => boolean,
): Promise<Child> {
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    if (!ready) return resolve();
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 20 s:\n${output}`)), 20000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`));
    });
  });
  // Keep draining the pipes so the child never blocks on a full buffer.
  child.stdout.removeAllListeners('data').resume();
  child.stderr.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return {
    process: child,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Waits until GET url answers 200. */
export async function waitForOk(url: string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 in ${timeoutMs} ms`);
}

/** The service's settings for the TCP gateway to the OCI-P simulator on `simPort`, as its administrator. */
export function tcpGatewayEnv(simPort: number, poolSize: number): Record<string, string> {
  return {
    OCI_DRIVER: 'tcp',
    OCI_HOST: '127.0.0.1',
    OCI_PORT: String(simPort),
    OCI_USER: 'admin',
    OCI_PASSWORD: 'admin',
    OCI_POOL_SIZE: String(poolSize),
  };
}

/** The built service (dist/main.js) on a free loopback port with `env`, once /health/ready answers. */
export async function startService(env: Record<string, string>): Promise<{ service: Child; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await startNode('dist/main.js', [], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  });
  try {
    await waitForOk(`${url}/health/ready`, 60000);
  } catch (e) {
    await service.stop();
    throw e;
  }
  return { service, url };
}
