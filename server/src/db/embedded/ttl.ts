import type { Document } from 'bson';
import type { Engine } from './engine';

/** TTL indexes: documents whose indexed date is older than expireAfterSeconds are deleted, as MongoDB's monitor does. */

function expired(value: unknown, cutoffMs: number): boolean {
  if (value instanceof Date) return value.getTime() <= cutoffMs;
  // For an array, MongoDB uses the earliest date in it.
  if (Array.isArray(value)) return value.some((v) => v instanceof Date && v.getTime() <= cutoffMs);
  return false;
}

/** Removes every expired document; returns how many. Run between begin() and end() so it is journaled. */
export function removeExpired(engine: Engine, now = Date.now()): number {
  let removed = 0;
  for (const colls of engine.dbs.values()) {
    for (const coll of colls.values()) {
      for (const index of coll.indexes) {
        const seconds = index.spec.expireAfterSeconds;
        if (typeof seconds !== 'number' || index.fields.length !== 1) continue;
        const field = index.fields[0];
        const cutoff = now - seconds * 1000;
        const victims: Document[] = [];
        for (const doc of coll.docs.values()) if (expired(doc[field], cutoff)) victims.push(doc);
        for (const doc of victims) engine.remove(coll, doc);
        removed += victims.length;
      }
    }
  }
  return removed;
}
