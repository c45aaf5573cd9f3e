import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiError } from '../domain/errors.js';
import { authConfig } from '../config/namespaces.js';
import { LoginFailuresRepository, type FailureTimes } from '../store/repositories/login-failures.repository.js';
import { Clock } from './clock.js';

/**
 * The bound on password guessing: at most N failed logins per user name and M per client address
 * within a sliding window; then 429 with Retry-After until the oldest failure leaves the window.
 * An attempt counts as a failure from the moment it starts, so a burst of parallel guesses cannot
 * all be checked before the first one is counted; a success takes its own attempt back and clears
 * the user name's failures (not the address's: one good account must not reset an attacker's count).
 *
 * The counts are in the store, and each check-and-count holds the rows of its keys locked
 * (LoginFailuresRepository): one bound for all replicas together, not one per replica.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    private readonly failures: LoginFailuresRepository,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /** Throws 429 when either bound is reached; otherwise counts the attempt as failed until `succeeded`. */
  async begin(username: string, address: string): Promise<void> {
    const now = this.clock.now();
    const user = userKey(username);
    const addr = addressKey(address);
    const retryAfterS = await this.failures.update([user, addr], (times) => {
      const pruned = this.pruned(times, now);
      const wait = Math.max(
        this.waitS(pruned.get(user) ?? [], this.config.maxFailuresPerUser, now),
        this.waitS(pruned.get(addr) ?? [], this.config.maxFailuresPerAddress, now),
      );
      if (wait > 0) return { result: wait, write: pruned };
      for (const key of [user, addr]) pruned.set(key, [...(pruned.get(key) ?? []), now]);
      return { result: 0, write: pruned };
    });
    await this.failures.sweep(now - this.windowMs, now);
    if (retryAfterS > 0)
      throw ApiError.tooManyRequests(
        'TOO_MANY_LOGIN_ATTEMPTS',
        `Too many failed logins: try again in ${retryAfterS} seconds`,
        retryAfterS,
      );
  }

  async succeeded(username: string, address: string): Promise<void> {
    const now = this.clock.now();
    const user = userKey(username);
    const addr = addressKey(address);
    await this.failures.update([user, addr], (times) => {
      const pruned = this.pruned(times, now);
      pruned.set(user, []);
      // Take this attempt back: it counted as a failure while the password was checked.
      pruned.set(addr, (pruned.get(addr) ?? []).slice(0, -1));
      return { result: undefined, write: pruned };
    });
  }

  private pruned(times: FailureTimes, now: number): FailureTimes {
    return new Map([...times].map(([key, list]) => [key, list.filter((t) => t > now - this.windowMs)]));
  }

  private waitS(list: number[], max: number, now: number): number {
    if (list.length < max) return 0;
    const oldestThatMatters = list[list.length - max];
    return Math.max(1, Math.ceil((oldestThatMatters + this.windowMs - now) / 1000));
  }

  private get windowMs(): number {
    return this.config.loginWindowS * 1000;
  }
}

/** The key of a user name's failures (the users CLI's `unlock` clears it). */
export const userKey = (username: string): string => `user:${username}`;
const addressKey = (address: string): string => `addr:${address}`;
