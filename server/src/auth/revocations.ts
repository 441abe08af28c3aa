import { logger } from '../logger';
import { User } from '../models/user';

/**
 * Access tokens live 15 minutes and are checked without a database read. When an account is disabled, its
 * password reset or its supervisor role withdrawn, `tokensValidAfter` is set on the user; tokens issued up to
 * that moment are refused from then on: at once in the process that made the change (`noteRevocation`), and
 * within one sync interval in any other process sharing the database (`startRevocationSync`).
 */
const ACCESS_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
const revokedUpTo = new Map<string, number>();

export function noteRevocation(userId: string, at: Date): void {
  const ms = at.getTime();
  if ((revokedUpTo.get(userId) ?? 0) < ms) revokedUpTo.set(userId, ms);
}

/** Whether a token issued at `issuedAtMs` was issued before a revocation of its user. */
export function isRevoked(userId: string, issuedAtMs: number | undefined): boolean {
  const upTo = revokedUpTo.get(userId);
  return upTo !== undefined && (issuedAtMs ?? 0) <= upTo;
}

/** Reads revocations made since `since` (by any process) into memory; returns the time it read up to. */
export async function syncRevocations(since: Date): Promise<Date> {
  const readAt = new Date();
  const users = await User.find({ tokensValidAfter: { $gt: since } }, { tokensValidAfter: 1 }).lean<
    { _id: unknown; tokensValidAfter: Date }[]
  >();
  for (const u of users) noteRevocation(String(u._id), u.tokensValidAfter);
  // A revocation older than the longest access token life concerns no token still valid.
  const horizon = Date.now() - ACCESS_TOKEN_LIFETIME_MS;
  for (const [id, ms] of revokedUpTo) if (ms < horizon) revokedUpTo.delete(id);
  return readAt;
}

/** Keeps the revocations of other processes in memory; returns a stop function. */
export function startRevocationSync(intervalMs = 5000): () => void {
  let since = new Date(Date.now() - ACCESS_TOKEN_LIFETIME_MS);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Overlap one interval, so that a write committed just before the previous read is not missed.
      const readAt = await syncRevocations(since);
      since = new Date(readAt.getTime() - intervalMs);
    } catch (err) {
      logger.error({ err }, 'token revocation sync failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** For tests: forget every revocation. */
export function clearRevocations(): void {
  revokedUpTo.clear();
}
