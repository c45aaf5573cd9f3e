import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, ValidateIf } from 'class-validator';
import type { CallForwarding, CallForwardingChange } from '../../../domain/hunt-group-service-settings.js';
import * as schema from '../../../ocip/schema.js';
import { ClearableText, Flag } from '../../field-rules.js';

/**
 * What BroadWorks takes as a forward-to value (OutgoingDNorSIPURI): a number that can be dialed
 * (digits, a leading +, * and # for access codes, up to 30) or a SIP URI as the schema documents
 * it (user@host, one @, no sip: prefix; user: letters, digits and -_.!~*'(); host: letters, digits, - and .).
 */
export const FORWARD_TARGET = /^(\+?[0-9*#]{1,30}|[A-Za-z0-9\-_.!~*'()]+@[A-Za-z0-9\-.]+)$/;

const RINGS = schema.CallForwardingNoAnswerNumberOfRings.enumeration!;

/** The fields every forwarding has. Every field optional: only what the body carries changes. */
export class CallForwardingDto implements CallForwardingChange {
  @Flag('Forward calls (a forward-to number is then required)')
  isActive?: boolean;

  @ClearableText(schema.OutgoingDNorSIPURI, 'the number or SIP URI (user@host) calls are forwarded to')
  @Matches(FORWARD_TARGET, {
    message:
      '$property must be a number to dial (digits, a leading +, * and #, up to 30) or a SIP URI user@host (no sip: prefix)',
  })
  forwardToPhoneNumber?: string | null;
}

export class CallForwardingAlwaysDto extends CallForwardingDto {
  @Flag('Ring reminder: a short ring on the hunt group when a call is forwarded')
  isRingSplashActive?: boolean;
}

export class CallForwardingBusyDto extends CallForwardingDto {}

export class CallForwardingNotReachableDto extends CallForwardingDto {}

export class CallForwardingNoAnswerDto extends CallForwardingDto {
  @ApiPropertyOptional({
    type: 'integer',
    enum: [...RINGS],
    description: 'Rings before the call is forwarded: 2 to 20, or 0 for the system default',
  })
  @ValidateIf((_o: object, value: unknown) => value !== undefined)
  @IsIn([...RINGS], { message: '$property must be 0 (the system default) or 2 to 20' })
  @IsInt({ message: '$property must be an integer: 0 (the system default) or 2 to 20' })
  numberOfRings?: number;
}

/** A forwarding as answered (GET, and PUT's answer). */
export class CallForwardingAnswerDto implements CallForwarding {
  @ApiProperty()
  isActive!: boolean;

  @ApiProperty({ description: 'The number or SIP URI calls are forwarded to; "" for none' })
  forwardToPhoneNumber!: string;

  @ApiPropertyOptional({ description: 'Call forwarding always only: the ring reminder' })
  isRingSplashActive?: boolean;

  @ApiPropertyOptional({ description: 'Call forwarding no answer only: 0 (system default) or 2..20' })
  numberOfRings?: number;
}
