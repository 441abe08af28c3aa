// The README's test command: builds what the browser tests and CI need, runs every vitest project once,
// and ends with the one line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const resultFile = path.join(root, '.test-results', 'vitest.json');
let buildFailures = 0;

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return r.status === 0;
}

for (const [label, ws, script] of [
  ['admin build', 'admin', 'build'],
  ['mini-program H5 build', 'miniapp', 'build:h5'],
  ['mini-program weapp build', 'miniapp', 'build:weapp'],
]) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
  if (!pkg.scripts?.[script] || !fs.existsSync(path.join(root, ws, 'src'))) continue;
  if (!run(label, 'npm', ['run', script, '-w', ws])) {
    console.error(`✗ ${label} failed`);
    buildFailures++;
  }
}

fs.rmSync(resultFile, { force: true });
fs.mkdirSync(path.dirname(resultFile), { recursive: true });
const extra = process.argv.slice(2);
const ok = run('tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultFile}`,
  ...extra,
]);

let passed = 0;
let failed = buildFailures;
if (fs.existsSync(resultFile)) {
  const report = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  // A test file that fails to load has no test results of its own: count it as a failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed++;
  }
} else {
  failed++;
}
if (!ok && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
