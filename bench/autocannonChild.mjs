// The benches' load generator, in its own process (forked by autocannonRun.ts) so that it does not take CPU
// from the server under test: receives autocannon options (with `sequence`, the pre-built requests sent in
// order), runs autocannon and sends back its result.
import { createRequire } from 'node:module';
import process from 'node:process';

const autocannon = createRequire(import.meta.url)('autocannon');

process.once('message', ({ sequence, ...opts }) => {
  if (sequence) {
    let next = 0;
    opts.requests = [{ setupRequest: (req) => ({ ...req, ...sequence[next++ % sequence.length] }) }];
  }
  const cpu = process.cpuUsage();
  autocannon(opts, (err, result) => {
    const used = process.cpuUsage(cpu);
    process.send(err ? { error: err.message } : { result, cpuMicros: used.user + used.system }, () =>
      process.exit(0),
    );
  });
});
