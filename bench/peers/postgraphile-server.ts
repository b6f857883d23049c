/**
 * PostGraphile 5 (Amber preset, simplified inflection, connection filters) on a benchmark
 * database, read-only, for `npm run bench:peers`. PostGraphile 5 needs Node 22 or later: the
 * benchmark runs this file under a Node from the npm `node` package (scripts/node-versions.ts),
 * not under the project's Node 20. Arguments come from the environment: DATABASE_URL, PORT.
 *
 * Every statement its pool sends is counted, and the count is given to the parent process when it
 * asks over IPC (`{ statements: true }`), so that the benchmark can tell statements per request.
 *
 * Type-checked by `npm run build:server`, left out of `npm run typecheck` (tsconfig.json): its
 * imports bring React's global types (PostGraphile's GraphiQL), which break the browser tests' DOM types.
 */
import { createServer } from 'node:http';
import { Pool, type PoolClient } from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!databaseUrl || !port) throw new Error('DATABASE_URL and PORT are required');

let statements = 0;
// Read-only at the session level: PostGraphile's generated mutations are also left out below.
const pool = new Pool({ connectionString: databaseUrl, max: 10, options: '-c default_transaction_read_only=on' });
pool.on('connect', (client: PoolClient) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statements += 1;
    return query(...args);
  };
});

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ['PgMutationCreatePlugin', 'PgMutationUpdateDeletePlugin', 'NodePlugin'],
  pgServices: [makePgService({ pool, schemas: ['public', 'peers'] })],
  schema: { connectionFilterRelations: true },
  grafserv: { port, host: '127.0.0.1', graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on('error', (error) => {
    console.error(error);
    process.exit(1);
  });
  await serv.addTo(server);
  // Build the schema before saying ready: the first request should not pay for introspection.
  await pgl.getSchemaResult();
  server.listen(port, '127.0.0.1');
  process.on('message', (message: { statements?: boolean }) => {
    if (message.statements) process.send?.({ statements });
  });
  process.on('SIGTERM', () => {
    server.close();
    void Promise.resolve(pgl.release()).then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
