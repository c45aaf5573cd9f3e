import { ApiProperty } from '@nestjs/swagger';

export class FieldChangeDto {
  @ApiProperty({ description: 'The field, `a.b` when nested', example: 'serviceInstanceProfile.language' })
  field!: string;
  @ApiProperty({ description: 'Its value before (null: none)', example: 'English' })
  from!: unknown;
  @ApiProperty({ description: 'Its value after (null: none)', example: 'French' })
  to!: unknown;
}

/** `?dryRun=true`: what the write would do; nothing is written. */
export class DryRunAnswerDto {
  @ApiProperty({ enum: [true] })
  dryRun!: true;

  @ApiProperty({ description: 'The answer the write would give (null for a delete)' })
  result!: unknown;

  @ApiProperty({ type: [FieldChangeDto], description: 'What the write changes' })
  changes!: FieldChangeDto[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The OCI-P commands, in order, as they would be sent: `type` and the elements (passwords hidden)',
    example: [{ type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: 'APIOTestHuntGroup@sip.netaxis.be' }],
  })
  commands!: Record<string, unknown>[];
}
