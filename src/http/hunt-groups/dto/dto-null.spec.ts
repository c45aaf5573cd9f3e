import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from '../../../domain/errors.js';
import { AvailableUsersFilterDto, UserGroupDto } from './available-users-filter.dto.js';
import { AgentWeightDto, WeightedDistributionDto } from './weighted-distribution.dto.js';
import { DepartmentDto } from './department.dto.js';
import { CreateHuntGroupDto, ServiceInstanceProfileDto, UpdateHuntGroupDto } from './hunt-group-body.dto.js';
import { validateDto } from '../../validation.js';

/** Every request DTO of the API (route parameters aside: a path segment is never null). */
const DTOS: (new () => object)[] = [
  CreateHuntGroupDto,
  UpdateHuntGroupDto,
  ServiceInstanceProfileDto,
  DepartmentDto,
  AvailableUsersFilterDto,
  UserGroupDto,
  WeightedDistributionDto,
  AgentWeightDto,
];

/** Where @nestjs/swagger keeps its property metadata (its constants are not exported). */
const DECORATORS = {
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
};

/** The documented properties of a DTO and whether the OpenAPI document says null is allowed. */
function properties(dto: new () => object): { name: string; nullable: boolean }[] {
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) as string[]) ?? [];
  return [...new Set(names.map((n) => n.replace(/^:/, '')))].map((name) => {
    const meta = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) as { nullable?: boolean };
    return { name, nullable: meta?.nullable === true };
  });
}

const cases = DTOS.flatMap((dto) => properties(dto).map((p) => [dto.name, p.name, p.nullable, dto] as const));

describe('null in every field of every request DTO', () => {
  it('walks a real list of fields', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s.%s (nullable: %s)', async (_dtoName, name, nullable, dto) => {
    const problems = await validateDto(dto, { [name]: null }).then(
      () => [],
      (e: unknown) => {
        expect(e).toBeInstanceOf(ValidationFailed);
        return (e as ValidationFailed).problems;
      },
    );
    const named = problems.some((p) => p.field === name);
    // A field that BroadWorks can clear takes null; any other refuses it, naming the field.
    expect(named).toBe(!nullable);
  });
});
