import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { discoverRoutes } from '../support/routes';
import { loadSharedSchemas, SchemaRecorder } from '../support/sharedSchemas';
import { probeRoute } from '../support/probe';
import { isKnown } from '../support/known';
import { expectedAccess } from './expected';
import { cellsOf, judge, sendCell } from './matrix';

/**
 * Issue 7, access: route × role × (own region, other region, no token, expired token, token signed with another
 * secret, alg none). Reads share one world; every route that writes gets a fresh two-branch world, so a write in
 * one row cannot mask another row.
 */
let h: Harness;
let rec: SchemaRecorder;
let size = 0;
let mismatchCount = 0;
const known: string[] = [];
const routes = discoverRoutes().sort(
  (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || a.key.localeCompare(b.key),
);
beforeAll(async () => {
  rec = new SchemaRecorder(await loadSharedSchemas());
  h = await startHarness();
});
afterAll(async () => {
  const unlisted = routes.filter((r) => !expectedAccess[r.key]).map((r) => r.key);
  const stale = Object.keys(expectedAccess).filter((k) => !routes.some((r) => r.key === k));
  console.log(
    `access matrix: ${routes.length} routes × ${cellsOf().length} cells = ${size} cells; ${mismatchCount} mismatches, ${known.length} known` +
      `${unlisted.length ? `; routes without an expected row (token cells only): ${unlisted.join(', ')}` : ''}` +
      `${stale.length ? `; expected rows for routes not mounted: ${stale.join(', ')}` : ''}`,
  );
  for (const k of known) console.log(`known mismatch: ${k}`);
  await h?.close();
});

describe('access matrix matches the expected table', () => {
  for (const route of routes) {
    it(route.key, async () => {
      const shape = await probeRoute(h, rec, route);
      if (route.method !== 'GET') await h.reset();
      const exp = expectedAccess[route.key];
      const baseline = await sendCell(h, route, shape, {
        caller: 'super_admin',
        token: 'none',
        region: 'own',
      });
      const mismatches: string[] = [];
      // The row's cells go out together: each is judged on its own reply (a 409 from a concurrent write still
      // shows that the caller got through, a 403 that it did not).
      const cells = cellsOf();
      const replies = await Promise.all(cells.map((cell, i) => sendCell(h, route, shape, cell, 100 + i)));
      for (const [i, cell] of cells.entries()) {
        size++;
        const r = replies[i];
        const why = judge(h, route, exp, cell, r, baseline);
        if (!why) continue;
        const name = `${route.key} :: ${cell.caller}/${cell.token}`;
        if (isKnown(name)) known.push(`${name} → ${why}`);
        else mismatches.push(`${cell.caller}/${cell.token} → ${why}`);
      }
      mismatchCount += mismatches.length;
      expect(mismatches).toEqual([]);
    });
  }
});
