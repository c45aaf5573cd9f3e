/**
 * Transport-free errors: the domain, the BroadWorks adapter and auth raise them; the HTTP edge's
 * exception filter turns each kind into a status. `code` is the machine-readable symbol of the JSON
 * error envelope. No HTTP and no OCI-P here.
 */
export type ApiErrorKind =
  | 'bad-request'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'too-many-requests'
  /** If-Match does not match the current version, or If-None-Match: * found the resource. */
  | 'precondition-failed'
  /** If-Match is required and missing. */
  | 'precondition-required'
  /** A well-formed request that cannot be processed (an idempotency key used for another request). */
  | 'unprocessable'
  /** A body of a media type the route does not take. */
  | 'unsupported-media-type'
  /** BroadWorks (or another backend) cannot be reached: try again later. */
  | 'unavailable'
  /** BroadWorks did not answer in time. */
  | 'timeout'
  /** BroadWorks answered something that is not OCI-P. */
  | 'bad-gateway';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Response headers that go with the answer (WWW-Authenticate, Retry-After). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  static badRequest(code: string, message: string, details?: unknown): ApiError {
    return new ApiError('bad-request', code, message, details);
  }
  static notFound(code: string, message: string, details?: unknown): ApiError {
    return new ApiError('not-found', code, message, details);
  }
  static conflict(code: string, message: string, details?: unknown): ApiError {
    return new ApiError('conflict', code, message, details);
  }
  /** 401, with the RFC 6750 challenge so clients know a bearer token is expected. */
  static unauthorized(code: string, message: string, tokenProblem?: 'invalid_token'): ApiError {
    const challenge = tokenProblem
      ? `Bearer realm="hunt-group-api", error="${tokenProblem}"`
      : 'Bearer realm="hunt-group-api"';
    return new ApiError('unauthorized', code, message, undefined, { 'WWW-Authenticate': challenge });
  }
  static forbidden(code: string, message: string): ApiError {
    return new ApiError('forbidden', code, message);
  }
  /** 503: something the request needs (the store) cannot be reached now; worth retrying later. */
  static unavailable(code: string, message: string, retryAfterS: number): ApiError {
    return new ApiError('unavailable', code, message, undefined, { 'Retry-After': String(retryAfterS) });
  }
  static tooManyRequests(code: string, message: string, retryAfterS: number): ApiError {
    return new ApiError(
      'too-many-requests',
      code,
      message,
      { retry_after_s: retryAfterS },
      { 'Retry-After': String(retryAfterS) },
    );
  }
}

/** One bad field of a request, as the validation answer lists them. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}

/** 400 naming each bad field with its reasons. */
export class ValidationFailed extends ApiError {
  constructor(
    readonly problems: FieldProblem[],
    code = 'VALIDATION_FAILED',
  ) {
    const summary = problems.map((p) => `${p.field}: ${p.reasons.join(', ')}`).join('; ');
    super('bad-request', code, `Invalid request: ${summary}`, problems);
  }
}

/** The hunt group is not one of this group's (or does not exist at all: the two look the same). */
export class HuntGroupNotFound extends ApiError {
  constructor(tenantId: string, groupId: string, serviceUserId: string) {
    super(
      'not-found',
      'HUNT_GROUP_NOT_FOUND',
      `Hunt group ${serviceUserId} not found in group ${groupId} of tenant ${tenantId}`,
    );
  }
}

/**
 * Users who cannot be agents of this group's hunt groups. An unknown user and a user of another
 * group or tenant look the same, on purpose: the answer must not reveal users outside the caller's reach.
 */
export class AgentsUnavailable extends ApiError {
  constructor(
    readonly userIds: readonly string[],
    groupId: string,
  ) {
    super(
      'bad-request',
      'AGENT_NOT_AVAILABLE',
      `agents: ${userIds.join(', ')} ${userIds.length === 1 ? 'is' : 'are'} not a user who can be an agent of hunt groups in group ${groupId}`,
      userIds.map((userId) => ({
        field: 'agents',
        userId,
        reasons: ['unknown user, or not available to this hunt group'],
      })),
    );
  }
}

