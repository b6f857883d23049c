import type { FastifyInstance } from 'fastify';

/**
 * What a person who opens /graphql in a browser sees in production: a page of plain HTML saying
 * what the endpoint is and how to call it. Apollo's own production page loads its script from
 * Apollo's CDN, which the Content-Security-Policy (and a hub without internet) does not allow,
 * so it stayed blank. Outside production Apollo's Sandbox is served instead.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Yntymak GraphQL API</title>
</head>
<body>
<main>
<h1>Yntymak GraphQL API</h1>
<p>This address answers GraphQL requests of partner systems: send a <code>POST</code> with a JSON
body <code>{"query": "…", "variables": {…}}</code> and <code>Content-Type: application/json</code>.
Public data needs no credentials; to write, send an API token as <code>Authorization: Bearer …</code>.</p>
<pre>curl -s https://THIS-HOST/graphql -H 'content-type: application/json' \\
  -d '{"query":"{ adminUnits(filter: { kind: OBLAST }) { totalCount nodes { code name } } }"}'</pre>
<p>The schema can be read by introspection with any GraphQL client; the project's README has example
queries for partners. People use the hub in the <a href="/">web UI</a>.</p>
</main>
</body>
</html>
`;

/** Answers GET /graphql from a browser (asks for HTML, sends no query) with the page above. */
export function registerApiLandingPage(http: FastifyInstance): void {
  http.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== '/graphql') return;
    if ((request.query as { query?: unknown } | undefined)?.query !== undefined) return;
    if (!(request.headers.accept ?? '').includes('text/html')) return;
    return reply.code(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(PAGE);
  });
}
