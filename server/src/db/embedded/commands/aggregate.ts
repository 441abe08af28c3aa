import type { Document } from 'bson';
import { cloneDocument } from '../collection';
import { badValue, notImplemented } from '../errors';
import { Aggregator } from '../mingoOptions';
import { asCount, asDocument, collectionName, type CommandContext, type CommandHandler } from './context';
import { runFind } from './read';

/** aggregate, run by mingo over the collection; a leading $match (and $sort) goes through the engine's find. */

const WRITING_STAGES = new Set(['$out', '$merge']);

/**
 * mingo's $addFields/$set and $unwind write through dotted paths into nested objects they share with the input;
 * with such stages the input is cloned so stored documents are never changed.
 */
function mayMutateInput(pipeline: Document[]): boolean {
  return pipeline.some((stage) => {
    const [name, spec] = Object.entries(stage)[0] ?? [];
    if (name === '$addFields' || name === '$set')
      return Object.keys(asDocument(spec, name)).some((k) => k.includes('.'));
    if (name === '$unwind')
      return String(typeof spec === 'string' ? spec : (spec as Document)?.path).includes('.');
    if (name === '$facet')
      return Object.values(asDocument(spec, name)).some((p) => Array.isArray(p) && mayMutateInput(p));
    if (name === '$lookup')
      return Array.isArray((spec as Document)?.pipeline) && mayMutateInput((spec as Document).pipeline);
    return false;
  });
}

function checkStages(pipeline: Document[]): void {
  for (const stage of pipeline) {
    if (stage === null || typeof stage !== 'object' || Object.keys(stage).length !== 1) {
      throw badValue('each pipeline stage must be an object with exactly one field');
    }
    const name = Object.keys(stage)[0];
    if (WRITING_STAGES.has(name)) throw notImplemented(`${name} is not supported by the embedded engine`);
  }
}

export function runAggregate(ctx: CommandContext, collName: string, pipeline: Document[]): Document[] {
  checkStages(pipeline);
  const coll = ctx.engine.collection(ctx.db, collName);
  let rest = pipeline;
  let filter: Document = {};
  if (rest[0] && '$match' in rest[0]) {
    filter = asDocument(rest[0].$match, '$match');
    rest = rest.slice(1);
  }
  let sort: Document | undefined;
  if (rest[0] && '$sort' in rest[0]) {
    sort = asDocument(rest[0].$sort, '$sort');
    rest = rest.slice(1);
  }
  const clone = mayMutateInput(rest);
  let input = runFind(coll, { filter, sort });
  if (rest.length === 0) return input;
  if (clone) input = input.map(cloneDocument);
  const resolver = (name: string) => {
    const docs = [...(ctx.engine.collection(ctx.db, name)?.docs.values() ?? [])];
    return clone ? docs.map(cloneDocument) : docs;
  };
  const agg = new Aggregator(rest, { collectionResolver: resolver });
  return agg.run(input) as Document[];
}

const aggregate: CommandHandler = (cmd, ctx) => {
  if (cmd.explain) throw notImplemented('explain is not supported by the embedded engine');
  if (typeof cmd.aggregate !== 'string')
    throw notImplemented('database-level aggregation is not supported by the embedded engine');
  const name = collectionName(cmd, 'aggregate');
  if (!Array.isArray(cmd.pipeline)) throw badValue("'pipeline' must be an array");
  const docs = runAggregate(ctx, name, cmd.pipeline as Document[]);
  const batchSize = asCount(asDocument(cmd.cursor, 'cursor').batchSize);
  const reply = ctx.cursors.first(`${ctx.db}.${name}`, docs, batchSize);
  return { cursor: { firstBatch: reply.batch, id: reply.id, ns: reply.ns }, ok: 1 };
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
