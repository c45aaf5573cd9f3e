import { Injectable } from '@nestjs/common';
import { MachineTokensRepository, type MachineTokenRecord } from '../store/repositories/machine-tokens.repository.js';
import { AuthCache } from './auth-cache.js';

export type { MachineTokenRecord } from '../store/repositories/machine-tokens.repository.js';

/**
 * The machine tokens in force, in the store. A machine token is accepted only while its id is
 * there: revoking deletes it, and every replica hears of it at once (AuthCache).
 */
@Injectable()
export class MachineTokensStore {
  constructor(
    private readonly repository: MachineTokensRepository,
    private readonly cache: AuthCache,
  ) {}

  list(): Promise<MachineTokenRecord[]> {
    return this.repository.list();
  }

  /** For the guard, on every request: from the cache. */
  find(id: string): Promise<MachineTokenRecord | undefined> {
    return this.cache.get(`machine:${id}`, () => this.repository.find(id));
  }

  add(record: MachineTokenRecord): Promise<void> {
    return this.repository.add(record);
  }

  /** False when no token has this id. */
  remove(id: string): Promise<boolean> {
    return this.repository.remove(id);
  }
}
