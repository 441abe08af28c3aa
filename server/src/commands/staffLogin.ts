import { ErrorCode, loginLockout } from '@jiugai/shared';
import { HttpError, ForbiddenError } from '../errors';
import { User } from '../models/user';
import { verifyPassword } from '../auth/password';

const lockedError = (until: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new HttpError(
    423,
    ErrorCode.AccountLocked,
    `登录失败次数过多，账号已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
};

/**
 * Checks a staff account's password. Wrong passwords are counted; the `maxFailures`-th in a row locks the account
 * for `lockMinutes`. Unknown accounts and wrong passwords get the same answer.
 */
export async function staffLogin(account: string, password: string) {
  const user = await User.findOne({ account, passwordHash: { $exists: true } });
  if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) {
    if (user) {
      const counted = await User.findOneAndUpdate(
        { _id: user._id },
        { $inc: { failedLogins: 1 } },
        { returnDocument: 'after' },
      );
      if ((counted?.failedLogins ?? 0) >= loginLockout.maxFailures) {
        const until = new Date(Date.now() + loginLockout.lockMinutes * 60_000);
        await User.updateOne({ _id: user._id }, { $set: { lockedUntil: until, failedLogins: 0 } });
        throw lockedError(until);
      }
    }
    throw new HttpError(401, ErrorCode.BadCredentials);
  }
  if (user.disabled) throw ForbiddenError('账号已停用，请联系管理员');
  if (user.failedLogins || user.lockedUntil) {
    await User.updateOne({ _id: user._id }, { $set: { failedLogins: 0 }, $unset: { lockedUntil: 1 } });
  }
  return user;
}
