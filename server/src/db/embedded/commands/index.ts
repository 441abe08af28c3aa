import type { Document } from 'bson';
import { commandNotFound, errorFields, notImplemented } from '../errors';
import { aggregateCommands } from './aggregate';
import type { CommandContext, CommandHandler } from './context';
import { ddlCommands } from './ddl';
import { findAndModifyCommands } from './findAndModify';
import { handshakeCommands } from './handshake';
import { readCommands } from './read';
import { writeCommands } from './write';

export type { CommandContext } from './context';

const handlers: Record<string, CommandHandler> = {
  ...handshakeCommands,
  ...readCommands,
  ...writeCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
  ...ddlCommands,
};

const TRANSACTION_COMMANDS = new Set(['startTransaction', 'commitTransaction', 'abortTransaction']);

export function commandName(cmd: Document): string {
  return Object.keys(cmd)[0] ?? '';
}

/** Runs one command synchronously; any failure becomes an `ok: 0` reply. */
export function runCommand(cmd: Document, ctx: CommandContext): Document {
  const name = commandName(cmd);
  try {
    if (TRANSACTION_COMMANDS.has(name) || cmd.startTransaction || cmd.autocommit === false) {
      // Not IllegalOperation (20): the driver rewrites that code on writes into a misleading retryWrites hint.
      throw notImplemented(
        'Transactions are not supported by the embedded engine (it runs as a standalone server); use single-document writes',
      );
    }
    rejectCollation(cmd);
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    if (!handler) throw commandNotFound(name);
    return handler(cmd, ctx);
  } catch (err) {
    return errorReply(err);
  }
}

/** Collations other than 'simple' would silently compare strings differently, so they are refused. */
function rejectCollation(cmd: Document): void {
  const nested = ['updates', 'deletes', 'indexes'].flatMap((f) =>
    Array.isArray(cmd[f]) ? (cmd[f] as Document[]) : [],
  );
  for (const c of [cmd, ...nested]) {
    const collation = c?.collation as Document | undefined;
    if (collation && collation.locale !== 'simple') {
      throw notImplemented(
        `collation ${JSON.stringify(collation)} is not supported by the embedded engine (only 'simple')`,
      );
    }
  }
}

export function errorReply(err: unknown): Document {
  const { errmsg, code, codeName, ...extra } = errorFields(err);
  return { ok: 0, errmsg, code, codeName, ...extra };
}
