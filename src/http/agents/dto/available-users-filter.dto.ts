import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { TextField, TextMode } from '../../../domain/broadworks.port.js';
import { MAX_AVAILABLE_USERS, type AvailableUsersQuery } from '../../../domain/agents/agents.service.js';
import { DepartmentDto } from '../../hunt-groups/dto/department.dto.js';

/** `{"tenantId", "groupId"}` of sensitiveUserGroupEquals. */
export class UserGroupDto {
  @ApiProperty({ minLength: 1, maxLength: 30, example: 'ApioSpTest' })
  @IsString()
  @Length(1, 30, { message: '$property must be 1 to 30 characters (a BroadWorks service provider id)' })
  tenantId!: string;

  @ApiProperty({ minLength: 1, maxLength: 30, example: 'ApioGrpTest' })
  @IsString()
  @Length(1, 30, { message: '$property must be 1 to 30 characters (a BroadWorks group id)' })
  groupId!: string;
}

/** APIO's text criteria: {sensitive|insensitive}{field}{Starts|Contains|Equals}, each with BroadWorks' value bound. */
export const TEXT_CRITERIA_FIELDS = {
  UserLastName: { maxLength: 30 },
  UserFirstName: { maxLength: 30 },
  UserId: { maxLength: 161 },
  Dn: { maxLength: 23 },
  Extension: { maxLength: 20 },
} as const satisfies Record<TextField, { maxLength: number }>;
const TEXT_CRITERIA_MODES: Record<TextMode, string> = {
  Starts: 'starts with',
  Contains: 'contains',
  Equals: 'equal to',
};
const TEXT_CRITERIA_CASES = { sensitive: false, insensitive: true } as const;

export type TextCriterionName = `${keyof typeof TEXT_CRITERIA_CASES}${TextField}${TextMode}`;

/** Every text criterion name with what it searches. */
export const TEXT_CRITERIA = Object.entries(TEXT_CRITERIA_CASES).flatMap(([sensitivity, caseInsensitive]) =>
  Object.entries(TEXT_CRITERIA_FIELDS).flatMap(([field, { maxLength }]) =>
    Object.entries(TEXT_CRITERIA_MODES).map(([mode, how]) => ({
      name: `${sensitivity}${field}${mode}` as TextCriterionName,
      field: field as TextField,
      mode: mode as TextMode,
      how,
      caseInsensitive,
      maxLength,
    })),
  ),
);

/** The text criteria's properties, added below from the table (declaration merging gives them their types). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface AvailableUsersFilterDto extends Partial<Record<TextCriterionName, string>> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AvailableUsersFilterDto {
  @ApiPropertyOptional({ type: DepartmentDto, description: 'Only the users of this department (case-sensitive)' })
  @ValidateIf((_o: object, v: unknown) => v !== undefined)
  @IsObject({ message: '$property must be a department object {tenantId, groupId?, departmentName}' })
  @ValidateNested()
  @Type(() => DepartmentDto)
  sensitiveDepartmentEquals?: DepartmentDto;

  @ValidateIf((_o: object, v: unknown) => v !== undefined)
  @ApiPropertyOptional({
    type: UserGroupDto,
    description: "Only the users of this group; another group than the URL's only in an enterprise",
  })
  @IsObject({ message: '$property must be an object {tenantId, groupId}' })
  @ValidateNested()
  @Type(() => UserGroupDto)
  sensitiveUserGroupEquals?: UserGroupDto;

  @ApiPropertyOptional({ type: Boolean, description: 'Only the users of the group of the URL', example: true })
  @ValidateIf((_o: object, v: unknown) => v !== undefined)
  @IsBoolean()
  sameGroupOnly?: boolean;

  @ValidateIf((_o: object, v: unknown) => v !== undefined)
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_AVAILABLE_USERS,
    description: 'At most this many users',
  })
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: `$property must be 1 to ${MAX_AVAILABLE_USERS}` })
  @Max(MAX_AVAILABLE_USERS, { message: `$property must be 1 to ${MAX_AVAILABLE_USERS}` })
  responseSizeLimit?: number;
}

// The 30 text criteria are declared from the table above rather than written out one by one.
for (const { name, maxLength, how: mode, caseInsensitive } of TEXT_CRITERIA) {
  const target = AvailableUsersFilterDto.prototype;
  const how = `${mode}${caseInsensitive ? ', case-insensitive' : ', case-sensitive'}`;
  ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength,
    description: `Only users whose ${name.replace(/^(in)?sensitive|Starts$|Contains$|Equals$/g, '')} ${how} this`,
  })(target, name);
  ValidateIf((_o: object, v: unknown) => v !== undefined)(target, name);
  IsString({ message: '$property must be a string' })(target, name);
  Length(1, maxLength, { message: `$property must be 1 to ${maxLength} characters` })(target, name);
}

/** The validated filters as the domain's query. */
export function queryOf(filter: AvailableUsersFilterDto): AvailableUsersQuery {
  return {
    text: TEXT_CRITERIA.filter((c) => filter[c.name] !== undefined).map((c) => ({
      field: c.field,
      mode: c.mode,
      value: filter[c.name]!,
      caseInsensitive: c.caseInsensitive,
    })),
    department: filter.sensitiveDepartmentEquals,
    userGroup: filter.sensitiveUserGroupEquals,
    sameGroupOnly: filter.sameGroupOnly,
    limit: filter.responseSizeLimit,
  };
}
