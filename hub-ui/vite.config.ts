import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The city screens, served by the hub at `/` (not under a screen's folder as on a center); in development the API goes to a local hub. */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: ['es2018', 'chrome69', 'firefox62', 'safari12'] },
  server: { port: 5178, proxy: { '/api': 'http://localhost:8090' } },
});
