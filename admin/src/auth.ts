import { api } from './request';
import type { AuthTokens, SessionUser } from '@jiugai/shared';
import { session } from './session';

export async function login(account: string, password: string): Promise<SessionUser> {
  const result = await api.post<AuthTokens>('/auth/login', { account, password }, { silent: true });
  session.setTokens(result.accessToken, result.refreshToken);
  session.setUser(result.user);
  return result.user;
}

/** Restores the user from a stored token after a page load. */
export async function loadCurrentUser(): Promise<SessionUser> {
  const user = await api.get<SessionUser>('/auth/me');
  session.setUser(user);
  return user;
}

export function logout() {
  session.clear();
}
