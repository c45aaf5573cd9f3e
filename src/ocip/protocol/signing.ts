/**
 * The signed password of the two-step OCI-P login (AuthenticationRequest then LoginRequest14sp4):
 * lowercase-hex MD5 of (nonce + ":" + lowercase-hex SHA-1 of the password). BroadWorks defines the
 * algorithm; MD5 and SHA-1 are its choice, not ours.
 */
import { createHash } from 'node:crypto';

export function signPassword(nonce: string, password: string): string {
  const sha1 = createHash('sha1').update(password, 'utf8').digest('hex');
  return createHash('md5').update(`${nonce}:${sha1}`, 'utf8').digest('hex');
}
