// The demo console: `npm start` builds it into dist/, which the server serves at / in demo mode.
// `npx vite --config examples/console/vite.config.ts` serves it with hot reload, proxying the
// API to a server started with `npm start` on port 8080.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = process.env.RUMKIT_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // The workspace packages are built from their TypeScript sources.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5180,
    proxy: Object.fromEntries(
      ['/api', '/demo', '/v1', '/sdk', '/shop'].map((path) => [path, { target: server }]),
    ),
  },
});
