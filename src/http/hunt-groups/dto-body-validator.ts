import { Injectable } from '@nestjs/common';
import { BodyValidator, type CheckedBodies } from '../../domain/plugin-checks.js';
import { CreateHuntGroupDto, UpdateHuntGroupDto } from './dto/hunt-group-body.dto.js';
import { WeightedDistributionDto } from './dto/weighted-distribution.dto.js';
import { validateDto } from '../validation.js';

const DTO_OF: { [K in keyof CheckedBodies]: new () => CheckedBodies[K] } = {
  create: CreateHuntGroupDto,
  update: UpdateHuntGroupDto,
  'set-weights': WeightedDistributionDto,
};

/** A body a plugin check changed, validated by the DTO a client's body is validated by. */
@Injectable()
export class DtoBodyValidator extends BodyValidator {
  validate<K extends keyof CheckedBodies>(kind: K, plain: Record<string, unknown>): Promise<CheckedBodies[K]> {
    return validateDto(DTO_OF[kind] as new () => CheckedBodies[K], plain);
  }
}
