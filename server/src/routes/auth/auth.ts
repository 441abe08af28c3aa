import Router from '@koa/router';
import { DevLoginRequest, LoginRequest, RefreshRequest, WechatLoginRequest, ErrorCode } from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { auth, currentUser } from '../../middlewares/auth';
import { byBodyField, byIp, rateLimit } from '../../middlewares/rateLimit';
import { AuthenticationError, ForbiddenError, HttpError } from '../../errors';
import { staffLogin } from '../../commands/staffLogin';
import { issueSession } from '../../auth/session';
import { verifyToken } from '../../auth/tokens';
import { exchangeLoginCode, wechatConfigured } from '../../auth/wechat';
import { presentSessionUser } from '../../presenters/session';
import { User } from '../../models/user';

/** Login limits: per client IP across accounts, and per account across IPs (lock-out is separate); WeChat, dev and refresh share a looser per-IP limit. */
export const loginRateLimits = { perIpPerMinute: 30, perAccountPerMinute: 10, wechatPerIpPerMinute: 120 };

async function wechatUser(openid: string, role: 'resident' | 'supervisor') {
  const user = await User.findOneAndUpdate(
    { openid },
    { $setOnInsert: { openid, role } },
    { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
  );
  if (user.disabled) throw ForbiddenError('账号已停用，请联系社区');
  return user;
}

export function authRouter(): Router {
  const router = new Router({ prefix: '/auth' });
  const perIp = rateLimit({
    name: 'login-ip',
    points: loginRateLimits.perIpPerMinute,
    durationSeconds: 60,
    key: byIp,
  });
  const perAccount = rateLimit({
    name: 'login-account',
    points: loginRateLimits.perAccountPerMinute,
    durationSeconds: 60,
    key: byBodyField('account'),
  });
  const wechatPerIp = rateLimit({
    name: 'wechat-ip',
    points: loginRateLimits.wechatPerIpPerMinute,
    durationSeconds: 60,
    key: byIp,
  });

  router.post('/login', perIp, perAccount, async (ctx) => {
    const { account, password } = parse(LoginRequest, ctx.request.body);
    const user = await staffLogin(account, password);
    ctx.body = await issueSession(ctx, user);
  });

  router.post('/refresh', wechatPerIp, async (ctx) => {
    const { refreshToken } = parse(RefreshRequest, ctx.request.body);
    const claims = verifyToken(refreshToken, 'refresh', ctx.env.JWT_SECRET);
    const user = await User.findById(claims.id);
    if (!user || user.disabled) throw AuthenticationError('账号不存在或已停用，请重新登录');
    const issuedAtMs = claims.issuedAtMs ?? 0;
    if (user.passwordChangedAt && issuedAtMs <= user.passwordChangedAt.getTime()) {
      throw AuthenticationError('密码已修改，请重新登录');
    }
    if (user.tokensValidAfter && issuedAtMs <= user.tokensValidAfter.getTime()) {
      throw AuthenticationError('登录状态已失效，请重新登录');
    }
    ctx.body = await issueSession(ctx, user);
  });

  router.post('/wechat', wechatPerIp, async (ctx) => {
    const { code } = parse(WechatLoginRequest, ctx.request.body);
    if (!wechatConfigured(ctx.env))
      throw new HttpError(503, ErrorCode.WechatFailed, '服务器未配置微信小程序登录');
    const { openid } = await exchangeLoginCode(ctx.env, code);
    ctx.body = await issueSession(ctx, await wechatUser(openid, 'resident'));
  });

  /** Development only: log in as a test openid. Refused in production and whenever WeChat is configured. */
  router.post('/dev-login', wechatPerIp, async (ctx) => {
    if (ctx.env.NODE_ENV === 'production' || wechatConfigured(ctx.env))
      throw ForbiddenError('开发登录已关闭');
    const { openid, role } = parse(DevLoginRequest, ctx.request.body);
    ctx.body = await issueSession(ctx, await wechatUser(openid, role));
  });

  router.get('/me', auth(), async (ctx) => {
    const user = await User.findById(currentUser(ctx).id);
    if (!user || user.disabled) throw AuthenticationError('账号不存在或已停用，请重新登录');
    ctx.body = await presentSessionUser(user);
  });

  return router;
}
