import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import {
  assuranceOverview,
  statementKey,
  type AssuranceOverview,
  type AssuranceStatement,
} from '../../../src/domain/assuranceStatement';
import type { Person } from '../../../src/domain/collaboration';
import { translate, type Locale } from '../../../src/i18n';
import { formattersFor } from '../../../src/ui/app/context';
import { annualWordDocument } from '../../../src/ui/features/reports/wordDocument';
import { statementTables, toWorkbook } from '../../../src/ui/features/reports/workbook';
import { aCollaboration } from '../domain/fixtures';
import { openDocx, tablesOf } from './wordXml';

/**
 * The annual report's assurance statements in the workbook and the Word document: one sheet
 * and one table of the statements made (directorate, who confirmed, when, complete or not,
 * comment), one of the directorates yet to confirm with who is expected; each opened with
 * its library (ExcelJS; the .docx unzipped) and its rows checked against the domain's overview.
 */
const YEAR = 2025;
const tFor = (locale: Locale) =>
  ((key: string, params?: Record<string, unknown>) =>
    translate(locale, key, (params ?? {}) as Record<string, string | number>)) as unknown as TFunction;

const dylan: Person = { id: 9, displayName: "Dylan O'Brien", email: 'dylan.obrien@example.gov.uk' };
const gareth: Person = { id: 12, displayName: 'Gareth Hughes' };
const llyr: Person = { id: 10, displayName: 'Llŷr Evans' };
const megan: Person = { id: 14, displayName: 'Megan Ŵyn' };

const records = [
  aCollaboration({ directorate: 'Economy and Environment', headOfService: dylan, startDate: '2020-04-01' }),
  aCollaboration({ directorate: 'Corporate Services', headOfService: gareth, startDate: '2014-07-01' }),
  aCollaboration({ directorate: 'Education', headOfService: llyr, startDate: '2019-01-01' }),
  aCollaboration({ directorate: 'Social Services', headOfService: megan, startDate: '2018-01-01' }),
  aCollaboration({ directorate: 'Social Services', headOfService: llyr, startDate: '2021-01-01' }),
  aCollaboration({ directorate: 'Housing', startDate: '2022-01-01' }),
];
const statement = (directorate: string, over: Partial<AssuranceStatement>): AssuranceStatement => ({
  key: statementKey(YEAR, directorate),
  year: YEAR,
  directorate,
  confirmedBy: dylan,
  confirmedOn: '2026-05-20',
  complete: true,
  ...over,
});
const statements = [
  statement('Economy and Environment', { comment: 'Checked with both service managers.' }),
  statement('Corporate Services', {
    confirmedBy: gareth,
    confirmedOn: '2026-06-03',
    complete: false,
    comment: 'Two shared services still to add.\nDue in July.',
  }),
];
const overview: AssuranceOverview = assuranceOverview(YEAR, records, statements);

