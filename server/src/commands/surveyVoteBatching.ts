/**
 * Micro-batching for the burst paths (ballots, survey answers). When hundreds of households submit at once,
 * each request's reads by _id, its first insert and its conditional edit are gathered for one event-loop turn and
 * sent as one `$in` query, one unordered `insertMany` or one unordered `bulkWrite`, instead of one database round
 * trip per request. Every caller still gets its own answer: its document (or null), its own duplicate-key error
 * (code 11000), or whether its own update applied.
 */
import { randomUUID } from 'node:crypto';

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

/** Gathers what callers hand in during one event-loop turn and passes it to `flush` together at the turn's end. */
function perTurn<I>(flush: (batch: I[]) => Promise<void>): (item: I) => void {
  let pending: I[] | null = null;
  return (item) => {
    if (!pending) {
      const batch: I[] = (pending = []);
      setImmediate(() => {
        pending = null;
        void flush(batch);
      });
    }
    pending.push(item);
  };
}

/**
 * Coalesces `findById`-style reads made in the same turn into one query. `keyOf` names a document's key when
 * it is not its `_id` (the loader may return more documents than asked for; only those keyed are answered).
 */
export function batchedById<T extends { _id: unknown }>(
  load: (ids: string[]) => Promise<T[]>,
  keyOf: (doc: T) => string = (doc) => String(doc._id),
) {
  const collect = perTurn<{ id: string; waiter: Waiter<T | null> }>(async (batch) => {
    try {
      const docs = await load([...new Set(batch.map((b) => b.id))]);
      const byId = new Map(docs.map((d) => [keyOf(d), d]));
      for (const b of batch) b.waiter.resolve(byId.get(b.id) ?? null);
    } catch (err) {
      for (const b of batch) b.waiter.reject(err);
    }
  });
  return (id: string): Promise<T | null> =>
    new Promise((resolve, reject) => collect({ id, waiter: { resolve, reject } }));
}

interface WriteErrorLike {
  index: number;
  code: number;
  errmsg?: string;
}
interface BulkWriteErrorLike {
  code?: number;
  writeErrors?: WriteErrorLike[] | WriteErrorLike;
}

/** The per-operation errors of a failed unordered write, by index; undefined when the whole call failed. */
function writeErrorsOf(raw: unknown): Map<number, WriteErrorLike> | undefined {
  const err = raw as BulkWriteErrorLike;
  const list = Array.isArray(err.writeErrors)
    ? err.writeErrors
    : err.writeErrors
      ? [err.writeErrors]
      : undefined;
  return list && new Map(list.map((w) => [w.index, w]));
}

const writeError = (w: WriteErrorLike) =>
  Object.assign(new Error(w.errmsg ?? 'write failed'), { code: w.code });

/**
 * After an unordered batch write threw: rejects each caller whose own operation failed, with its own error (or
 * every caller when the whole call failed), and returns the others, whose operations went through.
 */
function rejectFailedWrites<I extends { waiter: { reject: (err: unknown) => void } }>(
  batch: I[],
  raw: unknown,
): I[] {
  const failed = writeErrorsOf(raw);
  const rest: I[] = [];
  batch.forEach((b, i) => {
    const w = failed?.get(i);
    if (!failed) b.waiter.reject(raw);
    else if (w) b.waiter.reject(writeError(w));
    else rest.push(b);
  });
  return rest;
}

/**
 * Coalesces single-document inserts made in the same turn into one unordered insertMany. A document refused for
 * a duplicate key rejects only its own caller, with `{ code: 11000 }`; the others are stored.
 */
export function batchedInsert<D>(insertMany: (docs: D[]) => Promise<unknown>) {
  const collect = perTurn<{ doc: D; waiter: Waiter<void> }>(async (batch) => {
    try {
      await insertMany(batch.map((b) => b.doc));
      for (const b of batch) b.waiter.resolve();
    } catch (raw) {
      for (const b of rejectFailedWrites(batch, raw)) b.waiter.resolve();
    }
  });
  return (doc: D): Promise<void> =>
    new Promise((resolve, reject) => collect({ doc, waiter: { resolve, reject } }));
}

/** The distinct halves of `a:b` keys, for a `{ a: { $in }, b: { $in } }` query answering a batch of pairs. */
export function splitPairs(keys: string[]): [string[], string[]] {
  const first = new Set<string>();
  const second = new Set<string>();
  for (const k of keys) {
    const at = k.indexOf(':');
    first.add(k.slice(0, at));
    second.add(k.slice(at + 1));
  }
  return [[...first], [...second]];
}

/** One conditional update of one document: applied only if the document still matches `filter`. */
export interface ConditionalUpdate {
  filter: { _id: unknown } & Record<string, unknown>;
  update: { $set: Record<string, unknown> } & Record<string, unknown>;
}

export interface UpdateStore {
  bulkWrite(
    ops: { updateOne: ConditionalUpdate }[],
    options: { ordered: false },
  ): Promise<{ matchedCount: number }>;
  /** The `writeId` each document now carries. */
  writeIds(ids: unknown[]): Promise<{ _id: unknown; writeId?: unknown }[]>;
}

const writeIdPrefix = randomUUID();
let writeCount = 0;

/**
 * Coalesces conditional single-document updates made in the same turn into one unordered bulkWrite; resolves
 * true for the callers whose update applied, false for those whose filter no longer matched. Each update also
 * sets a fresh `writeId`, so when fewer documents matched than updates were sent, one read of the documents'
 * write ids tells each caller which case is its own (the whole batch matching, the usual case, needs no read).
 */
export function batchedUpdate(store: UpdateStore) {
  type Item = { op: ConditionalUpdate; writeId: string; waiter: Waiter<boolean> };
  const settleByWriteIds = async (items: Item[]) => {
    const docs = await store.writeIds(items.map((b) => b.op.filter._id));
    const current = new Map(docs.map((d) => [String(d._id), d.writeId]));
    for (const b of items) b.waiter.resolve(current.get(String(b.op.filter._id)) === b.writeId);
  };
  const collect = perTurn<Item>(async (batch) => {
    try {
      const ops = batch.map((b) => ({
        updateOne: {
          filter: b.op.filter,
          update: { ...b.op.update, $set: { ...b.op.update.$set, writeId: b.writeId } },
        },
      }));
      const result = await store.bulkWrite(ops, { ordered: false });
      if (result.matchedCount === batch.length) for (const b of batch) b.waiter.resolve(true);
      else await settleByWriteIds(batch);
    } catch (raw) {
      const rest = rejectFailedWrites(batch, raw);
      if (rest.length)
        await settleByWriteIds(rest).catch((err: unknown) => {
          for (const b of rest) b.waiter.reject(err);
        });
    }
  });
  return (op: ConditionalUpdate): Promise<boolean> =>
    new Promise((resolve, reject) =>
      collect({ op, writeId: `${writeIdPrefix}:${++writeCount}`, waiter: { resolve, reject } }),
    );
}
