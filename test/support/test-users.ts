import { hashPassword, TEST_SCRYPT } from '../../src/auth/password.js';
import { normalizeReach, type GroupRef, type Level } from '../../src/auth/reach.js';
import { readUsersFile, writeUsersFile, type StoredUser } from '../../src/auth/users-file.js';

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
 * The users file of a test app, written with scrypt at a cheap cost (same algorithm, same code
 * path) so creating users costs milliseconds. The running app sees every change at once.
 */
export class TestUsers {
  private constructor(readonly file: string) {}

  static async create(file: string, specs: TestUserSpec[]): Promise<TestUsers> {
    writeUsersFile(file, { users: await Promise.all(specs.map(toStored)) });
    return new TestUsers(file);
  }

  /** Adds a user, or replaces one of the same name (a new password gives a new credential). */
  async add(spec: TestUserSpec): Promise<void> {
    const user = await toStored(spec);
    const { users } = readUsersFile(this.file);
    writeUsersFile(this.file, { users: [...users.filter((u) => u.username !== spec.username), user] });
  }

  remove(username: string): void {
    const { users } = readUsersFile(this.file);
    writeUsersFile(this.file, { users: users.filter((u) => u.username !== username) });
  }
}

async function toStored(spec: TestUserSpec): Promise<StoredUser> {
  return {
    username: spec.username,
    ...normalizeReach(spec),
    password: await hashPassword(passwordOf(spec), TEST_SCRYPT),
  };
}
