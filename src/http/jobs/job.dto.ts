import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class JobIdParamsDto {
  @ApiProperty({ format: 'uuid', description: 'The job id' })
  @IsUUID('all', { message: 'id must be a job id (a UUID)' })
  id!: string;
}

export class JobItemErrorDto {
  @ApiProperty({ example: 'AGENT_NOT_AVAILABLE' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'As the error envelope has them (the fields of a refused row)' })
  details?: unknown;
}

export class JobItemDto {
  @ApiProperty({ type: 'integer', description: '1-based, among the items (a CSV header not counted)' }) row!: number;
  @ApiProperty({ enum: ['pending', 'done', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The hunt group (for a create, the id it got)' })
  serviceUserId!: string | null;
  @ApiProperty({ type: JobItemErrorDto, nullable: true }) error!: JobItemErrorDto | null;
}

export class JobAnswerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }) state!: string;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer', description: 'Items done' }) done!: number;
  @ApiProperty({ type: 'integer', description: 'Items failed' }) failed!: number;
  @ApiProperty({ type: [JobItemDto] }) items!: JobItemDto[];
  @ApiProperty() tenantId!: string;
  @ApiProperty() groupId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the job ended; null while it is queued or running',
  })
  finishedAt!: string | null;
}
