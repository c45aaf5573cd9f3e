import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { OciErrorResponse, OciTransportError } from '../broadworks/oci/oci-errors.js';
import { OciEncodingError } from '../broadworks/oci/protocol/protocol-errors.js';
import { ApiError, type ApiErrorKind } from '../domain/errors.js';

/** The JSON error envelope every failure is answered with. */
export interface ErrorEnvelope {
  error: string;
  code: string;
  details?: unknown;
}

const STATUS_OF_KIND: Record<ApiErrorKind, number> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'too-many-requests': HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * BroadWorks errors that mean a tenant, group or user of the URL does not exist (404), or that an
 * id, number or name is taken (409). Anything else BroadWorks refuses is bad input (400).
 * Codes first (4008 user, 4152 group), then BroadWorks' wording for servers that leave codes out.
 */
const NOT_FOUND_CODES = new Set([4008, 4152]);
const NOT_FOUND_TEXT = /^\[\w+ \d+\] (Service Provider|Enterprise|Group|User) not found\b/i;
const CONFLICT_CODES = new Set([4267]);
const CONFLICT_TEXT = /already (exists|assigned|in use)/i;

function broadWorksStatus(error: OciErrorResponse): { status: number; code: string } {
  const code = error.errorCode;
  if ((code !== undefined && NOT_FOUND_CODES.has(code)) || NOT_FOUND_TEXT.test(error.summary)) {
    return { status: HttpStatus.NOT_FOUND, code: 'NOT_FOUND' };
  }
  if ((code !== undefined && CONFLICT_CODES.has(code)) || CONFLICT_TEXT.test(error.summary)) {
    return { status: HttpStatus.CONFLICT, code: 'CONFLICT' };
  }
  return { status: HttpStatus.BAD_REQUEST, code: 'BROADWORKS_ERROR' };
}

const TRANSPORT_STATUS: Record<OciTransportError['failure'], { status: number; code: string; error: string }> = {
  unreachable: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    code: 'BROADWORKS_UNAVAILABLE',
    error: 'BroadWorks cannot be reached',
  },
  timeout: {
    status: HttpStatus.GATEWAY_TIMEOUT,
    code: 'BROADWORKS_TIMEOUT',
    error: 'BroadWorks did not answer in time',
  },
  'bad-response': {
    status: HttpStatus.BAD_GATEWAY,
    code: 'BROADWORKS_BAD_RESPONSE',
    error: 'BroadWorks answered something that is not OCI-P',
  },
  'unknown-outcome': {
    status: HttpStatus.GATEWAY_TIMEOUT,
    code: 'BROADWORKS_UNKNOWN_OUTCOME',
    error: 'The connection to BroadWorks was lost after the change was sent: it may or may not have been applied',
  },
};

/** Maps every error to a status and the envelope; anything unexpected is a 500 that leaks nothing. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toEnvelope(exception);
    if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (exception instanceof ApiError && exception.headers) response.set(exception.headers);
    response.status(status).json(body);
  }

  toEnvelope(exception: unknown): { status: number; body: ErrorEnvelope } {
    if (exception instanceof ApiError) {
      const body: ErrorEnvelope = { error: exception.message, code: exception.code };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: STATUS_OF_KIND[exception.kind], body };
    }
    if (exception instanceof OciErrorResponse) {
      const { status, code } = broadWorksStatus(exception);
      return {
        status,
        body: {
          error: `BroadWorks refused the request: ${exception.summaryEnglish}`,
          code,
          details: {
            error_code: exception.errorCode ?? null,
            level: exception.level,
            summary: exception.summary,
            detail: exception.detail ?? '',
          },
        },
      };
    }
    if (exception instanceof OciTransportError) {
      const mapped = TRANSPORT_STATUS[exception.failure];
      return { status: mapped.status, body: { error: `${mapped.error}: ${exception.message}`, code: mapped.code } };
    }
    if (exception instanceof OciEncodingError) {
      // A client string XML cannot carry (control characters): the client's input, caught before anything was sent.
      return {
        status: HttpStatus.BAD_REQUEST,
        body: { error: `A value cannot be sent to BroadWorks: ${exception.message}`, code: 'INVALID_CHARACTERS' },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { error: httpMessage(exception), code: httpCode(status) } };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { error: 'Internal error', code: 'INTERNAL_ERROR' } };
  }
}

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
