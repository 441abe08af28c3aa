import { BSON, ObjectId, type Document } from 'bson';
import { keyOf } from './compare';
import {
  badValue,
  bsonObjectTooLarge,
  documentValidationFailure,
  duplicateKey,
  indexNotFound,
} from './errors';
import { Index, type IndexSpec } from './indexes';
import { Query } from './mingoOptions';
import { choosePlan, equalityConditions } from './planner';
import { MAX_BSON_SIZE } from './wire';

/** One collection: documents by _id key, in insertion order, plus its secondary indexes. */

export interface CollectionOptions {
  validator?: Document;
  validationLevel?: string;
  validationAction?: string;
  [option: string]: unknown;
}

/** A deep copy that keeps BSON types (ObjectId, Long, Binary…); used before a document is modified. */
export function cloneDocument(doc: Document): Document {
  return BSON.deserialize(BSON.serialize(doc));
}

/**
 * Scalars whose MongoDB equality is exactly equality of their index keys (`keyOf`): strings (simple collation),
 * numbers across types, booleans, valid Dates, ObjectIds. null/missing, arrays, documents, regexes and the
 * rest go through mingo.
 */
function isKeyScalar(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(v);
    case 'object':
      if (v === null) return false;
      if (v instanceof Date) return !Number.isNaN(v.getTime());
      return (v as { _bsontype?: unknown })._bsontype === 'ObjectId';
    default:
      return false;
  }
}

/**
 * A matcher for filters made only of top-level (undotted) fields each pinned to a scalar, `{ $eq: scalar }` or
 * `{ $in: [scalars] }` — what the app sends for reads by key and for `$in` of ids. Such a field matches when
 * the field's value, or one element of it when it is an array, has one of the keys: MongoDB's equality for
 * these values, and the same rule the hash indexes use. Without it mingo compares each document against every
 * `$in` value, which is quadratic for a batch read or an `updateMany` by 1,000 ids. Undefined for any other
 * filter (mingo then decides).
 */
export function simpleMatcher(filter: Document): ((doc: Document) => boolean) | undefined {
  const fields: Array<[string, Set<string> | string]> = [];
  for (const k in filter) {
    if (!Object.hasOwn(filter, k)) continue;
    if (k.startsWith('$') || k.includes('.') || k === '') return undefined;
    let cond = filter[k];
    if (cond !== null && typeof cond === 'object' && !(cond instanceof Date) && !('_bsontype' in cond)) {
      if (Array.isArray(cond)) return undefined;
      const ops = Object.keys(cond);
      if (ops.length !== 1) return undefined;
      if (ops[0] === '$eq') cond = (cond as Document).$eq;
      else if (ops[0] === '$in' && Array.isArray((cond as Document).$in)) {
        const list = (cond as Document).$in as unknown[];
        if (!list.every(isKeyScalar)) return undefined;
        fields.push([k, new Set(list.map(keyOf))]);
        continue;
      } else return undefined;
    }
    if (!isKeyScalar(cond)) return undefined;
    fields.push([k, keyOf(cond)]);
  }
  // Stored values of any type are keyed (Long, Decimal128 … key as numbers); a document or a nested array never
  // has a scalar's key, as MongoDB does not match them either.
  const has = (keys: Set<string> | string, v: unknown) =>
    typeof keys === 'string' ? keyOf(v) === keys : keys.has(keyOf(v));
  return (doc) => {
    for (const [field, keys] of fields) {
      const v = doc[field];
      if (Array.isArray(v)) {
        if (!v.some((el) => has(keys, el))) return false;
      } else if (!has(keys, v)) return false;
    }
    return true;
  };
}

/** mingo's matcher for the filter. */
function compiledQuery(filter: Document): (doc: Document) => boolean {
  const query = new Query(filter);
  return (doc) => query.test(doc);
}

