import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The console is served by the API server under /admin/; in dev, /api is proxied to a local server. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bench/admin-bundle.ts reads the manifest to measure what each page loads.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
});
