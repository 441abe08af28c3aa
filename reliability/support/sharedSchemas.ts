import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { JsonSchema } from './jsonSchemaArb';

const sharedDir = path.resolve(import.meta.dirname, '../../shared/src');

/** A zod schema exported by a `shared/src` module, with its input side as JSON Schema. */
export interface SharedSchema {
  name: string;
  schema: z.ZodType;
  json: JsonSchema;
}

/** Every zod schema exported by every `shared/src/*.ts` module (tests aside), so schemas that land later are found. */
export async function loadSharedSchemas(): Promise<SharedSchema[]> {
  const out: SharedSchema[] = [];
  const files = fs
    .readdirSync(sharedDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  for (const file of files.sort()) {
    const mod = (await import(path.join(sharedDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!(value instanceof z.ZodType) || out.some((s) => s.schema === value)) continue;
      let json: JsonSchema;
      try {
        json = z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      } catch {
        json = {};
      }
      out.push({ name, schema: value, json });
    }
  }
  return out;
}

export interface ParseCall {
  schema: SharedSchema;
  data: unknown;
}

/**
 * Records which shared schema parses what during a request: every exported schema's parse methods are wrapped
 * (own properties shadowing the prototype's), so route → schema is learnt from the running app, not declared.
 */
export class SchemaRecorder {
  calls: ParseCall[] = [];
  constructor(readonly schemas: SharedSchema[]) {
    for (const s of schemas) {
      for (const method of ['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa'] as const) {
        const original = (s.schema as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
        if (typeof original !== 'function') continue;
        Object.defineProperty(s.schema, method, {
          configurable: true,
          writable: true,
          value: (...args: unknown[]) => {
            this.calls.push({ schema: s, data: args[0] });
            return original.apply(s.schema, args);
          },
        });
      }
    }
  }
  take(): ParseCall[] {
    const c = this.calls;
    this.calls = [];
    return c;
  }
}
