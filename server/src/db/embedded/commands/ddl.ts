import type { Document } from 'bson';
import { badValue, indexNotFound } from '../errors';
import type { IndexSpec } from '../indexes';
import { Query } from '../mingoOptions';
import { asCount, asDocument, collectionName, existingCollection, type CommandHandler } from './context';

/** Collections and indexes: create, list, drop. */

const indexName = (key: Document) =>
  Object.entries(key)
    .map(([k, v]) => `${k}_${v}`)
    .join('_');

const createIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'createIndexes');
  if (!Array.isArray(cmd.indexes) || cmd.indexes.length === 0)
    throw badValue("'indexes' must be a non-empty array");
  const existed = ctx.engine.collection(ctx.db, name) !== undefined;
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const before = coll.indexes.length + 1;
  for (const raw of cmd.indexes as Document[]) {
    const key = asDocument(raw.key, 'index key');
    if (Object.keys(key).length === 0) throw badValue('index key pattern must not be empty');
    const spec: IndexSpec = {
      v: 2,
      ...raw,
      key,
      name: typeof raw.name === 'string' ? raw.name : indexName(key),
    };
    if (spec.name === '_id_' || (Object.keys(key).length === 1 && '_id' in key)) continue; // the _id index always exists
    ctx.engine.createIndex(coll, spec);
  }
  return {
    numIndexesBefore: before,
    numIndexesAfter: coll.indexes.length + 1,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
};

const listIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'listIndexes');
  const coll = existingCollection(ctx, name);
  const ns = `${ctx.db}.${name}`;
  const reply = ctx.cursors.first(
    ns,
    coll.listIndexSpecs(),
    asCount(asDocument(cmd.cursor, 'cursor').batchSize),
  );
  return { cursor: { firstBatch: reply.batch, id: reply.id, ns }, ok: 1 };
};

const dropIndexes: CommandHandler = (cmd, ctx) => {
  const coll = existingCollection(ctx, collectionName(cmd, 'dropIndexes'));
  const before = coll.indexes.length + 1;
  const target = cmd.index;
  if (target === '*') for (const ix of [...coll.indexes]) ctx.engine.dropIndex(coll, ix.name);
  else {
    const names = Array.isArray(target) ? target : [target];
    for (const t of names) {
      const ix =
        typeof t === 'string'
          ? coll.indexes.find((i) => i.name === t)
          : coll.indexes.find((i) => JSON.stringify(i.spec.key) === JSON.stringify(t));
      if (!ix)
        throw indexNotFound(`index not found with name [${typeof t === 'string' ? t : JSON.stringify(t)}]`);
      ctx.engine.dropIndex(coll, ix.name);
    }
  }
  return { nIndexesWas: before, ok: 1 };
};

const listCollections: CommandHandler = (cmd, ctx) => {
  const colls = [...(ctx.engine.dbs.get(ctx.db)?.values() ?? [])];
  let infos: Document[] = colls.map((c) => ({
    name: c.name,
    type: 'collection',
    options: c.options,
    info: { readOnly: false },
    idIndex: c.idIndexSpec(),
  }));
  const filter = asDocument(cmd.filter, 'filter');
  if (Object.keys(filter).length) {
    const q = new Query(filter);
    infos = infos.filter((i) => q.test(i));
  }
  if (cmd.nameOnly) infos = infos.map((i) => ({ name: i.name, type: i.type }));
  const ns = `${ctx.db}.$cmd.listCollections`;
  const reply = ctx.cursors.first(ns, infos, asCount(asDocument(cmd.cursor, 'cursor').batchSize));
  return { cursor: { firstBatch: reply.batch, id: reply.id, ns }, ok: 1 };
};

const create: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'create');
  if (cmd.viewOn || cmd.capped || cmd.timeseries)
    throw badValue('views, capped and time-series collections are not supported by the embedded engine');
  const {
    create: _c,
    $db: _d,
    lsid: _l,
    $clusterTime: _t,
    $readPreference: _r,
    writeConcern: _w,
    ...options
  } = cmd;
  ctx.engine.createCollection(ctx.db, name, options);
  return { ok: 1 };
};

const collMod: CommandHandler = (cmd, ctx) => {
  const coll = existingCollection(ctx, collectionName(cmd, 'collMod'));
  const changes: Document = {};
  for (const key of ['validator', 'validationLevel', 'validationAction'])
    if (cmd[key] !== undefined) changes[key] = cmd[key];
  if (Object.keys(changes).length) ctx.engine.setOptions(coll, { ...coll.options, ...changes });
  return { ok: 1 };
};

const drop: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'drop');
  existingCollection(ctx, name);
  ctx.engine.dropCollection(ctx.db, name);
  return { ns: `${ctx.db}.${name}`, nIndexesWas: 1, ok: 1 };
};

const dropDatabase: CommandHandler = (_cmd, ctx) => {
  ctx.engine.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
};

const listDatabases: CommandHandler = (cmd, ctx) => {
  const databases = [...ctx.engine.dbs.keys()].map((name) => ({ name, sizeOnDisk: 0, empty: false }));
  return cmd.nameOnly
    ? { databases: databases.map((d) => ({ name: d.name })), ok: 1 }
    : { databases, totalSize: 0, ok: 1 };
};

export const ddlCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  listCollections,
  create,
  collMod,
  drop,
  dropDatabase,
  listDatabases,
};
