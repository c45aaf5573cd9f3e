import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** One bad field of a refused request (`details` of VALIDATION_FAILED). */
export class FieldProblemDto {
  @ApiProperty({ description: 'The field, as a path into the body or the URL', example: 'serviceInstanceProfile.name' })
  field!: string;

  @ApiProperty({
    type: [String],
    description: 'Why it was refused',
    example: ['name must be 1 to 30 characters (the hunt group name)'],
  })
  reasons!: string[];
}

/** What BroadWorks said (`details` of a BroadWorks refusal). */
export class BroadWorksErrorDetailsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'BroadWorks error code', example: 4008 })
  error_code!: number | null;

  @ApiProperty({ enum: ['Error', 'Warning', 'Info'], example: 'Error' })
  level!: string;

  @ApiProperty({ description: 'BroadWorks summary', example: '[Error 4008] User not found: ApioHgTest@sip.netaxis.be' })
  summary!: string;

  @ApiProperty({ description: 'BroadWorks detail, "" when none', example: '' })
  detail!: string;
}

/** The JSON envelope of every error answer. */
@ApiExtraModels(FieldProblemDto, BroadWorksErrorDetailsDto)
export class ErrorEnvelopeDto {
  @ApiProperty({
    description: 'One readable sentence',
    example: 'Invalid request: noAnswerNumberOfRings: noAnswerNumberOfRings must be 1 to 20 rings',
  })
  error!: string;

  @ApiProperty({
    description: 'Machine-readable symbol: VALIDATION_FAILED, NOT_FOUND, CONFLICT, BROADWORKS_UNAVAILABLE…',
    example: 'VALIDATION_FAILED',
  })
  code!: string;

  @ApiProperty({
    nullable: true,
    description:
      'Validation failures: each bad field with its reasons. BroadWorks refusals: what BroadWorks said. Other errors: what the client can use (the current ETag of a 412…), or null.',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemDto) } },
      { $ref: getSchemaPath(BroadWorksErrorDetailsDto) },
    ],
  })
  details!: FieldProblemDto[] | BroadWorksErrorDetailsDto | Record<string, unknown> | null;
}

type Example = { summary: string; value: { error: string; code: string; details: unknown } };

const broadworks = (code: number, text: string): BroadWorksErrorDetailsDto => ({
  error_code: code,
  level: 'Error',
  summary: `[Error ${code}] ${text}`,
  detail: '',
});

