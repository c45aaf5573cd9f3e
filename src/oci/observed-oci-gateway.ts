import type { BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { OciRequest } from './commands.js';
import { OciGateway, type OciGatewayStats, type OciOutcome } from './oci-gateway.js';

/** One OCI-P document as an observer sees it: what went, what came back (or what was thrown), how long it took. */
export interface OciExchange {
  readonly commands: readonly OciRequest[];
  readonly durationSeconds: number;
  readonly outcomes?: readonly OciOutcome[];
  readonly error?: unknown;
}

/** Metrics and logs watch the documents through this; an observer must not throw, but if it does the call is unharmed. */
export interface OciExchangeObserver {
  observe(exchange: OciExchange): void;
}

type LifecycleHooks = Partial<OnModuleInit & OnModuleDestroy & OnApplicationBootstrap & BeforeApplicationShutdown & OnApplicationShutdown>;

/**
 * Decorates the configured gateway so every document is timed and reported, whichever driver runs.
 * Nest calls lifecycle hooks on the provider it holds, which is this wrapper, so the hooks are
 * forwarded: the TCP gateway logs in on init and out on destroy.
 */
export class ObservedOciGateway extends OciGateway implements Required<LifecycleHooks> {
  constructor(
    readonly inner: OciGateway,
    private readonly observers: readonly OciExchangeObserver[],
  ) {
    super();
  }

  async execute(commands: readonly OciRequest[]): Promise<OciOutcome[]> {
    const started = process.hrtime.bigint();
    const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const outcomes = await this.inner.execute(commands);
      this.notify({ commands, outcomes, durationSeconds: elapsed() });
      return outcomes;
    } catch (error) {
      this.notify({ commands, error, durationSeconds: elapsed() });
      throw error;
    }
  }

  isReady(): Promise<boolean> {
    return this.inner.isReady();
  }

  override stats(): OciGatewayStats | undefined {
    return this.inner.stats();
  }

  async onModuleInit(): Promise<void> {
    await (this.inner as LifecycleHooks).onModuleInit?.();
  }
  async onApplicationBootstrap(): Promise<void> {
    await (this.inner as LifecycleHooks).onApplicationBootstrap?.();
  }
  async onModuleDestroy(): Promise<void> {
    await (this.inner as LifecycleHooks).onModuleDestroy?.();
  }
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await (this.inner as LifecycleHooks).beforeApplicationShutdown?.(signal);
  }
  async onApplicationShutdown(signal?: string): Promise<void> {
    await (this.inner as LifecycleHooks).onApplicationShutdown?.(signal);
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
