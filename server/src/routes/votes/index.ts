import type Router from '@koa/router';
import { ballotsRouter } from './ballots';
import { votesRouter } from './votes';

export const voteRouters = (): Router[] => [votesRouter(), ballotsRouter()];
