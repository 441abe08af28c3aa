import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { discoverRoutes, fillPath } from '../support/routes';
import { loadSharedSchemas, SchemaRecorder } from '../support/sharedSchemas';
import { probeRoute } from '../support/probe';
import { idOverride, ownParams } from '../support/targets';
import { sampleFor } from '../support/jsonSchemaArb';
import { notAProperClientError } from '../support/http';
import { diffDumps, dumpDatabase } from '../support/dump';
import { isKnown } from '../support/known';
import { casesFor, type RouteTarget } from './corpus';

/**
 * Issue 7, bad input: every route gets a corpus of hostile requests generated from its shared schema; each must
 * get a 4xx with a code and a Chinese message, and the database must be exactly what it was before.
 */
let h: Harness;
let rec: SchemaRecorder;
beforeAll(async () => {
  rec = new SchemaRecorder(await loadSharedSchemas());
  h = await startHarness();
});
afterAll(async () => h?.close());

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

describe('bad input corpus', () => {
  it('gets a 4xx with a code and a Chinese message for every case, and writes nothing', async () => {
    const failures: string[] = [];
    const known: string[] = [];
    let size = 0;
    const routes = discoverRoutes();
    for (const route of routes) {
      const shape = await probeRoute(h, rec, route);
      const params = ownParams(h, route);
      const base = (s: typeof shape.body) => {
        if (!s) return undefined;
        const sample = sampleFor(s.json, 7, idOverride(h));
        return { schema: s.schema, json: s.json, base: isObj(sample) ? sample : {} };
      };
      const target: RouteTarget = {
        method: route.method,
        path: fillPath(route.path, params),
        pattern: route.path,
        paramNames: route.paramNames,
        params,
        body: base(shape.body),
        query: base(shape.query),
      };
      const cases = casesFor(target);
      size += cases.length;
      const before = await dumpDatabase(h.server.db.connection);
      for (const c of cases) {
        const r = await h.as(shape.caller, c.path, { method: c.method, body: c.body, raw: c.raw, contentType: c.contentType });
        const why = notAProperClientError(r);
        if (!why) continue;
        const line = `${route.key} :: ${c.label} → ${why}`;
        (isKnown(`${route.key} :: ${c.label}`) ? known : failures).push(line);
      }
      const changed = diffDumps(before, await dumpDatabase(h.server.db.connection));
      if (changed.length) (isKnown(`${route.key} :: db`) ? known : failures).push(`${route.key} :: database changed: ${changed.join('; ')}`);
    }
    console.log(`bad-input corpus: ${size} requests over ${routes.length} routes; ${failures.length} failures, ${known.length} known`);
    for (const k of known) console.log(`known failure: ${k}`);
    expect(failures).toEqual([]);
  });
});
