import { createRequire } from 'node:module';

/** The part of autocannon's result used by the benches (the package ships no types). */
export interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  amount: number;
  method?: string;
  body?: string;
  timeout?: number;
  requests?: AutocannonRequest[];
}

const autocannon = createRequire(import.meta.url)('autocannon') as (
  o: AutocannonOptions,
  cb: (err: Error | null, r: AutocannonResult) => void,
) => void;

export const runAutocannon = (opts: AutocannonOptions) =>
  new Promise<AutocannonResult>((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  );

export const perSecond = (r: AutocannonResult) => Math.round(r.requests.total / (r.duration || 1));
