import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with the flags this sandbox needs (no background networking). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where test runs save their screenshots (git-ignored). */
export function screenshotPath(area: string, name: string): string {
  const dir = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots', area);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
