import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@jiugai/shared';
import { AuthenticationError, TokenExpiredError } from '../errors';

/** Who is calling, as carried in the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  /** Materialized region path of a staff account's scope ("/d/s/c/"); absent for residents and supervisors. */
  scopePath?: string;
  /** When the token was issued (ms since the epoch), for revocation checks. */
  issuedAtMs?: number;
}

type TokenKind = 'access' | 'refresh';
interface Claims {
  sub: string;
  role: Role;
  scope?: string;
  typ: TokenKind;
  /** Issued at, in ms: `iat` has only whole seconds, too coarse to tell a token from a revocation just before it. */
  ims?: number;
}

export function signToken(user: AuthUser, kind: TokenKind, secret: string, ttlSeconds: number): string {
  const claims: Claims = {
    sub: user.id,
    role: user.role,
    typ: kind,
    ims: Date.now(),
    ...(user.scopePath ? { scope: user.scopePath } : {}),
  };
  return jwt.sign(claims, secretKey(secret), { algorithm: 'HS256', expiresIn: ttlSeconds });
}

// jsonwebtoken turns a string secret into a KeyObject on every call (about 0.4 ms each); cache it per secret.
const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Tokens that passed verification, until they expire: a resident's app sends the same access token with every
 * request, and checking its HMAC again each time cost about a tenth of a burst ballot's main-thread time. Keyed
 * by secret and kind too, so a token is only ever trusted for what it was verified against.
 */
const verified = new Map<string, { user: AuthUser; expiresAt: number }>();
const VERIFIED_MAX = 20_000;

/** Verifies signature (HS256 only, so `alg: none` and other algorithms are refused), expiry and kind. */
export function verifyToken(token: string, kind: TokenKind, secret: string): AuthUser {
  const cacheKey = `${kind}\0${secret}\0${token}`;
  const hit = verified.get(cacheKey);
  if (hit && Date.now() < hit.expiresAt) return { ...hit.user };
  if (hit) verified.delete(cacheKey);
  let claims: Claims & { exp?: number; iat?: number };
  try {
    claims = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] }) as Claims & {
      exp?: number;
      iat?: number;
    };
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw TokenExpiredError();
    throw AuthenticationError('登录凭证无效，请重新登录');
  }
  if (claims.typ !== kind || typeof claims.sub !== 'string')
    throw AuthenticationError('登录凭证无效，请重新登录');
  const user: AuthUser = {
    id: claims.sub,
    role: claims.role,
    ...(claims.scope ? { scopePath: claims.scope } : {}),
    ...(typeof claims.ims === 'number'
      ? { issuedAtMs: claims.ims }
      : typeof claims.iat === 'number'
        ? { issuedAtMs: claims.iat * 1000 }
        : {}),
  };
  if (typeof claims.exp === 'number') {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
    verified.set(cacheKey, { user, expiresAt: claims.exp * 1000 });
  }
  return { ...user };
}
