import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from '../../../domain/errors.js';
import { validateDto } from '../../validation.js';
import { AlternateNumberDto, AlternateNumbersDto } from './alternate-numbers.dto.js';
import {
  CallForwardingAlwaysDto,
  CallForwardingBusyDto,
  CallForwardingNoAnswerDto,
  CallForwardingNotReachableDto,
} from './call-forwarding.dto.js';

/** Every request DTO of the hunt group services' routes. */
const DTOS: (new () => object)[] = [
  CallForwardingAlwaysDto,
  CallForwardingBusyDto,
  CallForwardingNoAnswerDto,
  CallForwardingNotReachableDto,
  AlternateNumbersDto,
  AlternateNumberDto,
];

/** Where @nestjs/swagger keeps its property metadata (its constants are not exported). */
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function properties(dto: new () => object): { name: string; nullable: boolean }[] {
  const names = (Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, dto.prototype) as string[]) ?? [];
  return [...new Set(names.map((n) => n.replace(/^:/, '')))].map((name) => {
    const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype, name) as { nullable?: boolean };
    return { name, nullable: meta?.nullable === true };
  });
}

const cases = DTOS.flatMap((dto) => properties(dto).map((p) => [dto.name, p.name, p.nullable, dto] as const));

describe('null in every field of the hunt group services DTOs', () => {
  it('walks a real list of fields', () => {
    expect(cases.length).toBe(16);
  });

  it.each(cases)('%s.%s (nullable: %s)', async (_dtoName, name, nullable, dto) => {
    const problems = await validateDto(dto, { [name]: null }).then(
      () => [],
      (e: unknown) => {
        expect(e).toBeInstanceOf(ValidationFailed);
        return (e as ValidationFailed).problems;
      },
    );
    // Only the forward-to number can be cleared (xsi:nil); any other field refuses null, naming it.
    expect(problems.some((p) => p.field === name)).toBe(!nullable);
    expect(nullable).toBe(name === 'forwardToPhoneNumber');
  });
});
