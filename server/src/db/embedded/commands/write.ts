import type { Document } from 'bson';
import type { Collection } from '../collection';
import { badValue, errorFields } from '../errors';
import { applyUpdate, upsertDocument, type UpdateSpec } from '../update';
import { asDocument, collectionName, type CommandContext, type CommandHandler } from './context';

/** insert, update and delete: per-statement failures go in writeErrors with ok:1, n counting successes. */

function statements(cmd: Document, field: string): Document[] {
  const list = cmd[field];
  if (!Array.isArray(list)) throw badValue(`'${field}' must be an array of documents`);
  return list as Document[];
}

/** Runs each statement, collecting errors; an ordered batch stops at the first one. */
function runBatch<T>(items: T[], ordered: boolean, run: (item: T, index: number) => void): Document[] {
  const writeErrors: Document[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (err) {
      const { codeName: _codeName, ...fields } = errorFields(err);
      writeErrors.push({ index: i, ...fields });
      if (ordered) break;
    }
  }
  return writeErrors;
}

const reply = (fields: Document, writeErrors: Document[]): Document => ({
  ...fields,
  ...(writeErrors.length ? { writeErrors } : {}),
  ok: 1,
});

const insert: CommandHandler = (cmd, ctx) => {
  const coll = ctx.engine.ensureCollection(ctx.db, collectionName(cmd, 'insert'));
  let n = 0;
  const errors = runBatch(statements(cmd, 'documents'), cmd.ordered !== false, (doc) => {
    ctx.engine.insert(coll, doc);
    n++;
  });
  return reply({ n }, errors);
};

export interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

/** One update statement: `{ q, u, multi, upsert, arrayFilters }`. */
export function updateOne(ctx: CommandContext, coll: Collection, stmt: Document): UpdateOutcome {
  const filter = asDocument(stmt.q, 'q');
  const u = stmt.u as UpdateSpec;
  if (u === null || typeof u !== 'object') throw badValue("update statement needs 'u'");
  const arrayFilters = stmt.arrayFilters as Document[] | undefined;
  const matches: Document[] = [];
  for (const doc of coll.find(filter)) {
    matches.push(doc);
    if (!stmt.multi) break;
  }
  if (matches.length === 0 && stmt.upsert) {
    const doc = ctx.engine.insert(coll, upsertDocument(filter, u, arrayFilters));
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  let modified = 0;
  for (const doc of matches) {
    const next = applyUpdate(doc, u, { arrayFilters, filter });
    if (next) {
      ctx.engine.replace(coll, doc, next);
      modified++;
    }
  }
  return { matched: matches.length, modified };
}

const update: CommandHandler = (cmd, ctx) => {
  const coll = ctx.engine.ensureCollection(ctx.db, collectionName(cmd, 'update'));
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const errors = runBatch(statements(cmd, 'updates'), cmd.ordered !== false, (stmt, index) => {
    const out = updateOne(ctx, coll, stmt);
    n += out.matched;
    nModified += out.modified;
    if (out.upsertedId !== undefined) {
      n++;
      upserted.push({ index, _id: out.upsertedId });
    }
  });
  return reply({ n, nModified, ...(upserted.length ? { upserted } : {}) }, errors);
};

const del: CommandHandler = (cmd, ctx) => {
  const coll = ctx.engine.collection(ctx.db, collectionName(cmd, 'delete'));
  let n = 0;
  const errors = runBatch(statements(cmd, 'deletes'), cmd.ordered !== false, (stmt) => {
    if (!coll) return;
    const limit = Number(stmt.limit ?? 0);
    const victims: Document[] = [];
    for (const doc of coll.find(asDocument(stmt.q, 'q'))) {
      victims.push(doc);
      if (limit === 1) break;
    }
    for (const doc of victims) ctx.engine.remove(coll, doc);
    n += victims.length;
  });
  return reply({ n }, errors);
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: del };
