import { type OciOutcome } from '../../../ocip/commands.js';
import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { OciErrorResponse, OciTransportError } from '../../../ocip/oci-errors.js';
import type { OciExchange, OciExchangeObserver } from '../observed-oci-gateway.js';
import { redactSecrets } from '../../../logging/redact.js';

function describeOutcome(outcome: OciOutcome): unknown {
  if (outcome instanceof OciErrorResponse) {
    return { $type: 'ErrorResponse', errorCode: outcome.errorCode, summary: outcome.summary, detail: outcome.detail };
  }
  return redactSecrets(outcome);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Why a transport failure happened, as the gateway knows it (the `cause` of an OciTransportError):
 * the refused login and its user name, the host and port, what the peer sent. Clients never read
 * it; operators read it here.
 */
export function transportReason(error: OciTransportError): string {
  const cause = error.cause;
  if (cause === undefined) return error.message;
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : JSON.stringify(cause);
}

/**
 * Every OCI-P document at debug level, commands and answers, passwords replaced; a document that
 * failed on the transport (BroadWorks unreachable, no answer, not OCI-P, connection lost) at warn
 * level with the full reason, which the client's answer leaves out. Each line names the document's
 * trackingId (the request id, as BroadWorks' own logs show it). Logged through the
 * request-bound logger, so each line carries the request id of the call that caused it.
 */
@Injectable()
export class OciExchangeLog implements OciExchangeObserver {
  // Not @InjectPinoLogger: its providers are collected when LoggingModule is defined, before this
  // file (imported by OciModule) may have been loaded. PinoLogger is transient: this copy is ours.
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('OciP');
  }

  observe({ commands, trackingId, outcomes, error, durationSeconds }: OciExchange): void {
    // Copying and redacting whole documents costs; skip it unless someone reads debug logs.
    const debug = this.logger.logger.isLevelEnabled('debug');
    const names = commands.map((c) => c.$type).join(', ');
    const durationMs = Math.round(durationSeconds * 1000 * 10) / 10;
    if (error instanceof OciTransportError) {
      const reason = transportReason(error);
      this.logger.warn(
        {
          trackingId,
          failure: error.failure,
          reason,
          answered: error.message,
          ...(debug ? { commands: redactSecrets(commands) } : {}),
          durationMs,
        },
        `OCI-P ${names} failed (${error.failure}): ${reason}`,
      );
      return;
    }
    if (!debug) return;
    this.logger.debug(
      {
        trackingId,
        commands: redactSecrets(commands),
        ...(outcomes ? { outcomes: outcomes.map(describeOutcome) } : { error: describeError(error) }),
        durationMs,
      },
      outcomes ? `OCI-P ${names}` : `OCI-P ${names} failed`,
    );
  }
}
