import multer from '@koa/multer';
import type { Context, Next } from 'koa';
import { ErrorCode } from '@jiugai/shared';
import { HttpError, ValidationError } from '../../errors';

/** Reads one multipart file field into memory, with a size limit; multer's errors become API errors. */
export function singleFile(field: string, maxBytes: number) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10 },
  }).single(field);
  return async function readSingleFile(ctx: Context, next: Next) {
    if (!ctx.is('multipart/form-data'))
      throw ValidationError(`请以 multipart/form-data 上传文件（字段名 ${field}）`);
    try {
      await upload(ctx, async () => undefined);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') {
        throw new HttpError(
          413,
          ErrorCode.PayloadTooLarge,
          `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
        );
      }
      if (typeof code === 'string' && code.startsWith('LIMIT_'))
        throw ValidationError(`上传内容不符合要求（字段名 ${field}）`);
      throw ValidationError('上传的表单无法解析');
    }
    if (!ctx.file) throw ValidationError(`请选择要上传的文件（字段名 ${field}）`);
    await next();
  };
}
