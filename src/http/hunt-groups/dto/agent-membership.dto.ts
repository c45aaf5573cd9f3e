import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Length, Matches, Min, ValidateIf, IsString } from 'class-validator';
import * as schema from '../../../ocip/schema.js';
import { RequiredText } from '../../field-rules.js';
import { GroupParamsDto, HuntGroupParamsDto } from '../../route-params.dto.js';

/** POST …/hunt_groups/{id}/agents: one user in, at a place in the hunting order. */
export class AddAgentDto {
  @RequiredText(schema.UserId, 'a user who can be an agent of this group', 'ApioUserTest2@sip.netaxis.be')
  userId!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: "0-based place in the hunting order (0: first); default: last. The others' order is kept.",
    example: 0,
  })
  @ValidateIf((_o, v) => v !== undefined)
  @Min(0, { message: '$property must be 0 or more (0-based)' })
  @IsInt({ message: '$property must be an integer (0-based place in the hunting order)' })
  position?: number;
}

/** A user in the path: `userId` of `…/users/{userId}/…` and `…/agents/{userId}`. */
const USER_ID = /^\S+$/;
const UserIdParam = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      minLength: schema.UserId.minLength,
      maxLength: schema.UserId.maxLength,
      pattern: USER_ID.source,
      description: 'A user id (user@domain; %40 for @ works too)',
      example: 'ApioUserTest@sip.netaxis.be',
    }),
    IsString(),
    Length(schema.UserId.minLength!, schema.UserId.maxLength, {
      message: `userId must be ${schema.UserId.minLength} to ${schema.UserId.maxLength} characters (a BroadWorks user id)`,
    }),
    Matches(USER_ID, { message: 'userId must be a user id, with no white space' }),
  );

export class UserParamsDto extends GroupParamsDto {
  @UserIdParam()
  userId!: string;
}

export class AgentParamsDto extends HuntGroupParamsDto {
  @UserIdParam()
  userId!: string;
}

/** One hunt group a user is an agent of. */
export class MembershipDto {
  @ApiProperty({ example: 'APIOTestHuntGroup@sip.netaxis.be' }) serviceUserId!: string;
  @ApiProperty({ example: 'ApioGrpTest', description: "The hunt group's group" }) groupId!: string;
  @ApiProperty({ example: 'APIOTestHuntGroup' }) name!: string;
  @ApiProperty({ type: 'integer', description: '0-based place in the hunting order', example: 0 }) position!: number;
  @ApiProperty({ type: 'integer', description: 'The weight (Weighted policy)', example: 50 }) weight!: number;
}

export class MembershipsAnswerDto {
  @ApiProperty({ type: [MembershipDto] }) hunt_groups!: MembershipDto[];
}
