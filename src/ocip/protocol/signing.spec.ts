import { describe, expect, it } from '@jest/globals';
import { signPassword } from './signing.js';

describe('signPassword', () => {
  it('matches the OCI-P test vector', () => {
    expect(signPassword('1234567890123', 'password')).toBe('77e4a6de3a1e00be05e121cf0ebee860');
  });

  it('depends on the nonce and on the password', () => {
    const base = signPassword('1234567890123', 'password');
    expect(signPassword('1234567890124', 'password')).not.toBe(base);
    expect(signPassword('1234567890123', 'Password')).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
  });
});
