/**
 * Transport-free errors the features raise; the exception filter turns each kind into a status.
 * `code` is the machine-readable symbol of the JSON error envelope.
 */
export type ApiErrorKind = 'bad-request' | 'not-found' | 'conflict' | 'forbidden' | 'unauthorized';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
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
}

/** One bad field of a request, as the validation answer lists them. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}
