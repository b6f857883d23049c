import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { issueAdminToken } from '../../src/auth/auth.service';
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
  /** API token to send; default the test ADMIN's; null sends the request anonymously. */
  token?: string | null;
  /** The operation to run, of a document that holds several. */
  operationName?: string;
}

export type TestRole = 'ADMIN' | 'SECRETARIAT' | 'PARTNER_EDITOR' | 'PARTNER_VIEWER';

export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:38123`. */
  url: string;
  databaseUrl: string;
  orm: Orm;
  app: App;
  graphql<TData, TVariables>(document: TypedDocumentNode<TData, TVariables> | string, variables?: TVariables, options?: RequestOptions): Promise<GraphQLResult<TData>>;
  /** The API token of the ADMIN created for this database. */
  adminToken: string;
  /** Invites a user with this role (through the API, as ADMIN) and returns an API token of theirs. */
  tokenFor(role: TestRole, organisationId?: string | null): Promise<{ token: string; userId: string }>;
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

/**
 * A real server on a free port over a database of its own (a copy of the template, or the migrated
 * one that `environment.DATABASE_URL` names); requests go over HTTP. `environment` adds settings
 * (e.g. TRUST_PROXY). Rate limits are off unless the environment turns them on: the tests send
 * hundreds of requests a minute from 127.0.0.1, as no client in production does.
 */
export async function startTestServer(environment: Record<string, string> = {}): Promise<TestServer> {
  const databaseUrl = environment.DATABASE_URL ?? (await createTestDatabase());
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'false', ...environment, DATABASE_URL: databaseUrl });
  const orm = await initOrm({ url: databaseUrl, logger, statementTimeoutMs: config.dbStatementTimeoutMs });
  const { secret: adminToken } = await issueAdminToken(orm.em.fork(), 'admin@test.example');
  const app = await createApp(config, orm, logger);
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
  let invited = 0;

  const server: TestServer = {
    url,
    databaseUrl,
    orm,
    app,
    adminToken,
    async graphql(document, variables, options) {
      const token = options?.token === undefined ? adminToken : options.token;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options?.headers,
        },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables, operationName: options?.operationName }),
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
    async tokenFor(role, organisationId) {
      invited += 1;
      const invitation = await server.graphql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
        input: { email: `${role.toLowerCase()}-${invited}@test.example`, name: `Test ${role} ${invited}`, role, organisationId },
      });
      if (invitation.errors) throw new Error(`createUser failed: ${JSON.stringify(invitation.errors)}`);
      const userId = (invitation.data as { createUser: { user: { id: string } } }).createUser.user.id;
      const created = await server.graphql(`mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, { input: { name: 'test', userId } });
      if (created.errors) throw new Error(`createApiToken failed: ${JSON.stringify(created.errors)}`);
      return { token: (created.data as { createApiToken: { secret: string } }).createApiToken.secret, userId };
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
  return server;
}
