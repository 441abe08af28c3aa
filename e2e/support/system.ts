import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './startServer';

export interface System {
  server: RunningServer;
  browser: Browser;
}

/**
 * The whole system (server with demo data, admin console, H5 build) and a browser for one test file: started
 * before its tests, stopped after them. Read `server` and `browser` inside tests and hooks, once started.
 */
export function useSystem(): System {
  const system = {} as System;
  beforeAll(async () => {
    [system.server, system.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await system.browser?.close();
    await system.server?.stop();
  });
  return system;
}
