import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Env } from './env';
import type { Database } from './db/connect';
import { errorHandler } from './middlewares/errorHandler';
import { slowRequests } from './middlewares/slowRequests';
import { rejectOperators } from './middlewares/rejectOperators';
import { apiRouter } from './routes';
import { configureNotifications } from './commands/notifications';
import { staticSites } from './static';
import { boardFastPath } from './routes/board/boardFastPath';

export const version = '0.1.0';

export interface AppContextExtras {
  env: Env;
  db: Database;
  version: string;
}

declare module 'koa' {
  interface ExtendableContext {
    env: Env;
    db: Database;
  }
}

/** Builds the Koa app; only main.ts listens, so tests import this. */
export function createApp(env: Env, db: Database): Koa {
  // Trust X-Forwarded-For only behind a known reverse proxy, and only the address that proxy appended.
  const app = new Koa({ proxy: env.TRUST_PROXY, maxIpsCount: 1 });
  Object.assign(app.context, { env, db, version } satisfies AppContextExtras);
  configureNotifications(env);
  // Cached boards (every QR scan) are answered before anything else; this cannot throw.
  app.use(boardFastPath());
  app.use(slowRequests(env.SLOW_REQUEST_MS));
  app.use(errorHandler());
  app.use(staticSites());
  app.use(bodyParser({ jsonLimit: '1mb', enableTypes: ['json'], encoding: 'utf-8' }));
  app.use(rejectOperators());
  const api = apiRouter();
  app.use(api.routes());
  // Sets 405/501 and the Allow header; errorHandler gives them the Chinese error body.
  app.use(api.allowedMethods());
  return app;
}