/** Real answers of the demo (tenant ApioSpTest, group ApioGrpTest), one set per status. */
const EXAMPLES: Record<number, { description: string; examples: Record<string, Example> }> = {
  400: {
    description:
      'Bad input: a field out of its bounds (each named with its reasons), an unknown template, or a request BroadWorks refuses',
    examples: {
      validation: {
        summary: 'A field out of bounds',
        value: {
          error: 'Invalid request: noAnswerNumberOfRings: noAnswerNumberOfRings must be 1 to 20 rings',
          code: 'VALIDATION_FAILED',
          details: [{ field: 'noAnswerNumberOfRings', reasons: ['noAnswerNumberOfRings must be 1 to 20 rings'] }],
        },
      },
      broadworks: {
        summary: 'BroadWorks refused the values',
        value: {
          error: 'BroadWorks refused the request: [Error 4515] Language not found: Klingon',
          code: 'BROADWORKS_ERROR',
          details: broadworks(4515, 'Language not found: Klingon'),
        },
      },
    },
  },
  401: {
    description: 'No bearer token, or one that is invalid or expired',
    examples: {
      missing: {
        summary: 'No token',
        value: {
          error: 'This API needs a token: Authorization: Bearer <access token>',
          code: 'UNAUTHENTICATED',
          details: null,
        },
      },
    },
  },
  403: {
    description: "The token's user may not manage this tenant or group",
    examples: {
      reach: {
        summary: 'Out of reach',
        value: {
          error: 'This user may not manage group ApioGrpTest of tenant ApioSpTest',
          code: 'FORBIDDEN',
          details: null,
        },
      },
    },
  },
  404: {
    description: 'Unknown tenant, group, hunt group or user',
    examples: {
      huntGroup: {
        summary: 'Unknown hunt group',
        value: {
          error: 'Hunt group nope@sip.netaxis.be not found in group ApioGrpTest of tenant ApioSpTest',
          code: 'HUNT_GROUP_NOT_FOUND',
          details: null,
        },
      },
      group: {
        summary: 'Unknown group (BroadWorks says so)',
        value: {
          error: 'BroadWorks refused the request: [Error 4152] Group not found: Nope',
          code: 'NOT_FOUND',
          details: broadworks(4152, 'Group not found: Nope'),
        },
      },
    },
  },
  409: {
    description:
      'The service user id (or a number) is taken; or a request with the same Idempotency-Key is still running (retry after Retry-After)',
    examples: {
      inProgress: {
        summary: 'Same Idempotency-Key, first request still running',
        value: {
          error: 'A request with Idempotency-Key 7f9c-create-sales is still running: retry once it has ended',
          code: 'IDEMPOTENCY_IN_PROGRESS',
          details: { retry_after_s: 1 },
        },
      },
      taken: {
        summary: 'Id taken',
        value: {
          error: 'BroadWorks refused the request: [Error 4501] User already exists: ApioHgTest@sip.netaxis.be',
          code: 'CONFLICT',
          details: broadworks(4501, 'User already exists: ApioHgTest@sip.netaxis.be'),
        },
      },
    },
  },
  412: {
    description:
      'If-Match names another version than the current one (nothing was written), or If-None-Match: * and the id exists',
    examples: {
      changed: {
        summary: 'Changed since read',
        value: {
          error:
            'If-Match "NDZlM2U0ZTk1ZGI5MGE2ZjM5MWY0ZTA3NGUzYzE2NDQ" does not match the current version "cZ1n3g8lP0a2rG9kQw7Vt5xY4uB6sD2e": it changed since it was read',
          code: 'PRECONDITION_FAILED',
          details: { etag: '"cZ1n3g8lP0a2rG9kQw7Vt5xY4uB6sD2e"' },
        },
      },
    },
  },
  415: {
    description: 'A body that is not application/json in UTF-8',
    examples: {
      text: {
        summary: 'A text body',
        value: {
          error: 'The body must be application/json (charset utf-8); this request has Content-Type text/plain',
          code: 'UNSUPPORTED_MEDIA_TYPE',
          details: { accepted: ['application/json'] },
        },
      },
    },
  },
  422: {
    description: 'The Idempotency-Key was used for another request (another method, path or body)',
    examples: {
      reused: {
        summary: 'Key reused',
        value: {
          error:
            'Idempotency-Key 7f9c-create-sales was used for another request (another method, path or body): use a new key for a new request',
          code: 'IDEMPOTENCY_KEY_REUSED',
          details: null,
        },
      },
    },
  },
  428: {
    description: 'API_REQUIRE_IF_MATCH is on and the request has no If-Match',
    examples: {
      missing: {
        summary: 'No If-Match',
        value: {
          error: 'If-Match is required on this service: read the resource, then send its ETag in If-Match',
          code: 'PRECONDITION_REQUIRED',
          details: null,
        },
      },
    },
  },
  502: {
    description: 'BroadWorks answered something that is not OCI-P',
    examples: {
      bad: {
        summary: 'Not OCI-P',
        value: {
          error: 'BroadWorks answered something that is not OCI-P: nothing was changed; try again later',
          code: 'BROADWORKS_BAD_RESPONSE',
          details: null,
        },
      },
    },
  },
  503: {
    description:
      'BroadWorks cannot be reached (down, refusing the connection or the login), or too many calls wait for it; the reason is in the service log',
    examples: {
      down: {
        summary: 'No connection',
        value: {
          error: 'BroadWorks cannot be reached: no connection to BroadWorks is available; try again later',
          code: 'BROADWORKS_UNAVAILABLE',
          details: null,
        },
      },
      busy: {
        summary: 'Too many calls waiting',
        value: {
          error: 'BroadWorks cannot be reached: too many calls are waiting for BroadWorks; try again in a moment',
          code: 'BROADWORKS_UNAVAILABLE',
          details: null,
        },
      },
    },
  },
  504: {
    description:
      'BroadWorks did not answer in time, or the connection was lost after a change was sent (it may or may not have been applied)',
    examples: {
      timeout: {
        summary: 'No answer in time',
        value: {
          error:
            'BroadWorks did not answer in time: the change may or may not have been applied: read it back before trying again',
          code: 'BROADWORKS_TIMEOUT',
          details: null,
        },
      },
      unknownOutcome: {
        summary: 'Change sent, answer lost',
        value: {
          error:
            'The outcome of the change is unknown: the change may or may not have been applied; it was not re-sent: read it back before trying again',
          code: 'BROADWORKS_UNKNOWN_OUTCOME',
          details: null,
        },
      },
    },
  },
};

/** Every status a call that goes to BroadWorks can end with besides its success. */
export const BROADWORKS_CALL_ERRORS = [400, 401, 403, 404, 502, 503, 504] as const;

/** Documents error answers: the JSON envelope, with the demo's real examples for each status. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto),
    ...statuses.map((status) => {
      const known = EXAMPLES[status];
      if (!known) throw new Error(`No error example for status ${status}`);
      return ApiResponse({
        status,
        description: known.description,
        content: {
          'application/json': { schema: { $ref: getSchemaPath(ErrorEnvelopeDto) }, examples: known.examples },
        },
      });
    }),
  );
}
