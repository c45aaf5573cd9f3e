/** `?assign=true` of the hunt group services' PUTs, beside `?dryRun` and If-Match. */
import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtraModels, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { ValidationFailed } from '../../domain/errors.js';
import { ErrorEnvelopeDto } from '../openapi/error-responses.js';
import { QueryParameters } from '../request-shape.js';
import { Write } from '../writes.js';

/** A services PUT: dry-run and If-Match as every write, and `?assign=true`. */
export const ServiceWrite = (): MethodDecorator =>
  applyDecorators(
    Write(),
    // After Write() (applyDecorators applies in order): this list replaces the one Write() declares.
    QueryParameters('dryRun', 'assign'),
    ApiQuery({
      name: 'assign',
      required: false,
      schema: { type: 'boolean' },
      description:
        'true: when the service is not assigned to the hunt group, assign it first (UserServiceAssignListRequest); if the change then fails, it is unassigned again',
    }),
    ApiServiceConflict(true),
  );

/** The 409 of a service route: not assigned, or its assignment refused. */
export const ApiServiceConflict = (write = false): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto),
    ApiResponse({
      status: 409,
      description:
        'The service is not assigned to the hunt group (and ?assign=true was not given), or the group is not authorized for it (BroadWorks refused to assign it)' +
        (write ? '; or a request with the same Idempotency-Key is still running (retry after Retry-After)' : ''),
      content: {
        'application/json': {
          schema: { $ref: getSchemaPath(ErrorEnvelopeDto) },
          examples: {
            ...(write
              ? {
                  inProgress: {
                    summary: 'Same Idempotency-Key, first request still running',
                    value: {
                      error:
                        'A request with Idempotency-Key 7f9c-forward-busy is still running: retry once it has ended',
                      code: 'IDEMPOTENCY_IN_PROGRESS',
                      details: { retry_after_s: 1 },
                    },
                  },
                }
              : {}),
            notAssigned: {
              summary: 'Not assigned',
              value: {
                error:
                  'Call Forwarding Always is not assigned to hunt group APIOTestHuntGroup@sip.netaxis.be: PUT with ?assign=true assigns it',
                code: 'SERVICE_NOT_ASSIGNED',
                details: { service: 'Call Forwarding Always', serviceUserId: 'APIOTestHuntGroup@sip.netaxis.be' },
              },
            },
            notAuthorized: {
              summary: 'The group does not authorize the service',
              value: {
                error:
                  'BroadWorks refused the request: [Error 4400] Service assignment failed: Call Forwarding Always is not authorized for group ApioGrpTest2',
                code: 'SERVICE_NOT_AUTHORIZED',
                details: {
                  error_code: 4400,
                  level: 'Error',
                  summary:
                    '[Error 4400] Service assignment failed: Call Forwarding Always is not authorized for group ApioGrpTest2',
                  detail: '',
                },
              },
            },
          },
        },
      },
    }),
  );

/** `?assign=` true or false (default false). */
export const AssignOpt = createParamDecorator((_data: unknown, context: ExecutionContext): boolean => {
  const value = (context.switchToHttp().getRequest<Request>().query as Record<string, unknown>).assign;
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new ValidationFailed([{ field: 'assign', reasons: ['assign must be true or false'] }]);
});
