// The benches' load generator, in its own process (forked by autocannonRun.ts) so that it does not take CPU
// from the server under test: receives autocannon options (with `sequence`, the pre-built requests sent in
// order), runs autocannon and sends back its result.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const autocannon = createRequire(import.meta.url)('autocannon');

process.once('message', ({ sequence, ...opts }) => {
  if (sequence) {
    let next = 0;
    opts.requests = [{ setupRequest: (req) => ({ ...req, ...sequence[next++ % sequence.length] }) }];
  }
  const cpu = process.cpuUsage();
  // autocannon ends a run only at its next one-second tick, so its `duration` is rounded up to whole seconds
  // (10,000 requests done in 4.2 s report 5.03 s); the span to the last response is what the rate is over.
  const started = performance.now();
  let lastResponse = started;
  const instance = autocannon(opts, (err, result) => {
    const used = process.cpuUsage(cpu);
    process.send(
      err
        ? { error: err.message }
        : { result, cpuMicros: used.user + used.system, elapsedMs: lastResponse - started },
      () => process.exit(0),
    );
  });
  instance.on('response', () => {
    lastResponse = performance.now();
  });
});
