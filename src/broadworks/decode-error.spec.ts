import { describe, expect, it } from '@jest/globals';
import {
  AlreadyInUse,
  BroadWorksBadResponse,
  BroadWorksNotFound,
  BroadWorksRefusal,
  BroadWorksTimeout,
  BroadWorksUnavailable,
  IdTaken,
  InvalidCharacters,
  ServiceNotAssignedRefusal,
  ServiceNotAuthorized,
  UnknownOutcome,
} from '../domain/errors.js';
import { decodeError } from './decode-error.js';
import { OciErrorResponse, OciTransportError } from '../ocip/oci-errors.js';
import { OciEncodingError } from '../ocip/protocol/protocol-errors.js';

describe('decodeError', () => {
  it.each([
    [OciErrorResponse.of(4008, 'User not found: bob@x'), BroadWorksNotFound, 'not-found'],
    [OciErrorResponse.of(4152, 'Group not found: g'), BroadWorksNotFound, 'not-found'],
    // A server that leaves the code out is read by its wording.
    [new OciErrorResponse('[Error 9999] Service Provider not found: sp'), BroadWorksNotFound, 'not-found'],
    [OciErrorResponse.of(4501, 'User already exists: hg@x'), IdTaken, 'conflict'],
    [OciErrorResponse.of(4267, 'Domain already assigned'), AlreadyInUse, 'conflict'],
    [OciErrorResponse.of(4505, 'Phone number already in use: +32'), AlreadyInUse, 'conflict'],
    [OciErrorResponse.of(4515, 'Language not found: Klingon'), BroadWorksRefusal, 'bad-request'],
    [
      OciErrorResponse.of(4400, 'Service assignment failed: Alternate Numbers is not authorized for group g'),
      ServiceNotAuthorized,
      'conflict',
    ],
    // 4400 is any failed assignment: without "not authorized" it stays a plain refusal.
    [OciErrorResponse.of(4400, 'Service assignment failed: no licence left'), BroadWorksRefusal, 'bad-request'],
    [OciErrorResponse.of(4410, 'Service not assigned: Call Forwarding Busy'), ServiceNotAssignedRefusal, 'conflict'],
  ])('%s → %p', (error, type, kind) => {
    const decoded = decodeError(error);
    expect(decoded).toBeInstanceOf(type);
    expect((decoded as BroadWorksRefusal).kind).toBe(kind);
    expect((decoded as BroadWorksRefusal).details).toEqual({
      error_code: error.errorCode ?? null,
      level: 'Error',
      summary: error.summary,
      detail: '',
    });
  });

  it('keeps a user-not-found from being read as an id conflict', () => {
    expect(decodeError(OciErrorResponse.of(4008, 'User not found: already exists@x'))).toBeInstanceOf(
      BroadWorksNotFound,
    );
  });

  it.each([
    ['unreachable', BroadWorksUnavailable, 'unavailable'],
    ['timeout', BroadWorksTimeout, 'timeout'],
    ['bad-response', BroadWorksBadResponse, 'bad-gateway'],
    ['unknown-outcome', UnknownOutcome, 'timeout'],
  ] as const)('transport %s → %p', (failure, type, kind) => {
    const decoded = decodeError(new OciTransportError(failure, 'why'));
    expect(decoded).toBeInstanceOf(type);
    expect((decoded as BroadWorksRefusal).kind).toBe(kind);
  });

  it('a value XML cannot carry is the client’s bad input', () => {
    expect(decodeError(new OciEncodingError('control character', 1))).toBeInstanceOf(InvalidCharacters);
  });

  it('passes anything else on untouched', () => {
    const bug = new TypeError('a bug');
    expect(decodeError(bug)).toBe(bug);
  });
});
