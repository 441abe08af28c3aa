import { BSON } from 'bson';
import { crc32 } from 'node:zlib';
import type { JournalOp } from './engine';

/**
 * Journal record layout: [u32 payload length][u32 crc32 of payload][payload], the payload being one BSON
 * document per operation. A record holds all operations of one command, so it is applied whole or not at all.
 */

const HEADER = 8;

export function encodeRecord(ops: JournalOp[]): Buffer {
  const parts = ops.map((op) => BSON.serialize(op));
  const payload = Buffer.concat(parts);
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

/**
 * Decodes records from the start of a journal; stops at the first torn or corrupt record and reports the
 * length of the intact prefix (the rest is dropped).
 */
export function decodeRecords(data: Buffer): { records: JournalOp[][]; validLength: number } {
  const records: JournalOp[][] = [];
  let at = 0;
  while (at + HEADER <= data.length) {
    const length = data.readUInt32LE(at);
    const end = at + HEADER + length;
    if (end > data.length) break;
    const payload = data.subarray(at + HEADER, end);
    if (crc32(payload) !== data.readUInt32LE(at + 4)) break;
    const ops: JournalOp[] = [];
    try {
      let p = 0;
      while (p < payload.length) {
        const size = payload.readInt32LE(p);
        ops.push(BSON.deserialize(payload.subarray(p, p + size)) as JournalOp);
        p += size;
      }
    } catch {
      break;
    }
    records.push(ops);
    at = end;
  }
  return { records, validLength: at };
}
