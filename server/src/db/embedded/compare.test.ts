import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { compareValues, keyOf } from './compare';

describe('BSON order', () => {
  it('orders values by type bracket then value, as MongoDB does', () => {
    const oid1 = new ObjectId('000000000000000000000001');
    const oid2 = new ObjectId('00000000000000000000000a');
    const ordered = [
      new MinKey(),
      null,
      Number.NaN,
      -Infinity,
      Long.fromString('-9223372036854775808'),
      -1.5,
      Decimal128.fromString('-1'),
      0,
      Decimal128.fromString('0.1'),
      0.5,
      2,
      Long.fromString('9007199254740993'),
      Decimal128.fromString('1E+20'),
      Infinity,
      '',
      'B',
      'a',
      'a中',
      'a，',
      'a😀',
      { a: 1 },
      { a: 1, b: 1 },
      { b: 0 },
      [],
      [1],
      [1, 2],
      new Binary(Buffer.from([9])),
      new Binary(Buffer.from([1, 1])),
      oid1,
      oid2,
      false,
      true,
      new Date(-1),
      new Date(5),
      new Timestamp({ t: 1, i: 0 }),
      /a/,
      new MaxKey(),
    ];
    const shuffled = [...ordered].sort(() => Math.random() - 0.5);
    expect(shuffled.sort(compareValues).map(keyOf)).toEqual(ordered.map(keyOf));
  });

  it('treats equal numbers of different types as equal', () => {
    expect(compareValues(1, Long.fromNumber(1))).toBe(0);
    expect(compareValues(Decimal128.fromString('1.00'), 1)).toBe(0);
    expect(keyOf(Decimal128.fromString('1.50'))).toBe(keyOf(1.5));
    expect(keyOf(Long.fromNumber(7))).toBe(keyOf(7));
    expect(compareValues(Decimal128.fromString('10'), Decimal128.fromString('9'))).toBe(1);
    expect(compareValues(Long.fromString('10'), Long.fromString('9'))).toBe(1);
    // 0.1 as a double is not exactly one tenth.
    expect(compareValues(0.1, Decimal128.fromString('0.1'))).toBe(1);
    expect(keyOf(0.1)).not.toBe(keyOf(Decimal128.fromString('0.1')));
  });

  it('gives null and missing one key, and distinct keys to different types', () => {
    expect(keyOf(null)).toBe(keyOf(undefined));
    expect(keyOf('1')).not.toBe(keyOf(1));
    expect(keyOf(new ObjectId('00000000000000000000000a'))).not.toBe(keyOf('00000000000000000000000a'));
    expect(keyOf({ a: 1, b: 2 })).not.toBe(keyOf({ b: 2, a: 1 }));
  });
});
