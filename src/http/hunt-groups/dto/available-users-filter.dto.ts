import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { int } from '../../../ocip/schema-types.js';
import type { TextField, TextMode } from '../../../domain/broadworks.port.js';
import { MAX_AVAILABLE_USERS, type AvailableUsersQuery } from '../../../domain/agents/agents.service.js';
import * as schema from '../../../ocip/schema.js';
import { Flag, Given, Integer, RequiredText } from '../../field-rules.js';
import { DepartmentDto } from './department.dto.js';

/** `{"tenantId", "groupId"}` of sensitiveUserGroupEquals. */
export class UserGroupDto {
  @RequiredText(schema.ServiceProviderId, 'a BroadWorks service provider id', 'ApioSpTest')
  tenantId!: string;

  @RequiredText(schema.GroupId, 'a BroadWorks group id', 'ApioGrpTest')
  groupId!: string;
}

/** The bound of a text criterion's value, from its search criteria type. */
const valueBound = (type: { elements: readonly { name: string; type: unknown }[] }): number =>
  (type.elements.find((e) => e.name === 'value')!.type as { maxLength: number }).maxLength;

/** APIO's text criteria: {sensitive|insensitive}{field}{Starts|Contains|Equals}, each with BroadWorks' value bound. */
export const TEXT_CRITERIA_FIELDS = {
  UserLastName: { maxLength: valueBound(schema.SearchCriteriaUserLastName) },
  UserFirstName: { maxLength: valueBound(schema.SearchCriteriaUserFirstName) },
  UserId: { maxLength: valueBound(schema.SearchCriteriaUserId) },
  Dn: { maxLength: valueBound(schema.SearchCriteriaDn) },
  Extension: { maxLength: valueBound(schema.SearchCriteriaExtension) },
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
  @Given()
  @Type(() => DepartmentDto)
  @ValidateNested()
  @IsObject({ message: '$property must be a department object {tenantId, groupId?, departmentName}' })
  sensitiveDepartmentEquals?: DepartmentDto;

  @ApiPropertyOptional({
    type: UserGroupDto,
    description: "Only the users of this group; another group than the URL's only in an enterprise",
  })
  @Given()
  @Type(() => UserGroupDto)
  @ValidateNested()
  @IsObject({ message: '$property must be an object {tenantId, groupId}' })
  sensitiveUserGroupEquals?: UserGroupDto;

  @Flag('Only the users of the group of the URL')
  sameGroupOnly?: boolean;

  @Integer(int(1, MAX_AVAILABLE_USERS), 'users', 'At most this many users')
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
  Given()(target, name);
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

/** Every filter name, for the query string. */
export const FILTER_NAMES = [
  'sensitiveDepartmentEquals',
  'sensitiveUserGroupEquals',
  'sameGroupOnly',
  'responseSizeLimit',
  ...TEXT_CRITERIA.map((c) => c.name),
] as const satisfies readonly (keyof AvailableUsersFilterDto)[];
