import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/namespaces.js';
import { UsersRepository } from '../store/repositories/users.repository.js';
import { AuthCache } from './auth-cache.js';
import { dummyHash, verifyPassword, type PasswordHash } from './password.js';
import { readUsersFile, type StoredUser } from './users-file.js';

/** The demo administrator the shipped env/users.json holds (README); refused in production. */
export const DEMO_USER = { username: 'demo', password: 'demo' } as const;

/**
 * The users who may log in, in the store (shared by every replica). `npm run users` changes
 * them there; every replica hears of it at once (AuthCache), so a removed user, or one whose
 * password was reset, loses access on the next request, tokens included.
 *
 * At boot, when the store has no user, the seed file (AUTH_USERS_FILE, env/users.json: the demo
 * login) is imported.
 */
@Injectable()
export class UsersStore implements OnModuleInit {
  private readonly logger = new Logger('Users');
  private unknownUserHash?: Promise<PasswordHash>;

  constructor(
    private readonly repository: UsersRepository,
    private readonly cache: AuthCache,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.importSeed();
    if (!this.config.production) return;
    const demo = await this.repository.find(DEMO_USER.username);
    if (demo && (await verifyPassword(DEMO_USER.password, demo.password))) {
      throw new Error(
        `The store still holds the demo user "${DEMO_USER.username}" with its demo password: ` +
          `remove it (npm run users -- remove ${DEMO_USER.username}) before running in production`,
      );
    }
  }

  /** The user of a token, from the cache (see AuthCache). */
  find(username: string): Promise<StoredUser | undefined> {
    return this.cache.get(`user:${username}`, () => this.repository.find(username));
  }

  /**
   * The user when the password is theirs, else undefined. Read from the store, not the cache: a
   * login sees a password reset of another replica even if a notification were late. An unknown
   * user name costs one scrypt too, at a stored user's cost, so timing does not tell which names exist.
   */
  async verify(username: string, password: string): Promise<StoredUser | undefined> {
    const user = await this.repository.find(username);
    if (user) return (await verifyPassword(password, user.password)) ? user : undefined;
    this.unknownUserHash ??= this.repository
      .anyPasswordHash()
      .then((hash) => dummyHash(hash ? { N: hash.N, r: hash.r, p: hash.p, keylen: hash.keylen } : undefined));
    const hash = await this.unknownUserHash.catch((error: unknown) => {
      this.unknownUserHash = undefined;
      throw error;
    });
    await verifyPassword(password, hash);
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

  /** The seed, imported when the store has no user. In production a seed still holding demo/demo is refused. */
  private async importSeed(): Promise<void> {
    const file = this.config.usersFile;
    // Read (and checked) only when it is needed: a store with users does not need the file at all.
    if ((await this.repository.anyPasswordHash()) !== undefined) return;
    const { users } = readUsersFile(file);
    if (this.config.production) {
      const demo = users.find((u) => u.username === DEMO_USER.username);
      if (demo && (await verifyPassword(DEMO_USER.password, demo.password)))
        throw new Error(
          `The store has no user, and its seed AUTH_USERS_FILE=${file} holds the demo user "${DEMO_USER.username}" ` +
            `with its demo password: add a user first (npm run users -- add <name> --level system), or point ` +
            `AUTH_USERS_FILE at a seed of your own, before running in production`,
        );
    }
    const imported = await this.repository.importWhenEmpty(users);
    if (imported > 0) this.logger.log(`The store had no user: imported ${imported} from ${file}`);
  }
}
