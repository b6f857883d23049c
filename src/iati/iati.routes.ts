import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContexts } from '../common/context';
import { DomainError } from '../common/errors';
import { languageFromHeader } from '../common/localized-text';
import { inputRule, shown } from '../common/input-rules';
import { checkInput } from '../common/input-validation';
import { badInput } from '../common/validation';
import type { IatiPublisher } from '../config/config';
import { IatiErrorCode } from './iati.errors';
import { EXPORT_PARAMETERS, type ExportParameters, exportCounts, exportScope, iatiActivitiesDocument, parseDateTime, skippedReportDocument } from './iati.service';

/** Headers of both answers: how many projects the export holds and how many it leaves out. */
export const ACTIVITIES_HEADER = 'x-iati-activities';
export const SKIPPED_HEADER = 'x-iati-skipped';

/** A parameter given once (a repeated one arrives as an array). */
const Once = () => inputRule({ name: 'once', reason: IatiErrorCode.REPEATED_PARAMETER, test: (value) => typeof value === 'string', message: () => 'Give $path once.' });

/** An ISO 8601 date-time or date, checked against the calendar. */
const DateTime = () =>
  inputRule({
    name: 'dateTime',
    reason: IatiErrorCode.INVALID_DATE_TIME,
    test: (value) => typeof value !== 'string' || parseDateTime(value) !== null,
    message: (value) => `$path takes an ISO 8601 date-time such as 2026-03-01T00:00:00Z (or a date, 2026-03-01); got "${shown(value)}".`,
  });

/** The export's query parameters as Fastify parsed them. */
class ExportQuery {
  @Once()
  organisation?: unknown;

  @Once()
  reportingOrg?: unknown;

  @Once()
  @DateTime()
  updatedSince?: unknown;

  @Once()
  unit?: unknown;
}

/** Each known parameter at most once; any other parameter is a mistake worth saying (a misspelt filter would export everything). */
function exportParameters(query: unknown): ExportParameters {
  const given = Object.entries((query ?? {}) as Record<string, unknown>);
  for (const [name] of given) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(name)) {
      throw badInput(IatiErrorCode.UNKNOWN_PARAMETER, `Unknown parameter \`${name}\`; the export takes ${EXPORT_PARAMETERS.map((known) => `\`${known}\``).join(', ')}.`, name);
    }
  }
  checkInput(Object.assign(new ExportQuery(), Object.fromEntries(given)));
  return Object.fromEntries(given.filter(([, value]) => typeof value === 'string' && value.trim())) as ExportParameters;
}

async function refuse(reply: FastifyReply, error: DomainError): Promise<FastifyReply> {
  return reply
    .code(400)
    .type('application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ errors: [{ message: error.message, extensions: { code: error.kind, reason: error.reason, ...(error.field ? { field: error.field } : {}) } }] });
}

/**
 * A stream of the pieces `document` yields, pulled as the client reads. A failure after the
 * first byte cannot change the status any more: it is logged and the connection is cut, so the
 * client sees a truncated file rather than a complete-looking one.
 */
function streamOf(document: AsyncGenerator<string>, request: FastifyRequest): Readable {
  const stream = Readable.from(document, { objectMode: false });
  stream.on('error', (error) => request.log.error({ err: error }, 'the IATI export failed while streaming'));
  return stream;
}

/** GET /iati/activities.xml (the IATI activity file) and /iati/activities-report.json (what it leaves out, and why). */
export function registerIatiRoutes(http: FastifyInstance, contexts: RequestContexts, publisher: IatiPublisher | null): void {
  /** The scope and counts of a request, or a 400 already sent. */
  async function prepare(request: FastifyRequest, reply: FastifyReply) {
    const ctx = contexts.anonymous(request, languageFromHeader(request.headers['accept-language']));
    try {
      const parameters = exportParameters(request.query);
      const scope = await exportScope(ctx, parameters, publisher);
      const counts = await exportCounts(ctx, scope);
      reply.header(ACTIVITIES_HEADER, String(counts.exported)).header(SKIPPED_HEADER, String(counts.skipped)).header('cache-control', 'no-cache');
      return { ctx, parameters, scope, counts };
    } catch (error) {
      if (error instanceof DomainError) {
        await refuse(reply, error);
        return null;
      }
      throw error;
    }
  }

  // HEAD answers the counts without writing the file (declared before the GET routes, which
  // would otherwise get Fastify's own HEAD routes that run the whole export).
  for (const [path, type] of [
    ['/iati/activities.xml', 'application/xml; charset=utf-8'],
    ['/iati/activities-report.json', 'application/json; charset=utf-8'],
  ]) {
    http.head(path, async (request, reply) => {
      const prepared = await prepare(request, reply);
      if (!prepared) return reply;
      return reply.type(type).send();
    });
  }

  http.get('/iati/activities.xml', async (request, reply) => {
    const prepared = await prepare(request, reply);
    if (!prepared) return reply;
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', 'inline; filename="yntymak-iati-activities.xml"')
      .send(streamOf(iatiActivitiesDocument(prepared.ctx, prepared.scope, publisher), request));
  });

  http.get('/iati/activities-report.json', async (request, reply) => {
    const prepared = await prepare(request, reply);
    if (!prepared) return reply;
    return reply
      .type('application/json; charset=utf-8')
      .send(streamOf(skippedReportDocument(prepared.ctx, prepared.scope, prepared.parameters, prepared.counts, publisher), request));
  });
}
