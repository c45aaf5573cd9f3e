import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BroadWorksEngine } from '../src/simulator/engine.js';
import { startOciSimulator } from '../src/simulator/server.js';
import { buildService, startService, type RunningService } from './support/built-service.js';
import { DEMO_WORLD } from './support/harness.js';

/** A loopback TCP relay that keeps what the client sent, to see the service's OCI-P on the wire. */
async function relay(targetPort: number): Promise<{ port: number; sent: () => string; close(): Promise<void> }> {
  let sent = '';
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (chunk: Buffer) => {
      sent += chunk.toString('utf8');
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    sent: () => sent,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Opens a POST whose body is sent in two parts: in flight until `finish` is called. */
function slowRequest(
  port: number,
  path: string,
  body: string,
): { req: ClientRequest; answer: Promise<{ status: number; body: string }>; finish(): void } {
  const req = request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { req, answer, finish: () => req.end(body.slice(half)) };
}

/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const LOGIN = JSON.stringify({ username: 'nobody-at-all', password: 'not-the-password' });

describe('graceful shutdown of the built service (node dist/main.js)', () => {
  let built: Awaited<ReturnType<typeof buildService>>;
  let service: RunningService | undefined;

  beforeAll(async () => {
    built = await buildService();
  }, 120000);
  afterAll(() => {
    if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
    built?.remove();
  });

  it('on SIGTERM stops taking connections, finishes the request in flight, closes and exits 0', async () => {
    service = await startService(built.main, { SHUTDOWN_GRACE_MS: '10000' });
    const { port } = service;
    const inFlight = slowRequest(port, '/api/v1/auth/login', LOGIN);
    await sleep(300);

    service.child.kill('SIGTERM');
    await sleep(300);
    expect(await accepts(port)).toBe(false);
    expect(service.child.exitCode).toBeNull();

    inFlight.finish();
    const answer = await inFlight.answer;
    // Wrong credentials: what matters is that a complete JSON answer came back after SIGTERM.
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ code: expect.any(String), error: expect.any(String) });

    expect(await service.exited).toEqual({ code: 0, signal: null });
    const messages = service.logs.map((r) => String(r.msg));
    expect(messages).toContainEqual(expect.stringMatching(/^SIGTERM: no new connections; 1 request\(s\) in flight/));
    expect(messages).toContain('Shut down cleanly');
  }, 60000);

  it('cuts a request that outlives SHUTDOWN_GRACE_MS, and still exits 0', async () => {
    service = await startService(built.main, { SHUTDOWN_GRACE_MS: '500' });
    const stuck = slowRequest(service.port, '/api/v1/auth/login', LOGIN);
    const failed = stuck.answer.then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(300);
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(450);
    expect(Date.now() - signalled).toBeLessThan(10000);
    expect(await failed).toBe('cut');
    expect(service.logs.map((r) => String(r.msg))).toContainEqual(
      expect.stringMatching(/still in flight after 500 ms/),
    );
  }, 60000);

  it('logs out of BroadWorks (TCP driver) before it exits', async () => {
    const simulator = await startOciSimulator({ engine: BroadWorksEngine.fromFile(DEMO_WORLD) });
    const wire = await relay(simulator.port);
    try {
      service = await startService(built.main, {
        OCI_DRIVER: 'tcp',
        OCI_HOST: '127.0.0.1',
        OCI_PORT: String(wire.port),
        OCI_USER: 'admin',
        OCI_PASSWORD: 'admin',
        OCI_POOL_SIZE: '2',
      });
      const ready = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(wire.sent()).not.toContain('LogoutRequest');
      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });
      const logouts = wire.sent().match(/LogoutRequest/g) ?? [];
      expect(logouts).toHaveLength(2);
      expect(wire.sent()).toContain('Client Logout');
    } finally {
      await wire.close();
      await simulator.close();
    }
  }, 60000);
});
