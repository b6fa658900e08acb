/**
 * Export of the register's current view to CSV and Excel. The table is built
 * once (headings and values in the person's language), then written out:
 * CSV quotes every field and defuses cells a spreadsheet would run as a
 * formula; Excel (exceljs, loaded only when asked for) keeps real dates and
 * numbers.
 */
import type { TFunction } from 'i18next';
import {
  exportedFields,
  fieldSpec,
  fieldValue,
  isInScope,
  reviewState,
  type Collaboration,
  type CollaborationField,
  type IsoDate,
  type Stored,
} from '../../../domain';
import { defuse } from '../../../transfer/defuse';
import { sheetValue } from '../../../transfer/xlsx';

export type Cell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'date'; readonly value: IsoDate }
  | { readonly kind: 'money'; readonly value: number }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'empty' };

export interface Table {
  readonly headings: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const text = (value: string | undefined): Cell => (value ? { kind: 'text', value } : { kind: 'empty' });

type Column = readonly [heading: string, value: (c: Stored<Collaboration>) => Cell];

/**
 * The register's current view as a table: the catalogue's fields exported to the register, in
 * its order and by their kind, with the protocol's scope after the model and the review state
 * after the next review.
 */
export function exportTable(records: readonly Stored<Collaboration>[], t: TFunction, today: IsoDate): Table {
  const cellOf =
    (field: CollaborationField) =>
    (c: Stored<Collaboration>): Cell => {
      const v = fieldValue(c, field);
      switch (v.kind) {
        case 'empty':
          return fieldSpec(field).kind === 'partners' ? { kind: 'number', value: 0 } : { kind: 'empty' };
        case 'text':
          return text(v.text);
        case 'choice':
          return text(v.codes.map((code) => t(`vocab.${v.set}.${code}`)).join(', '));
        case 'yesNo':
          return text(t(v.value ? 'tab.common.yes' : 'tab.common.no'));
        case 'date':
          return { kind: 'date', value: v.date };
        case 'money':
          return { kind: 'money', value: v.value };
        case 'number':
          return { kind: 'number', value: v.value };
        case 'person':
          return text(v.name);
        case 'partners':
          return { kind: 'number', value: v.ids.length };
      }
    };
  const columns: Column[] = exportedFields('register').flatMap((field): Column[] => {
    // The register's view shows how many partners there are, not who they are (the compendium names them).
    const heading = field === 'partnerIds' ? t('tab.register.columns.partners') : t(`fields.${field}`);
    const column: Column = [heading, cellOf(field)];
    if (field === 'model')
      return [
        column,
        [t('tab.register.columns.scope'), (c) => text(t(`tab.scope.${isInScope(c.model) ? 'in' : 'out'}`))],
      ];
    if (field === 'nextReviewDue')
      return [
        column,
        [
          t('tab.register.columns.reviewState'),
          (c) => text(t(`tab.reviewState.${reviewState(c.nextReviewDue, today, { status: c.status }).state}`)),
        ],
      ];
    return [column];
  });
  return { headings: columns.map(([h]) => h), rows: records.map((r) => columns.map(([, value]) => value(r))) };
}

/** A CSV field: always quoted, quotes doubled; text that a spreadsheet would run gets a leading '. */
export function csvField(cell: Cell): string {
  let value: string;
  switch (cell.kind) {
    case 'empty':
      return '""';
    case 'text':
      value = defuse(cell.value); // the one OWASP rule of the exports (src/transfer/csv.ts)
      break;
    case 'date':
      value = cell.value;
      break;
    default:
      value = String(cell.value);
  }
  return `"${value.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV with a byte-order mark, so Excel reads the Welsh letters as UTF-8. */
export function toCsv(table: Table): string {
  const lines = [
    table.headings.map((h) => csvField({ kind: 'text', value: h })).join(','),
    ...table.rows.map((row) => row.map(csvField).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An .xlsx workbook: dates as dates, pounds as numbers formatted as pounds. */
export async function toXlsx(table: Table, sheetName: string): Promise<BlobPart> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Collaboration Register';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headings.map((header, i) => {
    const sample = table.rows[0]?.[i];
    const width =
      sample?.kind === 'date' ? 14 : sample?.kind === 'money' ? 16 : Math.min(40, Math.max(12, header.length + 2));
    return { header, key: `c${i}`, width };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map(sheetValue));
  }
  table.headings.forEach((_h, i) => {
    const kind = table.rows.find((r) => r[i]?.kind !== 'empty')?.[i]?.kind;
    const column = sheet.getColumn(i + 1);
    if (kind === 'date') column.numFmt = 'dd/mm/yyyy';
    if (kind === 'money') column.numFmt = '"£"#,##0';
  });
  // Keep the heading row's own format.
  sheet.getRow(1).numFmt = '@';
  return workbook.xlsx.writeBuffer();
}
