import { BSON, Long, type Document } from 'bson';
import { cursorNotFound } from './errors';

/** Open cursors: the rest of a result waiting for getMore. Idle ones are dropped after ten minutes. */

const IDLE_MS = 10 * 60 * 1000;
const BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

interface OpenCursor {
  ns: string;
  docs: Document[];
  pos: number;
  lastUsed: number;
}

export interface CursorReply {
  id: Long;
  ns: string;
  batch: Document[];
}

export class Cursors {
  private readonly open = new Map<bigint, OpenCursor>();
  private nextId = 1n;
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** The first batch of a result; keeps the rest under a new cursor id when there is more. */
  first(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false): CursorReply {
    const cursor: OpenCursor = { ns, docs, pos: 0, lastUsed: Date.now() };
    // batchSize 0 asks for an empty first batch that only opens the cursor.
    const batch = batchSize === 0 ? [] : takeBatch(cursor, batchSize ?? 101);
    if (cursor.pos >= docs.length || singleBatch) return { id: Long.ZERO, ns, batch };
    const id = this.nextId++;
    this.open.set(id, cursor);
    return { id: Long.fromBigInt(id), ns, batch };
  }

  more(id: bigint, ns: string, batchSize: number | undefined): CursorReply {
    const cursor = this.open.get(id);
    if (!cursor || cursor.ns !== ns) throw cursorNotFound(id);
    cursor.lastUsed = Date.now();
    const batch = takeBatch(cursor, batchSize ?? 0);
    if (cursor.pos >= cursor.docs.length) {
      this.open.delete(id);
      return { id: Long.ZERO, ns, batch };
    }
    return { id: Long.fromBigInt(id), ns, batch };
  }

  kill(ids: bigint[]): { killed: bigint[]; notFound: bigint[] } {
    const killed: bigint[] = [];
    const notFound: bigint[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
  }

  private sweep(): void {
    const cutoff = Date.now() - IDLE_MS;
    for (const [id, c] of this.open) if (c.lastUsed < cutoff) this.open.delete(id);
  }
}

/** Up to batchSize documents (0 = no count limit), never more than fit in one 16MB reply. */
function takeBatch(cursor: OpenCursor, batchSize: number): Document[] {
  const max = batchSize > 0 ? batchSize : Infinity;
  const out: Document[] = [];
  let bytes = 0;
  while (cursor.pos < cursor.docs.length && out.length < max) {
    const doc = cursor.docs[cursor.pos];
    const size = BSON.calculateObjectSize(doc);
    if (out.length > 0 && bytes + size > BATCH_BYTES) break;
    bytes += size;
    out.push(doc);
    cursor.pos++;
  }
  return out;
}

export function cursorDoc(reply: CursorReply, first: boolean): Document {
  return { cursor: { [first ? 'firstBatch' : 'nextBatch']: reply.batch, id: reply.id, ns: reply.ns }, ok: 1 };
}
