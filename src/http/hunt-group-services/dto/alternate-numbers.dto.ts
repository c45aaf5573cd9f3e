import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import type {
  AlternateNumber,
  AlternateNumberInput,
  AlternateNumbers,
  AlternateNumbersInput,
} from '../../../domain/hunt-group-service-settings.js';
import * as schema from '../../../ocip/schema.js';
import { Flag, Given, Text } from '../../field-rules.js';

/** How many alternate numbers BroadWorks keeps: its slots alternateEntry01..NN. */
export const ALTERNATE_SLOTS = schema.UserAlternateNumbersModifyRequest.elements.filter((e) =>
  e.name.startsWith('alternateEntry'),
).length;
const RING_PATTERNS = schema.RingPattern.enumeration;

/** One alternate number: a number of the group and/or an extension. */
export class AlternateNumberDto implements AlternateNumberInput {
  @Text(schema.DN, 'a free E.164 number of the group')
  phoneNumber?: string;

  @Text(schema.Extension17, 'an extension, digits only')
  @Matches(/^[0-9]+$/, { message: '$property must be digits only' })
  extension?: string;

  @ApiPropertyOptional({ enum: [...RING_PATTERNS], description: 'Normal when left out' })
  @Given()
  @IsIn([...RING_PATTERNS], { message: `$property must be one of ${RING_PATTERNS.join(', ')}` })
  ringPattern?: string;

  @Text(schema.AlternateNumberDescription, 'a description')
  description?: string;
}

/** PUT alternate_numbers: `alternateNumbers` replaces the whole list ([] removes all); what is left out stays. */
export class AlternateNumbersDto implements AlternateNumbersInput {
  @Flag('Distinctive ring: calls to an alternate number ring with its ring pattern')
  distinctiveRing?: boolean;

  @ApiPropertyOptional({
    type: [AlternateNumberDto],
    maxItems: ALTERNATE_SLOTS,
    description: `Up to ${ALTERNATE_SLOTS} entries, each a phoneNumber and/or an extension; replaces the list ([] removes all)`,
  })
  @Given()
  @ValidateNested({ each: true })
  @Type(() => AlternateNumberDto)
  @IsObject({
    each: true,
    message: 'each of $property must be an object {phoneNumber, extension, ringPattern, description}',
  })
  @IsArray({ message: '$property must be a list of alternate numbers' })
  alternateNumbers?: AlternateNumberDto[];
}

export class AlternateNumberAnswerDto implements AlternateNumber {
  @ApiProperty({ description: '"" for none' })
  phoneNumber!: string;
  @ApiProperty({ description: '"" for none' })
  extension!: string;
  @ApiProperty({ enum: [...RING_PATTERNS] })
  ringPattern!: string;
  @ApiProperty({ description: '"" for none' })
  description!: string;
}

export class AlternateNumbersAnswerDto implements AlternateNumbers {
  @ApiProperty()
  distinctiveRing!: boolean;
  @ApiProperty({ type: [AlternateNumberAnswerDto] })
  alternateNumbers!: AlternateNumberAnswerDto[];
}

/** GET numbers/available. */
export class AvailableNumbersAnswerDto {
  @ApiProperty({ type: [String], description: 'Free numbers of the group, E.164, in order' })
  numbers!: string[];
}
