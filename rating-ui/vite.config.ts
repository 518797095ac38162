import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the server under /rating/; in development the API and the socket go to a local server.
export default defineConfig({
  base: '/rating/',
  plugins: [react()],
  // Old Android tablets run old Chrome WebViews: transpile down, keep one small bundle.
  build: { outDir: 'dist', emptyOutDir: true, target: ['es2017', 'chrome61', 'safari11'] },
  server: {
    port: 5175,
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'http://localhost:8080', ws: true },
    },
  },
});
