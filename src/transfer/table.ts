/**
 * A file brought in, as a table: its sheets (Excel), its header row and its
 * rows with the numbers a spreadsheet shows. Bad files are coded results: an
 * empty file, one too large, one that is neither CSV nor a workbook.
 *
 * The header row is found below any title, notes and blank rows (the domain's
 * rule, src/domain/import/headings.ts), or is the row the person chose; rows
 * above it are not read as records.
 */
import { findHeadingRow, type ImportVocabulary, type RawCell } from '../domain/import';
import { decodeText, isZip, MAX_FILE_BYTES, type TextEncoding } from './bytes';
import { readCsv, sniffDelimiter, type CsvProblem } from './csv';
import { loadWorkbook, sheetRows } from './xlsx';

export interface FileTable {
  readonly format: 'csv' | 'xlsx' | 'json';
  /** Excel: every sheet's name; the one read is `sheet`. */
  readonly sheets: readonly string[];
  readonly sheet?: string;
  readonly encoding?: TextEncoding;
  /**
   * True when the text came in a single-byte form (Windows-1252, or plain
   * ASCII with no UTF-8 mark), which cannot hold ŵ or ŷ: a "?" in a word may
   * be a letter lost when the file was saved.
   */
  readonly singleByte?: boolean;
  /** The row of headings, as the spreadsheet numbers it (1 when the headings are the first row). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly RawCell[] }[];
}

export type FileError =
  | { readonly code: 'fileEmpty' }
  | { readonly code: 'fileTooLarge'; readonly params: { readonly size: number; readonly max: number } }
  | { readonly code: 'fileUnreadable'; readonly params: { readonly reason: string } }
  /** The row the person chose as the headings is empty or past the file's last row. */
  | { readonly code: 'headerRowMissing'; readonly params: { readonly row: number | string; readonly last: number } }
  /** A CSV row that cannot be read: the file is refused (nothing is imported), naming the row. */
  | { readonly code: CsvProblem['code']; readonly params: { readonly row: number } };

export type FileResult =
  { readonly ok: true; readonly value: FileTable } | { readonly ok: false; readonly error: FileError };

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export interface ReadOptions {
  /** Excel: the sheet to read (the first when not given or not in the workbook). */
  readonly sheet?: string;
  /** The file's name, for telling JSON from CSV. */
  readonly name?: string;
  /** The row of headings as the spreadsheet numbers it, when the person chose it; otherwise it is found. */
  readonly headerRow?: number;
  /** The import's words for the register's fields: a row whose cells name several fields is the heading row. */
  readonly vocabulary?: ImportVocabulary;
}

function fromRows(
  format: FileTable['format'],
  rows: { row: number; cells: RawCell[] }[],
  extra: Partial<FileTable>,
  options: ReadOptions,
): FileResult {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  if (nonEmpty.length === 0) return { ok: false, error: { code: 'fileEmpty' } };
  const chosen = options.headerRow;
  const index =
    chosen !== undefined
      ? nonEmpty.findIndex((r) => r.row === chosen)
      : (findHeadingRow(nonEmpty, options.vocabulary ? { vocabulary: options.vocabulary } : {}) ?? 0);
  const header = nonEmpty[index];
  if (!header) {
    const last = (nonEmpty[nonEmpty.length - 1] as { row: number }).row;
    const row = chosen !== undefined && Number.isFinite(chosen) ? chosen : String(chosen);
    return { ok: false, error: { code: 'headerRowMissing', params: { row, last } } };
  }
  const headers = header.cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
  const body = nonEmpty.slice(index + 1);
  return { ok: true, value: { format, sheets: [], ...extra, headerRow: header.row, headers, rows: body } };
}

/** JSON: an array of objects (the compendium's own JSON export), keys as headers. */
function fromJson(text: string): FileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: { code: 'fileUnreadable', params: { reason: e instanceof Error ? e.message : 'JSON' } },
    };
  }
  const items: unknown[] | undefined = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : undefined;
  if (!items) return { ok: false, error: { code: 'fileUnreadable', params: { reason: 'JSON: not a list' } } };
  if (items.length === 0) return { ok: false, error: { code: 'fileEmpty' } };
  const headers: string[] = [];
  for (const it of items)
    if (it !== null && typeof it === 'object')
      for (const k of Object.keys(it)) if (!headers.includes(k)) headers.push(k);
  const rows = items.map((it, i) => ({
    row: i + 2,
    cells: headers.map((h): RawCell => {
      const v = (it as Record<string, unknown>)[h];
      if (Array.isArray(v)) return v.join('; ');
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    }),
  }));
  return { ok: true, value: { format: 'json', sheets: [], headerRow: 1, headers, rows } };
}

/** Reads a CSV, JSON or Excel file (by its content, not its name). */
export async function readTable(bytes: Uint8Array, options: ReadOptions = {}): Promise<FileResult> {
  if (bytes.length === 0) return { ok: false, error: { code: 'fileEmpty' } };
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, error: { code: 'fileTooLarge', params: { size: mb(bytes.length), max: mb(MAX_FILE_BYTES) } } };
  if (isZip(bytes)) {
    try {
      const workbook = await loadWorkbook(bytes);
      const sheets = workbook.worksheets.map((w) => w.name);
      const sheet = options.sheet !== undefined && sheets.includes(options.sheet) ? options.sheet : sheets[0];
      if (sheet === undefined) return { ok: false, error: { code: 'fileEmpty' } };
      const rows = sheetRows(workbook, sheet) ?? [];
      return fromRows('xlsx', rows, { sheets, sheet }, options);
    } catch (e) {
      return {
        ok: false,
        error: { code: 'fileUnreadable', params: { reason: e instanceof Error ? e.message.slice(0, 120) : 'xlsx' } },
      };
    }
  }
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') return { ok: false, error: { code: 'fileEmpty' } };
  if (/\.json$/i.test(options.name ?? '') || /^\s*[[{]/.test(text)) return fromJson(text);
  if (text.includes('\u0000')) return { ok: false, error: { code: 'fileUnreadable', params: { reason: 'binary' } } };
  const csv = readCsv(text, sniffDelimiter(text));
  const bad = csv.problems[0];
  // After a row papaparse cannot read, the rows that follow cannot be trusted: refuse the file, naming the row.
  if (bad !== undefined) return { ok: false, error: { code: bad.code, params: { row: bad.row } } };
  // A record's number is the row Excel shows it on (a quoted new line stays inside its cell there too).
  const rows = csv.rows.map((cells, i) => ({ row: i + 1, cells: cells }));
  const singleByte = encoding === 'windows-1252' || (encoding === 'utf-8' && bytes.every((b) => b < 0x80));
  return fromRows('csv', rows, { encoding, singleByte }, options);
}
