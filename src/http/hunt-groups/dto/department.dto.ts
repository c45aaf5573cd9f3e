import { ApiPropertyOptional } from '@nestjs/swagger';
import * as schema from '../../../ocip/schema.js';
import type { DepartmentRef } from '../../../domain/model.js';
import { RequiredText, Text } from '../../field-rules.js';

/** A department in a request: with `groupId` a group department, without it an enterprise department. */
export class DepartmentDto implements DepartmentRef {
  @RequiredText(schema.ServiceProviderId, 'the service provider or enterprise', 'ApioSpTest')
  tenantId!: string;

  @ApiPropertyOptional({
    description: 'With it, a group department; without it, an enterprise department',
    example: 'ApioGrpTest',
  })
  @Text(schema.GroupId, 'a BroadWorks group id')
  groupId?: string;

  @RequiredText(schema.DepartmentName, 'a BroadWorks department name', 'test_department_initial')
  departmentName!: string;
}
