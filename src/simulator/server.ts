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
}

export interface OciSimulator {
  readonly port: number;
  readonly host: string;
  /** The open client connections (for tests: forceLogout, or destroying a socket). */
  readonly connections: ReadonlySet<SimulatorConnection>;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

export async function startOciSimulator(options: OciSimulatorOptions): Promise<OciSimulator> {
  const { engine, tls: tlsOptions } = options;
  const accepted = options.credentials ? new Map(options.credentials.map((c) => [c.userId, c.password])) : undefined;
  const context = {
    engine,
    passwordOf: (userId: string) => (accepted ? accepted.get(userId) : engine.findAdministrator(userId)?.password),
    secure: tlsOptions !== undefined,
    latencyMs: options.latencyMs ?? 0,
  };
  const connections = new Set<SimulatorConnection>();
  const serve = (socket: net.Socket): void => {
    const connection = new SimulatorConnection(socket, context);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  };
  const server = tlsOptions ? tls.createServer({ key: tlsOptions.key, cert: tlsOptions.cert }, serve) : net.createServer(serve);
  // A failed TLS handshake concerns that client only.
  server.on('tlsClientError', (_error: Error, socket: net.Socket) => socket.destroy());
  // Every raw socket, including those still in the TLS handshake, so close() never waits on one.
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    host,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        for (const connection of connections) connection.socket.destroy();
      }),
  };
}
