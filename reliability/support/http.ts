/** A response as the harness sees it. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface SendOptions {
  method?: string;
  auth?: string;
  /** A JSON value (serialized), or a raw string/Buffer sent as is. */
  body?: unknown;
  raw?: string | Buffer | FormData;
  contentType?: string;
  /** Client IP as seen through the proxy header (the app trusts X-Forwarded-For); random when omitted. */
  ip?: string;
  headers?: Record<string, string>;
}

let ipCounter = 0;
/** A fresh documentation-range address per request keeps per-IP rate limits out of unrelated tests. */
export const freshIp = () => {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

export async function send(base: string, path: string, opts: SendOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'X-Forwarded-For': opts.ip ?? freshIp(), ...opts.headers };
  if (opts.auth) headers.Authorization = opts.auth;
  let body: RequestInit['body'];
  if (opts.raw !== undefined) {
    body = opts.raw as RequestInit['body'];
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = opts.contentType ?? 'application/json';
  }
  const res = await fetch(base + path, { method: opts.method ?? 'GET', headers, body });
  const buf = Buffer.from(await res.arrayBuffer());
  const text = (res.headers.get('content-type') ?? '').includes('json')
    ? buf.toString('utf8')
    : buf.toString('latin1');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const chinese = /[\u4e00-\u9fa5]/;

/** Why a reply is not a proper client error (4xx, `{ error: { code, message } }`, Chinese message); null if it is. */
export function notAProperClientError(r: Reply): string | null {
  if (r.status < 400 || r.status >= 500) return `status ${r.status}`;
  const err = (r.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!err || typeof err.code !== 'string' || !err.code)
    return `status ${r.status} without error.code: ${r.text.slice(0, 120)}`;
  if (typeof err.message !== 'string' || !chinese.test(err.message))
    return `status ${r.status} message not Chinese: ${String(err.message)}`;
  return null;
}
