/**
 * The hub's own backup file, written when no pg_dump of the server's version is at hand: one
 * gzip stream of lines, read and written as a stream (memory stays constant however large the
 * tables).
 *
 *   {"format":"yntymak-backup","formatVersion":1,"migration":"Migration…",…}   the header
 *   {"table":"admin_unit","columns":["code",…]}                                 a table…
 *   KG05000000000\t…                                                            …its rows, in
 *   …                                                                           COPY's text format
 *   \.                                                                          …and its end
 *   {"end":true,"rows":{"admin_unit":537,…}}                                    the trailer
 *
 * COPY's text format escapes newlines, carriage returns and backslashes inside values, so every
 * row is one line and `\.` cannot be a row.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import { OpsError } from './ops.errors';

export const BACKUP_FORMAT = 'yntymak-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The last migration the database had: restore migrates an empty database up to it. */
  migration: string;
  /** `server_version` of the source, for the record. */
  postgresVersion: string;
  /** Sequences and their values when the snapshot was taken. */
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** Materialized views, refreshed after the tables are loaded (they hold no data of their own). */
  materializedViews: string[];
}

export interface TableHeader {
  table: string;
  columns: string[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

/** Writes a backup file: the header, then each table's COPY output, then the trailer. */
export class BackupWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<void>;
  private readonly rows: Record<string, number> = {};

  constructor(path: string) {
    this.gzip = createGzip({ level: 6 });
    const file = createWriteStream(path, { flags: 'wx' });
    this.gzip.pipe(file);
    this.done = finished(file);
    // A failed file write must end the backup, not hang it.
    this.done.catch(() => undefined);
    file.on('error', (error) => this.gzip.destroy(error));
  }

  async header(header: BackupHeader): Promise<void> {
    await this.write(`${JSON.stringify(header)}\n`);
  }

  /** Copies one table: `rows` yields COPY's text output (whole or partial lines). */
  async table(header: TableHeader, rows: AsyncIterable<Buffer | string>): Promise<number> {
    await this.write(`${JSON.stringify(header)}\n`);
    let count = 0;
    for await (const chunk of rows) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) count += 1;
      await this.write(buffer);
    }
    await this.write(`${END_OF_TABLE}\n`);
    this.rows[header.table] = count;
    return count;
  }

  async close(): Promise<Record<string, number>> {
    const trailer: BackupTrailer = { end: true, rows: this.rows };
    await this.write(`${JSON.stringify(trailer)}\n`);
    this.gzip.end();
    await this.done;
    return this.rows;
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(): void {
    this.gzip.destroy();
  }

  private async write(chunk: Buffer | string): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }
}

/** Reads a backup file line by line, in the order it was written. */
export class BackupReader {
  private readonly lines: AsyncIterator<string>;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
    const gunzip = createGunzip();
    const file = createReadStream(path);
    file.on('error', (error) => gunzip.destroy(error));
    this.lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  }

  async header(): Promise<BackupHeader> {
    const header = this.parse<BackupHeader>(await this.next());
    if (header.format !== BACKUP_FORMAT) throw new OpsError(`${this.path} is not a Yntymak backup (no "${BACKUP_FORMAT}" header).`);
    if (header.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new OpsError(`${this.path} was written by a newer version of the hub (backup format ${header.formatVersion}); update the hub first.`);
    }
    return header;
  }

  /** The next table's header, or the trailer when the tables are done. */
  async nextSection(): Promise<TableHeader | BackupTrailer> {
    return this.parse<TableHeader | BackupTrailer>(await this.next());
  }

  /** The current table's rows, each with its newline, until its end marker. */
  async *rows(): AsyncGenerator<string> {
    for (;;) {
      const line = await this.next();
      if (line === END_OF_TABLE) return;
      yield `${line}\n`;
    }
  }

  private async next(): Promise<string> {
    let result: IteratorResult<string>;
    try {
      result = await this.lines.next();
    } catch (error) {
      throw new OpsError(`${this.path} cannot be read: ${(error as Error).message} (is it a whole, gzip-compressed Yntymak backup?)`);
    }
    if (result.done) throw new OpsError(`${this.path} ends too early: the backup is incomplete.`);
    return result.value;
  }

  private parse<T>(line: string): T {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new OpsError(`${this.path} is damaged: expected a section header, found "${line.slice(0, 40)}".`);
    }
  }
}
