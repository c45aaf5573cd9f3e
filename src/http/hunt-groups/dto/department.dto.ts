import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { DepartmentRef } from '../../../domain/model.js';

/** A department in a request: with `groupId` a group department, without it an enterprise department. */
export class DepartmentDto implements DepartmentRef {
  @ApiProperty({
    minLength: 1,
    maxLength: 30,
    description: 'The service provider or enterprise',
    example: 'ApioSpTest',
  })
  @IsString()
  @Length(1, 30, { message: '$property must be 1 to 30 characters (a BroadWorks service provider id)' })
  tenantId!: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 30,
    description: 'With it, a group department; without it, an enterprise department',
    example: 'ApioGrpTest',
  })
  @IsOptional()
  @IsString()
  @Length(1, 30, { message: '$property must be 1 to 30 characters (a BroadWorks group id)' })
  groupId?: string;

  @ApiProperty({ minLength: 1, maxLength: 50, example: 'test_department_initial' })
  @IsString()
  @Length(1, 50, { message: '$property must be 1 to 50 characters (a BroadWorks department name)' })
  departmentName!: string;
}
