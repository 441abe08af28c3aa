import jwt from 'jsonwebtoken';
import type { Role } from '@jiugai/shared';
import { signToken, type AuthUser } from '../../server/src/auth/tokens';

/** How a request presents itself: a valid token, none, or one of the forged/expired kinds. */
export type TokenKind = 'valid' | 'none' | 'expired' | 'wrong_secret' | 'alg_none';
export const badTokenKinds: TokenKind[] = ['none', 'expired', 'wrong_secret', 'alg_none'];

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

function claimsOf(user: AuthUser) {
  return {
    sub: user.id,
    role: user.role,
    typ: 'access',
    ...(user.scopePath ? { scope: user.scopePath } : {}),
  };
}

/** The Authorization header value for `user` presented as `kind` (undefined = no header). */
export function bearer(kind: TokenKind, user: AuthUser, secret: string): string | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'valid':
      return `Bearer ${signToken(user, 'access', secret, 600)}`;
    case 'expired': {
      const now = Math.floor(Date.now() / 1000);
      return `Bearer ${jwt.sign({ ...claimsOf(user), iat: now - 7200, exp: now - 3600 }, secret, { algorithm: 'HS256' })}`;
    }
    case 'wrong_secret':
      return `Bearer ${jwt.sign(claimsOf(user), 'another-secret-0123456789abcdef', { algorithm: 'HS256', expiresIn: 600 })}`;
    case 'alg_none': {
      const now = Math.floor(Date.now() / 1000);
      return `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claimsOf(user), iat: now, exp: now + 600 })}.`;
    }
  }
}

/** A caller for forged tokens when no real user matters: a super_admin, the most powerful claim to forge. */
export const forgedSuperAdmin: AuthUser = { id: '0123456789abcdef01234567', role: 'super_admin' as Role };
