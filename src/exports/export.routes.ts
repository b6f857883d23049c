import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContexts } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { coverageFeatureCollection } from './coverage-geojson.service';
import { coverageMapOptions, inParameterTerms, type Query, threeWOptions } from './export-params';
import { threeWCsv, threeWXlsx } from './three-w.formats';
import { threeWPages } from './three-w.service';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  [ErrorKind.BAD_USER_INPUT]: 400,
  [ErrorKind.UNAUTHENTICATED]: 401,
  [ErrorKind.FORBIDDEN]: 403,
  [ErrorKind.NOT_FOUND]: 404,
  [ErrorKind.CONFLICT]: 409,
  [ErrorKind.TOO_MANY_REQUESTS]: 429,
  [ErrorKind.SERVICE_UNAVAILABLE]: 503,
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Today in Kyrgyzstan, for the file's name. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(new Date());
}

function attachment(reply: FastifyReply, type: string, filename: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
}

/**
 * Runs an export; an expected failure (a parameter or a filter that names something unknown)
 * is answered before anything is sent, as GraphQL errors with `extensions.code`.
 */
async function answer(reply: FastifyReply, run: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const told = inParameterTerms(error);
    return reply
      .code(STATUS_OF_KIND[told.kind])
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: told.message, extensions: { code: told.kind, reason: told.reason, ...(told.field ? { field: told.field } : {}) } }] });
  }
}

/** GET /exports/3w.csv, /exports/3w.xlsx and /exports/coverage.geojson (README, "Exports"). */
export function registerExportRoutes(http: FastifyInstance, contexts: RequestContexts): void {
  const threeW = (format: 'csv' | 'xlsx') => async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) =>
    answer(reply, async () => {
      const options = threeWOptions(request.query, request.headers['accept-language']);
      const ctx = contexts.anonymous(request, options.language);
      const pages = await threeWPages(ctx, options);
      const filename = `yntymak-3w-${options.language}-${today()}.${format}`;
      if (format === 'csv') return attachment(reply, 'text/csv; charset=utf-8; header=present', filename).send(threeWCsv(pages, options.language));
      const onError = (error: unknown) => request.log.error({ err: error }, 'the 3W workbook could not be finished');
      return attachment(reply, XLSX_TYPE, filename).send(threeWXlsx(pages, options.language, onError));
    });

  http.get('/exports/3w.csv', threeW('csv'));
  http.get('/exports/3w.xlsx', threeW('xlsx'));

  http.get<{ Querystring: Query }>('/exports/coverage.geojson', async (request, reply) =>
    answer(reply, async () => {
      const options = coverageMapOptions(request.query, request.headers['accept-language']);
      const collection = await coverageFeatureCollection(contexts.anonymous(request, options.language), options);
      const filename = `yntymak-coverage-${options.level.toLowerCase()}-${options.language}-${today()}.geojson`;
      return attachment(reply, 'application/geo+json; charset=utf-8', filename).send(JSON.stringify(collection));
    }),
  );
}
