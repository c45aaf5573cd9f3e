import type { OciOutcome, OciRequest } from '../../ocip/commands.js';
import { currentJournal } from '../../domain/request-journal.js';
import { OciGateway, type DocumentOptions, type OciGatewayStats } from './oci-gateway.js';

/** One OCI-P document as an observer sees it: what went, what came back (or what was thrown), how long it took. */
export interface OciExchange {
  readonly commands: readonly OciRequest[];
  /** The id of the request that caused the document (its trackingId), when a request did. */
  readonly trackingId?: string;
  readonly durationSeconds: number;
  readonly outcomes?: readonly OciOutcome[];
  readonly error?: unknown;
}

/** Metrics and logs watch the documents through this; an observer must not throw, but if it does the call is unharmed. */
export interface OciExchangeObserver {
  observe(exchange: OciExchange): void;
}

/**
 * Decorates the configured gateway so every document is timed and reported, whichever driver runs.
 * It has no lifecycle hooks on purpose: the driver's gateway is a provider of its own
 * (OCI_DRIVER_GATEWAY), on which Nest runs them, so forwarding them would run them twice.
 */
export class ObservedOciGateway extends OciGateway {
  constructor(
    readonly inner: OciGateway,
    private readonly observers: readonly OciExchangeObserver[],
  ) {
    super();
  }

  /** A document sent on behalf of a request carries the request's id as its trackingId. */
  async execute(commands: readonly OciRequest[], options: DocumentOptions = {}): Promise<OciOutcome[]> {
    const trackingId = options.trackingId ?? currentJournal()?.requestId;
    const started = process.hrtime.bigint();
    const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const outcomes = await this.inner.execute(commands, { trackingId });
      this.notify({ commands, trackingId, outcomes, durationSeconds: elapsed() });
      return outcomes;
    } catch (error) {
      this.notify({ commands, trackingId, error, durationSeconds: elapsed() });
      throw error;
    }
  }

  isReady(): Promise<boolean> {
    return this.inner.isReady();
  }

  override stats(): OciGatewayStats | undefined {
    return this.inner.stats();
  }

  private notify(exchange: OciExchange): void {
    for (const observer of this.observers) {
      try {
        observer.observe(exchange);
      } catch {
        // Observability must never turn a good BroadWorks answer into a failed request.
      }
    }
  }
}
