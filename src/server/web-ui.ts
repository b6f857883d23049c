import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';

/** Paths the server answers itself; everything else that asks for HTML is a page of the UI. */
const SERVER_PATHS = /^\/(graphql|healthz|readyz|meetings\/|assets\/)/;

/** Hashed file names under `assets/` never change their content, so browsers keep them a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the web UI built by Vite into `webDir`: hashed assets with a year's cache, other files
 * (the favicon) revalidated, and `index.html`, never cached, for every page the browser asks
 * for (the UI routes in the browser); other unknown paths get a JSON 404. Without a build it
 * says so at start and on each page.
 */
export async function registerWebUi(http: FastifyInstance, webDir: string, logger: Logger): Promise<void> {
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) logger.warn({ webDir }, 'the web UI is not built (npm run build); the API works without it');

  if (existsSync(webDir)) {
    // Files are looked up on each request (wildcard), so a rebuild is served without a restart.
    await http.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      index: false,
      wildcard: true,
      // The build writes .br and .gz copies of the assets (src/web/vite.config.mts).
      preCompressed: true,
      // Its own cache-control (public, max-age=0) would replace ours.
      cacheControl: false,
      setHeaders: (response, path) => response.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache'),
    });
  }

  const sendIndex = (reply: FastifyReply) => {
    // Read each time: a small file the OS keeps cached, and always the current build's.
    const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
    if (!index) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web UI is not built. Run "npm run build", then start the server again.');
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  };

  http.get('/', (_request, reply) => sendIndex(reply));
  http.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !SERVER_PATHS.test(path) && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) return sendIndex(reply);
    return reply.code(404).send({ error: 'Not Found', message: `No route for ${request.method} ${path}.` });
  });
}
