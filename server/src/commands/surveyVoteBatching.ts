/**
 * Micro-batching for the burst paths (ballots, survey answers). When hundreds of households submit at once,
 * each request's reads by _id and its first insert are gathered for one event-loop turn and sent as one `$in`
 * query or one unordered `insertMany`, instead of one database round trip per request. Every caller still gets
 * its own answer: its document (or null), or its own duplicate-key error (code 11000).
 */

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

/**
 * Coalesces `findById`-style reads made in the same turn into one query. `keyOf` names a document's key when
 * it is not its `_id` (the loader may return more documents than asked for; only those keyed are answered).
 */
export function batchedById<T extends { _id: unknown }>(
  load: (ids: string[]) => Promise<T[]>,
  keyOf: (doc: T) => string = (doc) => String(doc._id),
) {
  let pending: Map<string, Waiter<T | null>[]> | null = null;
  const flush = async (batch: Map<string, Waiter<T | null>[]>) => {
    try {
      const docs = await load([...batch.keys()]);
      const byId = new Map(docs.map((d) => [keyOf(d), d]));
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(byId.get(id) ?? null);
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  };
  return (id: string): Promise<T | null> =>
    new Promise((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        setImmediate(() => {
          pending = null;
          void flush(batch);
        });
      }
      const list = pending.get(id) ?? [];
      list.push({ resolve, reject });
      pending.set(id, list);
    });
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

/**
 * Coalesces single-document inserts made in the same turn into one unordered insertMany. A document refused for
 * a duplicate key rejects only its own caller, with `{ code: 11000 }`; the others are stored.
 */
export function batchedInsert<D>(insertMany: (docs: D[]) => Promise<unknown>) {
  let pending: { doc: D; waiter: Waiter<void> }[] | null = null;
  const flush = async (batch: { doc: D; waiter: Waiter<void> }[]) => {
    try {
      await insertMany(batch.map((b) => b.doc));
      for (const b of batch) b.waiter.resolve();
    } catch (raw) {
      const err = raw as BulkWriteErrorLike;
      const list = Array.isArray(err.writeErrors)
        ? err.writeErrors
        : err.writeErrors
          ? [err.writeErrors]
          : undefined;
      if (!list) {
        for (const b of batch) b.waiter.reject(raw);
        return;
      }
      const failed = new Map(list.map((w) => [w.index, w]));
      batch.forEach((b, i) => {
        const w = failed.get(i);
        if (!w) b.waiter.resolve();
        else b.waiter.reject(Object.assign(new Error(w.errmsg ?? 'write failed'), { code: w.code }));
      });
    }
  };
  return (doc: D): Promise<void> =>
    new Promise((resolve, reject) => {
      if (!pending) {
        const batch: { doc: D; waiter: Waiter<void> }[] = (pending = []);
        setImmediate(() => {
          pending = null;
          void flush(batch);
        });
      }
      pending.push({ doc, waiter: { resolve, reject } });
    });
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
