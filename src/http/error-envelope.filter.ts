import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, type ApiErrorKind } from '../domain/errors.js';

/** The JSON error envelope every failure is answered with. */
export interface ErrorEnvelope {
  error: string;
  code: string;
  /** What the client can use beyond the sentence, or null when there is nothing to add: always present. */
  details: unknown;
}

const STATUS_OF_KIND: Record<ApiErrorKind, number> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'too-many-requests': HttpStatus.TOO_MANY_REQUESTS,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  'precondition-failed': HttpStatus.PRECONDITION_FAILED,
  'precondition-required': HttpStatus.PRECONDITION_REQUIRED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  timeout: HttpStatus.GATEWAY_TIMEOUT,
  'bad-gateway': HttpStatus.BAD_GATEWAY,
};

/**
 * Maps every error to a status and the envelope: domain errors by their kind, Nest's own HTTP
 * exceptions (404 of an unknown route, 413) by their status; anything unexpected is a 500 that
 * leaks nothing.
 */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const exception = unwrapped(thrown);
    const { status, body } = this.toEnvelope(exception);
    if (status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (exception instanceof ApiError && exception.headers) response.set(exception.headers);
    // The audit record of a refused write names the code (see audit/audit.middleware.ts).
    response.locals.errorCode = body.code;
    response.status(status).json(body);
  }

  toEnvelope(thrown: unknown): { status: number; body: ErrorEnvelope } {
    const exception = unwrapped(thrown);
    if (exception instanceof ApiError) {
      const body: ErrorEnvelope = {
        error: exception.message,
        code: exception.code,
        details: exception.details ?? null,
      };
      return { status: STATUS_OF_KIND[exception.kind], body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { error: httpMessage(exception), code: httpCode(status), details: null } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'Internal error', code: 'INTERNAL_ERROR', details: null },
    };
  }
}

/**
 * Express middleware errors (the body parser's, whose checks can throw an ApiError) reach the
 * filter wrapped in an HttpException by Nest, with the original as the cause.
 */
const unwrapped = (thrown: unknown): unknown =>
  thrown instanceof HttpException && thrown.cause instanceof ApiError ? thrown.cause : thrown;

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}

function httpCode(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name ?? `HTTP_${status}`;
}
