import { z } from 'zod';
import type { Role } from './roles';

export const maxAccountLength = 50;
export const minPasswordLength = 8;
export const maxPasswordLength = 128;
/** Staff login lock-out: this many wrong passwords in a row locks the account for `lockMinutes`. */
export const loginLockout = { maxFailures: 5, lockMinutes: 15 } as const;

export const LoginRequest = z.object({
  account: z
    .string()
    .trim()
    .min(1, '请输入账号')
    .max(maxAccountLength, `账号最多 ${maxAccountLength} 个字符`),
  password: z.string().min(1, '请输入密码').max(maxPasswordLength, `密码最多 ${maxPasswordLength} 个字符`),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.object({
  refreshToken: z.string().min(1, '缺少刷新凭证').max(4096, '刷新凭证无效'),
});
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/** The mini-program's `wx.login()` code. */
export const WechatLoginRequest = z.object({
  code: z.string().trim().min(1, '缺少微信登录凭证 code').max(128, '微信登录凭证 code 无效'),
});
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>;

/** Development only (no WeChat app id configured): log in as a test openid. */
export const DevLoginRequest = z.object({
  openid: z
    .string()
    .trim()
    .min(1, '请输入测试 openid')
    .max(64, 'openid 最多 64 个字符')
    .regex(/^[\w-]+$/, 'openid 只能包含字母、数字、下划线和短横线'),
  role: z.enum(['resident', 'supervisor'], { message: '角色只能是居民或义务监督员' }).default('resident'),
});
export type DevLoginRequest = z.infer<typeof DevLoginRequest>;

/** A household the resident is bound to, as shown in "我的房屋". */
export interface BoundHousehold {
  id: string;
  compoundId: string;
  compoundName: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  area: number;
}

/** The logged-in person as returned by login, refresh and `GET /auth/me`. Phone is masked. */
export interface SessionUser {
  id: string;
  role: Role;
  name: string;
  account?: string;
  phone: string;
  scopeRegionId?: string;
  scopeRegionName?: string;
  scopeRegionLevel?: string;
  scopePath?: string;
  supervisorCategory?: string;
  households: BoundHousehold[];
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUser;
}
