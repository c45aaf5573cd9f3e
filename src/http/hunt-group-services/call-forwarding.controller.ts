import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallForwarding, Forwarding } from '../../domain/hunt-group-service-settings.js';
import { HuntGroupServicesService } from '../../domain/hunt-group-services/hunt-group-services.service.js';
import type { DryRun, WriteOptions } from '../../domain/writes.js';
import { ApiErrorResponses, BROADWORKS_CALL_ERRORS } from '../openapi/error-responses.js';
import {
  FORWARDING_ALWAYS_ANSWER,
  FORWARDING_ALWAYS_REQUEST,
  FORWARDING_BUSY_ANSWER,
  FORWARDING_BUSY_REQUEST,
  FORWARDING_NO_ANSWER_ANSWER,
  FORWARDING_NO_ANSWER_REQUEST,
  FORWARDING_NOT_REACHABLE_ANSWER,
  FORWARDING_NOT_REACHABLE_REQUEST,
} from '../openapi/examples.js';
import { HuntGroupParamsDto, scopeOf } from '../route-params.dto.js';
import { Versioned, WriteOpts } from '../writes.js';
import {
  CallForwardingAlwaysDto,
  CallForwardingAnswerDto,
  CallForwardingBusyDto,
  CallForwardingNoAnswerDto,
  CallForwardingNotReachableDto,
} from './dto/call-forwarding.dto.js';
import { ApiServiceConflict, AssignOpt, ServiceWrite } from './service-write.js';

const PUT_DESCRIPTION =
  'Partial: only what the body carries changes; forwardToPhoneNumber null or "" clears it (not while isActive is true). ' +
  'A service not assigned to the hunt group answers 409 SERVICE_NOT_ASSIGNED; with ?assign=true it is assigned first, ' +
  'in the same all-or-nothing change (if the change fails, it is unassigned again).';

const read = (name: string, example: object) =>
  [
    ApiOperation({
      summary: `The hunt group's ${name}`,
      description: 'A service not assigned to the hunt group answers 409 SERVICE_NOT_ASSIGNED.',
    }),
    ApiOkResponse({ type: CallForwardingAnswerDto, example }),
    ApiServiceConflict(),
    Versioned(),
  ] as const;

/** The four call forwardings of a hunt group (UserCallForwarding* on its service user id). */
@ApiTags('hunt group services')
@ApiBearerAuth()
@ApiErrorResponses(...BROADWORKS_CALL_ERRORS)
@Controller('api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name/call_forwarding')
export class CallForwardingController {
  constructor(private readonly services: HuntGroupServicesService) {}

  @Get('always')
  @applyAll(read('call forwarding always', FORWARDING_ALWAYS_ANSWER))
  always(@Param() p: HuntGroupParamsDto): Promise<CallForwarding> {
    return this.services.forwarding(scopeOf(p), p.name, 'always');
  }

  @Put('always')
  @ApiOperation({ summary: 'Change call forwarding always (and the ring reminder)', description: PUT_DESCRIPTION })
  @ApiBody({
    type: CallForwardingAlwaysDto,
    examples: { on: { summary: 'Forward every call', value: FORWARDING_ALWAYS_REQUEST } },
  })
  @ApiOkResponse({ type: CallForwardingAnswerDto, description: 'As GET answers it', example: FORWARDING_ALWAYS_ANSWER })
  @ApiErrorResponses(412, 415, 428)
  @ServiceWrite()
  @Versioned()
  setAlways(
    @Param() p: HuntGroupParamsDto,
    @Body() body: CallForwardingAlwaysDto,
    @WriteOpts() options: WriteOptions,
    @AssignOpt() assign: boolean,
  ): Promise<CallForwarding | DryRun<CallForwarding>> {
    return this.set(p, 'always', body, options, assign);
  }

  @Get('busy')
  @applyAll(read('call forwarding busy', FORWARDING_BUSY_ANSWER))
  busy(@Param() p: HuntGroupParamsDto): Promise<CallForwarding> {
    return this.services.forwarding(scopeOf(p), p.name, 'busy');
  }

