import { describe, expect, it } from '@jest/globals';
import { ERROR_TABLE, ociError } from './errors.js';

describe('error table', () => {
  it('gives every kind its own code', () => {
    const codes = Object.values(ERROR_TABLE).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('words errors as BroadWorks does, with the code in the summary', () => {
    const error = ociError('userNotFound', 'bob@x');
    expect(error.summary).toBe('[Error 4008] User not found: bob@x');
    expect(error.errorCode).toBe(4008);
    expect(ociError('groupNotFound', 'g1').summary).toBe('[Error 4152] Group not found: g1');
    expect(ociError('invalidPassword').summary).toBe('[Error 4962] Invalid userId or password');
  });

  it('marks the codes seen on real servers as BroadWorks and the others as the simulator choice', () => {
    const real = Object.values(ERROR_TABLE)
      .filter((e) => e.source === 'BroadWorks')
      .map((e) => e.code);
    expect(real.sort()).toEqual([4008, 4152, 4400, 4962]);
  });
});
