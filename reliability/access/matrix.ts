import type { Harness } from '../support/harness';
import { fillPath, type RouteInfo } from '../support/routes';
import type { RouteShape } from '../support/probe';
import { sampleFor } from '../support/jsonSchemaArb';
import { idOverride, ownParams } from '../support/targets';
import { badTokenKinds, bearer, type TokenKind } from '../support/tokens';
import { cellRoles } from '../support/world';
import type { Reply } from '../support/http';
import { xlsxText } from '../support/xlsx';
import type { Expected } from './expected';

export type Cell = { caller: string; token: TokenKind; region: 'own' | 'other' };
export interface CellResult {
  route: string;
  cell: string;
  status: number;
  ok: boolean;
  why?: string;
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every cell of one route's row: four kinds of bad token, then each role in its own and in the other region. */
export function cellsOf(): Cell[] {
  const cells: Cell[] = badTokenKinds.map((token) => ({
    caller: 'super_admin',
    token,
    region: 'own' as const,
  }));
  for (const role of cellRoles) {
    cells.push({ caller: role, token: 'valid', region: 'own' });
    cells.push({ caller: `${role}@other`, token: 'valid', region: 'other' });
  }
  return cells;
}

/** The ids of branch 1 (and its compound's name, which exports repeat): none may reach a branch-2 caller. */
function ownIds(h: Harness): string[] {
  const { own } = h.world;
  return [
    own.projectId,
    own.compoundId,
    own.buildingId,
    own.communityId,
    own.compoundName,
    ...own.householdIds,
    h.part.surveyId,
    h.part.voteId,
    h.part.complaintId,
  ].filter((x): x is string => Boolean(x));
}

/** 503 `wechat_failed` is the documented answer of WeChat login while WeChat is not configured. */
const serverError = (r: Reply, code?: string) =>
  r.status >= 500 && !(r.status === 503 && code === 'wechat_failed');

/**
 * Judges one reply against the table; returns why it does not match, or undefined. `baseline` is the route's
 * answer to the same request without a token: a public route must ignore any token and answer the same.
 */
export function judge(
  h: Harness,
  route: RouteInfo,
  exp: Expected | undefined,
  cell: Cell,
  r: Reply,
  baseline: Reply,
): string | undefined {
  const code = (r.json as { error?: { code?: string } } | undefined)?.error?.code;
  if (serverError(r, code)) return `server error ${r.status}`;
  const isPublic = exp ? exp.allow === 'public' : !route.authenticated;
  if (isPublic && !(exp?.optional && cell.token !== 'valid' && cell.token !== 'none')) {
    return r.status === baseline.status
      ? undefined
      : `public route answered ${r.status} with a ${cell.token} token, ${baseline.status} without`;
  }
  if (cell.token !== 'valid') {
    const refused = r.status === 401 && (code === 'unauthenticated' || code === 'token_expired');
    return refused ? undefined : `expected 401 for ${cell.token} token, got ${r.status} ${code ?? ''}`;
  }
  if (!exp) return undefined; // unlisted route: only the token cells and "no 5xx" are judged
  const role = h.world.users[cell.caller]?.role;
  const allowed = exp.allow === 'public' || (role !== undefined && exp.allow.includes(role));
  if (!allowed) return r.status === 403 ? undefined : `expected 403 for role ${role}, got ${r.status}`;
  // super_admin has no region: both of its cells are "own".
  if (cell.region === 'own' || exp.other === 'same' || role === 'super_admin') {
    return r.status === 401 || r.status === 403
      ? `expected access for ${cell.caller}, got ${r.status} ${code ?? ''}`
      : undefined;
  }
  const leaked = r.status < 300 ? ownIds(h).find((id) => r.text.includes(id)) : undefined;
  if (leaked) return `other-region ${cell.caller} got ${r.status} showing branch-1 id ${leaked}`;
  if (exp.other === 'deny' && r.status < 300)
    return `other-region ${cell.caller} got ${r.status} on a branch-1 record`;
  if (exp.other === 'filter' && writes.has(route.method) && r.status < 300)
    return `other-region ${cell.caller} wrote: ${r.status}`;
  return undefined;
}

/**
 * Sends one cell's request: branch-1 ids in the path, and a body and query generated from the route's schemas
 * (one seed per cell, so that per-account rate limits, which the abuse tests cover, do not mix in).
 */
export async function sendCell(
  h: Harness,
  route: RouteInfo,
  shape: RouteShape,
  cell: Cell,
  seed = 3,
): Promise<Reply> {
  const params = ownParams(h, route);
  const user = h.world.users[cell.caller];
  const auth = bearer(cell.token, user, h.server.env.JWT_SECRET);
  const query = shape.query ? sampleFor(shape.query.json, seed, idOverride(h)) : undefined;
  const qs = new URLSearchParams();
  if (isObj(query))
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && typeof v !== 'object') qs.set(k, String(v));
  const body = shape.body
    ? sampleFor(shape.body.json, seed, idOverride(h))
    : writes.has(route.method) && route.method !== 'DELETE'
      ? {}
      : undefined;
  const r = await h.as(undefined, `${fillPath(route.path, params)}${qs.size ? `?${qs}` : ''}`, {
    method: route.method,
    auth,
    body,
  });
  // Exports are workbooks: judge what their cells say.
  const xlsx = (r.headers.get('content-type') ?? '').includes('spreadsheetml');
  return xlsx ? { ...r, text: await xlsxText(Buffer.from(r.text, 'latin1')) } : r;
}
