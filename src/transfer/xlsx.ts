/**
 * Excel workbooks through exceljs, loaded only when a workbook is read or
 * written (the tab's bundle does not carry it otherwise). Formula cells are
 * read as their formula text ("=HYPERLINK(...)") so the import refuses them;
 * dates become ISO days; rich text and hyperlinks become their text.
 *
 * Text is written as text cells, which Excel never runs, so text that looks
 * like a formula ("=3+3") needs no apostrophe there (in CSV it does, see
 * csv.ts): the person sees the text as it is. Reading, a text cell that looks
 * like a formula is handed on defused, so the import, which refuses formulas
 * and undoes its own defusing, takes it as the text it is.
 */
import type * as ExcelJsModule from 'exceljs';
import type { Cell as ExcelCell, CellValue, Workbook } from 'exceljs';
import type { RawCell } from '../domain/import';
import { defuse, type OutCell } from './csv';

type ExcelJs = typeof ExcelJsModule;

async function excel(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellValue(value: CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return defuse(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const f =
        (value as { formula?: string; sharedFormula?: string }).formula ??
        (value as { sharedFormula?: string }).sharedFormula ??
        '';
      return `=${f}`;
    }
    if ('richText' in value) return defuse(value.richText.map((r) => r.text).join(''));
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      return defuse(
        typeof t === 'string'
          ? t
          : typeof t === 'object' && t !== null && 'richText' in t
            ? (t as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
            : '',
      );
    }
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return null;
}

/**
 * The rows of one sheet: each with its spreadsheet row number and its cells
 * from column A. A value merged across cells (a heading over two columns, a
 * lead organisation down several rows) is read in every cell of the merge:
 * exceljs makes each cell of a merge point at its master (the top-left cell,
 * which holds the value), so each row reads as the person sees it.
 */
export function sheetRows(workbook: Workbook, sheetName?: string): { row: number; cells: RawCell[] }[] | undefined {
  const sheet = sheetName !== undefined ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) return undefined;
  const out: { row: number; cells: RawCell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell: ExcelCell, col: number) => {
      cells[col - 1] = cellValue(cell.isMerged ? cell.master.value : cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    out.push({ row: rowNumber, cells });
  });
  return out;
}

/** An ISO day as a worksheet's date: that day at midnight UTC. */
export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A cell of a table laid out for a worksheet (the register's export, the reports) as exceljs writes it. */
export function sheetValue(cell: {
  readonly kind: string;
  readonly value?: string | number;
}): Date | string | number | null {
  if (cell.kind === 'empty' || cell.value === undefined) return null;
  return cell.kind === 'date' ? utcDate(String(cell.value)) : cell.value;
}

export type XlsxCell = OutCell | { readonly date: string } | { readonly money: number };

/** A workbook of one sheet: a bold, frozen heading row, dates as dates, pounds as pounds, text as text cells. */
export async function writeXlsx(
  sheetName: string,
  headings: readonly string[],
  rows: readonly (readonly XlsxCell[])[],
): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Collaboration Register';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headings.map((header, i) => ({
    header,
    key: `c${i}`,
    width: Math.min(40, Math.max(12, header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(
      row.map((cell) => {
        if (cell === null || cell === undefined) return null;
        // A string value is a text cell (t="s"): Excel shows it and never runs it, so no apostrophe.
        if (typeof cell === 'string') return cell;
        if (typeof cell === 'number') return cell;
        if ('date' in cell) return utcDate(cell.date);
        return cell.money;
      }),
    );
    row.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object')
        added.getCell(i + 1).numFmt = 'date' in cell ? 'dd/mm/yyyy' : '"£"#,##0.00';
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
