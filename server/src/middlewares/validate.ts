import { z } from 'zod';
import { ValidationError } from '../errors';

// Zod's own messages (wrong type, too small, …) in Chinese, for schemas that do not name a message themselves.
z.config(z.locales.zhCN());

/** Chinese, field-by-field details for a failed parse. */
export function describeIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * Parses `data` with a schema from `shared/`; on failure throws a 400 whose message names the first bad field.
 * Handlers call it on ctx.request.body / ctx.query / ctx.params, so the result is typed by the schema.
 */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = describeIssues(result.error);
  const first = details[0];
  throw ValidationError(
    first ? `${first.path ? `${first.path}：` : ''}${first.message}` : undefined,
    details,
  );
}
