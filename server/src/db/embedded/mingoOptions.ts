import type { Document } from 'bson';
import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query as BaseQuery } from 'mingo/query';
import type { Options } from 'mingo/types';
import * as updateOperators from 'mingo/operators/update';
import { update as baseUpdate, type Modifier } from 'mingo/updater';
import { bsonAccumulators, bsonPipelineOperators, bsonQueryOperators } from './bsonOperators';

/**
 * mingo set up once with MongoDB's BSON comparison (bsonOperators.ts) in place of its own. Built here rather
 * than with mingo's `context` option because that one merges with the defaults keeping the defaults' versions,
 * and copies every operator table on each query.
 */
const CONTEXT = Context.init({
  accumulator: { ...accumulator, ...bsonAccumulators } as never,
  expression,
  pipeline: { ...pipeline, ...bsonPipelineOperators } as never,
  projection,
  query: { ...query, ...bsonQueryOperators } as never,
  window,
});

export function queryOptions(extra: Partial<Options> = {}): Partial<Options> {
  return {
    context: CONTEXT,
    processingMode: ProcessingMode.CLONE_OFF,
    useStrictMode: true,
    scriptEnabled: false,
    idKey: '_id',
    failOnError: true,
    ...extra,
  };
}

/**
 * mingo turns plain options into its internal ComputeOptions on every Query, copying every operator table
 * (most of the cost of a find by key). An existing ComputeOptions is reused cheaply, but the class is not
 * exported, so it is taken from the options a query operator receives.
 */
type ComputeOptionsClass = new (options: Partial<Options>) => Options;
const ComputeOptions: ComputeOptionsClass = (() => {
  let captured: object | undefined;
  const probe = Context.init({
    query: {
      $probe: (_selector: string, _value: unknown, options: object) => {
        captured = options;
        return () => true;
      },
    } as never,
  });
  new BaseQuery({ x: { $probe: 1 } }, { context: probe });
  return (captured as { constructor: ComputeOptionsClass }).constructor;
})();
const BASE_OPTIONS = new ComputeOptions(queryOptions());

export class Query extends BaseQuery<Document> {
  constructor(filter: Document) {
    super(filter, BASE_OPTIONS);
  }
}

export class Aggregator extends BaseAggregator {
  constructor(stages: Document[], extra: Partial<Options> = {}) {
    super(stages, Object.keys(extra).length ? new ComputeOptions(queryOptions(extra)) : BASE_OPTIONS);
  }
}

type UpdateOperator = (
  expr: Document,
  arrayFilters: Document[],
  options: Options,
) => (doc: Document) => string[];
const UPDATE_OPERATORS = updateOperators as unknown as Record<string, UpdateOperator>;
const UPDATE_OPTIONS = new ComputeOptions(queryOptions()) as Options & { update(locals: object): Options };
UPDATE_OPTIONS.update({ updateConfig: { cloneMode: 'copy' } });

/**
 * Applies update operators in place; returns the changed paths. A single operator without positional paths
 * or arrayFilters (what mongoose sends for most updates) is applied directly: mingo's update() rebuilds its
 * operator tables on every call, which costs ten times the update itself.
 */
export function updateInPlace(
  doc: Document,
  modifier: Document,
  arrayFilters?: Document[],
  filter?: Document,
): string[] {
  const ops = Object.keys(modifier);
  const op =
    ops.length === 1 && Object.hasOwn(UPDATE_OPERATORS, ops[0]) ? UPDATE_OPERATORS[ops[0]] : undefined;
  const simple =
    op && !arrayFilters?.length && !Object.keys(modifier[ops[0]] ?? {}).some((path) => path.includes('$'));
  if (op && simple) return op(modifier[ops[0]] as Document, [], UPDATE_OPTIONS)(doc);
  // Several operators (e.g. $set + $inc + $push on an edit): mingo's update() applies them one after the other
  // too, so without positional paths or arrayFilters they are applied directly, one by one.
  const several =
    ops.length > 1 &&
    !arrayFilters?.length &&
    ops.every(
      (o) =>
        o !== '$rename' &&
        Object.hasOwn(UPDATE_OPERATORS, o) &&
        modifier[o] !== null &&
        typeof modifier[o] === 'object' &&
        !Object.keys(modifier[o] as Document).some((path) => path.includes('$')),
    );
  if (several) {
    const fns = ops.map((o) => UPDATE_OPERATORS[o](modifier[o] as Document, [], UPDATE_OPTIONS));
    const changed: string[] = [];
    for (const fn of fns) changed.push(...fn(doc));
    return changed;
  }
  return baseUpdate(doc, modifier as Modifier<Document>, arrayFilters, filter, {
    cloneMode: 'copy',
    queryOptions: queryOptions(),
  });
}

export { ProcessingMode };
