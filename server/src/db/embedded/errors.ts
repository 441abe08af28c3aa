import { MingoError } from 'mingo/util';

/** An error a command answers with `ok: 0`; codes and names are MongoDB's own so drivers react the same way. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badValue = (msg: string) => new CommandError(2, 'BadValue', msg);
export const failedToParse = (msg: string) => new CommandError(9, 'FailedToParse', msg);
export const namespaceNotFound = (msg: string) => new CommandError(26, 'NamespaceNotFound', msg);
export const indexNotFound = (msg: string) => new CommandError(27, 'IndexNotFound', msg);
export const cursorNotFound = (id: bigint) =>
  new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
export const namespaceExists = (msg: string) => new CommandError(48, 'NamespaceExists', msg);
export const commandNotFound = (name: string) =>
  new CommandError(
    59,
    'CommandNotFound',
    `no such command: '${name}' (not supported by the embedded engine)`,
  );
export const indexOptionsConflict = (msg: string) => new CommandError(85, 'IndexOptionsConflict', msg);
export const documentValidationFailure = (msg: string) =>
  new CommandError(121, 'DocumentValidationFailure', msg);
export const notImplemented = (msg: string) => new CommandError(238, 'NotImplemented', msg);
export const bsonObjectTooLarge = (msg: string) => new CommandError(10334, 'BSONObjectTooLarge', msg);
export const invalidBson = (msg: string) => new CommandError(22, 'InvalidBSON', msg);
export const outOfDiskSpace = (msg: string) => new CommandError(14031, 'OutOfDiskSpace', msg);

export function duplicateKey(
  ns: string,
  indexName: string,
  keyPattern: Record<string, unknown>,
  keyValue: Record<string, unknown>,
) {
  const shown = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return new CommandError(
    11000,
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${shown} }`,
    {
      keyPattern,
      keyValue,
    },
  );
}

/** Any thrown value as the fields of an error reply or a writeErrors entry. */
export function errorFields(err: unknown): {
  code: number;
  codeName: string;
  errmsg: string;
  [k: string]: unknown;
} {
  if (err instanceof CommandError)
    return { code: err.code, codeName: err.codeName, errmsg: err.message, ...err.extra };
  const msg = err instanceof Error ? err.message : String(err);
  // mingo reports unknown operators and malformed expressions with MingoError, an invalid $regex is a
  // SyntaxError: the request's fault.
  if (err instanceof MingoError || err instanceof SyntaxError)
    return { code: 2, codeName: 'BadValue', errmsg: msg };
  return { code: 1, codeName: 'InternalError', errmsg: msg };
}