export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes: Index[] = [];
  private validator?: Query;

  constructor(
    readonly db: string,
    readonly name: string,
    public options: CollectionOptions = {},
  ) {
    this.setValidator(options.validator);
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  setValidator(validator?: Document): void {
    if (validator && '$jsonSchema' in validator)
      throw badValue('$jsonSchema validators are not supported by the embedded engine');
    this.validator = validator && Object.keys(validator).length ? new Query(validator) : undefined;
  }

  idIndexSpec(): IndexSpec {
    return { v: 2, key: { _id: 1 }, name: '_id_' };
  }

  private validate(doc: Document): void {
    if (this.validator && this.options.validationAction !== 'warn' && !this.validator.test(doc)) {
      throw documentValidationFailure('Document failed validation');
    }
    const size = BSON.calculateObjectSize(doc);
    if (size > MAX_BSON_SIZE)
      throw bsonObjectTooLarge(
        `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_SIZE}`,
      );
  }

  /** Adds a document with an _id; throws (changing nothing) on a duplicate key or failed validation. */
  insert(doc: Document): Document {
    // MongoDB stores _id first, wherever the client put it.
    if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
    else if (Object.keys(doc)[0] !== '_id') doc = { _id: doc._id, ...doc };
    if (Array.isArray(doc._id)) throw badValue("can't use an array for _id");
    this.validate(doc);
    const id = keyOf(doc._id);
    if (this.docs.has(id)) throw duplicateKey(this.ns, '_id_', { _id: 1 }, { _id: doc._id });
    for (const index of this.indexes) index.checkUnique(id, doc);
    this.docs.set(id, doc);
    for (const index of this.indexes) index.add(id, doc);
    return doc;
  }

  /** Replaces a stored document by a new version with the same _id, after the unique checks. */
  replace(old: Document, next: Document): void {
    const id = keyOf(old._id);
    if (keyOf(next._id) !== id) throw new Error('internal: _id changed in replace');
    this.validate(next);
    for (const index of this.indexes) index.checkUnique(id, next);
    for (const index of this.indexes) index.remove(id, old);
    this.docs.set(id, next);
    for (const index of this.indexes) index.add(id, next);
  }

  remove(doc: Document): void {
    const id = keyOf(doc._id);
    if (!this.docs.delete(id)) return;
    for (const index of this.indexes) index.remove(id, doc);
  }

  /** Documents that may match the filter: from an index when equality pins an indexed prefix, else all. */
  candidates(filter: Document): Iterable<Document> {
    const conditions = equalityConditions(filter);
    const ids = conditions.get('_id');
    if (ids) {
      const out: Document[] = [];
      const seen = ids.length > 1 ? new Set<string>() : undefined;
      for (const v of ids) {
        const key = keyOf(v);
        if (seen) {
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const doc = this.docs.get(key);
        if (doc !== undefined) out.push(doc);
      }
      return out;
    }
    const plan = choosePlan(this.indexes, conditions);
    if (!plan) return this.docs.values();
    const out: Document[] = [];
    for (const id of plan.index.lookup(plan.values)) {
      const doc = this.docs.get(id);
      if (doc) out.push(doc);
    }
    return out;
  }

  /** Stored documents matching the filter (references: copy before changing one). */
  *find(filter: Document): Generator<Document> {
    const test = simpleMatcher(filter) ?? compiledQuery(filter);
    for (const doc of this.candidates(filter)) if (test(doc)) yield doc;
  }

  createIndex(spec: IndexSpec): Index {
    const index = new Index(spec, this.ns);
    try {
      for (const [id, doc] of this.docs) {
        index.checkUnique(id, doc);
        index.add(id, doc);
      }
    } catch (err) {
      index.clear();
      throw err;
    }
    this.indexes.push(index);
    return index;
  }

  dropIndex(name: string): void {
    const i = this.indexes.findIndex((ix) => ix.name === name);
    if (i < 0) throw indexNotFound(`index not found with name [${name}]`);
    this.indexes.splice(i, 1);
  }

  listIndexSpecs(): IndexSpec[] {
    return [this.idIndexSpec(), ...this.indexes.map((ix) => ix.spec)];
  }
}
