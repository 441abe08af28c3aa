import type { Context, Next } from 'koa';
import type { Role } from '@jiugai/shared';
import { isWithinScope } from '@jiugai/shared';
import { AuthenticationError, ForbiddenError, OutOfScopeError } from '../errors';
import { isRevoked } from '../auth/revocations';
import { verifyToken, type AuthUser } from '../auth/tokens';

declare module 'koa' {
  interface DefaultState {
    user?: AuthUser;
  }
}

export interface AuthOptions {
  /** Roles allowed on the route; omitted = any logged-in user. */
  roles?: Role[];
  /** When true, a missing token is allowed and ctx.state.user stays undefined. */
  optional?: boolean;
}

/** The one middleware that authenticates (Bearer JWT) and checks the role of every protected route. */
export function auth(opts: AuthOptions = {}) {
  return async function authenticate(ctx: Context, next: Next) {
    const header = ctx.get('Authorization');
    const match = /^Bearer (.+)$/i.exec(header);
    if (!match) {
      if (opts.optional) return next();
      throw AuthenticationError();
    }
    const user = verifyToken(match[1].trim(), 'access', ctx.env.JWT_SECRET);
    if (isRevoked(user.id, user.issuedAtMs)) throw AuthenticationError('登录状态已失效，请重新登录');
    if (opts.roles && !opts.roles.includes(user.role)) throw ForbiddenError();
    ctx.state.user = user;
    await next();
  };
}

/** The caller, for handlers behind auth(). */
export function currentUser(ctx: Context): AuthUser {
  const user = ctx.state.user;
  if (!user) throw AuthenticationError();
  return user;
}

/** Staff see only records under their region node; super_admin sees everything. */
export function canSee(user: AuthUser, recordPath: string): boolean {
  if (user.role === 'super_admin') return true;
  if (!user.scopePath) return false;
  return isWithinScope(recordPath, user.scopePath);
}

export function assertInScope(user: AuthUser, recordPath: string): void {
  if (!canSee(user, recordPath)) throw OutOfScopeError();
}

/** A Mongo filter limiting a collection with a `regionPath` field to the caller's scope. */
export function scopeFilter(user: AuthUser, field = 'regionPath'): Record<string, unknown> {
  if (user.role === 'super_admin') return {};
  if (!user.scopePath) return { [field]: { $in: [] } };
  return { [field]: { $regex: `^${user.scopePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` } };
}
