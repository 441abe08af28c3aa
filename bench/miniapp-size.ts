// Builds the mini-program for WeChat (weapp) and prints the size of the main package and of each subpackage,
// as WeChat counts them (every file under the package root; the main package is everything else).
// WeChat's limit is 2 MB per package; our target is a main package under 1 MB.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'miniapp/dist/weapp');
const limitBytes = 2 * 1024 * 1024;
const mainTargetBytes = 1024 * 1024;

if (!process.argv.includes('--no-build'))
  execSync('npm run build:weapp -w miniapp', { cwd: root, stdio: 'inherit' });

const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
};
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

const sizes = new Map<string, number>([
  ['主包 (main)', 0],
  ...subRoots.map((r) => [`分包 ${r}`, 0] as [string, number]),
]);
for (const file of files(dist)) {
  if (file.endsWith('.map') || file.endsWith('.LICENSE.txt')) continue;
  const rel = path.relative(dist, file).split(path.sep).join('/');
  const sub = subRoots.find((r) => rel.startsWith(`${r}/`));
  const key = sub ? `分包 ${sub}` : '主包 (main)';
  sizes.set(key, (sizes.get(key) ?? 0) + fs.statSync(file).size);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
console.log('\nmini-program package sizes (weapp build):');
for (const [name, size] of sizes) {
  const limit = name.startsWith('主包') ? mainTargetBytes : limitBytes;
  const ok = size <= limit;
  failed ||= size > limitBytes;
  console.log(`  ${name.padEnd(22)} ${kb(size).padStart(10)}  ${ok ? 'ok' : 'OVER'} (limit ${kb(limit)})`);
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`  ${'total'.padEnd(22)} ${kb(total).padStart(10)}`);
process.exit(failed ? 1 : 0);
