import path from 'node:path';
import { defineProject } from 'vitest/config';

/**
 * Unit tests of pages and services in jsdom. Taro is mocked at one seam: `@tarojs/taro` resolves to
 * test/taro.ts (vi.fn()s a test can program) and `@tarojs/components` to plain DOM elements.
 */
export default defineProject({
  // esbuild's automatic JSX runtime; no React plugin needed (and none to race with admin's config on load).
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: {
      '@tarojs/taro': path.resolve(import.meta.dirname, 'test/taro.ts'),
      '@tarojs/components': path.resolve(import.meta.dirname, 'test/components.tsx'),
    },
  },
  test: {
    name: 'miniapp',
    root: import.meta.dirname,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
  },
});
