import type { Document } from 'bson';
import type { Cursors } from '../cursors';
import type { Engine } from '../engine';
import { badValue, namespaceNotFound } from '../errors';
import type { Collection } from '../collection';

export interface CommandContext {
  engine: Engine;
  cursors: Cursors;
  /** The database the command names in `$db`. */
  db: string;
  connectionId: number;
}

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Document;

/** The collection name a command addresses, e.g. `{ find: "users" }`. */
export function collectionName(cmd: Document, field: string): string {
  const name = cmd[field];
  if (typeof name !== 'string' || name === '')
    throw badValue(`collection name must be a non-empty string, got ${JSON.stringify(name)}`);
  if (name.includes('\0') || name.startsWith('$')) throw badValue(`invalid collection name: ${name}`);
  return name;
}

export function existingCollection(ctx: CommandContext, name: string): Collection {
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw namespaceNotFound(`ns does not exist: ${ctx.db}.${name}`);
  return coll;
}

export const asDocument = (v: unknown, what: string): Document => {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw badValue(`${what} must be an object`);
  return v as Document;
};

export const asCount = (v: unknown): number | undefined =>
  v === undefined || v === null ? undefined : Math.abs(Number(v));
