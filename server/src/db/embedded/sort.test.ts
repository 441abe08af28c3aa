import { describe, expect, it } from 'vitest';
import { sortDocuments } from './sort';

describe('sortDocuments', () => {
  const docs = Array.from({ length: 500 }, (_, i) => ({
    i,
    group: i % 7,
    at: new Date(1_700_000_000_000 + ((i * 7919) % 500) * 1000),
  }));

  it('keeps only the first page of a large sort, in the same order as a full sort, stable for ties', () => {
    const full = sortDocuments(docs, { group: -1, at: 1 });
    const page = sortDocuments(docs, { group: -1, at: 1 }, 25);
    expect(page).toEqual(full.slice(0, 25));
    const ties = sortDocuments(docs, { group: 1 }, 10);
    expect(ties.map((d) => d.i)).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 63]);
  });

  it('rejects sort directions other than 1 and -1', () => {
    expect(() => sortDocuments(docs, { i: 'up' })).toThrow(/bad sort/);
  });
});
