import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness';
import type { RouteInfo } from '../support/routes';
import type { Reply } from '../support/http';
import { judge, type Cell } from './matrix';

/** The matrix's judge must flag holes, or a green matrix means nothing: synthetic replies for one route. */
const ownProject = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const h = {
  world: {
    own: { projectId: ownProject, compoundId: 'c', buildingId: 'b', communityId: 'm', householdIds: [] },
    users: {
      street_staff: { id: '1', role: 'street_staff' },
      'street_staff@other': { id: '2', role: 'street_staff' },
      resident: { id: '3', role: 'resident' },
    },
  },
  part: {},
} as unknown as Harness;
const route: RouteInfo = {
  method: 'PATCH',
  path: '/api/v1/projects/:id',
  paramNames: ['id'],
  authenticated: true,
  key: 'PATCH /api/v1/projects/:id',
};
const exp = { allow: ['street_staff' as const], other: 'deny' as const };
const reply = (status: number, body: unknown = {}): Reply => ({
  status,
  headers: new Headers(),
  text: JSON.stringify(body),
  json: body,
});
const cell = (caller: string, region: 'own' | 'other' = 'own', token: Cell['token'] = 'valid'): Cell => ({
  caller,
  region,
  token,
});
const baseline = reply(401, { error: { code: 'unauthenticated' } });

describe('access matrix judge', () => {
  it('passes the expected answers', () => {
    expect(judge(h, route, exp, cell('street_staff'), reply(200), baseline)).toBeUndefined();
    expect(judge(h, route, exp, cell('street_staff@other', 'other'), reply(403), baseline)).toBeUndefined();
    expect(judge(h, route, exp, cell('resident'), reply(403), baseline)).toBeUndefined();
    expect(
      judge(
        h,
        route,
        exp,
        cell('street_staff', 'own', 'expired'),
        reply(401, { error: { code: 'token_expired' } }),
        baseline,
      ),
    ).toBeUndefined();
  });

  it('flags a role let through, an other-region write, a forged token accepted, a 5xx and a leak', () => {
    expect(judge(h, route, exp, cell('resident'), reply(200), baseline)).toMatch(/expected 403/);
    expect(judge(h, route, exp, cell('street_staff@other', 'other'), reply(200), baseline)).toMatch(
      /other-region/,
    );
    expect(
      judge(
        h,
        route,
        { ...exp, other: 'filter' },
        cell('street_staff@other', 'other'),
        reply(200, { id: ownProject }),
        baseline,
      ),
    ).toMatch(/branch-1 id/);
    expect(judge(h, route, exp, cell('street_staff', 'own', 'alg_none'), reply(200), baseline)).toMatch(
      /expected 401/,
    );
    expect(judge(h, route, exp, cell('street_staff'), reply(500), baseline)).toMatch(/server error/);
  });
});
