import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { OciErrorResponse } from '../oci-errors.js';
import type { OciOutcome } from '../oci-gateway.js';
import type { OciExchange, OciExchangeObserver } from '../observed-oci-gateway.js';
import { redactSecrets } from '../../../logging/redact.js';

function describeOutcome(outcome: OciOutcome): unknown {
  if (outcome instanceof OciErrorResponse) {
    return { $type: 'ErrorResponse', errorCode: outcome.errorCode, summary: outcome.summary, detail: outcome.detail };
  }
  return redactSecrets(outcome);
}

/**
 * Every OCI-P document at debug level, commands and answers, passwords replaced. Logged through the
 * request-bound logger, so each exchange carries the request id of the call that caused it.
 */
@Injectable()
export class OciExchangeLog implements OciExchangeObserver {
  // Not @InjectPinoLogger: its providers are collected when LoggingModule is defined, before this
  // file (imported by OciModule) may have been loaded. PinoLogger is transient: this copy is ours.
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('OciP');
  }

  observe({ commands, outcomes, error, durationSeconds }: OciExchange): void {
    // Copying and redacting whole documents costs; skip it unless someone reads debug logs.
    if (!this.logger.logger.isLevelEnabled('debug')) return;
    const names = commands.map((c) => c.$type).join(', ');
    this.logger.debug(
      {
        commands: redactSecrets(commands),
        ...(outcomes
          ? { outcomes: outcomes.map(describeOutcome) }
          : { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
        durationMs: Math.round(durationSeconds * 1000 * 10) / 10,
      },
      outcomes ? `OCI-P ${names}` : `OCI-P ${names} failed`,
    );
  }
}
