import { BSON, ObjectId, type Document } from 'bson';
import { cloneDocument } from './collection';
import { keyOf } from './compare';
import { CommandError, failedToParse } from './errors';
import { Aggregator, updateInPlace } from './mingoOptions';
import { equalityConditions } from './planner';

/** Applying one update specification (operators, replacement or pipeline) to a copy of a document. */

export type UpdateSpec = Document | Document[];

const immutableId = () =>
  new CommandError(
    66,
    'ImmutableField',
    "Performing an update on the path '_id' would modify the immutable field '_id'",
  );

export function isOperatorUpdate(u: UpdateSpec): boolean {
  if (Array.isArray(u)) return false;
  const keys = Object.keys(u);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length && ops.length !== keys.length)
    throw failedToParse('update document mixes operators and plain fields');
  return ops.length > 0;
}

/** mingo has no $setOnInsert: on insert it is a $set, on an existing document it does nothing. */
function withoutSetOnInsert(u: Document, inserting: boolean): Document {
  if (!('$setOnInsert' in u)) return u;
  const { $setOnInsert, ...rest } = u;
  if (!inserting) return rest;
  return { ...rest, $set: { ...($setOnInsert as Document), ...((rest.$set as Document) ?? {}) } };
}

/**
 * The updated version of a stored document, or undefined when the update changes nothing.
 * The stored document itself is never touched (mingo updates in place, so it works on a copy).
 */
export function applyUpdate(
  stored: Document,
  u: UpdateSpec,
  opts: { arrayFilters?: Document[]; filter?: Document; inserting?: boolean } = {},
): Document | undefined {
  let next: Document;
  if (Array.isArray(u)) {
    next = new Aggregator(u).run([cloneDocument(stored)])[0] as Document;
  } else if (isOperatorUpdate(u)) {
    next = cloneDocument(stored);
    const modifier = withoutSetOnInsert(u, Boolean(opts.inserting));
    if (Object.keys(modifier).length === 0) return undefined;
    checkPathsViable(next, modifier);
    const changed = updateInPlace(next, modifier, opts.arrayFilters, opts.filter);
    if (changed.length === 0 && !opts.inserting) return undefined;
  } else {
    next = { _id: stored._id, ...cloneDocument(u) };
    if (u._id !== undefined) next._id = u._id;
  }
  if (stored._id !== undefined && keyOf(next._id) !== keyOf(stored._id)) throw immutableId();
  const operators = !Array.isArray(u) && isOperatorUpdate(u);
  if (!opts.inserting && !operators && Buffer.compare(BSON.serialize(next), BSON.serialize(stored)) === 0)
    return undefined;
  return next;
}

const CREATING_OPERATORS = ['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate'];

/**
 * MongoDB refuses to create a field under a value that is not a document (`{a: 1}` then `$set: {'a.b': 2}`);
 * mingo silently does nothing, which would report success for a write that did not happen.
 */
function checkPathsViable(doc: Document, modifier: Document): void {
  for (const op of CREATING_OPERATORS) {
    for (const path of Object.keys((modifier[op] as Document | undefined) ?? {})) {
      const parts = path.split('.');
      let at: unknown = doc;
      for (let i = 0; i < parts.length - 1; i++) {
        if (Array.isArray(at) || parts[i].startsWith('$')) break;
        const next = (at as Document)[parts[i]];
        if (next === undefined) break;
        if (next === null || typeof next !== 'object' || next instanceof Date || '_bsontype' in next) {
          throw new CommandError(
            28,
            'PathNotViable',
            `Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${JSON.stringify(next)}}`,
          );
        }
        at = next;
      }
    }
  }
}

function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = doc;
  for (const p of parts.slice(0, -1)) {
    if (at[p] === undefined || at[p] === null || typeof at[p] !== 'object') at[p] = {};
    at = at[p] as Document;
  }
  at[parts[parts.length - 1]] = value;
}

/** The document an upsert inserts: the filter's equality fields, then the update applied with $setOnInsert. */
export function upsertDocument(filter: Document, u: UpdateSpec, arrayFilters?: Document[]): Document {
  const base: Document = {};
  if (Array.isArray(u) || isOperatorUpdate(u)) {
    for (const [path, values] of equalityConditions(filter))
      if (values.length === 1) setPath(base, path, values[0]);
  } else if (filter._id !== undefined && equalityConditions(filter).get('_id')?.length === 1) {
    base._id = equalityConditions(filter).get('_id')![0];
  }
  const start = cloneDocument(base);
  const next = applyUpdate(start, u, { arrayFilters, inserting: true }) ?? start;
  if (next._id === undefined) return { _id: new ObjectId(), ...next };
  if (Object.keys(next)[0] !== '_id') {
    const { _id, ...rest } = next;
    return { _id, ...rest };
  }
  return next;
}
