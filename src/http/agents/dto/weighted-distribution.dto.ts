import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export class AgentWeightDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 161,
    description: 'A current agent of the hunt group',
    example: 'ApioUserTest@sip.netaxis.be',
  })
  @IsString({ message: '$property must be a user id string' })
  @Length(1, 161, { message: '$property must be 1 to 161 characters (a user id)' })
  userId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 60 })
  @IsDefined({ message: '$property is required' })
  @IsInt({ message: '$property must be an integer' })
  @Min(0, { message: '$property must be 0 to 100' })
  @Max(100, { message: '$property must be 0 to 100' })
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
  @IsDefined({ message: '$property is required: a list of {userId, weight}' })
  @IsArray({ message: '$property must be a list of {userId, weight}' })
  @ValidateNested({ each: true })
  @Type(() => AgentWeightDto)
  agents!: AgentWeightDto[];
}
