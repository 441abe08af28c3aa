import type { Document } from 'bson';
import type { Index } from './indexes';

/**
 * Picks equality conditions out of a filter so a find can start from an index instead of a scan.
 * The full filter is still applied to every candidate, so this only has to find a superset.
 */

const isPlainObject = (v: unknown): v is Document =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof RegExp) &&
  !('_bsontype' in (v as object));

const hasOperator = (o: Document) => Object.keys(o).some((k) => k.startsWith('$'));

/** Values a field must equal one of, when the condition pins it; undefined otherwise. */
function equalityValues(cond: unknown): unknown[] | undefined {
  const usable = (v: unknown) =>
    !Array.isArray(v) && !(v instanceof RegExp) && !(isPlainObject(v) && hasOperator(v));
  if (isPlainObject(cond) && hasOperator(cond)) {
    if ('$eq' in cond && usable(cond.$eq)) return [cond.$eq];
    if (Array.isArray(cond.$in) && cond.$in.every(usable) && cond.$in.length <= 1000) return cond.$in;
    return undefined;
  }
  return usable(cond) ? [cond] : undefined;
}

/** Field → allowed values, from the top level and any top-level $and. */
export function equalityConditions(filter: Document): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const visit = (f: Document) => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) v.forEach((c) => isPlainObject(c) && visit(c));
      else if (!k.startsWith('$')) {
        const vals = equalityValues(v);
        if (vals && !out.has(k)) out.set(k, vals);
      }
    }
  };
  visit(filter);
  return out;
}

export interface Plan {
  index: Index;
  values: unknown[][];
}

/** The index whose longest leading run of fields is pinned by equality, or undefined for a scan. */
export function choosePlan(indexes: Index[], conditions: Map<string, unknown[]>): Plan | undefined {
  let best: Plan | undefined;
  for (const index of indexes) {
    if (!index.usableForLookup) continue;
    const values: unknown[][] = [];
    let combos = 1;
    for (const f of index.fields) {
      const vals = conditions.get(f);
      if (!vals || combos * vals.length > 1000) break;
      // A sparse index leaves out documents without the field, which a lookup of null must find.
      if (index.spec.sparse && vals.some((v) => v === null || v === undefined)) break;
      combos *= vals.length;
      values.push(vals);
    }
    if (!values.length) continue;
    const better =
      !best ||
      values.length > best.values.length ||
      (values.length === best.values.length && index.spec.unique && !best.index.spec.unique);
    if (better) best = { index, values };
  }
  return best;
}
