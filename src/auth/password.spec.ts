import { describe, expect, it } from '@jest/globals';
import { dummyHash, hashPassword, TEST_SCRYPT, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt, never the password', async () => {
    const a = await hashPassword('s3cret', TEST_SCRYPT);
    const b = await hashPassword('s3cret', TEST_SCRYPT);
    expect(a).toMatchObject({ algorithm: 'scrypt', N: 1024, r: 8, p: 1, keylen: 32 });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('s3cret');
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('s3cret', TEST_SCRYPT);
    expect(await verifyPassword('s3cret', stored)).toBe(true);
    expect(await verifyPassword('s3creT', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats canonically equivalent Unicode as the same password (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9', TEST_SCRYPT);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('refuses, without throwing, a stored hash of the wrong length', async () => {
    const stored = await hashPassword('s3cret', TEST_SCRYPT);
    expect(await verifyPassword('s3cret', { ...stored, hash: Buffer.alloc(8).toString('base64') })).toBe(false);
  });

  it('uses the default cost (N=2^15) unless told otherwise, and the dummy hash matches nothing', async () => {
    const stored = await hashPassword('x');
    expect(stored.N).toBe(2 ** 15);
    const dummy = await dummyHash(TEST_SCRYPT);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
