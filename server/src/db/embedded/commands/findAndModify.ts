import type { Document } from 'bson';
import { badValue } from '../errors';
import { Query } from '../mingoOptions';
import { sortDocuments } from '../sort';
import { applyUpdate, upsertDocument, type UpdateSpec } from '../update';
import { asDocument, collectionName, type CommandHandler } from './context';

/** findAndModify: one document found (first in sort order), then updated, replaced or removed. */

function project(doc: Document | null, fields: Document): Document | null {
  if (!doc || Object.keys(fields).length === 0) return doc;
  return (new Query({}).find([doc], fields).all()[0] as Document) ?? null;
}

const findAndModify: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'findAndModify' in cmd ? 'findAndModify' : 'findandmodify');
  const filter = asDocument(cmd.query, 'query');
  const fields = asDocument(cmd.fields, 'fields');
  const u = cmd.update as UpdateSpec | undefined;
  if (!cmd.remove && (u === undefined || u === null || typeof u !== 'object'))
    throw badValue('Either an update or remove=true must be specified');
  if (cmd.remove && cmd.upsert) throw badValue('Cannot specify both an upsert and remove=true');
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const sort = asDocument(cmd.sort, 'sort');
  let found: Document | undefined;
  if (Object.keys(sort).length) found = sortDocuments([...coll.find(filter)], sort, 1)[0];
  else
    for (const doc of coll.find(filter)) {
      found = doc;
      break;
    }

  if (cmd.remove) {
    if (found) ctx.engine.remove(coll, found);
    return { lastErrorObject: { n: found ? 1 : 0 }, value: project(found ?? null, fields), ok: 1 };
  }
  const arrayFilters = cmd.arrayFilters as Document[] | undefined;
  if (!found) {
    if (!cmd.upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const doc = ctx.engine.insert(coll, upsertDocument(filter, u!, arrayFilters));
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: cmd.new ? project(doc, fields) : null,
      ok: 1,
    };
  }
  const next = applyUpdate(found, u!, { arrayFilters, filter });
  if (next) ctx.engine.replace(coll, found, next);
  return {
    lastErrorObject: { n: 1, updatedExisting: true },
    value: project(cmd.new ? (next ?? found) : found, fields),
    ok: 1,
  };
};

export const findAndModifyCommands: Record<string, CommandHandler> = {
  findAndModify,
  findandmodify: findAndModify,
};
