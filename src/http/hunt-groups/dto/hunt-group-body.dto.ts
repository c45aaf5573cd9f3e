import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  HUNT_POLICIES,
  type HuntGroupChange,
  type HuntGroupInput,
  type HuntPolicy,
  type ProfileFields,
} from '../../../domain/model.js';
import { DepartmentDto } from './department.dto.js';
import { ClearableText, SERVICE_USER_ID_PATTERN, Text } from './field-rules.js';

/** `serviceInstanceProfile` of a POST or PUT body. Bounds are BroadWorks' (R25 schema). */
export class ServiceInstanceProfileDto implements ProfileFields {
  @Text(1, 30, 'the hunt group name')
  name?: string;

  @Text(1, 30, 'the calling line id last name')
  cliLastName?: string;

  @Text(1, 30, 'the calling line id first name')
  cliFirstName?: string;

  @Text(1, 30, 'a hiragana name')
  hiraganaLastName?: string;

  @Text(1, 30, 'a hiragana name')
  hiraganaFirstName?: string;

  @ClearableText(1, 23, 'an E.164 phone number assigned to the group')
  phoneNumber?: string | null;

  @ClearableText(2, 20, 'an extension')
  extension?: string | null;

  @Text(1, 60, 'a password')
  @ApiPropertyOptional({
    type: String,
    format: 'password',
    writeOnly: true,
    minLength: 1,
    maxLength: 60,
    description: "The hunt group's password; never answered",
  })
  password?: string;

  @ApiPropertyOptional({ type: DepartmentDto, nullable: true, description: 'null clears it' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @IsObject({ message: '$property must be a department object, or null to clear it' })
  @ValidateNested()
  @Type(() => DepartmentDto)
  department?: DepartmentDto | null;

  @Text(1, 40, 'a BroadWorks language')
  language?: string;

  @Text(1, 127, 'a BroadWorks time zone')
  timeZone?: string;

  /** Read-only in BroadWorks (derived from timeZone): accepted and ignored, as APIO does. */
  @ApiPropertyOptional({
    type: String,
    readOnly: true,
    description: 'Derived from timeZone by BroadWorks: accepted and ignored',
    example: '(GMT+01:00) Europe/Brussels',
  })
  @IsOptional()
  @IsString()
  timeZoneDisplayName?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 161 },
    maxItems: 3,
    uniqueItems: true,
    nullable: true,
    description: 'SIP aliases (user@domain), at most 3; null or [] clears them',
  })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @IsArray({ message: '$property must be a list of SIP URIs, or null or [] to clear it' })
  @ArrayMaxSize(3, { message: '$property holds at most 3 aliases' })
  @ArrayUnique({ message: '$property must not repeat an alias' })
  @IsString({ each: true })
  @Length(1, 161, { each: true, message: 'each of $property must be 1 to 161 characters (a SIP URI)' })
  aliases?: string[] | null;

  @ClearableText(1, 161, 'a SIP URI')
  publicUserIdentity?: string | null;

  @ClearableText(1, 23, 'an E.164 phone number')
  callingLineIdPhoneNumber?: string | null;
}

/** The hunt group settings shared by POST and PUT; every field optional (defaults or "unchanged"). */
export class HuntGroupBodyDto {
  @ApiPropertyOptional({ type: ServiceInstanceProfileDto, description: 'On PUT, merged field by field' })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => ServiceInstanceProfileDto)
  serviceInstanceProfile?: ServiceInstanceProfileDto;

  @ApiPropertyOptional({ enum: HUNT_POLICIES, description: 'Default Regular', example: 'Regular' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsIn(HUNT_POLICIES, { message: `$property must be one of ${HUNT_POLICIES.join(', ')}` })
  policy?: HuntPolicy;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  huntAfterNoAnswer?: boolean;

  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 20, description: 'Default 5', example: 5 })
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: '$property must be 1 to 20 rings' })
  @Max(20, { message: '$property must be 1 to 20 rings' })
  noAnswerNumberOfRings?: number;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  forwardAfterTimeout?: boolean;

  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 7200, description: 'Default 0', example: 0 })
  @IsInt({ message: '$property must be an integer' })
  @Min(0, { message: '$property must be 0 to 7200 seconds' })
  @Max(7200, { message: '$property must be 0 to 7200 seconds' })
  forwardTimeoutSeconds?: number;

  @ClearableText(1, 30, 'a phone number')
  forwardToPhoneNumber?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  allowCallWaitingForAgents?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  useSystemHuntGroupCLIDSetting?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  includeHuntGroupNameInCLID?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  enableNotReachableForwarding?: boolean;

  @ClearableText(1, 161, 'a phone number or SIP URI')
  notReachableForwardToPhoneNumber?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  makeBusyWhenNotReachable?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  allowMembersToControlGroupBusy?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  enableGroupBusy?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  applyGroupBusyWhenTerminatingToAgent?: boolean;

  @Text(1, 40, 'a network class of service name')
  networkClassOfService?: string;

  /** Agent user ids, in hunting order; on PUT the list replaces the current one ([] removes all). */
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 161 },
    uniqueItems: true,
    description: 'Agent user ids in hunting order; on PUT the list replaces the current one ([] removes every agent)',
    example: ['ApioUserTest@sip.netaxis.be'],
  })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsArray({ message: '$property must be a list of user ids' })
  @ArrayUnique({ message: '$property must not name the same user twice' })
  @IsString({ each: true, message: 'each of $property must be a user id string' })
  @Length(1, 161, { each: true, message: 'each of $property must be 1 to 161 characters (a user id)' })
  agents?: string[];

  @ApiPropertyOptional({ type: Boolean, description: 'Default true on POST' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsBoolean()
  active?: boolean;
}

export class CreateHuntGroupDto extends HuntGroupBodyDto implements HuntGroupInput {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 161,
    pattern: SERVICE_USER_ID_PATTERN.source,
    description:
      "user@domain, or the user part alone (the group's default domain is added). Left out: a template's, or the AUTOMATIC_ID_RULES rule when SUID_HUNT_GROUP_AUTO_GENERATE is on",
    example: 'APIOTestHuntGroup',
  })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsString()
  @Length(1, 161, { message: '$property must be 1 to 161 characters (a BroadWorks user id)' })
  @Matches(SERVICE_USER_ID_PATTERN, {
    message:
      "$property must be user@domain, or a user part alone (the group's default domain is added), with no white space",
  })
  serviceUserId?: string;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 80,
    description: 'Default values from TEMPLATES.hunt_groups of the settings; they fill only what the body leaves out',
    example: 'basic',
  })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsString()
  @Length(1, 80)
  templateName?: string;
}

export class UpdateHuntGroupDto extends HuntGroupBodyDto implements HuntGroupChange {}
