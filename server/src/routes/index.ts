import Router from '@koa/router';
import { healthRouter } from './health/health';

/** The /api/v1 router; each resource folder contributes its own router. */
export function apiRouter(): Router {
  const api = new Router({ prefix: '/api/v1' });
  const routers: Router[] = [healthRouter()];
  for (const r of routers) api.use(r.routes(), r.allowedMethods({ throw: true }));
  return api;
}
