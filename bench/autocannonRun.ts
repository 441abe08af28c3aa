import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The part of autocannon's result used by the benches (the package ships no types). */
export interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time (µs) the load generator's own process used. */
  loadCpuMicros: number;
  /** From the start to the last response (ms); autocannon's own `duration` is rounded up to whole seconds. */
  elapsedMs: number;
  /** With `measureFrom`: the requests from that index on, on their own (latencies in ms). */
  measured?: MeasuredPart;
}
export interface MeasuredPart {
  count: number;
  twoXx: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
  /** From sending the first measured request to the last response. */
  elapsedMs: number;
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
  /**
   * Measure only the requests from this index of the sequence on (needs `setupRequest`): the ones before warm
   * the server over the same connections, as a reverse proxy keeps its upstream connections open.
   */
  measureFrom?: number;
}

/**
 * Runs autocannon in a child process (bench/autocannonChild.mjs), so that the load generator does not share a
 * core with the server it measures. `setupRequest` functions cannot cross processes: they are called here, once
 * per request in order, and the child sends the resulting requests in that order.
 */
export function runAutocannon(opts: AutocannonOptions): Promise<AutocannonResult> {
  const { requests, ...rest } = opts;
  let sequence: AutocannonRequest[] | undefined;
  let plain = requests;
  if (requests?.some((r) => r.setupRequest)) {
    sequence = Array.from({ length: opts.amount }, (_, i) => {
      const { setupRequest, ...base } = requests[i % requests.length];
      return setupRequest ? setupRequest(base) : base;
    });
    plain = undefined;
  }
  if (opts.measureFrom !== undefined && !sequence) throw new Error('measureFrom needs setupRequest');
  const child = fork(fileURLToPath(new URL('./autocannonChild.mjs', import.meta.url)), [], {
    execArgv: [],
    serialization: 'advanced',
  });
  return new Promise<AutocannonResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`autocannon child exited (code ${code})`)));
    child.once(
      'message',
      (msg: {
        error?: string;
        result?: AutocannonResult;
        cpuMicros?: number;
        elapsedMs?: number;
        measured?: MeasuredPart;
      }) =>
        msg.result
          ? resolve({
              ...msg.result,
              loadCpuMicros: msg.cpuMicros ?? 0,
              elapsedMs: msg.elapsedMs || msg.result.duration * 1000,
              ...(msg.measured ? { measured: msg.measured } : {}),
            })
          : reject(new Error(msg.error)),
    );
    child.send({ ...rest, ...(plain ? { requests: plain } : {}), ...(sequence ? { sequence } : {}) });
  });
}

export const perSecond = (r: AutocannonResult) =>
  Math.round(r.requests.total / ((r.elapsedMs || r.duration * 1000 || 1000) / 1000));
