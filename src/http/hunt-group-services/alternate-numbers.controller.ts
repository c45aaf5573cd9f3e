import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlternateNumbers } from '../../domain/hunt-group-service-settings.js';
import { HuntGroupServicesService } from '../../domain/hunt-group-services/hunt-group-services.service.js';
import type { DryRun, WriteOptions } from '../../domain/writes.js';
import { ApiErrorResponses, BROADWORKS_CALL_ERRORS } from '../openapi/error-responses.js';
import { ALTERNATE_NUMBERS_ANSWER, ALTERNATE_NUMBERS_REQUEST } from '../openapi/examples.js';
import { HuntGroupParamsDto, scopeOf } from '../route-params.dto.js';
import { Versioned, WriteOpts } from '../writes.js';
import { ALTERNATE_SLOTS, AlternateNumbersAnswerDto, AlternateNumbersDto } from './dto/alternate-numbers.dto.js';
import { ApiServiceConflict, AssignOpt, ServiceWrite } from './service-write.js';

/** A hunt group's alternate numbers (UserAlternateNumbers* on its service user id). */
@ApiTags('hunt group services')
@ApiBearerAuth()
@ApiErrorResponses(...BROADWORKS_CALL_ERRORS)
@Controller('api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/alternate_numbers')
export class AlternateNumbersController {
  constructor(private readonly services: HuntGroupServicesService) {}

  @Get()
  @ApiOperation({
    summary: "The hunt group's alternate numbers",
    description: 'The extra numbers and extensions that ring the hunt group. Not assigned: 409 SERVICE_NOT_ASSIGNED.',
  })
  @ApiOkResponse({ type: AlternateNumbersAnswerDto, example: ALTERNATE_NUMBERS_ANSWER })
  @ApiServiceConflict()
  @Versioned()
  get(@Param() p: HuntGroupParamsDto): Promise<AlternateNumbers> {
    return this.services.alternateNumbers(scopeOf(p), p.name);
  }

  @Put()
  @ApiOperation({
    summary: 'Set the alternate numbers',
    description:
      `alternateNumbers replaces the list (up to ${ALTERNATE_SLOTS}; [] removes all); distinctiveRing changes when given. ` +
      'Each number must be a free number of the group (or already one of this hunt group): an entry that is not, an entry ' +
      `past the ${ALTERNATE_SLOTS}th, or one repeated is a 400 naming it, and nothing changes. Numbers let go become free. ` +
      'Not assigned: 409 SERVICE_NOT_ASSIGNED, or ?assign=true to assign it first (all or nothing).',
  })
  @ApiBody({
    type: AlternateNumbersDto,
    examples: { two: { summary: 'A number and an extension', value: ALTERNATE_NUMBERS_REQUEST } },
  })
  @ApiOkResponse({
    type: AlternateNumbersAnswerDto,
    description: 'As GET answers it',
    example: ALTERNATE_NUMBERS_ANSWER,
  })
  @ApiErrorResponses(412, 415, 428)
  @ServiceWrite()
  @Versioned()
  set(
    @Param() p: HuntGroupParamsDto,
    @Body() body: AlternateNumbersDto,
    @WriteOpts() options: WriteOptions,
    @AssignOpt() assign: boolean,
  ): Promise<AlternateNumbers | DryRun<AlternateNumbers>> {
    return this.services.setAlternateNumbers(scopeOf(p), p.name, body, { ...options, assign });
  }
}
