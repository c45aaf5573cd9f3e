import { readFileSync } from 'node:fs';
import type { OciConfig } from '../../../config/namespaces.js';

/** Where the log lines of the gateway go (Nest's Logger fits; tests pass a silent or recording one). */
export interface GatewayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface TlsOptions {
  /** PEM of the CA(s) that signed BroadWorks' certificate; the system CAs when undefined. */
  readonly ca?: string | Buffer;
  /** Name expected on the certificate when it differs from the host (also sent as SNI). */
  readonly servername?: string;
}

export interface TcpGatewayOptions {
  readonly host: string;
  readonly port: number;
  readonly userId: string;
  readonly password: string;
  /** Present: TLS with LoginRequest22V5; absent: plain TCP with the signed-password login. */
  readonly tls?: TlsOptions;
  readonly poolSize: number;
  /** Calls that may wait for a free session; one more is refused at once (503). */
  readonly queueLimit: number;
  /** Bound on opening the TCP (and TLS) connection. */
  readonly connectTimeoutMs: number;
  /** Bound on each document's answer, and on a call's wait for a free session. */
  readonly requestTimeoutMs: number;
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
  /** Bound on logging out every session at shutdown. */
  readonly shutdownTimeoutMs?: number;
  readonly logger?: GatewayLogger;
}

/** Turns the validated configuration into gateway options (reads the CA file, so a wrong path stops the boot). */
export function tcpGatewayOptions(config: OciConfig): TcpGatewayOptions {
  return {
    host: config.host,
    port: config.port,
    userId: config.user,
    password: config.password,
    tls: config.tls
      ? { ca: config.tlsCaFile ? readFileSync(config.tlsCaFile) : undefined, servername: config.tlsServerName }
      : undefined,
    poolSize: config.poolSize,
    queueLimit: config.queueLimit,
    connectTimeoutMs: config.connectTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    reconnectBaseMs: config.reconnectBaseMs,
    reconnectMaxMs: config.reconnectMaxMs,
  };
}
