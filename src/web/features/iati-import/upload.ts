import type { ImportRefusal, ImportReport } from './import-report';

/** How an upload ended: the report, the hub's refusal (with its HTTP status), or no answer at all. */
export type UploadResult = { kind: 'report'; report: ImportReport } | { kind: 'refused'; status: number; errors: ImportRefusal[] } | { kind: 'network' } | { kind: 'aborted' };

export interface UploadOptions {
  dryRun: boolean;
  language: string;
  /** Bytes of the file sent so far (the browser reports them as the upload goes). */
  onProgress(sent: number, total: number): void;
  /** The whole file is sent; the hub is reading it now. */
  onUploaded(): void;
  signal?: AbortSignal;
}

/**
 * Sends the file to `POST /iati/import` on the same origin, with the session cookie, as a
 * multipart file part (so the report names the file). XMLHttpRequest rather than fetch: only it
 * reports the upload's progress, which matters for a publisher's file of tens of megabytes.
 */
export function uploadIatiFile(file: File, options: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/iati/import?dryRun=${options.dryRun}`);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', options.language);
    request.responseType = 'text';
    request.upload.onprogress = (event) => options.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.upload.onload = () => options.onUploaded();
    request.onerror = () => resolve({ kind: 'network' });
    request.onabort = () => resolve({ kind: 'aborted' });
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // A proxy's HTML page, say: the status alone says what happened.
      }
      if (request.status === 200 && body && typeof body === 'object' && 'items' in body) {
        resolve({ kind: 'report', report: body as ImportReport });
        return;
      }
      const errors = body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: ImportRefusal[] }).errors : [];
      resolve({ kind: 'refused', status: request.status, errors });
    };
    options.signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
