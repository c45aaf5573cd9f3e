import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LEVELS, type Level } from '../reach.js';

const ID_TOKEN = /^\S(.*\S)?$/;

export class GroupRefDto {
  @ApiProperty({ minLength: 1, maxLength: 30, example: 'ApioSpTest' })
  @IsString()
  @Length(1, 30)
  @Matches(ID_TOKEN, { message: '$property must not start or end with white space' })
  tenantId!: string;

  @ApiProperty({ minLength: 1, maxLength: 30, example: 'ApioGrpTest' })
  @IsString()
  @Length(1, 30)
  @Matches(ID_TOKEN, { message: '$property must not start or end with white space' })
  groupId!: string;
}

export class CreateMachineTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'provisioning portal' })
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: `$property must be one of ${LEVELS.join(', ')}` })
  level!: Level;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 30 },
    maxItems: 1000,
    description: 'level tenant: the tenants the token may manage',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Length(1, 30, { each: true })
  @Matches(ID_TOKEN, { each: true, message: 'each of $property must not start or end with white space' })
  tenants?: string[];

  @ApiPropertyOptional({
    type: [GroupRefDto],
    maxItems: 1000,
    description: 'level group: the groups the token may manage',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => GroupRefDto)
  groups?: GroupRefDto[];
}

export class MachineTokenParamsDto {
  @IsUUID('4', { message: 'id must be a machine token id (a UUID)' })
  id!: string;
}
