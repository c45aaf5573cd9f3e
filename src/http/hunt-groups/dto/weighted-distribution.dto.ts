import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import * as schema from '../../../ocip/schema.js';
import type { AgentWeight } from '../../../domain/model.js';
import { RequiredText } from '../../field-rules.js';

const { min: MIN_WEIGHT, max: MAX_WEIGHT } = schema.HuntWeight as { min: number; max: number };

export class AgentWeightDto implements AgentWeight {
  @RequiredText(schema.UserId, 'a current agent of the hunt group', 'ApioUserTest@sip.netaxis.be')
  userId!: string;

  @ApiProperty({ type: 'integer', minimum: MIN_WEIGHT, maximum: MAX_WEIGHT, example: 60 })
  @Max(MAX_WEIGHT, { message: `$property must be ${MIN_WEIGHT} to ${MAX_WEIGHT}` })
  @Min(MIN_WEIGHT, { message: `$property must be ${MIN_WEIGHT} to ${MAX_WEIGHT}` })
  @IsInt({ message: `$property must be an integer (${MIN_WEIGHT} to ${MAX_WEIGHT})` })
  @IsDefined({ message: '$property is required' })
  weight!: number;
}

/**
 * PUT weighted_distribution: the weight of each agent (0..100, adding up to 100). Agents left out
 * get weight 0, as BroadWorks does.
 */
export class WeightedDistributionDto {
  @ApiProperty({
    type: [AgentWeightDto],
    description:
      "Weights 0..100 adding up to 100, each agent at most once. Agents left out get weight 0 (BroadWorks' rule).",
  })
  @ValidateNested({ each: true })
  @Type(() => AgentWeightDto)
  @IsArray({ message: '$property must be a list of {userId, weight}' })
  @IsDefined({ message: '$property is required: a list of {userId, weight}' })
  agents!: AgentWeightDto[];
}
