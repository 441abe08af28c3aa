import { Long, type Document } from 'bson';
import type { Collection } from '../collection';
import { keyOf } from '../compare';
import { cursorDoc } from '../cursors';
import { badValue } from '../errors';
import { pathValues } from '../indexes';
import { Query } from '../mingoOptions';
import { sortDocuments } from '../sort';
import { asCount, asDocument, collectionName, type CommandHandler } from './context';

export interface FindOptions {
  filter?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}

/** The documents a find returns, in order, projected. */
export function runFind(coll: Collection | undefined, opts: FindOptions): Document[] {
  if (!coll) return [];
  const filter = asDocument(opts.filter, 'filter');
  const sort = asDocument(opts.sort, 'sort');
  const skip = opts.skip ?? 0;
  const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
  let docs: Document[] = [];
  const sorted = Object.keys(sort).length > 0;
  for (const doc of coll.find(filter)) {
    docs.push(doc);
    if (!sorted && docs.length >= skip + limit) break;
  }
  if (sorted) docs = sortDocuments(docs, sort, skip + limit);
  docs = docs.slice(skip, limit === Infinity ? undefined : skip + limit);
  const projection = asDocument(opts.projection, 'projection');
  if (Object.keys(projection).length === 0) return docs;
  const simple = simpleProjection(projection);
  if (simple) return docs.map(simple);
  const positional = Object.keys(projection).some((k) => k.includes('$'));
  const query = new Query(positional ? filter : {});
  return query.find(docs, projection).all() as Document[];
}

/**
 * Projections that only keep or only drop top-level fields (`{ name: 1 }`, `{ final: 0 }`), the usual ones,
 * applied directly; anything else (dotted paths, operators, expressions) goes to mingo. Fields keep the
 * document's order and `_id` is kept unless excluded, as MongoDB does.
 */
function simpleProjection(projection: Document): ((doc: Document) => Document) | undefined {
  let include: boolean | undefined;
  let keepId = true;
  const fields = new Set<string>();
  for (const [k, v] of Object.entries(projection)) {
    if (k === '' || k.startsWith('$') || k.includes('.')) return undefined;
    if (v !== 0 && v !== 1 && v !== true && v !== false) return undefined;
    const on = v === 1 || v === true;
    if (k === '_id') {
      keepId = on;
      continue;
    }
    if (include === undefined) include = on;
    else if (include !== on) return undefined;
    fields.add(k);
  }
  if (include === undefined) {
    // Only _id named: { _id: 0 } drops it, { _id: 1 } keeps only it.
    return keepId ? (doc) => (doc._id === undefined ? {} : { _id: doc._id }) : undefined;
  }
  return (doc) => {
    const out: Document = {};
    for (const k in doc) {
      if (!Object.hasOwn(doc, k)) continue;
      const keep = k === '_id' ? keepId : include ? fields.has(k) : !fields.has(k);
      if (keep && doc[k] !== undefined) out[k] = doc[k];
    }
    return out;
  };
}

const find: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'find');
  const docs = runFind(ctx.engine.collection(ctx.db, name), {
    filter: cmd.filter,
    sort: cmd.sort,
    skip: asCount(cmd.skip),
    limit: asCount(cmd.limit),
    projection: cmd.projection,
  });
  const batchSize = asCount(cmd.batchSize);
  const singleBatch = cmd.singleBatch === true || (typeof cmd.limit === 'number' && cmd.limit < 0);
  return cursorDoc(ctx.cursors.first(`${ctx.db}.${name}`, docs, batchSize, singleBatch), true);
};

const toBigInt = (v: unknown): bigint => {
  if (v instanceof Long) return v.toBigInt();
  if (typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  throw badValue('cursor id must be a number');
};

const getMore: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'collection');
  return cursorDoc(
    ctx.cursors.more(toBigInt(cmd.getMore), `${ctx.db}.${name}`, asCount(cmd.batchSize)),
    false,
  );
};

const killCursors: CommandHandler = (cmd, ctx) => {
  const ids = Array.isArray(cmd.cursors) ? cmd.cursors.map(toBigInt) : [];
  const { killed, notFound } = ctx.cursors.kill(ids);
  return {
    cursorsKilled: killed.map((id) => Long.fromBigInt(id)),
    cursorsNotFound: notFound.map((id) => Long.fromBigInt(id)),
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
};

const count: CommandHandler = (cmd, ctx) => {
  const coll = ctx.engine.collection(ctx.db, collectionName(cmd, 'count'));
  const query = asDocument(cmd.query, 'query');
  const skip = asCount(cmd.skip) ?? 0;
  const limit = asCount(cmd.limit) || Infinity;
  let n = 0;
  if (coll && Object.keys(query).length === 0) n = coll.docs.size;
  else if (coll) for (const _ of coll.find(query)) n++;
  return { n: Math.max(0, Math.min(n - skip, limit)), ok: 1 };
};

const distinct: CommandHandler = (cmd, ctx) => {
  const coll = ctx.engine.collection(ctx.db, collectionName(cmd, 'distinct'));
  if (typeof cmd.key !== 'string') throw badValue("distinct needs a string 'key'");
  const seen = new Map<string, unknown>();
  if (coll) {
    for (const doc of coll.find(asDocument(cmd.query, 'query'))) {
      for (const v of pathValues(doc, cmd.key))
        if (v !== undefined && !seen.has(keyOf(v))) seen.set(keyOf(v), v);
    }
  }
  return { values: [...seen.values()], ok: 1 };
};

export const readCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct };
