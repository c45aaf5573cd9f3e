import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { WEBHOOK_EVENTS } from '../audit-recorder.js';

const ID_TOKEN = /^\S(.*\S)?$/;
const PRINTABLE = /^[\x21-\x7e]+$/;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/apio',
    description: 'http or https',
    minLength: 1,
    maxLength: 2000,
  })
  @IsString()
  @Length(1, 2000)
  url!: string;

  @ApiProperty({
    enum: WEBHOOK_EVENTS,
    isArray: true,
    example: ['created', 'deleted'],
    minItems: 1,
    maxItems: WEBHOOK_EVENTS.length,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each of $property must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: string[];

  @ApiPropertyOptional({
    description: 'Only this tenant’s changes (required of a tenant admin)',
    minLength: 1,
    maxLength: 30,
  })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  @Matches(ID_TOKEN, { message: '$property must not start or end with white space' })
  tenantId?: string;

  @ApiPropertyOptional({ description: 'Only this group’s changes (with tenantId)', minLength: 1, maxLength: 30 })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  @Matches(ID_TOKEN, { message: '$property must not start or end with white space' })
  groupId?: string;

  @ApiPropertyOptional({
    description: 'The HMAC key, printable ASCII; made when left out. Answered once, by this POST',
    minLength: 32,
    maxLength: 128,
  })
  @IsOptional()
  @IsString()
  @Length(32, 128)
  @Matches(PRINTABLE, { message: '$property must be printable ASCII without spaces' })
  secret?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: 'http or https', minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, minItems: 1, maxItems: WEBHOOK_EVENTS.length })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each of $property must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: string[];

  @ApiPropertyOptional({ enum: ['active'], description: '`active` resumes a paused subscription' })
  @IsOptional()
  @IsIn(['active'], { message: '$property can only be set to active (deliveries resume)' })
  state?: 'active';
}

export class WebhookParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  id!: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events!: string[];

  @ApiPropertyOptional()
  tenantId?: string;

  @ApiPropertyOptional()
  groupId?: string;

  @ApiProperty({ enum: ['active', 'paused'] })
  state!: string;

  @ApiPropertyOptional({ description: 'Why deliveries stopped, while paused' })
  reason?: string;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The HMAC-SHA256 key of the signatures: shown this once, never again' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  webhooks!: WebhookDto[];
}
