import type { Rule } from 'antd/es/form';
import type { ZodType } from 'zod';

/** An antd form rule backed by a shared zod schema, so the form shows the same Chinese message as the server. */
export function zodRule(schema: ZodType, requiredMessage = '此项为必填项'): Rule {
  return {
    validator: async (_, value: unknown) => {
      const normalized = value === '' || value === null ? undefined : value;
      const result = schema.safeParse(normalized);
      if (result.success) return;
      if (normalized === undefined) throw new Error(requiredMessage);
      throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
