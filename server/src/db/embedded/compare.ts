import type { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';

/**
 * MongoDB's ordering of BSON values (the "comparison/sort order" of the manual), and a canonical key for
 * equality. Hand-written because mingo orders by JavaScript type and compares Long, Decimal128 and Binary by
 * their string forms, which sorts and matches them wrongly (Long('10') < Long('9'), 1.0 ≠ Decimal128('1.00')).
 */

type Bsontyped = { _bsontype: string };

/** Canonical type brackets: numbers of all kinds share one, as do null and missing. */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
  }
  if (Array.isArray(v)) return 6;
  if (v instanceof Date) return 10;
  if (v instanceof RegExp) return 12;
  switch ((v as Bsontyped)._bsontype) {
    case 'MinKey':
      return 1;
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return 3;
    case 'BSONSymbol':
      return 4;
    case 'Binary':
      return 7;
    case 'ObjectId':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'Code':
      return 13;
    case 'MaxKey':
      return 100;
  }
  if (v instanceof Uint8Array) return 7;
  return 5;
}

/** An exact numeric value: coef × 10^exp, or a special (NaN sorts below every number, as in MongoDB). */
type Exact = { coef: bigint; exp: number } | { special: -2 | -1 | 1 }; // NaN, -Infinity, Infinity

const POW5: bigint[] = [1n];
function pow(base: bigint, n: number): bigint {
  if (base === 5n) {
    while (POW5.length <= n) POW5.push(POW5[POW5.length - 1] * 5n);
    return POW5[n];
  }
  return base ** BigInt(n);
}

function exactOfDouble(n: number): Exact {
  if (Number.isNaN(n)) return { special: -2 };
  if (!Number.isFinite(n)) return { special: n > 0 ? 1 : -1 };
  if (Number.isInteger(n)) return { coef: BigInt(n), exp: 0 };
  // n = mantissa × 2^e with e < 0, which is exactly mantissa × 5^-e × 10^e.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    mantissa |= 1n << 52n;
    e = biased - 1075;
  }
  if (n < 0) mantissa = -mantissa;
  return { coef: mantissa * pow(5n, -e), exp: e };
}

function exactOfDecimal(d: Decimal128): Exact {
  const s = d.toString();
  if (s === 'Infinity') return { special: 1 };
  if (s === '-Infinity') return { special: -1 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/.exec(s);
  if (!m) return { special: -2 };
  const frac = m[3] ?? '';
  const coef = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

function exactOf(v: unknown): Exact {
  if (typeof v === 'number') return exactOfDouble(v);
  if (typeof v === 'bigint') return { coef: v, exp: 0 };
  const t = (v as Bsontyped)._bsontype;
  if (t === 'Long') return { coef: (v as Long).toBigInt(), exp: 0 };
  if (t === 'Decimal128') return exactOfDecimal(v as Decimal128);
  return exactOfDouble(Number((v as { valueOf(): number }).valueOf()));
}

function normalize(x: Exact): Exact {
  if ('special' in x || x.coef === 0n) return 'special' in x ? x : { coef: 0n, exp: 0 };
  let { coef, exp } = x;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp++;
  }
  return { coef, exp };
}

function compareExact(a: Exact, b: Exact): number {
  if ('special' in a || 'special' in b) {
    const ra = 'special' in a ? a.special : 0;
    const rb = 'special' in b ? b.special : 0;
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  }
  const e = Math.min(a.exp, b.exp);
  const x = a.coef * pow(10n, a.exp - e);
  const y = b.coef * pow(10n, b.exp - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareNumbers(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return 0;
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
    if (Number.isNaN(b)) return 1;
    return a < b ? -1 : 1;
  }
  return compareExact(exactOf(a), exactOf(b));
}

const cmp = (a: number | string | bigint, b: number | string | bigint) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Strings in UTF-8 byte order, as MongoDB compares them. That is UTF-16 order except where a surrogate
 * (a character above U+FFFF, e.g. an emoji) meets U+E000–U+FFFF (e.g. the full-width '，').
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (xs ? y : x) >= 0xe000) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return cmp(a.length, b.length);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const r = typeRank(a[ka[i]]) - typeRank(b[kb[i]]);
    if (r) return r < 0 ? -1 : 1;
    const n = compareStrings(ka[i], kb[i]);
    if (n) return n;
    const v = compareValues(a[ka[i]], b[kb[i]]);
    if (v) return v;
  }
  return cmp(ka.length, kb.length);
}

/** Total order over BSON values, as MongoDB compares them (arrays compared element by element). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 2:
    case 1:
    case 100:
      return 0;
    case 3:
      return compareNumbers(a, b);
    case 4:
      return compareStrings(String(a), String(b));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 6: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const r = compareValues(xa[i], xb[i]);
        if (r) return r;
      }
      return cmp(xa.length, xb.length);
    }
    case 7: {
      const ba = binaryBytes(a);
      const bb = binaryBytes(b);
      if (ba.length !== bb.length) return cmp(ba.length, bb.length);
      const sa = (a as Binary).sub_type ?? 0;
      const sb = (b as Binary).sub_type ?? 0;
      return sa !== sb ? cmp(sa, sb) : compareBytes(ba, bb);
    }
    case 8:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return cmp(Number(a), Number(b));
    case 10:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case 11: {
      const ta = a as Timestamp;
      const tb = b as Timestamp;
      return cmp(ta.t, tb.t) || cmp(ta.i, tb.i);
    }
    case 12: {
      const pa = regexParts(a);
      const pb = regexParts(b);
      return cmp(pa[0], pb[0]) || cmp(pa[1], pb[1]);
    }
    default:
      return cmp(String(a), String(b));
  }
}

function binaryBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  const bin = v as Binary;
  return bin.buffer.subarray(0, bin.position);
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

/**
 * A string equal for exactly the values MongoDB considers equal (1, Long(1) and Decimal128('1.0') share one),
 * used as the key of hash indexes and of the _id map.
 */
export function keyOf(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return Number.isInteger(v) && Number.isSafeInteger(v) ? 'n' + v : 'n' + numberKey(exactOf(v));
    case 'boolean':
      return v ? 'bt' : 'bf';
    case 'undefined':
      return 'z';
  }
  if (v === null) return 'z';
  if (v instanceof Date) return 'd' + v.getTime();
  if (Array.isArray(v)) return '[' + v.map(keyOf).join(',') + ']';
  const t = (v as Bsontyped)._bsontype;
  if (t === 'ObjectId') return 'o' + (v as ObjectId).toHexString();
  if (t === 'Long' || t === 'Decimal128' || t === 'Int32' || t === 'Double')
    return 'n' + numberKey(exactOf(v));
  if (typeRank(v) === 5) {
    const o = v as Record<string, unknown>;
    return (
      '{' +
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .map((k) => JSON.stringify(k) + ':' + keyOf(o[k]))
        .join(',') +
      '}'
    );
  }
  if (typeRank(v) === 7)
    return 'x' + ((v as Binary).sub_type ?? 0) + ':' + Buffer.from(binaryBytes(v)).toString('base64');
  if (typeRank(v) === 12) return 'r' + regexParts(v).join('/');
  return 't' + typeRank(v) + ':' + String(v);
}

function numberKey(x: Exact): string {
  const n = normalize(x);
  if ('special' in n) return String(n.special);
  if (n.exp >= 0 && n.exp < 20) return String(n.coef * pow(10n, n.exp));
  return `${n.coef}e${n.exp}`;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && compareValues(a, b) === 0;
}
