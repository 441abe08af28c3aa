import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { discoverRoutes, fillPath } from '../support/routes';
import { loadSharedSchemas, SchemaRecorder } from '../support/sharedSchemas';
import { probeRoute, type RouteShape } from '../support/probe';
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
let corpusSize = 0;
const known: string[] = [];
const routes = discoverRoutes();
beforeAll(async () => {
  rec = new SchemaRecorder(await loadSharedSchemas());
  h = await startHarness();
});
afterAll(async () => {
  console.log(
    `bad-input corpus: ${corpusSize} requests over ${routes.length} routes; ${known.length} known failures`,
  );
  for (const k of known) console.log(`known failure: ${k}`);
  await h?.close();
});

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function targetOf(route: (typeof routes)[number], shape: RouteShape): RouteTarget {
  const params = ownParams(h, route);
  const base = (s: RouteShape['body']) => {
    if (!s) return undefined;
    const sample = sampleFor(s.json, 7, idOverride(h));
    return { schema: s.schema, json: s.json, base: isObj(sample) ? sample : {} };
  };
  return {
    method: route.method,
    path: fillPath(route.path, params),
    pattern: route.path,
    paramNames: route.paramNames,
    params,
    body: base(shape.body),
    query: base(shape.query),
  };
}

describe('bad input corpus: 4xx with a code and a Chinese message, nothing written', () => {
  for (const route of routes) {
    it(route.key, async () => {
      const shape = await probeRoute(h, rec, route);
      const cases = casesFor(targetOf(route, shape));
      corpusSize += cases.length;
      const failures: string[] = [];
      const before = await dumpDatabase(h.server.db.connection);
      for (const c of cases) {
        const r = await h.as(shape.caller, c.path, {
          method: c.method,
          body: c.body,
          raw: c.raw,
          contentType: c.contentType,
        });
        const why = notAProperClientError(r);
        if (why) (isKnown(`${route.key} :: ${c.label}`) ? known : failures).push(`${c.label} → ${why}`);
      }
      const changed = diffDumps(before, await dumpDatabase(h.server.db.connection));
      if (changed.length)
        (isKnown(`${route.key} :: db`) ? known : failures).push(`database changed: ${changed.join('; ')}`);
      expect(failures).toEqual([]);
    });
  }
});
