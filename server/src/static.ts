import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Next } from 'koa';
import send from 'koa-send';

export interface StaticRoots {
  /** The built admin console (admin/dist), served at /admin/. */
  admin?: string;
  /** The mini-program's H5 build (miniapp/dist/h5), served at /h5/. */
  h5?: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultStaticRoots: StaticRoots = {
  admin: path.join(repoRoot, 'admin', 'dist'),
  h5: path.join(repoRoot, 'miniapp', 'dist', 'h5'),
};

const exists = (dir?: string): dir is string => Boolean(dir && fs.existsSync(path.join(dir, 'index.html')));

/**
 * Serves the two front ends, each only when its build exists: files as they are (hashed assets cached for a year),
 * and index.html for any other path without an extension, so the single-page apps handle their own routes.
 * `/` redirects to the admin console.
 */
export function staticSites(roots: StaticRoots = defaultStaticRoots) {
  const sites = (Object.entries(roots) as [keyof StaticRoots, string | undefined][])
    .filter(([, dir]) => exists(dir))
    .map(([name, dir]) => ({ prefix: `/${name}/`, dir: dir! }));
  return async function serveStatic(ctx: Context, next: Next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/' && sites.some((s) => s.prefix === '/admin/')) return ctx.redirect('/admin/');
    const site = sites.find((s) => ctx.path === s.prefix.slice(0, -1) || ctx.path.startsWith(s.prefix));
    if (!site) return next();
    if (ctx.path === site.prefix.slice(0, -1)) return ctx.redirect(site.prefix);
    const rel = ctx.path.slice(site.prefix.length);
    const file = rel && !rel.endsWith('/') ? rel : 'index.html';
    const isAsset = path.extname(file) !== '';
    const hashed = /\.[0-9a-f]{8,}\.|\/assets\//i.test(`/${file}`);
    try {
      await send(ctx, file, {
        root: site.dir,
        hidden: false,
        maxage: hashed && file !== 'index.html' ? 365 * 24 * 3600 * 1000 : 0,
        immutable: hashed && file !== 'index.html',
        setHeaders: (res, p) => {
          if (p.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        },
      });
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status !== 404 || isAsset) throw err;
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, 'index.html', { root: site.dir });
    }
  };
}
