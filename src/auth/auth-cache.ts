import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/namespaces.js';
import { Store } from '../store/store.js';

/** Entries kept at most: one per user or machine token that called lately. */
const MAX_ENTRIES = 10_000;

/**
 * What the guard needs on every request (the user of a token, a machine token's record), kept in
 * memory so that a request costs a map lookup, not a database round trip. Correct across
 * replicas because every change to users or machine tokens is notified through PostgreSQL
 * (StoreEvents) and empties the cache of every replica the moment it commits. Two safety nets:
 * an entry is used for AUTH_CACHE_MAX_AGE_MS at most, and while the notifications are not being
 * received (connection lost) the cache is not used at all.
 */
@Injectable()
export class AuthCache implements OnModuleDestroy {
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  /** Bumped by every change: a load that started before a change must not be cached after it. */
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {
    this.unsubscribe = store.events.subscribe(() => this.clear());
  }

  /** The cached value of `key`, or what `load` reads (and caches, when it is safe to). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const usable = this.config.cacheMaxAgeMs > 0 && this.store.events.listening;
    if (usable) {
      const hit = this.entries.get(key);
      if (hit && performance.now() - hit.at < this.config.cacheMaxAgeMs) return hit.value as T;
    }
    const generation = this.generation;
    const value = await load();
    if (usable && generation === this.generation && this.store.events.listening) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, at: performance.now() });
    }
    return value;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
