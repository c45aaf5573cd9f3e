import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
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
import * as schema from '../../../ocip/schema.js';
import { ClearableText, Flag, Given, Integer, Text } from '../../field-rules.js';

/** A service user id in a POST: `user@domain`, or the user part alone (the group's default domain is added). */
export const SERVICE_USER_ID_PATTERN = /^[^\s@]+(@[^\s@]+)?$/;
/** How many aliases a hunt group may have (the add's `alias` occurrences). */
const MAX_ALIASES = schema.ServiceInstanceAddProfile.elements.find((e) => e.name === 'alias')!.maxOccurs;

// Stacked validators run bottom-up, and a field reports its first failure only: the type check is
// the lowest decorator, so a wrong type is named as such rather than by a later rule.

/** `serviceInstanceProfile` of a POST or PUT body. Bounds are BroadWorks' (R25 schema). */
export class ServiceInstanceProfileDto implements ProfileFields {
  @Text(schema.ServiceInstanceProfileName, 'the hunt group name')
  name?: string;

  @Text(schema.CallingLineIdLastName, 'the calling line id last name')
  cliLastName?: string;

  @Text(schema.CallingLineIdFirstName, 'the calling line id first name')
  cliFirstName?: string;

  @Text(schema.HiraganaName, 'a hiragana name')
  hiraganaLastName?: string;

  @Text(schema.HiraganaName, 'a hiragana name')
  hiraganaFirstName?: string;

  @ClearableText(schema.DN, 'an E.164 phone number assigned to the group')
  phoneNumber?: string | null;

  @ClearableText(schema.Extension17, 'an extension')
  extension?: string | null;

  @Text(schema.Password, 'a password')
  @ApiPropertyOptional({
    type: String,
    format: 'password',
    writeOnly: true,
    minLength: schema.Password.minLength,
    maxLength: schema.Password.maxLength,
    description: "The hunt group's password; never answered",
  })
  password?: string;

  @ApiPropertyOptional({ type: DepartmentDto, nullable: true, description: 'null clears it' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @Type(() => DepartmentDto)
  @ValidateNested()
  @IsObject({ message: '$property must be a department object, or null to clear it' })
  department?: DepartmentDto | null;

  @Text(schema.Language, 'a BroadWorks language')
  language?: string;

  @Text(schema.TimeZone, 'a BroadWorks time zone')
  timeZone?: string;

  /** Read-only in BroadWorks (derived from timeZone): accepted and ignored, as APIO does. */
  @ApiPropertyOptional({
    type: String,
    readOnly: true,
    description: 'Derived from timeZone by BroadWorks: accepted and ignored',
    example: '(GMT+01:00) Europe/Brussels',
  })
  @Given()
  @IsString({ message: '$property must be a string (it is derived from timeZone and ignored)' })
  timeZoneDisplayName?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: schema.SIPURI.minLength, maxLength: schema.SIPURI.maxLength },
    maxItems: MAX_ALIASES,
    uniqueItems: true,
    nullable: true,
    description: `SIP aliases (user@domain), at most ${MAX_ALIASES}; null or [] clears them`,
  })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @Length(schema.SIPURI.minLength!, schema.SIPURI.maxLength, {
    each: true,
    message: `each of $property must be ${schema.SIPURI.minLength} to ${schema.SIPURI.maxLength} characters (a SIP URI)`,
  })
  @IsString({ each: true, message: 'each of $property must be a SIP URI string' })
  @ArrayUnique({ message: '$property must not repeat an alias' })
  @ArrayMaxSize(MAX_ALIASES, { message: `$property holds at most ${MAX_ALIASES} aliases` })
  @IsArray({ message: '$property must be a list of SIP URIs, or null or [] to clear it' })
  aliases?: string[] | null;

  @ClearableText(schema.SIPURI, 'a SIP URI')
  publicUserIdentity?: string | null;

  @ClearableText(schema.DN, 'an E.164 phone number')
  callingLineIdPhoneNumber?: string | null;
}

/** The hunt group settings shared by POST and PUT; every field optional (defaults or "unchanged"). */
export class HuntGroupBodyDto {
  @ApiPropertyOptional({ type: ServiceInstanceProfileDto, description: 'On PUT, merged field by field' })
  @Given()
  @Type(() => ServiceInstanceProfileDto)
  @ValidateNested()
  @IsObject({ message: '$property must be an object' })
  serviceInstanceProfile?: ServiceInstanceProfileDto;

