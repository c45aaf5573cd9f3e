import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '../domain/errors.js';
import { authConfig } from '../config/namespaces.js';
import { Clock } from './clock.js';

/** `typ` tells the three kinds apart, so one is never accepted where another is due. */
export type TokenType = 'access' | 'refresh' | 'machine';

export interface TokenClaims {
  /** A user name, or the id of a machine token. */
  sub: string;
  typ: TokenType;
  /** Users: the fingerprint of the credential the token was issued for (UsersStore.credentialTag). */
  cred?: string;
  /** Machine tokens: the id the registry knows them by. */
  jti?: string;
  iat: number;
  exp: number;
}

const ISSUER = 'hunt-group-api';
const ALGORITHM = 'HS256';
/** Replicas' clocks may differ by this much (seconds) when one checks a token another issued. */
const CLOCK_SKEW_S = 60;
/** A JWT: three base64url parts. Anything else is refused before it is parsed. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Signs and checks the service's JWTs (HS256 only, so no algorithm can be chosen by the sender). */
@Injectable()
export class TokenService {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to read it as a
   * PEM public key on every verify, and that failed attempt was the costliest step of a request.
   * (@nestjs/jwt's types say string | Buffer, but it hands the key to jsonwebtoken as is.)
   */
  private readonly key: string;

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string;
  }

  sign(typ: TokenType, sub: string, extra: { cred?: string; jti?: string } = {}): string {
    const ttl = this.ttlS(typ);
    const iat = Math.floor(this.clock.now() / 1000);
    return this.jwt.sign(
      { sub, typ, ...extra, iat },
      { secret: this.key, algorithm: ALGORITHM, issuer: ISSUER, expiresIn: ttl },
    );
  }

  /** The claims of a valid token of one of the expected types; 401 otherwise, saying why without details. */
  verify(token: string, expected: readonly TokenType[]): TokenClaims {
    if (token.length > 4096 || !JWT_SHAPE.test(token)) throw invalidToken('The bearer token is not a valid token');
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token, {
        secret: this.key,
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        clockTimestamp: Math.floor(this.clock.now() / 1000),
      });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError')
        throw ApiError.unauthorized('TOKEN_EXPIRED', 'The bearer token has expired', 'invalid_token');
      throw invalidToken('The bearer token is not a valid token');
    }
    if (typeof claims.sub !== 'string' || typeof claims.typ !== 'string') {
      throw invalidToken('The bearer token names no subject or no token type');
    }
    if (!expected.includes(claims.typ)) {
      throw invalidToken(`A ${claims.typ} token cannot be used here (expected: ${expected.join(' or ')})`);
    }
    // jsonwebtoken accepts a token without `exp` forever: every token must expire, within its
    // type's lifetime (a token minted elsewhere with the secret, or by an older version, is not).
    const ttl = this.ttlS(claims.typ);
    const now = Math.floor(this.clock.now() / 1000);
    if (!Number.isInteger(claims.exp) || !Number.isInteger(claims.iat))
      throw invalidToken('The bearer token has no expiry (exp) or issue time (iat)');
    if (claims.exp - claims.iat > ttl || claims.exp > now + ttl + CLOCK_SKEW_S)
      throw invalidToken(`The bearer token lives longer than ${claims.typ} tokens may (${ttl} s)`);
    return claims;
  }

  private ttlS(typ: TokenType): number {
    return { access: this.config.accessTtlS, refresh: this.config.refreshTtlS, machine: this.config.machineTtlS }[typ];
  }

  expiresAt(claims: { exp: number }): string {
    return new Date(claims.exp * 1000).toISOString();
  }

  /** When a machine token issued now expires. */
  machineExpiry(): string {
    return new Date((Math.floor(this.clock.now() / 1000) + this.config.machineTtlS) * 1000).toISOString();
  }
}

function invalidToken(message: string): ApiError {
  return ApiError.unauthorized('INVALID_TOKEN', message, 'invalid_token');
}
