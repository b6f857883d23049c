import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { type DocumentNode, print } from 'graphql';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * One module per generated GraphQL document. Codegen's client preset writes every document into
 * gql/graphql.ts, and a bundler keeps a module whole: that one was a 12 KB (gzip) chunk that the
 * first page of every visit loaded, whatever the page. Here the build reads gql/graphql.ts as a list
 * of re-exports from one small module per document, so each page's chunk carries the documents
 * it uses. The types stay in gql/graphql.ts for the type check; imports in the code are unchanged.
 */
function documentPerModule(): Plugin {
  const generated = fileURLToPath(new URL('./gql/graphql.ts', import.meta.url));
  const prefix = '\0gql-document:';
  // Each document is one line: `export const XDocument = {…} as unknown as DocumentNode<…>;`.
  const line = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
  let documents: Map<string, string> | undefined;
  const read = () => (documents ??= new Map([...readFileSync(generated, 'utf8').matchAll(line)].map((match) => [match[1], match[2]])));
  return {
    name: 'yntymak:document-per-module',
    buildStart() {
      documents = undefined;
    },
    resolveId: (source) => (source.startsWith(prefix) ? source : null),
    load(id) {
      if (id === generated) {
        return [...read().keys()].map((name) => `export { ${name} } from ${JSON.stringify(prefix + name)};`).join('\n');
      }
      if (id.startsWith(prefix)) {
        const document = read().get(id.slice(prefix.length));
        if (!document) this.error(`No generated document ${id.slice(prefix.length)} in ${generated}`);
        // With its text, as graphql's printer writes it: a request sent before the app has loaded
        // (app/early-requests.ts) reads it there instead of bringing the printer into the entry.
        const parsed = JSON.parse(document) as DocumentNode;
        const body = print(parsed);
        const withText = { ...parsed, loc: { start: 0, end: body.length, source: { body, name: 'GraphQL request', locationOffset: { line: 1, column: 1 } } } };
        return { code: `export const ${id.slice(prefix.length)} = ${JSON.stringify(withText)};`, moduleSideEffects: false };
      }
      return null;
    },
  };
}

/**
 * The app's code announced in index.html. The entry (main.tsx) is small and loads the app
 * (app/boot.tsx) with a dynamic import once it has sent a first visit's requests; a bundler
 * announces only an entry's static imports, so the browser would discover the app's chunks only
 * when the entry runs. Here the app's chunk, its static imports and its stylesheet are listed as
 * preloads, fetched while the entry itself arrives.
 */
function preloadApp(): Plugin {
  return {
    name: 'yntymak:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const boot = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/app/boot.tsx'));
        if (!boot) this.error('No chunk for app/boot.tsx: preloadApp has nothing to announce');
        const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = byName.get(fileName);
          if (!chunk || chunk.isEntry || scripts.has(fileName)) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          chunk.imports.forEach(visit);
        };
        visit(boot.fileName);
        return [
          ...[...styles].map((href) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
          ...[...scripts].map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * Writes a gzip (level 9) and a brotli (quality 11) copy next to each built asset worth
 * compressing; the server sends the one the browser accepts (@fastify/static's preCompressed),
 * smaller than compressing on each request and without its CPU (src/server/web-ui.ts).
 */
function precompress(): Plugin {
  const worthIt = /\.(js|css|json|geojson|svg)$/;
  return {
    name: 'yntymak:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!worthIt.test(file.fileName)) continue;
        const content = file.type === 'chunk' ? Buffer.from(file.code) : Buffer.from(file.source);
        if (content.length < 1024) continue;
        const path = join(options.dir!, file.fileName);
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length } }));
      }
    },
  };
}

/** The web UI: built into dist/web, served by the hub itself (src/server/web-ui.ts). */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: 'public',
  plugins: [documentPerModule(), preloadApp(), precompress()],
  // rxjs (under Apollo Client) offers its ES2015 build only under this condition; the default is
  // its larger ES5 build.
  resolve: {
    conditions: ['es2015', ...defaultClientConditions],
    // Only the parts of Leaflet the map uses (features/map/leaflet-parts.mjs says which and why).
    alias: [{ find: /^leaflet$/, replacement: fileURLToPath(new URL('./features/map/leaflet-parts.mjs', import.meta.url)) }],
  },
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
