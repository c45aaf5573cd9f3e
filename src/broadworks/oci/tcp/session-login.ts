/**
 * Logs a fresh connection in (OCI-P.md, "Login"): over plain TCP the two-step login, so the
 * password never travels (AuthenticationRequest, then LoginRequest14sp4 with the signed password);
 * over TLS the one-step LoginRequest22V5 with the password, which TLS protects.
 */
import { signPassword } from '../../../ocip/protocol/index.js';
import type { OciReadCommand } from '../../../ocip/protocol/index.js';
import type { OciConnection } from './oci-connection.js';
import { BadAnswerError, LoginRefusedError } from './tcp-errors.js';

export interface Credentials {
  readonly userId: string;
  readonly password: string;
}

const INVALID_CREDENTIALS_CODE = 4962;

export async function logIn(connection: OciConnection, credentials: Credentials, timeoutMs: number): Promise<void> {
  const { userId, password } = credentials;
  if (connection.secure) {
    const [answer] = await connection.exchange([{ $type: 'LoginRequest22V5', userId, password }], timeoutMs);
    expectAnswer(answer, 'LoginResponse22V5', userId);
    return;
  }
  const [challenge] = await connection.exchange([{ $type: 'AuthenticationRequest', userId }], timeoutMs);
  const nonce = expectAnswer(challenge, 'AuthenticationResponse', userId)['nonce'];
  if (typeof nonce !== 'string' || nonce === '') throw new BadAnswerError('AuthenticationResponse without a nonce');
  const [answer] = await connection.exchange(
    [{ $type: 'LoginRequest14sp4', userId, signedPassword: signPassword(nonce, password) }],
    timeoutMs,
  );
  expectAnswer(answer, 'LoginResponse14sp4', userId);
}

function expectAnswer(answer: OciReadCommand | undefined, type: string, userId: string): OciReadCommand {
  if (answer?.$type === type) return answer;
  if (answer?.$type === 'ErrorResponse') {
    const summary = typeof answer['summary'] === 'string' ? answer['summary'] : 'ErrorResponse';
    const badCredentials =
      answer['errorCode'] === INVALID_CREDENTIALS_CODE || /\b4962\b|invalid user ?id or password/i.test(summary);
    throw new LoginRefusedError(`BroadWorks refused the login of ${userId}: ${summary}`, badCredentials);
  }
  throw new BadAnswerError(`expected ${type} at login, got ${answer?.$type ?? 'nothing'}`);
}
