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
}

type TokenKind = 'access' | 'refresh';
interface Claims {
  sub: string;
  role: Role;
  scope?: string;
  typ: TokenKind;
}

export function signToken(user: AuthUser, kind: TokenKind, secret: string, ttlSeconds: number): string {
  const claims: Claims = {
    sub: user.id,
    role: user.role,
    typ: kind,
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

/** Verifies signature (HS256 only, so `alg: none` and other algorithms are refused), expiry and kind. */
export function verifyToken(token: string, kind: TokenKind, secret: string): AuthUser {
  let claims: Claims;
  try {
    claims = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] }) as Claims;
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw TokenExpiredError();
    throw AuthenticationError('登录凭证无效，请重新登录');
  }
  if (claims.typ !== kind || typeof claims.sub !== 'string')
    throw AuthenticationError('登录凭证无效，请重新登录');
  return { id: claims.sub, role: claims.role, ...(claims.scope ? { scopePath: claims.scope } : {}) };
}
