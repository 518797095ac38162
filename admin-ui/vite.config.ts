import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the server under /admin/; in development the API and the socket go to a local server.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5177,
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'http://localhost:8080', ws: true },
    },
  },
});
