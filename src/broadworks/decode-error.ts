/**
 * BroadWorks' failures decoded once, at the boundary, into domain errors: the one place that knows
 * BroadWorks' error codes and wording, the way a protocol client maps its status codes to error
 * classes. Codes first (4008 user, 4152 group), then BroadWorks' wording for servers that leave
 * codes out.
 */
import {
  AlreadyInUse,
  ApiError,
  BroadWorksBadResponse,
  BroadWorksNotFound,
  BroadWorksRefusal,
  BroadWorksTimeout,
  BroadWorksUnavailable,
  IdTaken,
  InvalidCharacters,
  ServiceNotAuthorized,
  ServiceNotAssignedRefusal,
  UnknownOutcome,
  type BroadWorksError,
} from '../domain/errors.js';
import { OciErrorResponse, OciTransportError } from '../ocip/oci-errors.js';
import { OciEncodingError } from '../ocip/protocol/protocol-errors.js';

const NOT_FOUND_CODES = new Set([4008, 4152]);
const NOT_FOUND_TEXT = /^\[\w+ \d+\] (Service Provider|Enterprise|Group|User) not found\b/i;
const ID_TAKEN_TEXT = /\balready exists\b/i;
const IN_USE_CODES = new Set([4267]);
const IN_USE_TEXT = /already (assigned|in use)/i;
/**
 * A service the group does not authorize (4400 is BroadWorks' code for any failed assignment, so
 * the wording decides); a user service a command needs that is not assigned.
 */
const NOT_AUTHORIZED_TEXT = /\bservice assignment failed\b.*\bnot authorized\b/i;
const NOT_ASSIGNED_TEXT = /\bservice not assigned\b/i;

/** An ErrorResponse as the domain sees it. */
export function refusalOf(error: OciErrorResponse): BroadWorksRefusal {
  const said: BroadWorksError = {
    errorCode: error.errorCode,
    level: error.level,
    summary: error.summary,
    summaryEnglish: error.summaryEnglish,
    detail: error.detail,
  };
  const code = error.errorCode;
  if ((code !== undefined && NOT_FOUND_CODES.has(code)) || NOT_FOUND_TEXT.test(error.summary)) {
    return new BroadWorksNotFound(said);
  }
  if (NOT_AUTHORIZED_TEXT.test(error.summary)) return new ServiceNotAuthorized(said);
  if (NOT_ASSIGNED_TEXT.test(error.summary)) return new ServiceNotAssignedRefusal(said);
  if (ID_TAKEN_TEXT.test(error.summary)) return new IdTaken(said);
  if ((code !== undefined && IN_USE_CODES.has(code)) || IN_USE_TEXT.test(error.summary)) return new AlreadyInUse(said);
  return new BroadWorksRefusal(said);
}

const TRANSPORT: Record<OciTransportError['failure'], (message: string) => ApiError> = {
  unreachable: (m) => new BroadWorksUnavailable(`BroadWorks cannot be reached: ${m}`),
  timeout: (m) => new BroadWorksTimeout(`BroadWorks did not answer in time: ${m}`),
  'bad-response': (m) => new BroadWorksBadResponse(`BroadWorks answered something that is not OCI-P: ${m}`),
  'unknown-outcome': (m) => new UnknownOutcome(`The outcome of the change is unknown: ${m}`),
};

/**
 * Any failure of an exchange with BroadWorks as a domain error; anything else is passed on as it is.
 * A transport failure's message is what a client may read (what it can do, nothing of how the
 * service reaches BroadWorks); its cause, with the details, goes to the log only.
 */
export function decodeError(error: unknown): unknown {
  if (error instanceof OciErrorResponse) return refusalOf(error);
  if (error instanceof OciTransportError) return TRANSPORT[error.failure](error.message);
  if (error instanceof OciEncodingError) {
    // A client string XML cannot carry (control characters), caught before anything was sent.
    return new InvalidCharacters(`A value cannot be sent to BroadWorks: ${error.message}`);
  }
  return error;
}