describe('the assurance statements in the annual workbook', () => {
  async function workbookFor(locale: Locale) {
    const bytes = await toWorkbook(statementTables(overview, tFor(locale)), { title: 'Annual report 2025–26' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    return workbook;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) =>
    sheet
      .getRows(1, sheet.rowCount)!
      .map((row) => (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v instanceof Date ? v : (v ?? ''))));

  it('has a sheet of the statements made, one row per statement, as the overview has them', async () => {
    const sheet = (await workbookFor('en-GB')).getWorksheet('Assurance statements')!;
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(['Directorate', 'Confirmed by', 'Confirmed on', 'Complete and correct', 'Comment']);
    const made = overview.directorates.filter((d) => d.statement);
    expect(rows.slice(1).map((r) => r[0])).toEqual(made.map((d) => d.directorate));
    expect(rows.slice(1)).toEqual([
      [
        'Corporate Services',
        'Gareth Hughes',
        new Date(Date.UTC(2026, 5, 3)),
        'Not yet',
        'Two shared services still to add.\nDue in July.',
      ],
      [
        'Economy and Environment',
        "Dylan O'Brien",
        new Date(Date.UTC(2026, 4, 20)),
        'Yes',
        'Checked with both service managers.',
      ],
    ]);
    // A real date, shown as councils write dates; no one's address.
    expect(sheet.getColumn(3).numFmt).toBe('dd/mm/yyyy');
    expect(JSON.stringify(rows)).not.toContain('@example');
  });

  it('has a sheet of the directorates yet to confirm, with the Heads of Service expected', async () => {
    const rows = rowsOf((await workbookFor('en-GB')).getWorksheet('Yet to confirm')!);
    expect(rows).toEqual([
      ['Directorate', 'Head of Service'],
      ...overview.directorates
        .filter((d) => !d.statement)
        .map((d) => [d.directorate, d.expected.map((p) => p.displayName).join(', ') || 'None named']),
    ]);
    expect(rows.slice(1)).toEqual([
      ['Education', 'Llŷr Evans'],
      ['Housing', 'None named'],
      ['Social Services', 'Llŷr Evans, Megan Ŵyn'],
    ]);
  });

  it('is in Welsh for a Welsh reader, with sheet names Excel accepts', async () => {
    const workbook = await workbookFor('cy-GB');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Datganiadau sicrwydd', 'Heb gadarnhau eto']);
    const rows = rowsOf(workbook.getWorksheet('Datganiadau sicrwydd')!);
    expect(rows[0]).toEqual(['Cyfarwyddiaeth', 'Cadarnhawyd gan', 'Dyddiad cadarnhau', 'Cyflawn a chywir', 'Sylw']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['Ddim eto', 'Ydy']);
  });
});

describe('the assurance statements in the annual Word document', () => {
  async function documentTables(locale: Locale) {
    const t = tFor(locale);
    const bytes = await annualWordDocument({
      tables: statementTables(overview, t),
      t,
      locale,
      format: formattersFor(locale),
      council: 'Cyngor Bwrdeistref Sirol Torfaen',
      yearLabel: '2025–26',
      period: { from: '2025-04-01', to: '2026-03-31' },
    });
    return tablesOf(openDocx(bytes).xml);
  }

  it('has the statements made and the directorates yet to confirm, row for row as the overview', async () => {
    const fmt = formattersFor('en-GB');
    const tables = await documentTables('en-GB');
    const made = tables.find((t) => t.heading === 'Annual assurance statements');
    const pending = tables.find((t) => t.heading === 'Directorates yet to confirm');
    expect(made?.rows).toEqual([
      ['Directorate', 'Confirmed by', 'Confirmed on', 'Complete and correct', 'Comment'],
      ...overview.directorates
        .filter((d) => d.statement)
        .map((d) => [
          d.directorate,
          d.statement!.confirmedBy.displayName,
          fmt.date(d.statement!.confirmedOn),
          d.statement!.complete ? 'Yes' : 'Not yet',
          d.statement!.comment ?? '',
        ]),
    ]);
    expect(made?.rows[1]?.[2]).toBe('3 June 2026');
    expect(pending?.rows).toEqual([
      ['Directorate', 'Head of Service'],
      ['Education', 'Llŷr Evans'],
      ['Housing', 'None named'],
      ['Social Services', 'Llŷr Evans, Megan Ŵyn'],
    ]);
  });

  it('is in Welsh for a Welsh reader', async () => {
    const tables = await documentTables('cy-GB');
    const made = tables.find((t) => t.heading === 'Datganiadau sicrwydd blynyddol');
    expect(made?.rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Corporate Services', '3 Mehefin 2026', 'Ddim eto'],
      ['Economy and Environment', '20 Mai 2026', 'Ydy'],
    ]);
    expect(tables.find((t) => t.heading === 'Cyfarwyddiaethau sydd heb gadarnhau eto')?.rows.length).toBe(4);
  });
});
