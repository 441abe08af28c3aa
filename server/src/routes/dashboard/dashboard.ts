import Router from '@koa/router';
import { DashboardQuery, dashboardRoles } from '@jiugai/shared';
import { buildDashboard } from '../../commands/dashboard';
import { auth, currentUser } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';

export function dashboardRouter(): Router {
  const router = new Router();
  router.get('/dashboard', auth({ roles: dashboardRoles }), async (ctx) => {
    const { regionId } = parse(DashboardQuery, ctx.query);
    ctx.body = await buildDashboard(currentUser(ctx), regionId);
  });
  return router;
}
