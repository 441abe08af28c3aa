import type { Document } from 'bson';
import { $avg, $push, $sum } from 'mingo/operators/accumulator';
import { Lazy, type Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { MingoError, resolve } from 'mingo/util';
import { compareValues, typeRank, valuesEqual } from './compare';
import { badValue } from './errors';
import { sortDocuments } from './sort';

/**
 * Replacements for mingo's comparison query operators, $type, the $sort stage and the $min/$max/$sum/$avg
 * accumulators, using MongoDB's BSON order (compare.ts). mingo's own versions compare Long and Decimal128 as
 * strings, never match a Long against a number, know no 'objectId' for $type, and $sum skips Long/Decimal128.
 */

type Predicate = (lhs: unknown, rhs: unknown) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => (doc: unknown) => boolean;

/** The value itself and, through arrays met on the path, their elements (one level per path segment). */
function candidates(lhs: unknown, depth: number): unknown[] {
  if (!Array.isArray(lhs)) return [lhs];
  const out: unknown[] = [];
  const walk = (v: unknown, level: number) => {
    out.push(v);
    if (Array.isArray(v) && level < depth) for (const el of v) walk(el, level + 1);
  };
  walk(lhs, 0);
  return out;
}

function operator(predicate: Predicate): QueryOperator {
  return (selector, value) => {
    const depth = selector.split('.').length;
    return (doc) =>
      predicate(candidates(resolve(doc as never, selector, { unwrapArray: true }), depth), value);
  };
}

const isRegExp = (v: unknown): v is RegExp => v instanceof RegExp;

function equalsAny(values: unknown[], rhs: unknown): boolean {
  if (isRegExp(rhs))
    return values.some(
      (v) =>
        (typeof v === 'string' && rhs.test(v)) ||
        (isRegExp(v) && v.source === rhs.source && v.flags === rhs.flags),
    );
  return values.some((v) => valuesEqual(v, rhs));
}

function compareWith(test: (c: number) => boolean): Predicate {
  return (values, rhs) =>
    (values as unknown[]).some((v) => typeRank(v) === typeRank(rhs) && test(compareValues(v, rhs)));
}

const $in: Predicate = (values, rhs) => {
  if (!Array.isArray(rhs)) throw badValue('$in needs an array');
  return rhs.some((r) => equalsAny(values as unknown[], r));
};

const TYPE_NAMES: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  javascript: 13,
  symbol: 14,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

/** BSON type number of a stored value; plain JS numbers (int, long and double alike) answer 'number'. */
function bsonType(v: unknown): number | 'number' {
  if (v === null || v === undefined) return 10;
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 2;
  if (typeof v === 'boolean') return 8;
  if (Array.isArray(v)) return 4;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  const t = (v as { _bsontype?: string })._bsontype;
  const byTag: Record<string, number> = {
    ObjectId: 7,
    Long: 18,
    Decimal128: 19,
    Binary: 5,
    Timestamp: 17,
    MinKey: -1,
    MaxKey: 127,
    BSONSymbol: 14,
    Code: 13,
    BSONRegExp: 11,
    Int32: 16,
    Double: 1,
  };
  return (t ? byTag[t] : undefined) ?? 3;
}

const $type: QueryOperator = (selector, value) => {
  const wanted = (Array.isArray(value) ? value : [value]).map((t) => {
    if (t === 'number') return 'number';
    const code = typeof t === 'number' ? t : TYPE_NAMES[String(t)];
    if (code === undefined) throw badValue(`unknown type name alias: ${String(t)}`);
    if (code === 1 || code === 16) {
      throw badValue(
        `$type ${String(t)}: the embedded engine stores int and double alike; use $type 'number'`,
      );
    }
    return code;
  });
  return (doc) => {
    const lhs = resolve(doc as never, selector, { unwrapArray: true });
    if (lhs === undefined) return false;
    const values = Array.isArray(lhs) ? [lhs, ...lhs] : [lhs];
    return values.some((v) => {
      const t = bsonType(v);
      return wanted.some((w) => w === t || (w === 'number' && (t === 'number' || t === 18 || t === 19)));
    });
  };
};

export const bsonQueryOperators: Record<string, QueryOperator> = {
  $eq: operator((values, rhs) => equalsAny(values as unknown[], rhs)),
  $ne: operator((values, rhs) => !equalsAny(values as unknown[], rhs)),
  $gt: operator(compareWith((c) => c > 0)),
  $gte: operator(compareWith((c) => c >= 0)),
  $lt: operator(compareWith((c) => c < 0)),
  $lte: operator(compareWith((c) => c <= 0)),
  $in: operator($in),
  $nin: operator((values, rhs) => !$in(values, rhs)),
  $type,
};

type Accumulator = (coll: Document[], expr: unknown, options: Options) => unknown;

/** mingo's $sum/$avg add JavaScript numbers only; a Long or Decimal128 would be silently left out. */
function numbersOnly(name: string, accumulate: Accumulator): Accumulator {
  return (coll, expr, options) => {
    if (typeof expr !== 'number') {
      for (const v of $push(coll, expr, options)) {
        const t = (v as { _bsontype?: string } | null)?._bsontype;
        if (t === 'Long' || t === 'Decimal128')
          throw new MingoError(`${name} over ${t} values is not supported by the embedded engine`);
      }
    }
    return accumulate(coll, expr, options);
  };
}

/** $min/$max in BSON order, ignoring null and missing values as MongoDB does. */
function extreme(sign: 1 | -1): Accumulator {
  return (coll, expr, options) => {
    let best: unknown = null;
    for (const v of $push(coll, expr, options)) {
      if (v === null || v === undefined) continue;
      if (best === null || compareValues(v, best) * sign > 0) best = v;
    }
    return best;
  };
}

export const bsonAccumulators: Record<string, Accumulator> = {
  $sum: numbersOnly('$sum', $sum as Accumulator),
  $avg: numbersOnly('$avg', $avg as Accumulator),
  $min: extreme(-1),
  $max: extreme(1),
};

export const bsonPipelineOperators = {
  $sort: (coll: Iterator, spec: Document) =>
    coll.transform((docs) => Lazy(sortDocuments(docs as Document[], spec))),
};
