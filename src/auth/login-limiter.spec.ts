import { describe, expect, it } from '@jest/globals';
import type { ConfigType } from '@nestjs/config';
import { ApiError } from '../domain/errors.js';
import type { authConfig } from '../config/namespaces.js';
import { Clock } from './clock.js';
import { LoginLimiter } from './login-limiter.js';

class TestClock extends Clock {
  t = 1_000_000;
  now(): number {
    return this.t;
  }
}

function limiter(perUser = 3, perAddress = 5, windowS = 60): { limiter: LoginLimiter; clock: TestClock } {
  const clock = new TestClock();
  const config = {
    maxFailuresPerUser: perUser,
    maxFailuresPerAddress: perAddress,
    loginWindowS: windowS,
  } as ConfigType<typeof authConfig>;
  return { limiter: new LoginLimiter(clock, config), clock };
}

const refusal = (fn: () => void): ApiError | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error as ApiError;
  }
};

describe('LoginLimiter', () => {
  it('refuses a user name after N failures, with the wait until the oldest leaves the window', () => {
    const { limiter: l, clock } = limiter();
    for (let i = 0; i < 3; i++) {
      l.begin('alice', '10.0.0.1');
      clock.t += 10_000;
    }
    const error = refusal(() => l.begin('alice', '10.0.0.2'));
    expect(error).toMatchObject({
      kind: 'too-many-requests',
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      headers: { 'Retry-After': '30' },
    });
    clock.t += 30_000;
    expect(refusal(() => l.begin('alice', '10.0.0.2'))).toBeUndefined();
  });

  it('clears the user name on success, but not the address', () => {
    const { limiter: l } = limiter(3, 4);
    l.begin('alice', 'A');
    l.begin('alice', 'A');
    l.begin('alice', 'A');
    l.succeeded('alice', 'A');
    expect(refusal(() => l.begin('alice', 'A'))).toBeUndefined();
    // The address keeps its failures: 2 (the success took its own attempt back) + alice's + bob's = 4, the bound.
    expect(refusal(() => l.begin('bob', 'A'))).toBeUndefined();
    expect(refusal(() => l.begin('carol', 'A'))).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
  });

  it('refuses an address after M failures whatever the user names', () => {
    const { limiter: l } = limiter(3, 5);
    for (let i = 0; i < 5; i++) l.begin(`user${i}`, 'A');
    expect(refusal(() => l.begin('fresh', 'A'))).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    expect(refusal(() => l.begin('fresh', 'B'))).toBeUndefined();
  });

  it('counts an attempt before it is checked, so parallel guesses are bounded too', () => {
    const { limiter: l } = limiter(3, 100);
    const results = Array.from({ length: 10 }, () => refusal(() => l.begin('alice', 'A')));
    expect(results.filter((r) => r === undefined)).toHaveLength(3);
  });
});
