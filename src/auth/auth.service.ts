import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiError } from '../domain/errors.js';
import { LoginLimiter } from './login-limiter.js';
import { MachineTokensStore, type MachineTokenRecord } from './machine-tokens.store.js';
import type { Principal } from './principal.js';
import { normalizeReach, type Reach } from './reach.js';
import { TokenService } from './token.service.js';
import type { StoredUser } from './users-file.js';
import { UsersStore } from './users.store.js';

export interface LoginTokens {
  access_token: string;
  refresh_token: string;
}

export interface IssuedMachineToken extends MachineTokenRecord {
  token: string;
}

const BAD_LOGIN = 'Invalid user name or password';

/** Logins, token refresh, machine tokens, and who a bearer token stands for. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersStore,
    private readonly machineTokens: MachineTokensStore,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginTokens> {
    await this.limiter.begin(username, address);
    const user = await this.users.verify(username, password);
    if (!user) throw ApiError.unauthorized('INVALID_CREDENTIALS', BAD_LOGIN);
    await this.limiter.succeeded(username, address);
    const cred = UsersStore.credentialTag(user);
    return {
      access_token: this.tokens.sign('access', user.username, { cred }),
      refresh_token: this.tokens.sign('refresh', user.username, { cred }),
    };
  }

  async refresh(bearer: string | undefined): Promise<{ access_token: string }> {
    const claims = this.tokens.verify(required(bearer), ['refresh']);
    const user = await this.currentUser(claims.sub, claims.cred);
    return { access_token: this.tokens.sign('access', user.username, { cred: claims.cred }) };
  }

  /** The principal of an API request's bearer token: a user's access token or a machine token. */
  async authenticate(bearer: string | undefined): Promise<Principal> {
    const claims = this.tokens.verify(required(bearer), ['access', 'machine']);
    if (claims.typ === 'machine') {
      const record = claims.jti === undefined ? undefined : await this.machineTokens.find(claims.jti);
      if (!record || claims.sub !== record.id)
        throw ApiError.unauthorized('TOKEN_REVOKED', 'This machine token has been revoked', 'invalid_token');
      return { kind: 'machine', id: record.id, name: record.name, ...normalizeReach(record) };
    }
    const user = await this.currentUser(claims.sub, claims.cred);
    return { kind: 'user', id: user.username, name: user.username, ...normalizeReach(user) };
  }

  async issueMachineToken(issuer: Principal, name: string, reach: Reach): Promise<IssuedMachineToken> {
    const id = randomUUID();
    const record: MachineTokenRecord = {
      id,
      name,
      ...normalizeReach(reach),
      created_by: issuer.name,
      created_at: new Date().toISOString(),
      expires_at: this.tokens.machineExpiry(),
    };
    const token = this.tokens.sign('machine', id, { jti: id });
    await this.machineTokens.add(record);
    return { ...record, token };
  }

  listMachineTokens(): Promise<MachineTokenRecord[]> {
    return this.machineTokens.list();
  }

  async revokeMachineToken(id: string): Promise<void> {
    if (!(await this.machineTokens.remove(id)))
      throw ApiError.notFound('NOT_FOUND', `No machine token has the id ${id}`);
  }

  /** The user a token names, while they exist with the credential the token was issued for. */
  private async currentUser(username: string, cred: string | undefined): Promise<StoredUser> {
    const user = await this.users.find(username);
    if (!user || cred === undefined || !sameSecret(cred, UsersStore.credentialTag(user))) {
      throw ApiError.unauthorized(
        'INVALID_TOKEN',
        'The user of this token no longer exists or has a new password',
        'invalid_token',
      );
    }
    return user;
  }
}

function required(bearer: string | undefined): string {
  if (bearer === undefined)
    throw ApiError.unauthorized('UNAUTHENTICATED', 'This API needs a token: Authorization: Bearer <access token>');
  return bearer;
}

/** Constant-time string comparison (of fixed-length digests, so lengths leak nothing either). */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
