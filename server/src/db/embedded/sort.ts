import type { Document } from 'bson';
import { compareValues } from './compare';
import { pathValues } from './indexes';
import { badValue } from './errors';

/** Sorting by a sort specification in MongoDB's BSON order; an array sorts by its smallest (asc) or largest (desc) element. */

function sortKey(doc: Document, path: string, direction: number): unknown {
  const values = pathValues(doc, path);
  if (values.length === 1) return values[0];
  let best = values[0];
  for (const v of values.slice(1)) {
    const c = compareValues(v, best);
    if (direction > 0 ? c < 0 : c > 0) best = v;
  }
  return best;
}

export function comparatorFor(spec: Document): (a: Document, b: Document) => number {
  const fields = Object.entries(spec).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) {
      if (typeof dir === 'object' && dir !== null && '$meta' in dir)
        throw badValue('$meta sort is not supported by the embedded engine');
      throw badValue(`bad sort specification for '${path}': ${JSON.stringify(dir)}`);
    }
    return { path, dir: dir as number };
  });
  return (a, b) => {
    for (const { path, dir } of fields) {
      const c = compareValues(sortKey(a, path, dir), sortKey(b, path, dir));
      if (c) return c * dir;
    }
    return 0;
  };
}

/**
 * Sorted copy; each document's sort keys are computed once rather than once per comparison. With `keep`
 * (skip + limit of a paged query) only the first `keep` are kept, by insertion into a short sorted list,
 * instead of sorting the whole collection for one page.
 */
export function sortDocuments(docs: Document[], spec: Document, keep = Infinity): Document[] {
  const fields = Object.entries(spec) as Array<[string, number]>;
  if (fields.length === 0) return docs;
  comparatorFor(spec); // validates the specification
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(([path, dir]) => sortKey(doc, path, dir)) }));
  type Keyed = (typeof keyed)[number];
  const cmp = (x: Keyed, y: Keyed) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(x.keys[i], y.keys[i]);
      if (c) return c * fields[i][1];
    }
    return 0;
  };
  if (keep * 8 >= keyed.length) return keyed.sort(cmp).map((k) => k.doc);
  const top: Keyed[] = [];
  for (const item of keyed) {
    if (top.length === keep && cmp(item, top[keep - 1]) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(top[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > keep) top.pop();
  }
  return top.map((k) => k.doc);
}
