import Router from '@koa/router';
import { healthRouter } from './health/health';
import { surveyRouters } from './surveys';
import { voteRouters } from './votes';
import { coreRouters } from './coreRouters';
import { complaintsRouter } from './complaints/complaints';
import { notificationsRouter } from './notifications/notifications';
import { supervisionRouter } from './supervision/supervision';
import { auditRouter } from './audit/audit';
import { dashboardRouter } from './dashboard/dashboard';

/** The /api/v1 router; each resource folder contributes its own router. */
export function apiRouter(): Router {
  const api = new Router({ prefix: '/api/v1' });
  const routers: Router[] = [healthRouter()];
  routers.push(...coreRouters());
  routers.push(complaintsRouter());
  routers.push(notificationsRouter());
  routers.push(supervisionRouter());
  routers.push(auditRouter());
  routers.push(dashboardRouter());
  routers.push(...surveyRouters());
  routers.push(...voteRouters());
  // One allowedMethods for all, in app.ts: one per router would run in every request's middleware chain.
  for (const r of routers) api.use(r.routes());
  return api;
}