/** What BroadWorks said when it refused a command, kept for the client. */
export interface BroadWorksError {
  errorCode?: number;
  level: 'Error' | 'Warning' | 'Info';
  summary: string;
  summaryEnglish: string;
  detail?: string;
}

/**
 * BroadWorks refused a command. Subclasses say what the refusal means for the domain; a refusal
 * with no meaning known to the domain is bad input (400 BROADWORKS_ERROR).
 */
export class BroadWorksRefusal extends ApiError {
  constructor(
    readonly refusal: BroadWorksError,
    kind: ApiErrorKind = 'bad-request',
    code = 'BROADWORKS_ERROR',
  ) {
    super(kind, code, `BroadWorks refused the request: ${refusal.summaryEnglish}`, {
      error_code: refusal.errorCode ?? null,
      level: refusal.level,
      summary: refusal.summary,
      detail: refusal.detail ?? '',
    });
  }
}

/** A service provider, group or user named by the request does not exist. */
export class BroadWorksNotFound extends BroadWorksRefusal {
  constructor(refusal: BroadWorksError) {
    super(refusal, 'not-found', 'NOT_FOUND');
  }
}

/** The user id exists already (ids are global in BroadWorks: maybe in another group). */
export class IdTaken extends BroadWorksRefusal {
  constructor(refusal: BroadWorksError) {
    super(refusal, 'conflict', 'CONFLICT');
  }
}

/** A number, extension, alias or name is already assigned or in use. */
export class AlreadyInUse extends BroadWorksRefusal {
  constructor(refusal: BroadWorksError) {
    super(refusal, 'conflict', 'CONFLICT');
  }
}

/** BroadWorks cannot be reached (refused, down, login refused, too many calls waiting). */
export class BroadWorksUnavailable extends ApiError {
  constructor(message = 'BroadWorks cannot be reached; try again later') {
    super('unavailable', 'BROADWORKS_UNAVAILABLE', message);
  }
}

/** BroadWorks did not answer in time; for a change, it may or may not have been applied. */
export class BroadWorksTimeout extends ApiError {
  constructor(message: string) {
    super('timeout', 'BROADWORKS_TIMEOUT', message);
  }
}

/** BroadWorks answered something that is not OCI-P. */
export class BroadWorksBadResponse extends ApiError {
  constructor(message: string) {
    super('bad-gateway', 'BROADWORKS_BAD_RESPONSE', message);
  }
}

/** A change was sent and its answer lost, or it was partly applied and could not be undone. */
export class UnknownOutcome extends ApiError {
  constructor(message: string) {
    super('timeout', 'BROADWORKS_UNKNOWN_OUTCOME', message);
  }
}

/** A string that BroadWorks' XML cannot carry (control characters). */
export class InvalidCharacters extends ApiError {
  constructor(message: string) {
    super('bad-request', 'INVALID_CHARACTERS', message);
  }
}

/** A service of the hunt group (call forwarding, alternate numbers) is not assigned to it: 409 naming it. */
export class ServiceNotAssigned extends ApiError {
  constructor(
    readonly service: string,
    serviceUserId: string,
  ) {
    super(
      'conflict',
      'SERVICE_NOT_ASSIGNED',
      `${service} is not assigned to hunt group ${serviceUserId}: PUT with ?assign=true assigns it`,
      { service, serviceUserId },
    );
  }
}

/** BroadWorks refused a command because a user service it needs is not assigned (a change raced ours). */
export class ServiceNotAssignedRefusal extends BroadWorksRefusal {
  constructor(refusal: BroadWorksError) {
    super(refusal, 'conflict', 'SERVICE_NOT_ASSIGNED');
  }
}

/** BroadWorks refused to assign a service the hunt group's group is not authorized for. */
export class ServiceNotAuthorized extends BroadWorksRefusal {
  constructor(refusal: BroadWorksError) {
    super(refusal, 'conflict', 'SERVICE_NOT_AUTHORIZED');
  }
}
