import { BSON, type Document } from 'bson';

/** MongoDB wire protocol framing: the message header, OP_MSG, and the legacy OP_QUERY/OP_REPLY handshake. */

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const MAX_BSON_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;

const FLAG_CHECKSUM = 1;
export const FLAG_MORE_TO_COME = 2;

export interface Header {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export type Request =
  | { kind: 'msg'; header: Header; flags: number; command: Document }
  | { kind: 'query'; header: Header; collection: string; command: Document };

/** Thrown for a frame that cannot be parsed; the server answers it with an error and keeps the connection. */
export class WireError extends Error {}

const deserializeOptions = { validation: { utf8: false } } as const;

export function readHeader(buf: Buffer): Header {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

function readDocument(buf: Buffer, offset: number, end: number): { doc: Document; size: number } {
  if (offset + 5 > end) throw new WireError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new WireError('invalid BSON document length');
  if (size > MAX_BSON_SIZE + 16 * 1024)
    throw new WireError(`BSON document of ${size} bytes exceeds the 16MB limit`);
  try {
    return { doc: BSON.deserialize(buf.subarray(offset, offset + size), deserializeOptions), size };
  } catch (err) {
    throw new WireError(`invalid BSON: ${(err as Error).message}`);
  }
}

function readCString(buf: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buf.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new WireError('unterminated string');
  return { value: buf.toString('utf8', offset, zero), next: zero + 1 };
}

/** Parses one complete frame (header included) into the command it carries. */
export function parseRequest(frame: Buffer): Request {
  const header = readHeader(frame);
  if (header.opCode === OP_MSG) {
    const flags = frame.readUInt32LE(16);
    const end = flags & FLAG_CHECKSUM ? frame.length - 4 : frame.length;
    let offset = 20;
    let command: Document | undefined;
    const sequences: Array<[string, Document[]]> = [];
    while (offset < end) {
      const kind = frame[offset++];
      if (kind === 0) {
        const { doc, size } = readDocument(frame, offset, end);
        if (command) throw new WireError('OP_MSG with more than one body section');
        command = doc;
        offset += size;
      } else if (kind === 1) {
        if (offset + 4 > end) throw new WireError('truncated document sequence');
        const seqEnd = offset + frame.readInt32LE(offset);
        if (seqEnd > end || seqEnd < offset + 5) throw new WireError('invalid document sequence length');
        const id = readCString(frame, offset + 4, seqEnd);
        const docs: Document[] = [];
        let at = id.next;
        while (at < seqEnd) {
          const { doc, size } = readDocument(frame, at, seqEnd);
          docs.push(doc);
          at += size;
        }
        sequences.push([id.value, docs]);
        offset = seqEnd;
      } else {
        throw new WireError(`unknown OP_MSG section kind ${kind}`);
      }
    }
    if (!command) throw new WireError('OP_MSG without a body section');
    for (const [id, docs] of sequences) command[id] = docs;
    return { kind: 'msg', header, flags, command };
  }
  if (header.opCode === OP_QUERY) {
    const name = readCString(frame, 20, frame.length);
    const { doc } = readDocument(frame, name.next + 8, frame.length);
    // Legacy handshakes may wrap the command as { $query: {...} }.
    const command = doc.$query && typeof doc.$query === 'object' ? (doc.$query as Document) : doc;
    return { kind: 'query', header, collection: name.value, command };
  }
  throw new WireError(`unsupported opCode ${header.opCode}`);
}

function frame(opCode: number, responseTo: number, body: Uint8Array[]): Buffer {
  const length = 16 + body.reduce((n, b) => n + b.length, 0);
  const header = Buffer.alloc(16);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(nextResponseId(), 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, ...body], length);
}

let responseCounter = 0;
const nextResponseId = () => (responseCounter = (responseCounter + 1) & 0x7fffffff);

export function encodeMsgReply(responseTo: number, reply: Document): Buffer {
  const flagsAndKind = Buffer.alloc(5);
  return frame(OP_MSG, responseTo, [flagsAndKind, BSON.serialize(reply)]);
}

export function encodeLegacyReply(responseTo: number, reply: Document): Buffer {
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  return frame(OP_REPLY, responseTo, [fields, BSON.serialize(reply)]);
}
