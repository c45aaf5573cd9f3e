/**
 * The HTTP server's own limits, seen from a raw socket: a client that never finishes its request
 * headers is answered 408 and disconnected after HTTP_HEADERS_TIMEOUT_MS, not left holding a socket.
 */
import type { Server } from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appConfig } from '../src/config/namespaces.js';
import { validateEnvironment } from '../src/config/environment.js';
import { startApp, type TestApp } from './support/harness.js';

const HEADERS_TIMEOUT_MS = 400;

interface Ending {
  /** What the server wrote before closing. */
  answer: string;
  /** How long after the last byte was sent the connection closed. */
  ms: number;
}

/** Opens a socket, sends `bytes`, and reports when the server closes it (undefined if still open after `waitMs`). */
function sendAndWait(port: number, bytes: string, waitMs: number): Promise<Ending | undefined> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let sentAt = Date.now();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, waitMs);
    socket.on('connect', () => {
      if (bytes !== '') socket.write(bytes);
      sentAt = Date.now();
    });
    // Reading is what lets the close be seen.
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, ms: Date.now() - sentAt });
    });
  });
}

describe('the HTTP server', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startApp('memory', {
      overrides: [[appConfig.KEY, { ...appConfig(), headersTimeoutMs: HEADERS_TIMEOUT_MS }]],
    });
    await t.app.listen(0, '127.0.0.1');
    port = ((t.app.getHttpServer() as Server).address() as net.AddressInfo).port;
  });
  afterAll(() => t?.close());

  it('answers 408 and closes a connection that sends half a request and stops', async () => {
    const ending = await sendAndWait(port, 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 5000);
    expect(ending).toBeDefined();
    expect(ending!.answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    // The timeout, plus at most the checking interval (a tenth of it) and the machine's slack.
    expect(ending!.ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(ending!.ms).toBeLessThan(HEADERS_TIMEOUT_MS + 1500);
  });

  it('closes a connection that never sends a byte', async () => {
    const ending = await sendAndWait(port, '', 5000);
    expect(ending).toBeDefined();
    expect(ending!.ms).toBeLessThan(HEADERS_TIMEOUT_MS + 1500);
  });

  it('serves a client whose headers arrive slowly but within the timeout', async () => {
    const answered = new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(answer));
      socket.on('connect', () => {
        socket.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\n');
        setTimeout(() => socket.write('Connection: close\r\n\r\n'), HEADERS_TIMEOUT_MS / 2);
      });
    });
    expect(await answered).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('takes HTTP_HEADERS_TIMEOUT_MS from the environment: 10 s unless set, 1 s to 300 s', () => {
    expect(validateEnvironment({}).HTTP_HEADERS_TIMEOUT_MS).toBe(10000);
    expect(validateEnvironment({ HTTP_HEADERS_TIMEOUT_MS: '2500' }).HTTP_HEADERS_TIMEOUT_MS).toBe(2500);
    for (const bad of ['999', '300001', '5s'])
      expect(() => validateEnvironment({ HTTP_HEADERS_TIMEOUT_MS: bad })).toThrow(/HTTP_HEADERS_TIMEOUT_MS=/);
  });
});
