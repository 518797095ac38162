import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the server under /kiosk/; in development the API and the socket go to a local server.
export default defineConfig({
  base: '/kiosk/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'http://localhost:8080', ws: true },
    },
  },
});
