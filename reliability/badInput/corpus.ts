import type { z } from 'zod';
import type { JsonSchema } from '../support/jsonSchemaArb';

/** One hostile request. `path` is already encoded; `body` is sent raw when a string, as JSON otherwise. */
export interface BadCase {
  label: string;
  method: string;
  path: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

export interface RouteTarget {
  method: string;
  /** The route's path with real ids filled in (encoded). */
  path: string;
  pattern: string;
  paramNames: string[];
  params: Record<string, string>;
  /** The shared schema the route parses its body / query with, if the probe saw one, and a valid-looking base. */
  body?: { schema: z.ZodType; json: JsonSchema; base: Record<string, unknown> };
  query?: { schema: z.ZodType; json: JsonSchema; base: Record<string, unknown> };
}

const hasBody = (m: string) => m === 'POST' || m === 'PUT' || m === 'PATCH';

/** 1 MB is the JSON limit (app.ts); this is past it. */
export const overLimitBytes = 1024 * 1024 + 64 * 1024;

const malformedJson = [
  '{',
  '{"a":}',
  '[1,2',
  'nul',
  "{'a':1}",
  '{"a":1,}',
  '\u0000\u0001',
  '{"a":"\\ud800"',
  '{"a":1}{"b":2}',
];
const nonObjectRoots = ['null', '[]', '"text"', '42', 'true'];
const operatorBodies: Record<string, unknown>[] = [
  { $gt: '' },
  { $where: 'sleep(1000) || true' },
  { 'a.b': 1 },
  { nested: { deep: { $ne: null } } },
  { list: [{ $regex: '.*' }] },
];
/** Hostile values for a path parameter (already URL-encoded where needed). */
export const traversalIds = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..%252F..%252Fetc%252Fpasswd',
  '%2E%2E%2F%2E%2E%2Fserver%2Fsrc%2Fenv.ts',
  '..%5C..%5Cwindows%5Cwin.ini',
  'abc%00.png',
  '%7B%22%24gt%22%3A%22%22%7D',
  '__proto__',
  'a'.repeat(4000),
];
/** One value of each JSON type, plus a float where integers belong and a number past every limit. */
const wrongTypeValues: unknown[] = [12345, -1.5, true, null, [], {}, 'text', 1e308];
/** The operator guard sees every operator the same way; two kinds (comparison, code) stand for all. */
const injectedValues: unknown[] = [{ $gt: '' }, { $where: 'return true' }];

function withQuery(path: string, q: Record<string, string | string[]>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) sp.append(k, one);
  const s = sp.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function queryString(base: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base))
    if (v !== undefined && v !== null && typeof v !== 'object') out[k] = String(v);
  return out;
}

