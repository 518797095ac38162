import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The Vite config every screen shares: served by the server under `/<name>/`; in development the API and the
 * socket go to a local server. Builds for old browsers too: kiosk PCs, TV sticks and Android tablets in
 * the centers run Chrome WebViews and Firefox versions years old.
 */
export function screenConfig(name: string, devPort: number) {
  return defineConfig({
    base: `/${name}/`,
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true, target: ['es2018', 'chrome69', 'firefox62', 'safari12'] },
    server: {
      port: devPort,
      proxy: {
        '/api': 'http://localhost:8080',
        '/socket.io': { target: 'http://localhost:8080', ws: true },
      },
    },
  });
}
