import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessErrorCode, unauthenticated } from '../common/access';
import type { RequestContexts } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { languageFromHeader } from '../common/localized-text';
import { importIatiFile } from './iati-import.service';
import { reportSummary } from './iati-import.report';
import { IatiImportError, IatiImportErrorCode, type IatiImportErrorDetails } from './iati.errors';

/** The largest file POST /iati/import takes (a large publisher's whole file is about 100 MB). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const STATUS: Partial<Record<ErrorKind, number>> = { [ErrorKind.UNAUTHENTICATED]: 401, [ErrorKind.FORBIDDEN]: 403, [ErrorKind.BAD_USER_INPUT]: 400 };

interface ImportRequest {
  Querystring: { dryRun?: string; organisation?: string; format?: string };
}

async function refuse(
  reply: FastifyReply,
  status: number,
  code: string,
  reason: string,
  message: string,
  field?: string,
  details: IatiImportErrorDetails = {},
): Promise<FastifyReply> {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ errors: [{ message, extensions: { code, reason, ...(field ? { field } : {}), ...details } }] });
}

const tooLarge = () =>
  new IatiImportError(IatiImportErrorCode.IATI_FILE_TOO_LARGE, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; import it with npm run import:iati instead.`, {
    limitBytes: MAX_IMPORT_BYTES,
  });

/** Writes the upload to a file of its own, refusing more than MAX_IMPORT_BYTES; the import reads it twice. */
async function spool(source: Readable, path: string): Promise<number> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) done(tooLarge());
      else done(null, chunk);
    },
  });
  await pipeline(source, limit, createWriteStream(path));
  return bytes;
}

/** The uploaded file: a multipart part (the first file), or the body itself (application/xml, text/xml). */
async function upload(request: FastifyRequest, path: string): Promise<{ name: string; bytes: number }> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
    if (!part)
      throw new IatiImportError(
        IatiImportErrorCode.IATI_NO_FILE,
        'The multipart request holds no file part; send the IATI file as a file field (e.g. curl -F file=@activities.xml).',
      );
    const bytes = await spool(part.file, path);
    if (part.file.truncated) throw tooLarge();
    return { name: part.filename || 'upload.xml', bytes };
  }
  const body = request.body as Readable | undefined;
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw new IatiImportError(IatiImportErrorCode.IATI_NO_FILE, 'Send the IATI file as the body (Content-Type: application/xml) or as a multipart file part.');
  }
  return { name: 'request body', bytes: await spool(body, path) };
}

/**
 * POST /iati/import: the IATI import over HTTP (README, "IATI export and import"), for a caller
 * with an API token or a session; the same engine as `npm run import:iati`. Answers the
 * report as JSON (or the readable summary with `?format=text`); a file refused as a whole is a
 * 400 with `extensions.reason` IATI_NOT_WELL_FORMED, IATI_NOT_ACTIVITIES, …, and nothing written;
 * `extensions` also carry what a client needs to say it in its own words (`line` and `column`,
 * `root`, `version`, `limitBytes`).
 */
export async function registerIatiImportRoute(http: FastifyInstance, contexts: RequestContexts): Promise<void> {
  await http.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });
    // The XML body is handed over as a stream and spooled to disk, whatever its size.
    scope.addContentTypeParser(['application/xml', 'text/xml', 'application/octet-stream'], (_request, payload, done) => done(null, payload));

    scope.post<ImportRequest>('/iati/import', async (request, reply) => {
      const { em, caller, credentialError } = await contexts.withCaller(request, reply, languageFromHeader(request.headers['accept-language']));
      if (credentialError) return refuse(reply, 401, credentialError.kind, credentialError.reason, credentialError.message);
      if (!caller) {
        const error = unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>".', AccessErrorCode.NOT_SIGNED_IN);
        return refuse(reply, 401, error.kind, error.reason, error.message);
      }
      const { dryRun, organisation, format } = request.query;
      if (dryRun !== undefined && !['true', 'false', '1', '0', ''].includes(dryRun)) {
        return refuse(reply, 400, ErrorKind.BAD_USER_INPUT, 'INVALID_PARAMETER', '`dryRun` is true or false.', 'dryRun');
      }
      const path = join(tmpdir(), `yntymak-iati-${randomBytes(8).toString('hex')}.xml`);
      try {
        const file = await upload(request, path);
        const report = await importIatiFile(em, caller, path, {
          fileName: file.name,
          dryRun: dryRun === 'true' || dryRun === '1' || dryRun === '',
          organisation: organisation ?? null,
          log: request.log,
        });
        request.log.info(
          {
            file: file.name,
            bytes: file.bytes,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            skipped: report.skipped,
            failed: report.failed,
            dryRun: report.dryRun,
          },
          'IATI import',
        );
        reply.header('cache-control', 'no-store');
        if (format === 'text') return reply.type('text/plain; charset=utf-8').send(reportSummary(report));
        return reply.type('application/json; charset=utf-8').send(report);
      } catch (error) {
        if (error instanceof IatiImportError) {
          return refuse(
            reply,
            error.reason === IatiImportErrorCode.IATI_FILE_TOO_LARGE ? 413 : 400,
            ErrorKind.BAD_USER_INPUT,
            error.reason,
            error.message,
            undefined,
            error.details,
          );
        }
        if (error instanceof DomainError && STATUS[error.kind]) return refuse(reply, STATUS[error.kind]!, error.kind, error.reason, error.message, error.field);
        throw error;
      } finally {
        await rm(path, { force: true });
      }
    });
  });
}
