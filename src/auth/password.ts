import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost of a stored password; kept with each hash so the cost can be raised without breaking old hashes. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/** A stored password: never the password itself. */
export interface PasswordHash extends ScryptParams {
  algorithm: 'scrypt';
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

/** About 100 ms and 32 MiB a hash on a current CPU: slow for guessing, fine for a login. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 64 };

/** For test fixtures only: the same algorithm at a cost that keeps suites fast. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keylen: 32 };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // 128·N·r bytes are needed; Node's default cap (32 MiB) is just too small for N=2^15, r=8.
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keylen, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, params);
  return { algorithm: 'scrypt', ...params, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Constant-time comparison of the derived key; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== stored.keylen || expected.length === 0) return false;
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, verified when the user name is unknown, so that a login for a
 * missing user costs as long as one with a wrong password (no user enumeration by timing).
 */
export async function dummyHash(params: ScryptParams = DEFAULT_SCRYPT): Promise<PasswordHash> {
  return hashPassword(randomBytes(24).toString('base64'), params);
}
