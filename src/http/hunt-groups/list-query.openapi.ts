/** The hunt group list's query parameters in the OpenAPI document, with the bounds list-query.ts checks. */
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { HUNT_GROUP_SORT_FIELDS } from '../../domain/broadworks.port.js';
import { MAX_LIST_OFFSET, MAX_LIST_PAGE, MAX_SORT_KEYS, TEXT_FILTERS } from './list-query.js';

/** limit, offset and sort over `fields` (by the first when absent). */
export const ApiPageQuery = (fields: readonly string[]): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIST_PAGE } }),
    ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, maximum: MAX_LIST_OFFSET } }),
    ApiQuery({
      name: 'sort',
      required: false,
      schema: { type: 'string', example: `${fields[1]},-${fields[0]}` },
      description: `Up to ${MAX_SORT_KEYS} of ${fields.join(', ')}, comma-separated; "-" before one sorts it descending. By ${fields[0]} when absent.`,
    }),
  );

export const ApiListQuery = (): MethodDecorator =>
  applyDecorators(
    ApiPageQuery(HUNT_GROUP_SORT_FIELDS),
    ...Object.entries(TEXT_FILTERS).map(([name, maxLength]) =>
      ApiQuery({
        name,
        required: false,
        schema: { type: 'string', minLength: 1, maxLength },
        description: name === 'name' || name === 'department' ? 'Part of it, case-insensitive' : 'Exactly',
      }),
    ),
    ApiQuery({ name: 'active', required: false, schema: { type: 'boolean' } }),
  );
