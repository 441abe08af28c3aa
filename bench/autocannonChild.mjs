// The benches' load generator, in its own process (forked by autocannonRun.ts) so that it does not take CPU
// from the server under test: receives autocannon options (with `sequence`, the pre-built requests sent in
// order, and optionally `measureFrom`), runs autocannon and sends back its result.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const autocannon = createRequire(import.meta.url)('autocannon');

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

process.once('message', ({ sequence, measureFrom, ...opts }) => {
  // With `measureFrom`, the requests of the sequence from that index on are measured on their own: each
  // connection's requests go out one at a time, so a response belongs to the request its connection's
  // context last set up (autocannon calls onResponse with that context, then emits 'response').
  const measured = { latencies: [], twoXx: 0, non2xx: 0, firstSentAt: 0 };
  let answered = -1;
  if (sequence) {
    let next = 0;
    opts.requests = [
      {
        setupRequest: (req, context) => {
          context.index = next;
          if (next === measureFrom) measured.firstSentAt = performance.now();
          return { ...req, ...sequence[next++ % sequence.length] };
        },
        onResponse: (status, _body, context) => {
          answered = context.index;
          if (measureFrom === undefined || answered < measureFrom) return;
          if (status >= 200 && status < 300) measured.twoXx++;
          else measured.non2xx++;
        },
      },
    ];
  }
  const cpu = process.cpuUsage();
  // autocannon ends a run only at its next one-second tick, so its `duration` is rounded up to whole seconds
  // (10,000 requests done in 4.2 s report 5.03 s); the span to the last response is what the rate is over.
  const started = performance.now();
  let lastResponse = started;
  const instance = autocannon(opts, (err, result) => {
    const used = process.cpuUsage(cpu);
    const sorted = measured.latencies.sort((a, b) => a - b);
    process.send(
      err
        ? { error: err.message }
        : {
            result,
            cpuMicros: used.user + used.system,
            elapsedMs: lastResponse - started,
            ...(measureFrom !== undefined
              ? {
                  measured: {
                    count: sorted.length,
                    twoXx: measured.twoXx,
                    non2xx: measured.non2xx,
                    p50: percentile(sorted, 50),
                    p99: percentile(sorted, 99),
                    max: sorted.at(-1),
                    elapsedMs: lastResponse - measured.firstSentAt,
                  },
                }
              : {}),
          },
      () => process.exit(0),
    );
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    lastResponse = performance.now();
    if (measureFrom !== undefined && answered >= measureFrom) measured.latencies.push(responseTime);
  });
});
