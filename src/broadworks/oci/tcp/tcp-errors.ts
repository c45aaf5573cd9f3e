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
