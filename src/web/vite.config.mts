import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The web UI: built into dist/web, served by the hub itself (src/server/web-ui.ts). */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: 'public',
  // React's automatic JSX runtime through Vite's own transform; Fast Refresh (the React plugin)
  // is not needed for a build the server serves.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    reportCompressedSize: false,
    // The shared chunk (React, Apollo, Mantine) is about 550 kB before gzip; BENCHMARKS.md tracks what pages load.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; meaningless here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // `npm run dev:web` next to a running hub: the API on the same origin through the proxy.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/meetings': 'http://127.0.0.1:4000' },
  },
});
