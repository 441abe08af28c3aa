// The README's start command: builds the admin console and the mini-program's H5 build when they are missing
// or older than their sources, then starts the server (embedded database + demo data + both front ends).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function buildIfStale(label, ws, script, outDir) {
  const src = [path.join(root, ws, 'src'), path.join(root, 'shared', 'src')];
  if (!fs.existsSync(src[0])) return;
  const out = path.join(root, ws, outDir);
  const fresh = fs.existsSync(out) && newestMtime(out) >= Math.max(...src.map(newestMtime));
  if (fresh && !process.argv.includes('--rebuild')) return;
  console.log(`▶ 构建 ${label} (${ws})…`);
  const r = spawnSync('npm', ['run', script, '-w', ws], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${label} 构建失败`);
    process.exit(r.status ?? 1);
  }
}

buildIfStale('管理后台', 'admin', 'build', 'dist');
buildIfStale('小程序 H5', 'miniapp', 'build:h5', 'dist/h5');

const child = spawn('npx', ['tsx', 'server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { JIUGAI_SEED_DEMO: 'auto', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
