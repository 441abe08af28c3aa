import type { Context, Next } from 'koa';
import { getCachedBoard, type CachedBoard } from './boardCache';

const boardPath = /^\/api\/v1\/projects\/([A-Za-z0-9_-]{1,32})\/board$/;

/** Writes a cached board, or 304 when the client already has this version. */
export function sendBoard(ctx: Context, board: CachedBoard): void {
  ctx.set('ETag', board.etag);
  ctx.set('Cache-Control', 'public, max-age=0, must-revalidate');
  if (ctx.get('If-None-Match') === board.etag) {
    ctx.status = 304;
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = board.body;
}

/**
 * The board is the hottest public endpoint (every QR scan). Boards already in the cache are answered here, before
 * body parsing and the router; anything else (first view, unknown id) goes on to the board route, which fills the cache.
 */
export function boardFastPath() {
  return async function serveCachedBoard(ctx: Context, next: Next) {
    // Any query string goes the long way, through operator rejection and validation.
    if (ctx.method === 'GET' && !ctx.querystring) {
      const match = boardPath.exec(ctx.path);
      const board = match ? getCachedBoard(match[1]) : undefined;
      if (board) return sendBoard(ctx, board);
    }
    await next();
  };
}
