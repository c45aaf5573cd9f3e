/**
 * Transport-free errors the features raise; the exception filter turns each kind into a status.
 * `code` is the machine-readable symbol of the JSON error envelope.
 */
export type ApiErrorKind =
  'bad-request' | 'not-found' | 'conflict' | 'forbidden' | 'unauthorized' | 'too-many-requests' | 'unavailable';

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
    this.name = 'ApiError';
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
