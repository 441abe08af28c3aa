/**
 * Cases that fail because of a bug in another team's route, reported to the lead and left out of the assertions
 * until fixed (each is still sent and its outcome printed). Key: "<METHOD> <path pattern> :: <case label or cell>".
 * Empty means every case is asserted.
 */
export const knownFailures: Record<string, string> = {
  'redaction :: phone with separators in complaint text':
    'GET /complaints/public masks only unbroken runs of 7+ digits (present.ts redactDigits /\\d{7,}/): "139-7100-0015" or "139 7100 0015" typed by a resident is shown as is.',
  'redaction :: progress author name on the board':
    'GET /projects/:id/board latestProgress[].authorName (and /progress) shows the personal name of the staff account that posted the update.',
  'rate limit :: forged X-Forwarded-For':
    'app.ts creates Koa with proxy: true and no maxIpsCount, so ctx.ip is the left-most X-Forwarded-For entry, which the client writes: behind a proxy that appends the real address, rotating a forged first entry dodges every per-IP limit (login 30/min). Fix: maxIpsCount: 1 (or the number of trusted proxies).',
  'GET /api/v1/projects/:id/board :: query $where key':
    'boardFastPath (app.ts mounts it before rejectOperators) answers a cached board 200 whatever the query, so ?$where=1 gets 200 on a warm cache and 400 on a cold one.',
  'GET /api/v1/projects/:id/board :: query dotted key': 'Same as above for ?a.b=1.',
};

export const isKnown = (key: string) => Object.prototype.hasOwnProperty.call(knownFailures, key);
