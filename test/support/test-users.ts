import { hashPassword, TEST_SCRYPT } from '../../src/auth/password.js';
import { normalizeReach, type GroupRef, type Level } from '../../src/auth/reach.js';
import { writeUsersFile, type StoredUser } from '../../src/auth/users-file.js';
import type { UsersRepository } from '../../src/store/repositories/users.repository.js';

export interface TestUserSpec {
  username: string;
  level: Level;
  tenants?: string[];
  groups?: GroupRef[];
  /** Default: `<username>-password`. */
  password?: string;
}

export const passwordOf = (spec: TestUserSpec): string => spec.password ?? `${spec.username}-password`;

/**
 * The users of a test app. They start as the app's seed file (imported into its empty store at
 * boot, the code path of env/users.json); afterwards they are changed in the store, as
 * `npm run users` does, and the running app sees every change at once. Hashed with scrypt at a
 * cheap cost (same algorithm, same code path) so creating users costs milliseconds.
 */
export class TestUsers {
  private readonly known = new Map<string, StoredUser>();
  private repository: UsersRepository | undefined;

  private constructor(readonly file: string) {}

  /** Writes the seed file of `specs`. */
  static async create(file: string, specs: TestUserSpec[]): Promise<TestUsers> {
    const users = new TestUsers(file);
    const stored = await Promise.all(specs.map(toStored));
    for (const user of stored) users.known.set(user.username, user);
    writeUsersFile(file, { users: stored });
    return users;
  }

  /** From now on, changes go to this store (the app's). */
  attach(repository: UsersRepository): void {
    this.repository = repository;
  }

  /** A user as the test made it (its hash gives the credential tag of its tokens). */
  get(username: string): StoredUser | undefined {
    return this.known.get(username);
  }

  /** Adds a user, or replaces one of the same name (a new password gives a new credential). */
  async add(spec: TestUserSpec): Promise<void> {
    await this.save(await toStored(spec));
  }

  /** Changes a user's reach or note, keeping their password (and so their tokens' credential). */
  async update(username: string, change: (user: StoredUser) => StoredUser): Promise<void> {
    const user = this.known.get(username);
    if (!user) throw new Error(`no test user ${username}`);
    await this.save(change(structuredClone(user)));
  }

  async remove(username: string): Promise<void> {
    await this.store().remove(username);
    this.known.delete(username);
  }

  private async save(user: StoredUser): Promise<void> {
    await this.store().save(user);
    this.known.set(user.username, user);
  }

  private store(): UsersRepository {
    if (!this.repository) throw new Error('the test users are changed in the store once the app runs');
    return this.repository;
  }
}

async function toStored(spec: TestUserSpec): Promise<StoredUser> {
  return {
    username: spec.username,
    ...normalizeReach(spec),
    password: await hashPassword(passwordOf(spec), TEST_SCRYPT),
  };
}