  @Put('busy')
  @ApiOperation({ summary: 'Change call forwarding busy', description: PUT_DESCRIPTION })
  @ApiBody({
    type: CallForwardingBusyDto,
    examples: { on: { summary: 'Forward when busy', value: FORWARDING_BUSY_REQUEST } },
  })
  @ApiOkResponse({ type: CallForwardingAnswerDto, description: 'As GET answers it', example: FORWARDING_BUSY_ANSWER })
  @ApiErrorResponses(412, 415, 428)
  @ServiceWrite()
  @Versioned()
  setBusy(
    @Param() p: HuntGroupParamsDto,
    @Body() body: CallForwardingBusyDto,
    @WriteOpts() options: WriteOptions,
    @AssignOpt() assign: boolean,
  ): Promise<CallForwarding | DryRun<CallForwarding>> {
    return this.set(p, 'busy', body, options, assign);
  }

  @Get('no_answer')
  @applyAll(read('call forwarding no answer', FORWARDING_NO_ANSWER_ANSWER))
  noAnswer(@Param() p: HuntGroupParamsDto): Promise<CallForwarding> {
    return this.services.forwarding(scopeOf(p), p.name, 'no_answer');
  }

  @Put('no_answer')
  @ApiOperation({ summary: 'Change call forwarding no answer (and its number of rings)', description: PUT_DESCRIPTION })
  @ApiBody({
    type: CallForwardingNoAnswerDto,
    examples: { on: { summary: 'Forward after 4 rings', value: FORWARDING_NO_ANSWER_REQUEST } },
  })
  @ApiOkResponse({
    type: CallForwardingAnswerDto,
    description: 'As GET answers it',
    example: FORWARDING_NO_ANSWER_ANSWER,
  })
  @ApiErrorResponses(412, 415, 428)
  @ServiceWrite()
  @Versioned()
  setNoAnswer(
    @Param() p: HuntGroupParamsDto,
    @Body() body: CallForwardingNoAnswerDto,
    @WriteOpts() options: WriteOptions,
    @AssignOpt() assign: boolean,
  ): Promise<CallForwarding | DryRun<CallForwarding>> {
    return this.set(p, 'no_answer', body, options, assign);
  }

  @Get('not_reachable')
  @applyAll(read('call forwarding not reachable', FORWARDING_NOT_REACHABLE_ANSWER))
  notReachable(@Param() p: HuntGroupParamsDto): Promise<CallForwarding> {
    return this.services.forwarding(scopeOf(p), p.name, 'not_reachable');
  }

  @Put('not_reachable')
  @ApiOperation({ summary: 'Change call forwarding not reachable', description: PUT_DESCRIPTION })
  @ApiBody({
    type: CallForwardingNotReachableDto,
    examples: { on: { summary: 'Forward when unreachable', value: FORWARDING_NOT_REACHABLE_REQUEST } },
  })
  @ApiOkResponse({
    type: CallForwardingAnswerDto,
    description: 'As GET answers it',
    example: FORWARDING_NOT_REACHABLE_ANSWER,
  })
  @ApiErrorResponses(412, 415, 428)
  @ServiceWrite()
  @Versioned()
  setNotReachable(
    @Param() p: HuntGroupParamsDto,
    @Body() body: CallForwardingNotReachableDto,
    @WriteOpts() options: WriteOptions,
    @AssignOpt() assign: boolean,
  ): Promise<CallForwarding | DryRun<CallForwarding>> {
    return this.set(p, 'not_reachable', body, options, assign);
  }

  private set(
    p: HuntGroupParamsDto,
    forwarding: Forwarding,
    body: CallForwardingAlwaysDto | CallForwardingNoAnswerDto,
    options: WriteOptions,
    assign: boolean,
  ): Promise<CallForwarding | DryRun<CallForwarding>> {
    return this.services.setForwarding(scopeOf(p), p.name, forwarding, body, { ...options, assign });
  }
}

/** Several method decorators as one. */
function applyAll(decorators: readonly MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const d of [...decorators].reverse()) d(target, key, descriptor);
  };
}
