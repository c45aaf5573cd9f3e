import { Injectable } from '@nestjs/common';
import type {
  AlternateNumbersInput,
  CallForwardingChange,
  Forwarding,
} from '../../domain/hunt-group-service-settings.js';
import { ServiceBodyValidator } from '../../domain/hunt-group-services/hunt-group-services.service.js';
import { validateDto } from '../validation.js';
import { AlternateNumbersDto } from './dto/alternate-numbers.dto.js';
import {
  CallForwardingAlwaysDto,
  CallForwardingBusyDto,
  CallForwardingNoAnswerDto,
  CallForwardingNotReachableDto,
} from './dto/call-forwarding.dto.js';

/** The body DTO of each forwarding's PUT. */
export const FORWARDING_DTOS: Readonly<Record<Forwarding, new () => CallForwardingChange>> = {
  always: CallForwardingAlwaysDto,
  busy: CallForwardingBusyDto,
  no_answer: CallForwardingNoAnswerDto,
  not_reachable: CallForwardingNotReachableDto,
};

/** A body a plugin check changed, validated by the DTO a client's body is validated by. */
@Injectable()
export class DtoServiceBodyValidator extends ServiceBodyValidator {
  forwarding(forwarding: Forwarding, plain: Record<string, unknown>): Promise<CallForwardingChange> {
    return validateDto(FORWARDING_DTOS[forwarding], plain);
  }
  alternateNumbers(plain: Record<string, unknown>): Promise<AlternateNumbersInput> {
    return validateDto(AlternateNumbersDto, plain);
  }
}
