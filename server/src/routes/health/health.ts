import Router from '@koa/router';
import type { AppContextExtras } from '../../app';

export function healthRouter(): Router {
  const router = new Router();
  router.get('/health', (ctx) => {
    const { db, version } = ctx.app.context as unknown as AppContextExtras;
    ctx.body = { ok: db.connection.readyState === 1, db: db.kind, version };
  });
  return router;
}
