import type { OciOutcome, OciRequest, ResponsesTo } from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';

/** What a pooled gateway is doing, for the metrics; numbers since the gateway started. */
export interface OciGatewayStats {
  /** Sessions the pool is configured to hold. */
  poolSize: number;
  /** Sessions carrying a document right now. */
  busySessions: number;
  /** Calls waiting for a free session. */
  queueLength: number;
  /** Sessions re-established after one was lost or refused (total). */
  reconnects: number;
}

/** What a document carries besides its commands. */
export interface DocumentOptions {
  /** BroadsoftDocument's trackingId: the id of the request that caused the document. */
  readonly trackingId?: string;
}

/**
 * The port every feature talks to BroadWorks through (and the DI token). A document's commands are
 * answered one by one and in order; nothing makes a document atomic, so `execute` reports each
 * outcome, and `send` is the common case that wants them all to succeed.
 */
export abstract class OciGateway {
  /** Sends 1..15 commands as one OCI-P document (one round trip); one outcome per command, in order. */
  abstract execute(commands: readonly OciRequest[], options?: DocumentOptions): Promise<OciOutcome[]>;

  /** Whether BroadWorks is reachable and a session is logged in. */
  abstract isReady(): Promise<boolean>;

  /** The pool's numbers for /metrics; undefined for a gateway without a pool (the in-memory one). */
  stats(): OciGatewayStats | undefined {
    return undefined;
  }

  /** Sends the commands as one document and throws the first ErrorResponse among the answers. */
  async send<T extends readonly OciRequest[]>(...commands: T): Promise<ResponsesTo<T>> {
    const outcomes = await this.execute(commands);
    const failure = outcomes.find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
    if (failure) throw failure;
    return outcomes as ResponsesTo<T>;
  }
}
