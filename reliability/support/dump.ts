import { createHash } from 'node:crypto';
import { mongo, type Connection } from 'mongoose';

const { EJSON } = mongo.BSON;

/** Every collection's documents, serialized canonically (Extended JSON, documents sorted): the "bytes" of the database. */
export type Dump = Map<string, string[]>;

export async function dumpDatabase(connection: Connection): Promise<Dump> {
  const db = connection.db;
  if (!db) throw new Error('database not connected');
  const out: Dump = new Map();
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  for (const name of collections) {
    const docs = await db.collection(name).find({}).toArray();
    out.set(name, docs.map((d) => EJSON.stringify(d, { relaxed: false })).sort());
  }
  return out;
}

export function digest(dump: Dump): string {
  const h = createHash('sha256');
  for (const [name, docs] of dump) h.update(`${name}\n${docs.join('\n')}\n`);
  return h.digest('hex');
}

/** A short human description of what changed between two dumps; empty when they are identical. */
export function diffDumps(before: Dump, after: Dump): string[] {
  const lines: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = new Set(before.get(name) ?? []);
    const b = new Set(after.get(name) ?? []);
    const added = [...b].filter((d) => !a.has(d));
    const removed = [...a].filter((d) => !b.has(d));
    if (added.length || removed.length)
      lines.push(
        `${name}: +${added.length} -${removed.length} ${(added[0] ?? removed[0] ?? '').slice(0, 300)}`,
      );
  }
  return lines;
}
