import { z } from 'zod';

export const maxPageSize = 200;
export const defaultPageSize = 20;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, '页码必须从 1 开始').default(1),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize, `每页最多 ${maxPageSize} 条`)
    .default(defaultPageSize),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}
