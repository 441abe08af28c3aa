import type { Harness } from './harness';
import { fillPath, type RouteInfo } from './routes';
import { sampleFor } from './jsonSchemaArb';
import type { SchemaRecorder, SharedSchema } from './sharedSchemas';
import { ownParams, idOverride } from './targets';
import { cellRoles } from './world';

/** What the probe learnt about one route: the caller it answers and the shared schemas of its body and query. */
export interface RouteShape {
  caller?: string;
  body?: SharedSchema;
  query?: SharedSchema;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasBody = (m: string) => m === 'POST' || m === 'PUT' || m === 'PATCH';

/**
 * Learns a route's schemas from the running app: sends marked requests and watches which shared schema parses
 * the marked body or query; then sends valid samples of what it learnt to reach the parses behind them.
 */
export async function probeRoute(h: Harness, rec: SchemaRecorder, route: RouteInfo): Promise<RouteShape> {
  const params = ownParams(h, route);
  const shape: RouteShape = {};
  const callers = ['super_admin', ...cellRoles.filter((r) => r !== 'super_admin')];
  for (const caller of route.authenticated ? callers : [undefined]) {
    for (let round = 0; round < 4; round++) {
      const body = shape.body ? sampleFor(shape.body.json, round, idOverride(h)) : { __probe_body: 'b' };
      const query = shape.query ? sampleFor(shape.query.json, round, idOverride(h)) : { __probe_query: 'q' };
      const qs = new URLSearchParams();
      if (isObj(query))
        for (const [k, v] of Object.entries(query))
          if (v !== undefined && typeof v !== 'object') qs.set(k, String(v));
      rec.take();
      const r = await h.as(caller, `${fillPath(route.path, params)}${qs.size ? `?${qs}` : ''}`, {
        method: route.method,
        ...(hasBody(route.method) ? { body } : {}),
      });
      let learnt = false;
      for (const call of rec.take()) {
        if (!isObj(call.data)) continue;
        if (!shape.body && '__probe_body' in call.data) {
          shape.body = call.schema;
          learnt = true;
        } else if (!shape.query && '__probe_query' in call.data) {
          shape.query = call.schema;
          learnt = true;
        }
      }
      if (round === 0 && (r.status === 401 || r.status === 403)) break;
      shape.caller ??= caller;
      if (!learnt) break;
    }
    if (shape.caller !== undefined || !route.authenticated) break;
  }
  return shape;
}