  @ApiPropertyOptional({ enum: HUNT_POLICIES, description: 'Default Regular', example: 'Regular' })
  @Given()
  @IsIn(HUNT_POLICIES, { message: `$property must be one of ${HUNT_POLICIES.join(', ')}` })
  policy?: HuntPolicy;

  @Flag()
  huntAfterNoAnswer?: boolean;

  @Integer(schema.HuntNoAnswerRings, 'rings', 'Default 5', 5)
  noAnswerNumberOfRings?: number;

  @Flag()
  forwardAfterTimeout?: boolean;

  @Integer(schema.HuntForwardTimeoutSeconds, 'seconds', 'Default 0', 0)
  forwardTimeoutSeconds?: number;

  @ClearableText(schema.OutgoingDN, 'a phone number')
  forwardToPhoneNumber?: string | null;

  @Flag()
  allowCallWaitingForAgents?: boolean;

  @Flag()
  useSystemHuntGroupCLIDSetting?: boolean;

  @Flag()
  includeHuntGroupNameInCLID?: boolean;

  @Flag()
  enableNotReachableForwarding?: boolean;

  @ClearableText(schema.OutgoingDNorSIPURI, 'a phone number or SIP URI')
  notReachableForwardToPhoneNumber?: string | null;

  @Flag()
  makeBusyWhenNotReachable?: boolean;

  @Flag()
  allowMembersToControlGroupBusy?: boolean;

  @Flag()
  enableGroupBusy?: boolean;

  @Flag()
  applyGroupBusyWhenTerminatingToAgent?: boolean;

  @Text(schema.NetworkClassOfServiceName, 'a network class of service name')
  networkClassOfService?: string;

  /** Agent user ids, in hunting order; on PUT the list replaces the current one ([] removes all). */
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: schema.UserId.minLength, maxLength: schema.UserId.maxLength },
    uniqueItems: true,
    description:
      'Agent user ids in hunting order; on PUT the list replaces the current one ([] removes every agent). ' +
      'At most HUNT_GROUP_MAX_AGENTS (a setting, 1000 by default).',
    example: ['ApioUserTest@sip.netaxis.be'],
  })
  @Given()
  @Length(schema.UserId.minLength!, schema.UserId.maxLength, {
    each: true,
    message: `each of $property must be ${schema.UserId.minLength} to ${schema.UserId.maxLength} characters (a user id)`,
  })
  @IsString({ each: true, message: 'each of $property must be a user id string' })
  @ArrayUnique({ message: '$property must not name the same user twice' })
  @IsArray({ message: '$property must be a list of user ids' })
  agents?: string[];

  @Flag('Default true on POST')
  active?: boolean;
}

export class CreateHuntGroupDto extends HuntGroupBodyDto implements HuntGroupInput {
  @ApiPropertyOptional({
    type: String,
    minLength: schema.UserId.minLength,
    maxLength: schema.UserId.maxLength,
    pattern: SERVICE_USER_ID_PATTERN.source,
    description:
      "user@domain, or the user part alone (the group's default domain is added). Left out: a template's, or the AUTOMATIC_ID_RULES rule when SUID_HUNT_GROUP_AUTO_GENERATE is on",
    example: 'APIOTestHuntGroup',
  })
  @Given()
  @Matches(SERVICE_USER_ID_PATTERN, {
    message:
      "$property must be user@domain, or a user part alone (the group's default domain is added), with no white space",
  })
  @Length(schema.UserId.minLength!, schema.UserId.maxLength, {
    message: `$property must be ${schema.UserId.minLength} to ${schema.UserId.maxLength} characters (a BroadWorks user id)`,
  })
  @IsString({ message: '$property must be a string (a BroadWorks user id)' })
  serviceUserId?: string;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 80,
    description: 'Default values from TEMPLATES.hunt_groups of the settings; they fill only what the body leaves out',
    example: 'basic',
  })
  @Given()
  @Length(1, 80, { message: '$property must be 1 to 80 characters (a template name)' })
  @IsString({ message: '$property must be a string (a template name)' })
  templateName?: string;
}

export class UpdateHuntGroupDto extends HuntGroupBodyDto implements HuntGroupChange {}
