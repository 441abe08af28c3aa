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

/** Sorted copy; keys are computed once per document rather than once per comparison. */
export function sortDocuments(docs: Document[], spec: Document): Document[] {
  const entries = Object.entries(spec);
  if (entries.length === 0) return docs;
  const cmp = comparatorFor(spec);
  if (entries.length === 1 && !entries[0][0].includes('.')) {
    const [path, dir] = entries[0] as [string, number];
    const keyed = docs.map((doc) => ({ doc, key: sortKey(doc, path, dir) }));
    keyed.sort((x, y) => compareValues(x.key, y.key) * dir);
    return keyed.map((k) => k.doc);
  }
  return [...docs].sort(cmp);
}
