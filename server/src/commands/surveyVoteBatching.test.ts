import { describe, expect, it } from 'vitest';
import { batchedById, batchedInsert, batchedUpdate, type ConditionalUpdate } from './surveyVoteBatching';

describe('micro-batching of burst reads and inserts', () => {
  it('answers concurrent reads by id from one query, each caller with its own document', async () => {
    const queries: string[][] = [];
    const load = batchedById(async (ids) => {
      queries.push(ids);
      return ids.filter((id) => id !== 'missing').map((id) => ({ _id: id, name: `户${id}` }));
    });
    const [a, b, again, missing] = await Promise.all([load('1'), load('2'), load('1'), load('missing')]);
    expect(queries).toEqual([['1', '2', 'missing']]);
    expect([a?.name, b?.name, again?.name, missing]).toEqual(['户1', '户2', '户1', null]);
    await load('3');
    expect(queries).toHaveLength(2);
  });

  it('stores concurrent inserts in one call and rejects only the duplicate', async () => {
    const calls: string[][] = [];
    const insert = batchedInsert(async (docs: string[]) => {
      calls.push(docs);
      if (docs.includes('dup'))
        throw { code: 11000, writeErrors: [{ index: docs.indexOf('dup'), code: 11000 }] };
    });
    const results = await Promise.allSettled([insert('a'), insert('dup'), insert('b')]);
    expect(calls).toEqual([['a', 'dup', 'b']]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe(11000);
  });

  it('fails every caller when the whole batch fails', async () => {
    const insert = batchedInsert(async () => {
      throw new Error('disk full');
    });
    const results = await Promise.allSettled([insert(1), insert(2)]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  /** A fake store over a Map: an update applies when every filter field still equals the stored value. */
  function store(docs: Record<string, { revision: number; writeId?: string }>) {
    const writes: number[] = [];
    let reads = 0;
    return {
      writes,
      reads: () => reads,
      docs,
      async bulkWrite(ops: { updateOne: ConditionalUpdate }[]) {
        writes.push(ops.length);
        let matchedCount = 0;
        for (const { updateOne: u } of ops) {
          const doc = docs[String(u.filter._id)];
          if (!doc || doc.revision !== u.filter.revision) continue;
          matchedCount++;
          Object.assign(doc, u.update.$set, { revision: doc.revision + 1 });
        }
        if (ops.some((o) => o.updateOne.filter._id === 'broken'))
          throw {
            writeErrors: [{ index: ops.findIndex((o) => o.updateOne.filter._id === 'broken'), code: 2 }],
          };
        return { matchedCount };
      },
      async writeIds(ids: unknown[]) {
        reads++;
        return ids.map((id) => ({ _id: id, writeId: docs[String(id)]?.writeId }));
      },
    };
  }
  const edit = (id: string, revision: number): ConditionalUpdate => ({
    filter: { _id: id, revision },
    update: { $set: {} },
  });

  it('sends concurrent edits as one bulk write and needs no read when all of them applied', async () => {
    const s = store({ a: { revision: 1 }, b: { revision: 3 } });
    const update = batchedUpdate(s);
    expect(await Promise.all([update(edit('a', 1)), update(edit('b', 3))])).toEqual([true, true]);
    expect(s.writes).toEqual([2]);
    expect(s.reads()).toBe(0);
    expect(s.docs.a.revision).toBe(2);
  });

  it('tells each caller whether its own edit applied when two edit the same revision', async () => {
    const s = store({ a: { revision: 1 }, b: { revision: 1 } });
    const update = batchedUpdate(s);
    const results = await Promise.all([update(edit('a', 1)), update(edit('a', 1)), update(edit('b', 1))]);
    expect(results).toEqual([true, false, true]);
    expect(s.writes).toEqual([3]);
    expect(s.docs.a.revision).toBe(2);
  });

  it('rejects only the edit the database refused', async () => {
    const s = store({ a: { revision: 1 } });
    const update = batchedUpdate(s);
    const results = await Promise.allSettled([update(edit('a', 1)), update(edit('broken', 1))]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: true });
    expect(results[1].status).toBe('rejected');
    expect((results[1] as PromiseRejectedResult).reason.code).toBe(2);
  });
});
