import { describe, expect, it } from 'vitest';
import { batchedById, batchedInsert } from './surveyVoteBatching';

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
});
