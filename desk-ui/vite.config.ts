import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the server under /desk/; in development the API and the socket go to a local server.
export default defineConfig({
  base: '/desk/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5176,
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'http://localhost:8080', ws: true },
    },
  },
});
