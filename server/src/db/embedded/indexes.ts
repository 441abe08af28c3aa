import type { Document } from 'bson';
import { keyOf } from './compare';
import { badValue, duplicateKey } from './errors';
import { Query } from './mingoOptions';

/** A hash index over the equality keys of 1..n leading fields; enough for the finds the app does by key. */

export interface IndexSpec {
  v?: number;
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

type Ids = string | Set<string>;

/** Values a dotted path reaches in a document, arrays expanded one level as MongoDB's multikey indexes do. */
export function pathValues(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) {
        if (/^\d+$/.test(part)) next.push(v[Number(part)]);
        for (const el of v)
          if (el !== null && typeof el === 'object' && !Array.isArray(el)) next.push((el as Document)[part]);
      } else if (v !== null && typeof v === 'object') next.push((v as Document)[part]);
      else next.push(undefined);
    }
    current = next;
  }
  const out: unknown[] = [];
  for (const v of current) {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(undefined);
      else out.push(...v);
    } else out.push(v);
  }
  return out.length ? out : [undefined];
}

function addId(map: Map<string, Ids>, key: string, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'string') {
    if (cur !== id) map.set(key, new Set([cur, id]));
  } else cur.add(id);
}

function removeId(map: Map<string, Ids>, key: string, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) return;
  if (typeof cur === 'string') {
    if (cur === id) map.delete(key);
  } else {
    cur.delete(id);
    if (cur.size === 1) map.set(key, cur.values().next().value as string);
    else if (cur.size === 0) map.delete(key);
  }
}

export class Index {
  readonly fields: string[];
  /** Whether the key is hashable here (1/-1 fields); text or geo indexes are kept as specs only. */
  readonly hashable: boolean;
  private readonly prefixes: Map<string, Ids>[];
  private readonly partial?: Query;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    if (this.fields.length === 0) throw badValue('index key pattern must not be empty');
    this.hashable = Object.values(spec.key).every((d) => d === 1 || d === -1 || typeof d === 'number');
    this.prefixes = this.fields.map(() => new Map());
    if (spec.partialFilterExpression) this.partial = new Query(spec.partialFilterExpression);
  }

  get name(): string {
    return this.spec.name;
  }

  /** Partial indexes miss documents the query may want; sparse ones are usable unless null is looked up. */
  get usableForLookup(): boolean {
    return this.hashable && !this.partial;
  }

  /** Every key tuple the document has in this index (one per combination of array elements), or none. */
  private computeKeys(doc: Document): string[][] {
    if (!this.hashable) return [];
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.fields.map((f) => pathValues(doc, f));
    if (this.spec.sparse && perField.every((vals) => vals.every((v) => v === undefined))) return [];
    if (perField.every((vals) => vals.length === 1)) return [perField.map((vals) => keyOf(vals[0]))];
    let tuples: string[][] = [[]];
    for (const vals of perField) {
      const keys = [...new Set(vals.map(keyOf))];
      tuples = tuples.flatMap((t) => keys.map((k) => [...t, k]));
    }
    return tuples;
  }

  /** Key prefixes per tuple ([a], [a␀b], …). Cached for the last two documents: a write keys each twice. */
  private readonly cache: Array<[Document, string[][]]> = [];
  private prefixKeys(doc: Document): string[][] {
    for (const [d, keys] of this.cache) if (d === doc) return keys;
    const keys = this.computeKeys(doc).map((tuple) => {
      const prefixes = [tuple[0]];
      for (let i = 1; i < tuple.length; i++) prefixes.push(prefixes[i - 1] + '\u0000' + tuple[i]);
      return prefixes;
    });
    this.cache.unshift([doc, keys]);
    if (this.cache.length > 2) this.cache.pop();
    return keys;
  }

  add(id: string, doc: Document): void {
    for (const prefixes of this.prefixKeys(doc))
      prefixes.forEach((key, i) => addId(this.prefixes[i], key, id));
  }

  remove(id: string, doc: Document): void {
    for (const prefixes of this.prefixKeys(doc))
      prefixes.forEach((key, i) => removeId(this.prefixes[i], key, id));
  }

  /** Throws E11000 when another document already holds one of this document's keys. */
  checkUnique(id: string, doc: Document): void {
    if (!this.spec.unique) return;
    const full = this.prefixes[this.fields.length - 1];
    for (const prefixes of this.prefixKeys(doc)) {
      const holders = full.get(prefixes[prefixes.length - 1]);
      if (holders === undefined) continue;
      const other = typeof holders === 'string' ? holders !== id : [...holders].some((h) => h !== id);
      if (other) {
        const keyValue: Record<string, unknown> = {};
        for (const f of this.fields) {
          const vals = pathValues(doc, f);
          keyValue[f] = vals.length === 1 ? (vals[0] ?? null) : vals;
        }
        throw duplicateKey(this.ns, this.name, this.spec.key, keyValue);
      }
    }
  }

  /** Ids whose leading fields equal one of the given value combinations (values per leading field). */
  lookup(valuesPerField: unknown[][]): Set<string> {
    const map = this.prefixes[valuesPerField.length - 1];
    let tuples: string[] = [''];
    valuesPerField.forEach((vals, i) => {
      const keys = vals.map(keyOf);
      tuples = tuples.flatMap((t) => keys.map((k) => (i === 0 ? k : t + '\u0000' + k)));
    });
    const out = new Set<string>();
    for (const t of tuples) {
      const ids = map.get(t);
      if (ids === undefined) continue;
      if (typeof ids === 'string') out.add(ids);
      else for (const id of ids) out.add(id);
    }
    return out;
  }

  clear(): void {
    this.cache.length = 0;
    for (const m of this.prefixes) m.clear();
  }
}
