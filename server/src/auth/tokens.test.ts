import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@jiugai/shared';
import { signToken, verifyToken } from './tokens';

const secret = 'tokens-test-secret-0123456789';
const user = { id: '64b000000000000000000001', role: 'community_staff' as const, scopePath: '/d/s/c/' };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'accepted';
};

afterEach(() => vi.useRealTimers());

describe('verifyToken, with verified tokens remembered until they expire', () => {
  it('accepts the same access token again and again, each caller getting its own copy', () => {
    const token = signToken(user, 'access', secret, 900);
    const first = verifyToken(token, 'access', secret);
    const second = verifyToken(token, 'access', secret);
    expect(second).toMatchObject(user);
    expect(second.issuedAtMs).toBeGreaterThan(Date.now() - 5000);
    first.role = 'super_admin';
    expect(verifyToken(token, 'access', secret).role).toBe('community_staff');
  });

  it('refuses a remembered token once it has expired', () => {
    vi.useFakeTimers({ now: Date.now() });
    const token = signToken(user, 'access', secret, 60);
    expect(verifyToken(token, 'access', secret).id).toBe(user.id);
    vi.advanceTimersByTime(61_000);
    expect(codeOf(() => verifyToken(token, 'access', secret))).toBe(ErrorCode.TokenExpired);
  });

  it('never trusts a remembered token under another secret or as another kind', () => {
    const token = signToken(user, 'access', secret, 900);
    verifyToken(token, 'access', secret);
    expect(codeOf(() => verifyToken(token, 'access', 'another-secret-0123456789'))).toBe(
      ErrorCode.Unauthenticated,
    );
    expect(codeOf(() => verifyToken(token, 'refresh', secret))).toBe(ErrorCode.Unauthenticated);
  });

  it('refuses a token whose signature was altered', () => {
    const token = signToken(user, 'access', secret, 900);
    verifyToken(token, 'access', secret);
    const forged = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect(codeOf(() => verifyToken(forged, 'access', secret))).toBe(ErrorCode.Unauthenticated);
  });
});
