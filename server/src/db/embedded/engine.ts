import type { Document } from 'bson';
import { Collection, type CollectionOptions } from './collection';
import { keyOf as keyOfId } from './compare';
import { indexOptionsConflict, namespaceExists } from './errors';
import type { IndexSpec } from './indexes';

/**
 * All databases of one engine. Every change goes through here so that it is recorded as a journal operation
 * (replayed on start) together with how to undo it (if the journal write fails, e.g. a full disk).
 */

export type JournalOp =
  | { op: 'put'; db: string; coll: string; doc: Document }
  | { op: 'del'; db: string; coll: string; id: unknown }
  | { op: 'createCollection'; db: string; coll: string; options: CollectionOptions }
  | { op: 'collMod'; db: string; coll: string; options: CollectionOptions }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string };

/** The changes one command made: written to the journal as one record, all or nothing. */
export class ChangeBatch {
  readonly ops: JournalOp[] = [];
  readonly undo: Array<() => void> = [];

  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
    this.undo.length = 0;
  }
}

export class Engine {
  readonly dbs = new Map<string, Map<string, Collection>>();
  private batch: ChangeBatch | undefined;

  /** Starts recording changes; the command runs synchronously between begin and end. */
  begin(): ChangeBatch {
    this.batch = new ChangeBatch();
    return this.batch;
  }

  end(): void {
    this.batch = undefined;
  }

  private record(op: JournalOp, undo: () => void): void {
    if (!this.batch) return;
    this.batch.ops.push(op);
    this.batch.undo.push(undo);
  }

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** The collection, created (implicitly, as MongoDB does on first write) when missing. */
  ensureCollection(db: string, name: string, options: CollectionOptions = {}): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    const coll = new Collection(db, name, options);
    colls.set(name, coll);
    this.record({ op: 'createCollection', db, coll: name, options }, () => this.dbs.get(db)?.delete(name));
    return coll;
  }

  createCollection(db: string, name: string, options: CollectionOptions): Collection {
    if (this.collection(db, name)) throw namespaceExists(`Collection ${db}.${name} already exists.`);
    return this.ensureCollection(db, name, options);
  }

  /** Replaces a collection's options (its validator); collMod. */
  setOptions(coll: Collection, options: CollectionOptions): void {
    const before = coll.options;
    coll.setValidator(options.validator);
    coll.options = options;
    this.record({ op: 'collMod', db: coll.db, coll: coll.name, options }, () => {
      coll.setValidator(before.validator);
      coll.options = before;
    });
  }

  insert(coll: Collection, doc: Document): Document {
    const stored = coll.insert(doc);
    this.record({ op: 'put', db: coll.db, coll: coll.name, doc: stored }, () => coll.remove(stored));
    return stored;
  }

  replace(coll: Collection, old: Document, next: Document): void {
    coll.replace(old, next);
    this.record({ op: 'put', db: coll.db, coll: coll.name, doc: next }, () => coll.replace(next, old));
  }

  remove(coll: Collection, doc: Document): void {
    coll.remove(doc);
    this.record({ op: 'del', db: coll.db, coll: coll.name, id: doc._id }, () => coll.insert(doc));
  }

  /** Creates an index unless an identical one exists; returns whether one was created. */
  createIndex(coll: Collection, spec: IndexSpec): boolean {
    const sameName = coll.listIndexSpecs().find((s) => s.name === spec.name);
    const sameKey = coll.listIndexSpecs().find((s) => JSON.stringify(s.key) === JSON.stringify(spec.key));
    if (sameName && JSON.stringify(sameName.key) !== JSON.stringify(spec.key)) {
      throw indexOptionsConflict(`An existing index has the same name as the requested index: ${spec.name}`);
    }
    if (sameKey) {
      if (Boolean(sameKey.unique) !== Boolean(spec.unique) || sameKey.name !== spec.name) {
        throw indexOptionsConflict(
          `An equivalent index already exists with a different name or options: ${sameKey.name}`,
        );
      }
      return false;
    }
    coll.createIndex(spec);
    this.record({ op: 'createIndex', db: coll.db, coll: coll.name, spec }, () => coll.dropIndex(spec.name));
    return true;
  }

  dropIndex(coll: Collection, name: string): void {
    const spec = coll.indexes.find((ix) => ix.name === name)?.spec;
    coll.dropIndex(name);
    if (spec)
      this.record({ op: 'dropIndex', db: coll.db, coll: coll.name, name }, () => coll.createIndex(spec));
  }

  dropCollection(db: string, name: string): boolean {
    const coll = this.collection(db, name);
    if (!coll) return false;
    this.dbs.get(db)!.delete(name);
    this.record({ op: 'dropCollection', db, coll: name }, () => this.dbs.get(db)?.set(name, coll));
    return true;
  }

  dropDatabase(db: string): void {
    const colls = this.dbs.get(db);
    if (!colls) return;
    this.dbs.delete(db);
    this.record({ op: 'dropDatabase', db }, () => this.dbs.set(db, colls));
  }

  /** Applies a journal operation read back on start. */
  apply(op: JournalOp): void {
    switch (op.op) {
      case 'put': {
        const coll = this.ensureCollection(op.db, op.coll);
        const old = coll.docs.get(keyOfId(op.doc._id));
        if (old) coll.replace(old, op.doc);
        else coll.insert(op.doc);
        return;
      }
      case 'del': {
        const coll = this.collection(op.db, op.coll);
        const old = coll?.docs.get(keyOfId(op.id));
        if (coll && old) coll.remove(old);
        return;
      }
      case 'createCollection':
        this.ensureCollection(op.db, op.coll, op.options);
        return;
      case 'collMod':
        this.setOptions(this.ensureCollection(op.db, op.coll), op.options);
        return;
      case 'createIndex':
        this.createIndex(this.ensureCollection(op.db, op.coll), op.spec);
        return;
      case 'dropIndex': {
        const coll = this.collection(op.db, op.coll);
        if (coll?.indexes.some((ix) => ix.name === op.name)) coll.dropIndex(op.name);
        return;
      }
      case 'dropCollection':
        this.dropCollection(op.db, op.coll);
        return;
      case 'dropDatabase':
        this.dropDatabase(op.db);
        return;
    }
  }

  /**
   * The whole state as operations that rebuild it, for compaction. Taken synchronously; it holds references
   * only, which stay valid because stored documents are replaced on update, never mutated.
   */
  snapshot(): JournalOp[] {
    const ops: JournalOp[] = [];
    for (const [db, colls] of this.dbs) {
      for (const [name, coll] of colls) {
        ops.push({ op: 'createCollection', db, coll: name, options: coll.options });
        for (const ix of coll.indexes) ops.push({ op: 'createIndex', db, coll: name, spec: ix.spec });
        for (const doc of coll.docs.values()) ops.push({ op: 'put', db, coll: name, doc });
      }
    }
    return ops;
  }
}
