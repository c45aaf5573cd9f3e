/**
 * The simulated BroadWorks behind a real OCI-P server (plain TCP, or TLS when given a key and a
 * certificate), so the TCP gateway, and anyone else's OCI-P client, can be tested on one machine.
 * Each connection is its own session (server-connection.ts); all share one engine, whose commands
 * run synchronously, so many clients at once cannot interleave inside a command.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { BroadWorksEngine } from './engine.js';
import { SimulatorConnection } from './server-connection.js';
import { SimulatorFaults } from './server-faults.js';

export interface SimulatorCredentials {
  readonly userId: string;
  readonly password: string;
}

export interface OciSimulatorOptions {
  readonly engine: BroadWorksEngine;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 (the default) picks any free port; read it back from `port`. */
  readonly port?: number;
  /** Accepted logins; by default the administrators of the world file. */
  readonly credentials?: readonly SimulatorCredentials[];
  /** PEM key and certificate: serve OCI-P over TLS. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Delay before each answer, in ms (benchmarks). */
  readonly latencyMs?: number;
  /**
   * Refuse a login with the password in clear (LoginRequest22V5 with password, LoginRequest14sp4
   * with plainTextPassword) on plain TCP. Off by default: BroadWorks' schema has no such rule and
   * clients do send it on 2208; turn it on to make sure a client signs its password there.
   */
  readonly plainPasswordNeedsTls?: boolean;
}

export interface OciSimulator {
  /** Stays the same across `stop()`/`start()`. */
  readonly port: number;
  readonly host: string;
  /** The open client connections (for tests: forceLogout, or destroying a socket). */
  readonly connections: ReadonlySet<SimulatorConnection>;
  /** Faults a test can inject: drop, stall, garbage, logout, failed commands, refused connections (server-faults.ts). */
  readonly faults: SimulatorFaults;
  /** Whether the server is listening (false between `stop()` and `start()`). */
  readonly listening: boolean;
  /** Stops listening and drops every connection, keeping the engine: BroadWorks going down. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same engine (the world survives): BroadWorks coming back. */
  start(): Promise<void>;
  /** `stop()`, then `start()` after `downMs`. */
  restart(downMs?: number): Promise<void>;
  /** Stops listening and drops every connection, for good. */
  close(): Promise<void>;
}

export async function startOciSimulator(options: OciSimulatorOptions): Promise<OciSimulator> {
  const { engine, tls: tlsOptions } = options;
  const accepted = options.credentials ? new Map(options.credentials.map((c) => [c.userId, c.password])) : undefined;
  const faults = new SimulatorFaults();
  const context = {
    engine,
    passwordOf: (userId: string) => (accepted ? accepted.get(userId) : engine.findAdministrator(userId)?.password),
    secure: tlsOptions !== undefined,
    plainPasswordNeedsTls: options.plainPasswordNeedsTls ?? false,
    latencyMs: options.latencyMs ?? 0,
    faults,
  };
  const connections = new Set<SimulatorConnection>();
  // Every raw socket, including those still in the TLS handshake, so stop() never waits on one.
  const sockets = new Set<net.Socket>();
  const serve = (socket: net.Socket): void => {
    if (socket.destroyed) return;
    const connection = new SimulatorConnection(socket, context);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  };
  const host = options.host ?? '127.0.0.1';

  let server: net.Server | undefined;
  let port = options.port ?? 0;
  const listen = async (): Promise<void> => {
    const next = tlsOptions
      ? tls.createServer({ key: tlsOptions.key, cert: tlsOptions.cert }, serve)
      : net.createServer(serve);
    // A failed TLS handshake concerns that client only.
    next.on('tlsClientError', (_error: Error, socket: net.Socket) => socket.destroy());
    // Registered before any 'connection' handler but serve's: a refused socket is destroyed before serve sees it on TLS.
    next.prependListener('connection', (socket: net.Socket) => {
      if (faults.refuses()) {
        socket.destroy();
        return;
      }
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await listenOn(next, port, host);
    port = (next.address() as net.AddressInfo).port;
    server = next;
  };
  const stop = (): Promise<void> => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    for (const connection of connections) connection.socket.destroy();
    if (!current) return Promise.resolve();
    return new Promise<void>((resolve) => current.close(() => resolve()));
  };
  let closed = false;

  await listen();
  return {
    get port() {
      return port;
    },
    host,
    connections,
    faults,
    get listening() {
      return server !== undefined;
    },
    stop,
    start: async () => {
      if (closed) throw new Error('the simulator is closed');
      if (!server) await listen();
    },
    restart: async (downMs = 0) => {
      await stop();
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      if (!closed) await listen();
    },
    close: () => {
      closed = true;
      return stop();
    },
  };
}

/**
 * Listens on `port`; when coming back on the port it had, retries for a while if the port is still
 * taken (a client socket of this machine may hold it as its local port for a moment).
 */
async function listenOn(server: net.Server, port: number, host: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (error) {
      if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
