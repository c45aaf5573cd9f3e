import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/namespaces.js';
import { dummyHash, verifyPassword, type PasswordHash } from './password.js';
import { readUsersFile, type StoredUser } from './users-file.js';
import { FileSignature } from './watched-file.js';

/** The demo administrator the shipped env/users.json holds (README); refused in production. */
export const DEMO_USER = { username: 'demo', password: 'demo' } as const;

/**
 * The users of AUTH_USERS_FILE, in memory. The file is re-read when it changes, so a user that
 * `npm run users -- remove` deletes (or whose password it resets) loses access on the next
 * request, tokens included. A file that becomes invalid while running keeps the last good copy.
 */
@Injectable()
export class UsersStore implements OnModuleInit {
  private users = new Map<string, StoredUser>();
  private readonly signature: FileSignature;
  private unknownUserHash?: Promise<PasswordHash>;

  constructor(@Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {
    this.signature = new FileSignature(config.usersFile);
    // A missing or broken file stops the boot, naming AUTH_USERS_FILE.
    this.load(true);
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.production) return;
    const demo = this.find(DEMO_USER.username);
    if (demo && (await verifyPassword(DEMO_USER.password, demo.password))) {
      throw new Error(
        `AUTH_USERS_FILE=${this.config.usersFile} still holds the demo user "${DEMO_USER.username}" with its demo password: ` +
          `remove it (npm run users -- remove ${DEMO_USER.username}) before running in production`,
      );
    }
  }

  find(username: string): StoredUser | undefined {
    this.load(false);
    return this.users.get(username);
  }

  /**
   * The user when the password is theirs, else undefined. An unknown user name costs one scrypt
   * too, with the cost of the file's first user, so timing does not tell which names exist.
   */
  async verify(username: string, password: string): Promise<StoredUser | undefined> {
    const user = this.find(username);
    if (user) return (await verifyPassword(password, user.password)) ? user : undefined;
    const first = this.users.values().next().value;
    this.unknownUserHash ??= dummyHash(
      first
        ? { N: first.password.N, r: first.password.r, p: first.password.p, keylen: first.password.keylen }
        : undefined,
    );
    await verifyPassword(password, await this.unknownUserHash);
    return undefined;
  }

  /**
   * A short fingerprint of the user's current credential, carried in their tokens: resetting the
   * password (or removing and adding the user again) gives a new salt, so older tokens stop working.
   */
  static credentialTag(user: StoredUser): string {
    return createHash('sha256')
      .update(`${user.username}\0${user.password.salt}\0${user.password.hash}`)
      .digest('base64url')
      .slice(0, 16);
  }

  private load(initial: boolean): void {
    if (!this.signature.changed()) return;
    try {
      this.users = new Map(readUsersFile(this.config.usersFile).users.map((u) => [u.username, u]));
    } catch (error) {
      if (initial) throw error;
      // Running: a half-edited or removed file must not lock everybody out, nor let anybody in.
      // Keep the last good copy; a removed file means no users.
      if ((error as Error).message.includes('no such file')) this.users = new Map();
    }
  }
}
