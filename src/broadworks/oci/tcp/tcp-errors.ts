import { OciTransportError, type OciTransportFailure } from '../../../ocip/oci-errors.js';

/**
 * What can go wrong on one OCI-P connection. These never reach the REST layer: the gateway turns
 * them into OciTransportError (with the read/write distinction only it knows).
 */

/** The connection ended. `sent` says whether the document had been written when it did. */
export class ConnectionLostError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
  ) {
    super(message);
    this.name = 'ConnectionLostError';
  }
}

/** No answer within the request timeout; the connection has been destroyed. */
export class AnswerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'AnswerTimeoutError';
  }
}

/** The peer answered something that is not the OCI-P answer to our document; the connection has been destroyed. */
export class BadAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadAnswerError';
  }
}

/**
 * BroadWorks answered the login with an ErrorResponse. `badCredentials` is true for
 * `[Error 4962] Invalid userId or password`: retrying soon cannot help, only a configuration fix.
 */
export class LoginRefusedError extends Error {
  constructor(
    message: string,
    readonly badCredentials: boolean,
  ) {
    super(message);
    this.name = 'LoginRefusedError';
  }
}

/**
 * What a REST client reads when a call fails on the transport (after decode-error.ts's
 * "BroadWorks cannot be reached: " and the like): what it can do about it, and nothing about how the
 * service reaches BroadWorks. The login name, host, port, pool size, timeouts and whatever the peer
 * sent go in the error's `cause`, which only the log shows (logging/oci-exchange-log.ts).
 */
export const CLIENT_MESSAGES = {
  /** No session logged in: BroadWorks down, refusing connections, refusing the login, or the connection lost. */
  unavailable: 'no connection to BroadWorks is available; try again later',
  /** Every session busy and the queue full. */
  busy: 'too many calls are waiting for BroadWorks; try again in a moment',
  /** Every session stayed busy until the request timeout: nothing was sent. */
  noFreeSession: 'BroadWorks is busy; nothing was sent, try again later',
  shuttingDown: 'the service is shutting down; try again in a moment',
  /** A read that timed out or was answered with something that is not OCI-P: safe to send again. */
  retryRead: 'nothing was changed; try again later',
  /** A write that BroadWorks may have run before the failure. */
  mayOrMayNot: 'the change may or may not have been applied: read it back before trying again',
  /** A write cut off after it was sent. */
  notResent: 'the change may or may not have been applied; it was not re-sent: read it back before trying again',
} as const;

/** A transport error whose message a client may read, and whose `cause` (the full reason) only the log shows. */
export function transportFailure(
  failure: OciTransportFailure,
  clientMessage: string,
  cause: unknown,
): OciTransportError {
  const error = new OciTransportError(failure, clientMessage);
  error.cause = cause;
  return error;
}
