import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { createDatabaseIfMissing } from '../../src/db/embedded-postgres';
import { initOrm, type Orm } from '../../src/db/orm';
import { type App, createApp, SQL_STATEMENTS_HEADER } from '../../src/server/app';
import { ADMIN_URL_VARIABLE, TEMPLATE_DATABASE } from './cluster';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResult<TData> {
  status: number;
  data?: TData | null;
  errors?: GraphQLErrorBody[];
  headers: Headers;
  /** SQL statements the server sent to PostgreSQL for this request. */
  sqlStatements: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
}

export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:38123`. */
  url: string;
  databaseUrl: string;
  orm: Orm;
  app: App;
  graphql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<GraphQLResult<TData>>;
  /** Rows in a table, for checking that a refused request wrote nothing. */
  rowCount(table: string): Promise<number>;
  close(): Promise<void>;
}

/** A copy of the migrated, seeded template: one database per test file. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env[ADMIN_URL_VARIABLE];
  if (!adminUrl) throw new Error(`${ADMIN_URL_VARIABLE} is not set: run the tests through jest (npm test)`);
  const name = `test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name, TEMPLATE_DATABASE);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A real server on a free port over a database of its own; requests go over HTTP. */
export async function startTestServer(): Promise<TestServer> {
  const databaseUrl = await createTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl });
  const orm = await initOrm({ url: databaseUrl, logger });
  const app = await createApp(config, orm, logger);
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });

  return {
    url,
    databaseUrl,
    orm,
    app,
    async graphql(document, variables, options) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options?.headers },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: GraphQLErrorBody[] };
      return {
        status: response.status,
        data: body.data,
        errors: body.errors,
        headers: response.headers,
        sqlStatements: Number(response.headers.get(SQL_STATEMENTS_HEADER)),
      };
    },
    async rowCount(table) {
      const [row] = await orm.em.getConnection().execute<{ count: string }[]>(`select count(*) as count from "${table}"`);
      return Number(row.count);
    },
    async close() {
      await app.close();
      await orm.close(true);
    },
  };
}
