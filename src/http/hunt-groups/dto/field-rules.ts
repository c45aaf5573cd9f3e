import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';

/** BroadWorks collapses white space in tokens, so a blank value would arrive empty. */
const NOT_BLANK = /\S/;

/**
 * Validation of the string fields of the hunt group JSON, with BroadWorks' bounds.
 * - `Text`: optional; when present a string of min..max characters; null is refused because
 *   BroadWorks cannot clear it.
 * - `ClearableText`: optional; `null` or `""` clear it (xsi:nil in OCI-P), otherwise min..max.
 */
export function Text(min: number, max: number, what: string): PropertyDecorator {
  return applyDecorators(
    // The OpenAPI document takes its bounds from the same numbers the validation uses.
    ApiPropertyOptional({
      type: String,
      minLength: min,
      maxLength: max,
      description: `${what}; ${min} to ${max} characters`,
    }),
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsString({ message: `$property must be a string (${what}); it cannot be cleared` }),
    Length(min, max, { message: `$property must be ${min} to ${max} characters (${what})` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
  );
}

export function ClearableText(min: number, max: number, what: string): PropertyDecorator {
  return applyDecorators(
    // minLength stays out of the schema: "" is a valid value (it clears the field).
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: max,
      description: `${what}; ${min} to ${max} characters, or null or "" to clear it`,
    }),
    ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null && value !== ''),
    IsString({ message: `$property must be a string (${what}), or null or "" to clear it` }),
    Length(min, max, { message: `$property must be ${min} to ${max} characters (${what}), or null or "" to clear it` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
  );
}

/** A service user id in a POST: `user@domain`, or the user part alone (the group's default domain is added). */
export const SERVICE_USER_ID_PATTERN = /^[^\s@]+(@[^\s@]+)?$/;