/** Every hostile request for one route. Cases a schema would accept (still-valid mutations) are filtered out. */
export function casesFor(t: RouteTarget): BadCase[] {
  const cases: BadCase[] = [];
  const add = (label: string, c: Omit<BadCase, 'label' | 'method'> & { method?: string }) =>
    cases.push({ label, method: c.method ?? t.method, ...c });
  const validBody = t.body?.base ?? {};
  const basePath = t.query ? withQuery(t.path, queryString(t.query.base)) : t.path;

  // Path parameters: traversal, operators, over-long and malformed ids.
  for (const name of t.paramNames) {
    for (const bad of traversalIds) {
      const path = t.pattern.replace(/:([A-Za-z0-9_]+)/g, (_m, n: string) =>
        n === name ? bad : encodeURIComponent(t.params[n] ?? ''),
      );
      add(`param ${name}=${bad.slice(0, 30)}`, { path, ...(hasBody(t.method) ? { body: validBody } : {}) });
    }
  }

  // Query: operators and wrong types in every parameter, arrays where a value belongs, unknown operator keys.
  add('query $where key', { path: withQuery(basePath, { $where: '1' }) });
  add('query dotted key', { path: withQuery(basePath, { 'a.b': '1' }) });
  if (t.query) {
    const props = Object.keys(t.query.json.properties ?? {});
    for (const p of props) {
      for (const v of ['{"$gt":""}', 'abc', '-1', 'x'.repeat(3000)]) {
        const q = { ...queryString(t.query.base), [p]: v };
        if (t.query.schema.safeParse(q).success) continue;
        add(`query ${p}=${v.slice(0, 12)}`, { path: withQuery(t.path, q) });
      }
      const q = { ...queryString(t.query.base), [p]: ['a', 'b'] };
      if (!t.query.schema.safeParse(q).success) add(`query ${p} repeated`, { path: withQuery(t.path, q) });
    }
  }
  if (!hasBody(t.method)) return cases;

  // Bodies the parser or the operator guard refuse, whatever the route.
  for (const raw of malformedJson)
    add(`malformed json ${JSON.stringify(raw)}`, { path: basePath, raw, contentType: 'application/json' });
  for (const raw of nonObjectRoots)
    add(`root ${raw}`, { path: basePath, raw, contentType: 'application/json' });
  add('text/plain body', { path: basePath, raw: JSON.stringify(validBody), contentType: 'text/plain' });
  add('form body', { path: basePath, raw: 'a=1&b[$gt]=2', contentType: 'application/x-www-form-urlencoded' });
  add('xml body', {
    path: basePath,
    raw: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    contentType: 'application/xml',
  });
  add('body past the size limit', {
    path: basePath,
    raw: JSON.stringify({ ...validBody, pad: 'x'.repeat(overLimitBytes) }),
    contentType: 'application/json',
  });
  const first = Object.keys(validBody)[0] ?? 'x';
  for (const [label, value] of [
    ['huge string near the size limit', '长'.repeat(300_000)],
    ['huge array near the size limit', Array.from({ length: 150_000 }, () => 1)],
  ] as const) {
    const body = { ...validBody, [first]: value };
    if (!t.body?.schema.safeParse(body).success) add(label, { path: basePath, body });
  }
  add('deep nesting', {
    path: basePath,
    raw: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
    contentType: 'application/json',
  });
  for (const op of operatorBodies)
    add(`operator body ${JSON.stringify(op).slice(0, 30)}`, {
      path: basePath,
      body: { ...validBody, ...op },
    });
  add('__proto__ key', {
    path: basePath,
    raw: JSON.stringify(validBody).replace(/^\{/, '{"__proto__":{"role":"super_admin"},'),
    contentType: 'application/json',
  });
  add('constructor.prototype key', {
    path: basePath,
    body: { ...validBody, constructor: { prototype: { isAdmin: true } } },
  });

  // Schema-driven: every field missing, of the wrong type, an operator, huge; every case the schema refuses.
  if (t.body) {
    const { schema, json, base } = t.body;
    const props = json.properties ?? {};
    const required = new Set(json.required ?? []);
    const push = (label: string, body: unknown) => {
      if (schema.safeParse(body).success) return;
      add(label, { path: basePath, body });
    };
    for (const p of Object.keys(props)) {
      if (required.has(p)) {
        const rest = { ...base };
        delete rest[p];
        push(`missing ${p}`, rest);
      }
      for (const v of wrongTypeValues) push(`${p} as ${JSON.stringify(v).slice(0, 12)}`, { ...base, [p]: v });
      for (const v of injectedValues)
        add(`${p} operator ${JSON.stringify(v)}`, { path: basePath, body: { ...base, [p]: v } });
      // Past every length limit in shared/ (≤ 5,000 characters, ≤ 500 items); the body-size limit has its own case.
      push(`${p} huge string`, { ...base, [p]: '长'.repeat(20_000) });
      push(`${p} huge array`, { ...base, [p]: Array.from({ length: 5_000 }, (_, i) => `x${i}`) });
    }
    push('empty object', {});
  }
  return cases;
}
