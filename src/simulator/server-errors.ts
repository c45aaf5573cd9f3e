/**
 * The errors the OCI-P server itself answers (session, login, document shape), beside the engine's
 * table in errors.ts. Only 4962 is BroadWorks' own code and wording; the others are this
 * simulator's choice (no public capture of the real answers was found), worded so that a client
 * recognises a session error by its text ("session … invalid").
 */
import { OciErrorResponse } from '../ocip/oci-errors.js';
import { ociError } from './errors.js';

export const serverErrors = {
  invalidPassword: (): OciErrorResponse => ociError('invalidPassword'),
  notLoggedIn: (type: string): OciErrorResponse =>
    OciErrorResponse.of(
      4960,
      `Session is invalid: not logged in; ${type} needs AuthenticationRequest then LoginRequest14sp4, or LoginRequest22V5`,
    ),
  foreignSessionId: (sessionId: string): OciErrorResponse =>
    OciErrorResponse.of(
      4961,
      `Session is invalid: sessionId ${sessionId.slice(0, 100)} is not the session of this connection`,
    ),
  authenticationFirst: (userId: string): OciErrorResponse =>
    OciErrorResponse.of(4963, `AuthenticationRequest must precede a signed-password login for ${userId.slice(0, 161)}`),
  plainPasswordNeedsTls: (): OciErrorResponse =>
    OciErrorResponse.of(
      4964,
      'A plain-text password is accepted over TLS only: use AuthenticationRequest and LoginRequest14sp4 on plain TCP',
    ),
  commandCount: (count: number): OciErrorResponse =>
    OciErrorResponse.of(4965, `A document carries 1 to 15 commands, not ${count}`),
  malformedDocument: (reason: string): OciErrorResponse =>
    OciErrorResponse.of(4966, `Malformed OCI-P document: ${reason.slice(0, 300)}`),
  badProtocol: (protocol: string): OciErrorResponse =>
    OciErrorResponse.of(
      4967,
      `Unsupported protocol "${protocol.slice(0, 30)}": BroadsoftDocument protocol must be OCI`,
    ),
  missingSessionId: (): OciErrorResponse => OciErrorResponse.of(4968, 'BroadsoftDocument must carry a sessionId'),
  invalidDocument: (reason: string): OciErrorResponse =>
    OciErrorResponse.of(4969, `Invalid OCI-P document: ${reason.slice(0, 300)}`),
};
