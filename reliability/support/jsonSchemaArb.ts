import fc from 'fast-check';

/** The subset of JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) the harness reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
}

/** Lets the caller supply values for some fields (e.g. ids of records that exist), by property name. */
export type FieldOverride = (name: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

const objectIdArb = fc.stringMatching(/^[0-9a-f]{24}$/);

/** An arbitrary of values the JSON schema accepts (refinements the schema cannot express aside). */
export function arbitraryFor(
  schema: JsonSchema,
  root: JsonSchema = schema,
  override?: FieldOverride,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target && depth < 6 ? arbitraryFor(target, root, override, depth + 1) : fc.constant(null);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => arbitraryFor(s, root, override, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], root, override, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema);
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = Math.min(
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000),
        min + 1000,
      );
      return fc.integer({ min: Math.ceil(Math.max(min, -1e6)), max: Math.floor(Math.max(max, min)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      if (schema.prefixItems)
        return fc.tuple(...schema.prefixItems.map((s) => arbitraryFor(s, root, override, depth + 1)));
      const item = schema.items
        ? arbitraryFor(schema.items, root, override, depth + 1)
        : fc.string({ maxLength: 5 });
      return fc.array(item, { minLength: min, maxLength: max });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, sub] of Object.entries(props)) {
        const given = override?.(name, sub);
        // A field the caller supplies (a real id) is always sent, optional or not.
        if (given && sub.type !== undefined && !sub.enum) required.add(name);
        record[name] = given ?? arbitraryFor(sub, root, override, depth + 1);
      }
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 9 }));
  }
}

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.pattern === '^[0-9a-f]{24}$' || schema.pattern === '^[0-9a-fA-F]{24}$') return objectIdArb;
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? min + 12, min + 12);
  if (schema.pattern) {
    try {
      const re = new RegExp(schema.pattern);
      return fc
        .stringMatching(re)
        .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // an ECMAScript-incompatible pattern: fall through to plain text
    }
  }
  return fc.string({
    unit: fc.constantFrom(...'居民意见改造abcXYZ0123'),
    minLength: Math.max(min, 1),
    maxLength: Math.max(max, 1),
  });
}

/** One valid-looking sample (deterministic for a seed). */
export function sampleFor(schema: JsonSchema, seed: number, override?: FieldOverride): unknown {
  return fc.sample(arbitraryFor(schema, schema, override), { numRuns: 1, seed })[0];
}
