/**
 * Export of the register's current view to CSV and Excel. The table is built
 * once (headings and values in the person's language), then written out:
 * CSV quotes every field and defuses cells a spreadsheet would run as a
 * formula; Excel (exceljs, loaded only when asked for) keeps real dates and
 * numbers.
 */
import type { TFunction } from 'i18next';
import { isInScope, reviewState, type Collaboration, type IsoDate, type Stored } from '../../../domain';
import { defuse } from '../../../transfer/defuse';

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
const date = (value: IsoDate | undefined): Cell => (value ? { kind: 'date', value } : { kind: 'empty' });
const money = (value: number | undefined): Cell => (value === undefined ? { kind: 'empty' } : { kind: 'money', value });

type Column = readonly [heading: string, value: (c: Stored<Collaboration>) => Cell];

export function exportTable(records: readonly Stored<Collaboration>[], t: TFunction, today: IsoDate): Table {
  const yesNo = (v: boolean) => t(v ? 'tab.common.yes' : 'tab.common.no');
  const columns: readonly Column[] = [
    [t('fields.reference'), (c) => text(c.reference)],
    [t('fields.title'), (c) => text(c.title)],
    [t('fields.titleCy'), (c) => text(c.titleCy)],
    [t('fields.kind'), (c) => text(t(`vocab.kind.${c.kind}`))],
    [t('fields.model'), (c) => text(t(`vocab.model.${c.model}`))],
    [t('tab.register.columns.scope'), (c) => text(t(`tab.scope.${isInScope(c.model) ? 'in' : 'out'}`))],
    [t('fields.status'), (c) => text(t(`vocab.status.${c.status}`))],
    [t('fields.directorate'), (c) => text(c.directorate)],
    [t('fields.serviceArea'), (c) => text(c.serviceArea)],
    [t('fields.leadOrganisation'), (c) => text(c.leadOrganisation)],
    [t('fields.councilLeads'), (c) => text(yesNo(c.councilLeads))],
    [t('fields.leadOfficer'), (c) => text(c.leadOfficer?.displayName)],
    [t('fields.headOfService'), (c) => text(c.headOfService?.displayName)],
    [t('fields.basis'), (c) => text(t(`vocab.basis.${c.basis}`))],
    [t('fields.footprint'), (c) => text(t(`vocab.footprint.${c.footprint}`))],
    [t('tab.register.columns.partners'), (c) => ({ kind: 'number', value: c.partnerIds.length })],
    [t('fields.startDate'), (c) => date(c.startDate)],
    [t('fields.endDate'), (c) => date(c.endDate)],
    [t('fields.reviewFrequency'), (c) => text(t(`vocab.reviewFrequency.${c.reviewFrequency}`))],
    [t('fields.lastReviewDate'), (c) => date(c.lastReviewDate)],
    [t('fields.nextReviewDue'), (c) => date(c.nextReviewDue)],
    [
      t('tab.register.columns.reviewState'),
      (c) => text(t(`tab.reviewState.${reviewState(c.nextReviewDue, today, { status: c.status }).state}`)),
    ],
    [t('fields.significance'), (c) => text(c.significance ? t(`vocab.significance.${c.significance}`) : undefined)],
    [t('fields.annualCost'), (c) => money(c.annualCost)],
    [t('fields.councilContribution'), (c) => money(c.councilContribution)],
    [t('fields.panel'), (c) => text(c.panel)],
    [
      t('fields.lastAssessmentRag'),
      (c) => text(c.lastAssessmentRag ? t(`vocab.rag.${c.lastAssessmentRag}`) : undefined),
    ],
    [
      t('fields.lastAssessmentScore'),
      (c) =>
        c.lastAssessmentScore === undefined ? { kind: 'empty' } : { kind: 'number', value: c.lastAssessmentScore },
    ],
  ];
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
    sheet.addRow(
      row.map((cell) => {
        switch (cell.kind) {
          case 'empty':
            return null;
          case 'date': {
            const [y, m, d] = cell.value.split('-').map(Number);
            return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
          }
          default:
            return cell.value;
        }
      }),
    );
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

/** Offers a file to the person (the browser's download). */
export function download(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
