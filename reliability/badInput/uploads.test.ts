import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { notAProperClientError } from '../support/http';
import { dumpDatabase, digest } from '../support/dump';
import { traversalIds } from './corpus';

/**
 * Issue 7, bad input for uploads: non-image files (whatever their name or declared type), oversize files, broken
 * forms and traversal in names are refused with a 4xx, a code and a Chinese message; nothing is stored; stored
 * names are random and files are served with their image type only.
 */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
let h: Harness;
let uploadDir: string;
beforeAll(async () => {
  h = await startHarness();
  const first = await upload(png, 'first.png', 'image/png');
  expect(first.status).toBe(201);
  const name = (first.json as { name: string }).name;
  uploadDir = fs
    .readdirSync(os.tmpdir())
    .filter((d) => d.startsWith('jiugai-uploads-'))
    .map((d) => path.join(os.tmpdir(), d))
    .find((d) => fs.existsSync(path.join(d, name)))!;
  expect(uploadDir).toBeTruthy();
});
afterAll(async () => {
  await h?.close();
  if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
});

function upload(data: Buffer | string, filename: string, type: string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), filename);
  return h.as('resident', '/api/v1/uploads', { method: 'POST', raw: form });
}

const hostile: [string, Buffer | string, string, string][] = [
  ['text named .png', '这不是图片', 'evil.png', 'image/png'],
  ['HTML with script', '<html><script>alert(document.cookie)</script></html>', 'x.jpg', 'image/jpeg'],
  [
    'SVG with script',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    'x.svg',
    'image/svg+xml',
  ],
  ['PHP as .php.jpg', '<?php system($_GET["c"]); ?>', 'shell.php.jpg', 'image/jpeg'],
  [
    'ELF executable',
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(56).fill(0)]),
    'a.gif',
    'image/gif',
  ],
  ['PDF', '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF', 'doc.webp', 'image/webp'],
  ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(26).fill(0)]), 'a.png', 'image/png'],
  ['empty file', Buffer.alloc(0), 'empty.png', 'image/png'],
  ['image past 5 MB', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 10)]), 'big.png', 'image/png'],
];

describe('uploads', () => {
  it('refuses non-images, oversize files and broken forms, storing nothing', async () => {
    const files = fs.readdirSync(uploadDir).length;
    const before = digest(await dumpDatabase(h.server.db.connection));
    const failures: string[] = [];
    const replies = [
      ...(await Promise.all(
        hostile.map(async ([label, data, name, type]) => [label, await upload(data, name, type)] as const),
      )),
      ['wrong field name', await upload(png, 'a.png', 'image/png', 'photo')] as const,
      [
        'JSON instead of a form',
        await h.as('resident', '/api/v1/uploads', { method: 'POST', body: { file: png.toString('base64') } }),
      ] as const,
      [
        'truncated multipart',
        await h.as('resident', '/api/v1/uploads', {
          method: 'POST',
          raw: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
          contentType: 'multipart/form-data; boundary=x',
        }),
      ] as const,
    ];
    for (const [label, r] of replies) {
      const why = notAProperClientError(r);
      if (why) failures.push(`${label} → ${why}`);
    }
    console.log(`uploads: ${replies.length} hostile uploads`);
    expect(failures).toEqual([]);
    expect(fs.readdirSync(uploadDir).length).toBe(files);
    expect(digest(await dumpDatabase(h.server.db.connection))).toBe(before);
  });

  it('stores a real image under a random name whatever the file name says', async () => {
    const target = path.join(os.tmpdir(), `pwned-${Date.now()}.png`);
    const r = await upload(png, `../../../../../..${target}`, 'image/png');
    expect(r.status).toBe(201);
    expect((r.json as { name: string }).name).toMatch(/^[a-f0-9]{32}\.png$/);
    expect(fs.existsSync(target)).toBe(false);
    const served = await h.as(undefined, (r.json as { url: string }).url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses anything but a real workbook as a household import, writing nothing', async () => {
    const before = digest(await dumpDatabase(h.server.db.connection));
    for (const [data, name] of [
      ['楼栋,单元,房号\n1号楼,1,101', 'households.xlsx'],
      [png, 'households.xlsx'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(60).fill(0)]), 'broken.xlsx'],
    ] as const) {
      const form = new FormData();
      form.append('compoundId', h.world.own.compoundId);
      form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
      const r = await h.as('community_staff', '/api/v1/households/import', { method: 'POST', raw: form });
      expect(notAProperClientError(r), `${name}: ${r.text.slice(0, 200)}`).toBeNull();
    }
    expect(digest(await dumpDatabase(h.server.db.connection))).toBe(before);
  });

  it('never serves anything but a stored image by name', async () => {
    for (const bad of [
      ...traversalIds,
      '..%2F..%2F..%2Fpackage.json',
      `${'a'.repeat(32)}.png`,
      `${'a'.repeat(32)}.svg`,
    ]) {
      const r = await h.as(undefined, `/api/v1/uploads/${bad}`);
      expect(notAProperClientError(r), bad).toBeNull();
    }
  });
});
