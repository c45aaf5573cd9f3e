import { Injectable } from '@nestjs/common';
import { currentJournal } from '../../../domain/request-journal.js';
import { redactSecrets } from '../../../logging/redact.js';
import { OciErrorResponse } from '../../../ocip/oci-errors.js';
import type { OciOutcome } from '../../../ocip/commands.js';
import type { OciExchange, OciExchangeObserver } from '../observed-oci-gateway.js';

/** How one command ended, as an audit record keeps it: `ok`, or what BroadWorks refused it with. */
function outcomeOf(outcome: OciOutcome): unknown {
  if (outcome instanceof OciErrorResponse) {
    return { error: { errorCode: outcome.errorCode ?? null, summary: outcome.summary } };
  }
  return outcome instanceof Error ? { error: { summary: outcome.message } } : 'ok';
}

/**
 * Adds each document to the journal of the write that caused it (see domain/request-journal.ts):
 * what BroadWorks received, passwords hidden, and how each command ended. Answers' data is left
 * out: the record keeps the state before and after from the domain, not every read.
 */
@Injectable()
export class OciRequestJournal implements OciExchangeObserver {
  observe({ commands, outcomes, error }: OciExchange): void {
    const journal = currentJournal();
    if (!journal?.recorded) return;
    journal.documents.push({
      commands: redactSecrets(commands) as unknown[],
      ...(outcomes
        ? { outcomes: outcomes.map(outcomeOf) }
        : { error: error instanceof Error ? error.message : String(error) }),
    });
  }
}
