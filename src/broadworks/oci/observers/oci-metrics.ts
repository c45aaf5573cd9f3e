import { type OciOutcome, type OciRequest } from '../../../ocip/commands.js';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { OciErrorResponse, OciTransportError } from '../../../ocip/oci-errors.js';
import type { OciExchange, OciExchangeObserver } from '../observed-oci-gateway.js';
import { MetricsRegistry } from '../../../metrics/metrics-registry.js';

/**
 * - success: BroadWorks answered the command (the document: every command) with a response;
 * - error: BroadWorks answered with an ErrorResponse (the document: at least one);
 * - transport_failure: no answer (unreachable, timeout, not OCI-P, connection lost);
 * - not_sent: refused before anything went out (a value XML cannot carry, too many commands).
 */
export type OciMetricOutcome = 'success' | 'error' | 'transport_failure' | 'not_sent';

/** A BroadWorks round trip takes milliseconds to seconds; the request timeout defaults to 15 s. */
const OCI_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

/** Counts and times OCI-P documents and commands; fed by the ObservedOciGateway wrapped around the gateway. */
@Injectable()
export class OciMetrics implements OciExchangeObserver {
  private readonly documents: Counter<'outcome'>;
  private readonly documentDuration: Histogram<'outcome'>;
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandDuration: Histogram<'command' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.documents = new Counter({
      name: 'oci_documents_total',
      help: 'OCI-P documents sent to BroadWorks, by outcome',
      labelNames: ['outcome'],
      registers,
    });
    this.documentDuration = new Histogram({
      name: 'oci_document_duration_seconds',
      help: 'Round trip of an OCI-P document (waiting for a session included), by outcome',
      labelNames: ['outcome'],
      buckets: OCI_BUCKETS,
      registers,
    });
    this.commands = new Counter({
      name: 'oci_commands_total',
      help: 'OCI-P commands sent to BroadWorks, by command name and outcome',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.commandDuration = new Histogram({
      name: 'oci_command_duration_seconds',
      help: 'Round trip of the document that carried the command, by command name and outcome',
      labelNames: ['command', 'outcome'],
      buckets: OCI_BUCKETS,
      registers,
    });
  }

  observe({ commands, outcomes, error, durationSeconds }: OciExchange): void {
    const perCommand = outcomes ? outcomes.map(outcomeOf) : commands.map(() => failureOf(error));
    const document: OciMetricOutcome = outcomes
      ? perCommand.includes('error')
        ? 'error'
        : 'success'
      : failureOf(error);
    this.documents.inc({ outcome: document });
    this.documentDuration.observe({ outcome: document }, durationSeconds);
    // Counted once per command name and outcome: a document is most often 15 of the same command.
    const counts = new Map<string, { labels: { command: string; outcome: OciMetricOutcome }; count: number }>();
    commands.forEach((command: OciRequest, i) => {
      const outcome = perCommand[i] ?? document;
      const key = `${command.$type} ${outcome}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { labels: { command: command.$type, outcome }, count: 1 });
    });
    for (const { labels, count } of counts.values()) {
      this.commands.inc(labels, count);
      const duration = this.commandDuration.labels(labels);
      for (let n = 0; n < count; n++) duration.observe(durationSeconds);
    }
  }
}

function outcomeOf(outcome: OciOutcome): OciMetricOutcome {
  return outcome instanceof OciErrorResponse ? 'error' : 'success';
}

function failureOf(error: unknown): OciMetricOutcome {
  return error instanceof OciTransportError ? 'transport_failure' : 'not_sent';
}
