import { createHash } from 'node:crypto';

/** A serialized board ready to send: the JSON bytes and their ETag. */
export interface CachedBoard {
  projectId: string;
  sceneId: string;
  body: Buffer;
  etag: string;
  expiresAt: number;
}

/**
 * Boards are read far more often than written, so each is rendered once and kept here until a write to its project
 * invalidates it. The TTL bounds staleness when several server processes share one database.
 */
const ttlMs = 30_000;
const byKey = new Map<string, CachedBoard>();
const qrCodes = new Map<string, Buffer>();

export const etagOf = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

export function getCachedBoard(key: string): CachedBoard | undefined {
  const hit = byKey.get(key);
  if (!hit) return undefined;
  if (hit.expiresAt < Date.now()) {
    invalidateBoard(hit.projectId);
    return undefined;
  }
  return hit;
}

export function putBoard(projectId: string, sceneId: string, board: unknown): CachedBoard {
  const body = Buffer.from(JSON.stringify(board));
  const entry = { projectId, sceneId, body, etag: etagOf(body), expiresAt: Date.now() + ttlMs };
  byKey.set(projectId, entry);
  byKey.set(sceneId, entry);
  return entry;
}

export function invalidateBoard(projectId: string): void {
  const hit = byKey.get(projectId);
  byKey.delete(projectId);
  if (hit) byKey.delete(hit.sceneId);
}

export function invalidateAllBoards(): void {
  byKey.clear();
}

export const getCachedQr = (key: string): Buffer | undefined => qrCodes.get(key);
export const putQr = (key: string, png: Buffer): void => {
  if (qrCodes.size > 10_000) qrCodes.clear();
  qrCodes.set(key, png);
};
