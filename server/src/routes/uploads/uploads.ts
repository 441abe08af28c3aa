import Router from '@koa/router';
import { fileTypeFromBuffer } from 'file-type';
import type { UploadResult } from '@jiugai/shared';
import { UploadNameParams, maxUploadBytes, uploadImageTypes, uploadUrlPrefix } from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { auth } from '../../middlewares/auth';
import { byUser, rateLimit } from '../../middlewares/rateLimit';
import { NotFoundError, UnsupportedMediaError } from '../../errors';
import { singleFile } from './singleFile';
import { uploadStoreOf } from './storage';

const extOf: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
const mimeOf: Record<string, string> = Object.fromEntries(Object.entries(extOf).map(([m, e]) => [e, m]));

/** Photo uploads for any logged-in user: images only, recognised by their bytes, at most 5 MB. */
export function uploadsRouter(): Router {
  const router = new Router({ prefix: '/uploads' });

  router.post(
    '/',
    auth(),
    rateLimit({ name: 'uploads', points: 60, durationSeconds: 60, key: byUser }),
    singleFile('file', maxUploadBytes),
    async (ctx) => {
      const data = ctx.file.buffer;
      const type = await fileTypeFromBuffer(data);
      if (!type || !(uploadImageTypes as readonly string[]).includes(type.mime)) {
        throw UnsupportedMediaError('只能上传 JPG、PNG、WebP 或 GIF 图片');
      }
      const name = await uploadStoreOf(ctx).save(extOf[type.mime], data);
      const result: UploadResult = {
        name,
        url: `${uploadUrlPrefix}${name}`,
        mime: type.mime,
        size: data.length,
      };
      ctx.status = 201;
      ctx.body = result;
    },
  );

  router.get('/:name', async (ctx) => {
    const { name } = parse(UploadNameParams, ctx.params);
    const file = await uploadStoreOf(ctx).open(name);
    if (!file) throw NotFoundError('找不到该图片');
    ctx.type = mimeOf[name.split('.').pop()!];
    ctx.length = file.size;
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = file.stream;
  });

  return router;
}
