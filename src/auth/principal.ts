import type { Reach } from './reach.js';

/** Who a request comes from, as the guard found it: a user (by login) or a machine token. */
export interface Principal extends Reach {
  kind: 'user' | 'machine';
  /** The user name, or the machine token's id. */
  id: string;
  /** The user name, or the machine token's name. */
  name: string;
}

/** The property of the Express request the guard puts the principal on. */
export const PRINCIPAL = 'principal';
