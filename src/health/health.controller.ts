import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { BroadWorksHealthIndicator } from './broadworks.health.js';
import { StoreHealthIndicator } from './store.health.js';

const HEALTH_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error', 'shutting_down'] },
    info: { type: 'object', additionalProperties: true },
    error: { type: 'object', additionalProperties: true },
    details: { type: 'object', additionalProperties: true },
  },
};

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly broadworks: BroadWorksHealthIndicator,
    private readonly store: StoreHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Liveness: the process is up and answers HTTP',
    description: 'Does not look at BroadWorks: a BroadWorks outage must not get the service restarted.',
  })
  @ApiOkResponse({
    description: 'The process is up',
    schema: { ...HEALTH_SCHEMA, example: { status: 'ok', info: {}, error: {}, details: {} } },
  })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: the service can carry calls to BroadWorks, and reaches its store',
    description:
      'TCP driver: a session is logged in and BroadWorks confirms it. Memory driver: the simulated BroadWorks is loaded. ' +
      'And PostgreSQL (the store of users, tokens, login bound, audit) answers. 503 while shutting down.',
  })
  @ApiOkResponse({
    description: 'Ready',
    schema: {
      ...HEALTH_SCHEMA,
      example: {
        status: 'ok',
        info: { broadworks: { status: 'up', driver: 'tcp' }, store: { status: 'up', kind: 'server' } },
        error: {},
        details: { broadworks: { status: 'up', driver: 'tcp' }, store: { status: 'up', kind: 'server' } },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'Not ready',
    schema: {
      ...HEALTH_SCHEMA,
      example: {
        status: 'error',
        info: {},
        error: { broadworks: { status: 'down', driver: 'tcp', message: 'no BroadWorks session is logged in' } },
        details: { broadworks: { status: 'down', driver: 'tcp', message: 'no BroadWorks session is logged in' } },
      },
    },
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.broadworks.check(), () => this.store.check()]);
    } catch (error) {
      // Terminus reports "down" by throwing 503 with the result; answer that result as is, not as an error envelope.
      if (error instanceof ServiceUnavailableException) {
        res.status(503);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
