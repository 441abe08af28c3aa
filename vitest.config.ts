import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

const projects = [
  'shared/vitest.config.ts',
  'server/vitest.config.ts',
  'admin/vitest.config.ts',
  'miniapp/vitest.config.ts',
  'e2e/vitest.config.ts',
  'reliability/vitest.config.ts',
].filter((p) => fs.existsSync(p));

/** One vitest run for the whole workspace; each package owns its project config. */
export default defineConfig({
  test: { projects, passWithNoTests: true },
});
