/** Failures of OCI-P calls, free of any HTTP notion; the exception filter maps them to statuses. */

export type OciErrorLevel = 'Error' | 'Warning' | 'Info';

/** BroadWorks answered a command with ErrorResponse. */
export class OciErrorResponse extends Error {
  constructor(
    readonly summary: string,
    readonly code?: number,
    readonly detail?: string,
    readonly level: OciErrorLevel = 'Error',
    readonly summaryEnglish: string = summary,
  ) {
    super(summary);
    this.name = 'OciErrorResponse';
  }

  /** Builds the error the way BroadWorks words it: `[Error 4008] User not found: bob@example.com`. */
  static of(code: number, text: string, detail?: string): OciErrorResponse {
    return new OciErrorResponse(`[Error ${code}] ${text}`, code, detail);
  }

  /** The error code, read from errorCode or else from the `[Error NNNN]` prefix of the summary. */
  get errorCode(): number | undefined {
    if (this.code !== undefined) return this.code;
    const match = /^\[(?:Error|Warning|Info) (\d+)\]/.exec(this.summary);
    return match ? Number(match[1]) : undefined;
  }
}

/**
 * The exchange with BroadWorks itself failed.
 * - unreachable: no logged-in session could be had (refused, wrong credentials, queue full);
 * - timeout: BroadWorks did not answer in time;
 * - bad-response: the answer was not OCI-P;
 * - unknown-outcome: a write was cut off after it was sent, so whether it was applied is unknown.
 */
export type OciTransportFailure = 'unreachable' | 'timeout' | 'bad-response' | 'unknown-outcome';

export class OciTransportError extends Error {
  constructor(
    readonly failure: OciTransportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OciTransportError';
  }
}
