import type Router from '@koa/router';
import { apiRouter } from '../../server/src/routes';

/** One endpoint of the API as the router declares it. */
export interface RouteInfo {
  method: string;
  /** Full path pattern, e.g. "/api/v1/projects/:id/board". */
  path: string;
  paramNames: string[];
  /** True when the auth() middleware sits in the route's own stack (a token is required or optional). */
  authenticated: boolean;
  key: string;
}

interface LayerLike {
  methods: string[];
  path: string | RegExp;
  regexp: RegExp;
  paramNames: { name: string }[];
  stack: { name: string }[];
}

/**
 * Walks the @koa/router stack of the live `apiRouter()`, so routes that land later are covered without edits.
 * HEAD (added automatically beside GET) and router-level `use` layers are left out.
 */
export function discoverRoutes(router: Router = apiRouter()): RouteInfo[] {
  const out: RouteInfo[] = [];
  const layers = router.stack as unknown as LayerLike[];
  // router.use(auth(...)) puts the middleware in a method-less layer matching the resource's prefix.
  const guards = layers.filter(
    (l) => l.methods.length === 0 && l.stack.some((fn) => fn.name === 'authenticate'),
  );
  for (const layer of layers) {
    if (typeof layer.path !== 'string' || layer.methods.length === 0) continue;
    for (const method of layer.methods) {
      if (method === 'HEAD') continue;
      const key = `${method} ${layer.path}`;
      if (out.some((r) => r.key === key)) continue;
      out.push({
        method,
        path: layer.path,
        paramNames: layer.paramNames.map((p) => p.name),
        authenticated:
          layer.stack.some((fn) => fn.name === 'authenticate') ||
          guards.some((g) => g.regexp.test(fillPath(layer.path as string, {}))),
        key,
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Fills a path pattern's parameters; a missing value stays a well-formed but unknown ObjectId. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
    encodeURIComponent(values[name] ?? '0123456789abcdef01234567'),
  );
}
