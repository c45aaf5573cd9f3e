import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
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
  UserLastName: { criteria: 'searchCriteriaUserLastName', maxLength: 30 },
  UserFirstName: { criteria: 'searchCriteriaUserFirstName', maxLength: 30 },
  UserId: { criteria: 'searchCriteriaUserId', maxLength: 161 },
  Dn: { criteria: 'searchCriteriaDn', maxLength: 23 },
  Extension: { criteria: 'searchCriteriaExtension', maxLength: 20 },
} as const;
export const TEXT_CRITERIA_MODES = { Starts: 'Starts With', Contains: 'Contains', Equals: 'Equal To' } as const;
export const TEXT_CRITERIA_CASES = { sensitive: false, insensitive: true } as const;

export type TextCriterionName =
  `${keyof typeof TEXT_CRITERIA_CASES}${keyof typeof TEXT_CRITERIA_FIELDS}${keyof typeof TEXT_CRITERIA_MODES}`;

/** Every text criterion name with what it maps to in OCI-P. */
export const TEXT_CRITERIA = Object.entries(TEXT_CRITERIA_CASES).flatMap(([sensitivity, isCaseInsensitive]) =>
  Object.entries(TEXT_CRITERIA_FIELDS).flatMap(([field, { criteria, maxLength }]) =>
    Object.entries(TEXT_CRITERIA_MODES).map(([mode, ociMode]) => ({
      name: `${sensitivity}${field}${mode}` as TextCriterionName,
      criteria,
      maxLength,
      mode: ociMode,
      isCaseInsensitive,
    })),
  ),
);

/** The largest answer a caller may ask for; BroadWorks itself has no upper bound. */
export const MAX_RESPONSE_SIZE = 10000;

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
    maximum: MAX_RESPONSE_SIZE,
    description: 'At most this many users',
  })
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: `$property must be 1 to ${MAX_RESPONSE_SIZE}` })
  @Max(MAX_RESPONSE_SIZE, { message: `$property must be 1 to ${MAX_RESPONSE_SIZE}` })
  responseSizeLimit?: number;
}

// The 30 text criteria are declared from the table above rather than written out one by one.
for (const { name, maxLength, mode, isCaseInsensitive } of TEXT_CRITERIA) {
  const target = AvailableUsersFilterDto.prototype;
  const how = `${mode.toLowerCase()}${isCaseInsensitive ? ', case-insensitive' : ', case-sensitive'}`;
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
