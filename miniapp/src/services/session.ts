import Taro from '@tarojs/taro';
import type { AuthTokens, DevLoginRequest, SessionUser } from '@jiugai/shared';
import { send } from './http';

const tokenKey = 'jiugai.token';
const userKey = 'jiugai.user';
const devOpenidKey = 'jiugai.devOpenid';

export const getToken = (): string => (Taro.getStorageSync(tokenKey) as string) || '';
export const getUser = (): SessionUser | null => (Taro.getStorageSync(userKey) as SessionUser) || null;

export function saveUser(user: SessionUser) {
  Taro.setStorageSync(userKey, user);
}

export function logout() {
  Taro.removeStorageSync(tokenKey);
  Taro.removeStorageSync(userKey);
}

/** In the browser build there is no WeChat: each browser gets its own test openid for the dev login. */
export function devOpenid(): string {
  let id = Taro.getStorageSync(devOpenidKey) as string;
  if (!id) {
    id = `h5-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    Taro.setStorageSync(devOpenidKey, id);
  }
  return id;
}
export function setDevIdentity(openid: string) {
  Taro.setStorageSync(devOpenidKey, openid);
  logout();
}

let pending: Promise<SessionUser> | null = null;

/** WeChat login (Taro.login → /auth/wechat); in H5 the server's development login. Concurrent calls share one. */
export function login(role: DevLoginRequest['role'] = 'resident'): Promise<SessionUser> {
  pending ??= (async () => {
    try {
      let tokens: AuthTokens;
      if (process.env.TARO_ENV === 'h5') {
        tokens = await send<AuthTokens>('POST', '/auth/dev-login', { openid: devOpenid(), role });
      } else {
        const { code } = await Taro.login();
        tokens = await send<AuthTokens>('POST', '/auth/wechat', { code });
      }
      Taro.setStorageSync(tokenKey, tokens.accessToken);
      saveUser(tokens.user);
      return tokens.user;
    } finally {
      pending = null;
    }
  })();
  return pending;
}
