/**
 * The OciGateway over OCI-P TCP (or TLS) to a real BroadWorks, or to the simulator.
 *
 * What it does on each failure (the transport failures map to HTTP in error-envelope.filter.ts):
 * - no session logged in (refused, down, wrong credentials) → 'unreachable' (503), at once, except
 *   that a call finding every session backing off makes one reconnect now (rate-limited) and waits for it;
 * - all sessions busy and queueLimit calls already waiting → 'unreachable' "queue full" (503);
 * - no answer within requestTimeoutMs → 'timeout' (504); the socket is destroyed and replaced;
 * - an answer that is not OCI-P, or with the wrong number of responses → 'bad-response' (502; for
 *   a write, the message says the change may or may not have been applied);
 * - the connection cut after the document was sent: a read-only document is retried once on
 *   another session; a write is never re-sent → 'unknown-outcome' (504, "may or may not have been applied");
 * - BroadWorks says the session is invalid → the session logs in again and the document, which
 *   BroadWorks did not run, is sent once more;
 * - a value XML cannot carry (control characters) → OciEncodingError, before anything is sent (400).
 */
import { MAX_COMMANDS_PER_DOCUMENT, type OciOutcome, type OciRequest } from '../../../ocip/commands.js';
import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { OciGateway, type DocumentOptions, type OciGatewayStats } from '../oci-gateway.js';
import { isReadOnly, isSessionError, toOutcome } from './outcomes.js';
import { SessionPool } from './session-pool.js';
import {
  AnswerTimeoutError,
  BadAnswerError,
  CLIENT_MESSAGES,
  ConnectionLostError,
  transportFailure,
} from './tcp-errors.js';
import type { GatewayLogger, TcpGatewayOptions } from './tcp-gateway-options.js';

export class TcpOciGateway extends OciGateway implements OnModuleInit, OnModuleDestroy {
  private readonly logger: GatewayLogger;
  private readonly pool: SessionPool;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: TcpGatewayOptions) {
    super();
    this.logger = options.logger ?? new Logger('TcpOciGateway');
    this.pool = new SessionPool(options, this.logger);
  }

  /** Logs the sessions in; the boot waits at most connectTimeoutMs and never fails, so the API answers 503 while BroadWorks is down. */
  async onModuleInit(): Promise<void> {
    const { host, port, tls, poolSize, connectTimeoutMs } = this.options;
    const where = `${host}:${port} over ${tls ? 'TLS' : 'plain TCP'}`;
    const started = this.pool.start().then(() => true);
    const settled = await Promise.race([started, sleep(connectTimeoutMs).then(() => false)]);
    const loggedIn = this.pool.loggedIn;
    if (loggedIn > 0) this.logger.log(`Logged in to BroadWorks at ${where}: ${loggedIn} of ${poolSize} sessions`);
    else
      this.logger.error(
        `No session to BroadWorks at ${where} ${settled ? 'could log in' : 'yet'} (${this.pool.whyUnreachable()}); calls answer 503 until one does, retrying in the background`,
      );
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Logs every session out (LogoutRequest "Client Logout") and closes; bounded in time, idempotent. */
  close(): Promise<void> {
    this.closing ??= this.pool.close(this.options.shutdownTimeoutMs ?? Math.min(2000, this.options.requestTimeoutMs));
    return this.closing;
  }

  async execute(commands: readonly OciRequest[], options: DocumentOptions = {}): Promise<OciOutcome[]> {
    if (commands.length < 1 || commands.length > MAX_COMMANDS_PER_DOCUMENT) {
      throw new RangeError(
        `An OCI-P document carries 1..${MAX_COMMANDS_PER_DOCUMENT} commands, not ${commands.length}`,
      );
    }
    const readOnly = commands.every(isReadOnly);
    try {
      return await this.sendDocument(commands, false, options);
    } catch (error) {
      // Re-sending is safe when nothing was sent, or when re-running cannot change anything.
      if (error instanceof ConnectionLostError && (!error.sent || readOnly)) {
        this.logger.warn(
          `Retrying a ${readOnly ? 'read' : 'document BroadWorks did not run'} on another session: ${error.message}`,
        );
        try {
          return await this.sendDocument(commands, true, options);
        } catch (retryError) {
          throw this.transportError(retryError, readOnly);
        }
      }
      throw this.transportError(error, readOnly);
    }
  }

  override stats(): OciGatewayStats {
    return this.pool.stats();
  }

  /** True when a session is logged in and BroadWorks confirms it (VerifySessionIsValidRequest). */
  async isReady(): Promise<boolean> {
    if (this.pool.loggedIn === 0) return false;
    try {
      const [outcome] = await this.execute([{ $type: 'VerifySessionIsValidRequest' }]);
      return !(outcome instanceof Error);
    } catch {
      return false;
    }
  }

  private async sendDocument(
    commands: readonly OciRequest[],
    isRetry: boolean,
    options: DocumentOptions,
  ): Promise<OciOutcome[]> {
    const slot = await this.pool.acquire(isRetry);
    try {
      const outcomes = (await slot.exchange(commands, this.options.requestTimeoutMs, options.trackingId)).map(
        toOutcome,
      );
      if (!outcomes.some(isSessionError)) return outcomes;
      slot.drop('BroadWorks says the session is no longer valid');
      if (!outcomes.every(isSessionError)) return outcomes;
      // BroadWorks ran none of the commands: the document may go again on a fresh session.
      if (!isRetry) throw new ConnectionLostError('BroadWorks says the session is no longer valid', false);
      throw transportFailure(
        'unreachable',
        CLIENT_MESSAGES.unavailable,
        'BroadWorks refuses the session right after logging in',
      );
    } finally {
      this.pool.release(slot);
    }
  }

  /**
   * The OciTransportError for a failure on the wire: a message the client can act on, the
   * connection's own error (host, port, what the peer sent) as its cause, for the log only.
   */
  private transportError(error: unknown, readOnly: boolean): unknown {
    // BroadWorks may have run a change before it stopped answering or answered nonsense: say so.
    const retryOrCheck = readOnly ? CLIENT_MESSAGES.retryRead : CLIENT_MESSAGES.mayOrMayNot;
    if (error instanceof AnswerTimeoutError) return transportFailure('timeout', retryOrCheck, error);
    if (error instanceof BadAnswerError) return transportFailure('bad-response', retryOrCheck, error);
    if (error instanceof ConnectionLostError) {
      if (error.sent && !readOnly) return transportFailure('unknown-outcome', CLIENT_MESSAGES.notResent, error);
      return transportFailure('unreachable', CLIENT_MESSAGES.unavailable, error);
    }
    // OciTransportError from the pool, OciEncodingError (400), or a programming error (500).
    return error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
