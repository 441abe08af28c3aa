import type Router from '@koa/router';
import { authRouter } from './auth/auth';
import { staffRouter } from './staff/staff';
import { supervisorsRouter } from './staff/supervisors';
import { regionsRouter } from './regions/regions';
import { householdsRouter } from './households/households';
import { bindingsRouter } from './bindings/bindings';
import { projectsRouter } from './projects/projects';
import { projectWorkflowRouter } from './projects/workflow';
import { progressRouter } from './projects/progress';
import { boardRouter } from './board/board';
import { uploadsRouter } from './uploads/uploads';

/** Identity, regions, projects, boards and uploads: the routers of the platform's core (issue 3). */
export function coreRouters(): Router[] {
  return [
    authRouter(),
    staffRouter(),
    supervisorsRouter(),
    regionsRouter(),
    householdsRouter(),
    bindingsRouter(),
    boardRouter(),
    projectsRouter(),
    projectWorkflowRouter(),
    progressRouter(),
    uploadsRouter(),
  ];
}
