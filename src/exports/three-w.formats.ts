import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { Language } from '../common/localized-text';
import { THREE_W_COLUMNS, type ThreeWRow } from './three-w.service';

/**
 * Excel reads a CSV as UTF-8 only when it starts with a byte order mark (without one, Cyrillic
 * names come out garbled); LibreOffice, Google Sheets, R and the HXL tools read it either way.
 * So the CSV has one. (pandas: `read_csv(…, encoding="utf-8-sig")`.)
 */
const BOM = '\ufeff';

/**
 * Text a spreadsheet would take for a formula (=, +, -, @ or a control character first) is
 * written after an apostrophe, so a title such as `=HYPERLINK(…)` stays text in Excel (the
 * OWASP advice on CSV injection). The workbook needs none: its cells are typed as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * exceljs, with the zip and stream libraries under it, is about a third of all the code the hub
 * loads: it is loaded on the first workbook asked for, not at start-up (nor in every test file).
 */
let excel: typeof ExcelJS | undefined;
function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  excel ??= require('exceljs') as typeof ExcelJS;
  return excel;
}

function csvCell(value: string | null): string {
  return value === null ? '' : FORMULA_START.test(value) ? `'${value}` : value;
}

function headerRows(language: Language): string[][] {
  return [THREE_W_COLUMNS.map((column) => column.label[language]), THREE_W_COLUMNS.map((column) => column.hxl)];
}

/**
 * The 3W as CSV (RFC 4180, UTF-8 with BOM, CRLF line ends): the header in the language, the
 * HXL hashtags under it, then the rows. A page of rows is one chunk, read only when the client
 * has taken the previous one.
 */
export function threeWCsv(pages: AsyncIterable<ThreeWRow[]>, language: Language): Readable {
  async function* chunks() {
    yield BOM + stringify(headerRows(language), { record_delimiter: 'windows' });
    for await (const rows of pages) {
      if (rows.length)
        yield stringify(
          rows.map((row) => THREE_W_COLUMNS.map((column) => (column.key === 'committed' ? (row.committed ?? '') : csvCell(row[column.key])))),
          { record_delimiter: 'windows' },
        );
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
}

/** Resolves when the stream may take more, or is closed (the client went away). */
async function drained(stream: Writable): Promise<void> {
  while (stream.writableNeedDrain && !stream.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  }
}

/** A day as an Excel date (a Date at midnight UTC, shown as YYYY-MM-DD). */
function excelDay(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/**
 * The 3W as an Excel workbook, written with exceljs's streaming writer: each row is committed
 * (written to the zip) as soon as it is added, and the next page of projects is read only when
 * the client has taken what was written, so memory stays that of a page.
 */
export function threeWXlsx(pages: AsyncIterable<ThreeWRow[]>, language: Language, onError: (error: unknown) => void): Readable {
  const output = new PassThrough();
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Yntymak';
  const sheet = workbook.addWorksheet('3W', { views: [{ state: 'frozen', ySplit: 2 }] });
  // Formats by column: the cells of each row take them without a style object of their own.
  const numFmt: Partial<Record<keyof ThreeWRow, string>> = { start: 'yyyy-mm-dd', end: 'yyyy-mm-dd', committed: '#,##0.00' };
  sheet.columns = THREE_W_COLUMNS.map((column) => ({ key: column.key, width: column.width, ...(numFmt[column.key] ? { style: { numFmt: numFmt[column.key] } } : {}) }));

  const write = async () => {
    const [labels, hashtags] = headerRows(language);
    const header = sheet.addRow(labels);
    header.font = { bold: true };
    header.commit();
    const hxl = sheet.addRow(hashtags);
    hxl.font = { italic: true, color: { argb: 'FF555555' } };
    hxl.commit();
    for await (const rows of pages) {
      for (const row of rows) {
        sheet.addRow({ ...row, start: excelDay(row.start), end: excelDay(row.end), committed: row.committed === null ? null : Number(row.committed) }).commit();
      }
      // Wait for a slow client rather than letting the workbook pile up in memory.
      await drained(output);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}
