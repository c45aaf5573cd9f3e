/**
 * Validation decorators of the request DTOs. Bounds and enumerations come from the schema
 * descriptions of BroadWorks' types (broadworks/oci/schema.ts), so the API refuses exactly what
 * BroadWorks would refuse, and the OpenAPI document shows the same numbers.
 *
 * An optional field may be left out; `null` is refused unless the field is clearable (BroadWorks can
 * empty it with xsi:nil): `@IsOptional()` is not used, because it lets null through to OCI-P.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsInt, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { IntType, StringType } from '../ocip/schema-types.js';

/** BroadWorks collapses white space in tokens, so a blank value would arrive empty. */
const NOT_BLANK = /\S/;

const isGiven = (_object: object, value: unknown): boolean => value !== undefined;
const isValue = (_object: object, value: unknown): boolean => value !== undefined && value !== null && value !== '';

const bounds = (type: StringType): { min: number; max: number } => ({
  min: type.minLength ?? 1,
  max: type.maxLength ?? Number.MAX_SAFE_INTEGER,
});

/** A string field: left out, or a string within the type's bounds; null is refused (it cannot be cleared). */
export function Text(type: StringType, what: string): PropertyDecorator {
  const { min, max } = bounds(type);
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      minLength: min,
      maxLength: max,
      description: `${what}; ${min} to ${max} characters`,
    }),
    ValidateIf(isGiven),
    IsString({ message: `$property must be a string (${what}); it cannot be cleared` }),
    Length(min, max, { message: `$property must be ${min} to ${max} characters (${what})` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
  );
}

/** A required string within the type's bounds. */
export function RequiredText(type: StringType, what: string, example?: string): PropertyDecorator {
  const { min, max } = bounds(type);
  return applyDecorators(
    ApiProperty({ type: String, minLength: min, maxLength: max, description: what, example }),
    IsDefined({ message: `$property is required (${what})` }),
    IsString({ message: `$property must be a string (${what})` }),
    Length(min, max, { message: `$property must be ${min} to ${max} characters (${what})` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
  );
}

/** A string field BroadWorks can clear: `null` or `""` clear it (xsi:nil in OCI-P), otherwise within bounds. */
export function ClearableText(type: StringType, what: string): PropertyDecorator {
  const { min, max } = bounds(type);
  return applyDecorators(
    // minLength stays out of the schema: "" is a valid value (it clears the field).
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: max,
      description: `${what}; ${min} to ${max} characters, or null or "" to clear it`,
    }),
    ValidateIf(isValue),
    IsString({ message: `$property must be a string (${what}), or null or "" to clear it` }),
    Length(min, max, { message: `$property must be ${min} to ${max} characters (${what}), or null or "" to clear it` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
  );
}

/** An optional integer within the type's range; `unit` names what it counts. */
export function Integer(type: IntType, unit: string, description?: string, example?: number): PropertyDecorator {
  const min = type.min ?? Number.MIN_SAFE_INTEGER;
  const max = type.max ?? Number.MAX_SAFE_INTEGER;
  const range = `$property must be ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, description, example }),
    ValidateIf(isGiven),
    IsInt({ message: `$property must be an integer (${min} to ${max}${unit ? ` ${unit}` : ''})` }),
    Min(min, { message: range }),
    Max(max, { message: range }),
  );
}

/** An optional boolean; null is refused. */
export function Flag(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    ValidateIf(isGiven),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** Left out, or present and validated: for optional objects and lists whose own decorators say what they must be. */
export const Given = (): PropertyDecorator => ValidateIf(isGiven);
