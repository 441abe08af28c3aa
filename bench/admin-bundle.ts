// Builds the admin console and prints the gzip size of what the browser loads for the login page and for the
// dashboard (entry chunk, its static imports, the page's lazy chunk and, for the dashboard, the chart library).
// Target: under 600 KB gzip on first load.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'admin/dist');
const targetKb = 600;

if (!process.argv.includes('--no-build')) execSync('npm run build -w admin', { cwd: root, stdio: 'inherit' });
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;

/** The chunk of a source module and every chunk it imports statically. */
function closure(keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((c) => files.add(c));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

const gzipKb = (file: string) =>
  zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');

const scenarios: Record<string, string[]> = {
  'login page': [entry, 'src/pages/login/index.tsx'],
  dashboard: [
    entry,
    'src/layouts/BasicLayout.tsx',
    'src/pages/dashboard/index.tsx',
    'src/components/charts/EChart.tsx',
  ],
};

let ok = true;
for (const [name, keys] of Object.entries(scenarios)) {
  const files = [...closure(keys), 'index.html'];
  const total = files.reduce((sum, f) => sum + gzipKb(f), 0);
  ok &&= total < targetKb;
  console.log(
    `${name}: ${files.length} files, ${total.toFixed(1)} KB gzip (target < ${targetKb} KB) ${total < targetKb ? 'ok' : 'OVER'}`,
  );
  for (const f of files.sort()) console.log(`  ${gzipKb(f).toFixed(1).padStart(7)} KB  ${f}`);
}
process.exitCode = ok ? 0 : 1;
