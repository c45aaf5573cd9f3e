import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiError } from '../domain/errors.js';
import { authConfig } from '../config/namespaces.js';
import { Clock } from './clock.js';

/** Keys kept at most; beyond it the stalest are dropped (an attacker cycling names cannot grow memory). */
const MAX_KEYS = 50_000;

/**
 * The bound on password guessing: at most N failed logins per user name and M per client address
 * within a sliding window; then 429 with Retry-After until the oldest failure leaves the window.
 * An attempt counts as a failure from the moment it starts, so a burst of parallel guesses cannot
 * all be checked before the first one is counted; a success takes its own attempt back and clears
 * the user name's failures (not the address's: one good account must not reset an attacker's count).
 * In memory: per instance, cleared by a restart.
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /** Throws 429 when either bound is reached; otherwise counts the attempt as failed until `succeeded`. */
  begin(username: string, address: string): void {
    const now = this.clock.now();
    const waits = [
      this.waitS(userKey(username), this.config.maxFailuresPerUser, now),
      this.waitS(addressKey(address), this.config.maxFailuresPerAddress, now),
    ].filter((w) => w > 0);
    if (waits.length > 0) {
      const retryAfterS = Math.max(...waits);
      throw ApiError.tooManyRequests(
        'TOO_MANY_LOGIN_ATTEMPTS',
        `Too many failed logins: try again in ${retryAfterS} seconds`,
        retryAfterS,
      );
    }
    this.record(userKey(username), now);
    this.record(addressKey(address), now);
  }

  succeeded(username: string, address: string): void {
    this.failures.delete(userKey(username));
    const list = this.failures.get(addressKey(address));
    list?.pop();
    if (list?.length === 0) this.failures.delete(addressKey(address));
  }

  private waitS(key: string, max: number, now: number): number {
    const list = this.prune(key, now);
    if (list.length < max) return 0;
    const oldestThatMatters = list[list.length - max];
    return Math.max(1, Math.ceil((oldestThatMatters + this.windowMs - now) / 1000));
  }

  private record(key: string, now: number): void {
    const list = this.prune(key, now);
    list.push(now);
    this.failures.delete(key);
    this.failures.set(key, list); // most recently used last, so the first keys are the stalest
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  private prune(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private get windowMs(): number {
    return this.config.loginWindowS * 1000;
  }
}

const userKey = (username: string): string => `user:${username}`;
const addressKey = (address: string): string => `addr:${address}`;
