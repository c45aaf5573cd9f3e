import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditActorDto {
  @ApiProperty({ enum: ['user', 'machine', 'anonymous'] })
  kind!: string;

  @ApiProperty({ description: 'The user name, or the machine token id; "" for a request without valid credentials' })
  id!: string;

  @ApiProperty({ enum: ['system', 'tenant', 'group'], nullable: true })
  level!: string | null;
}

/** One write or refused write. */
export class AuditRecordDto {
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  time!: string;

  @ApiProperty({ description: 'X-Request-Id of the request, also the trackingId of its OCI-P documents' })
  requestId!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ nullable: true, example: '192.0.2.10' })
  clientAddress!: string | null;

  @ApiProperty({ example: 'PUT' })
  method!: string;

  @ApiProperty({ example: '/api/v1/tenants/:tenantId/groups/:groupId/services/hunt_groups/:name' })
  route!: string;

  @ApiProperty()
  path!: string;

  @ApiProperty({ nullable: true })
  tenantId!: string | null;

  @ApiProperty({ nullable: true })
  groupId!: string | null;

  @ApiProperty({ nullable: true })
  huntGroupId!: string | null;

  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ enum: ['success', 'failure'] })
  outcome!: string;

  @ApiProperty({ example: 200 })
  status!: number;

  @ApiProperty({ nullable: true, example: null, description: 'The error envelope’s code of a refused write' })
  errorCode!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'What changed, with the state before and after (the plugins’ events: created, updated, …)',
  })
  changes!: unknown[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'The OCI-P documents sent: {commands, outcomes} (or {commands, error}), passwords hidden',
  })
  commands!: unknown[];
}

export class AuditRecordsPageDto {
  @ApiProperty({ type: [AuditRecordDto] })
  audit_records!: AuditRecordDto[];

  @ApiPropertyOptional({ nullable: true, type: 'string', description: 'The cursor of the next page; null on the last' })
  next!: string | null;
}
