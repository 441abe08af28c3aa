import type { Context } from 'koa';
import type { AuthTokens, Role } from '@jiugai/shared';
import { signToken, type AuthUser } from './tokens';
import { presentSessionUser } from '../presenters/session';
import type { UserDoc } from '../models/user';

type UserForSession = Parameters<typeof presentSessionUser>[0];

export function toAuthUser(
  user: Pick<UserDoc, 'role'> & { _id: { toString(): string }; scopePath?: string | null },
): AuthUser {
  return {
    id: String(user._id),
    role: user.role as Role,
    ...(user.scopePath ? { scopePath: user.scopePath } : {}),
  };
}

/** A fresh access + refresh token pair and the session user, for every kind of login. */
export async function issueSession(
  ctx: Context,
  user: UserForSession & Pick<UserDoc, 'role'>,
): Promise<AuthTokens> {
  const authUser = toAuthUser(user);
  const { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } = ctx.env;
  return {
    accessToken: signToken(authUser, 'access', JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS),
    refreshToken: signToken(authUser, 'refresh', JWT_SECRET, REFRESH_TOKEN_TTL_SECONDS),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    user: await presentSessionUser(user),
  };
}
