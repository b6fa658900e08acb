import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import type { Collaboration, Stored } from '../../src/domain';
import { translate } from '../../src/i18n';
import { csvField, exportTable, toCsv, toXlsx } from '../../src/ui/features/register/exportView';

const t = ((key: string, params?: Record<string, string | number>) =>
  translate('cy-GB', key, params ?? {})) as unknown as TFunction;

const record: Stored<Collaboration> = {
  id: 1,
  etag: '"1"',
  reference: 'COL-0001',
  title: '=HYPERLINK("http://evil","click") "Gwent" partnership',
  titleCy: 'Partneriaeth Gŵyl Ŷd',
  kind: 'collaboration',
  model: 'jointCommittee',
  purpose: '+purpose',
  reasons: [],
  basis: 'statutory',
  footprint: 'gwent',
  leadOrganisation: '@lead',
  councilLeads: false,
  partnerIds: [1, 2],
  directorate: '-Education',
  status: 'active',
  startDate: '2024-04-01',
  nextReviewDue: '2026-01-31',
  reviewFrequency: 'annual',
  annualCost: 125000,
  serviceRisk: 'low',
};

describe('export of the register view', () => {
  it('quotes every CSV field and defuses cells a spreadsheet would run', () => {
    expect(csvField({ kind: 'text', value: '=1+2' })).toBe(`"'=1+2"`);
    expect(csvField({ kind: 'text', value: '+1' })).toBe(`"'+1"`);
    expect(csvField({ kind: 'text', value: '-1' })).toBe(`"'-1"`);
    expect(csvField({ kind: 'text', value: '@SUM(A1)' })).toBe(`"'@SUM(A1)"`);
    expect(csvField({ kind: 'text', value: ' =3+3' })).toBe(`"' =3+3"`);
    expect(csvField({ kind: 'text', value: '\n=3+3' })).toBe(`"'\n=3+3"`);
    expect(csvField({ kind: 'text', value: '\tx' })).toBe(`"'\tx"`);
    expect(csvField({ kind: 'text', value: 'say "hi", then go' })).toBe('"say ""hi"", then go"');
    expect(csvField({ kind: 'money', value: 1200 })).toBe('"1200"');
    expect(csvField({ kind: 'empty' })).toBe('""');
  });

  it('writes headings in the person’s language and keeps Welsh letters', () => {
    const csv = toCsv(exportTable([record], t, '2026-03-02'));
    expect(csv.startsWith('\uFEFF"Cyfeirnod","Enw","Enw (Cymraeg)"')).toBe(true);
    expect(csv).toContain('"Partneriaeth Gŵyl Ŷd"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"") ""Gwent"" partnership"`);
    expect(csv).toContain('"Cyd-bwyllgor"');
    expect(csv).toContain('"Yn hwyr"');
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('writes Excel with real dates and numbers', async () => {
    const data = await toXlsx(exportTable([record], t, '2026-03-02'), 'Cydweithrediadau');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cydweithrediadau')!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (heading: string) => sheet.getRow(2).getCell(headings.indexOf(heading) + 1);
    expect(cell('Dyddiad dechrau').value).toEqual(new Date(Date.UTC(2024, 3, 1)));
    expect(cell('Cost flynyddol').value).toBe(125000);
    expect(cell('Cost flynyddol').numFmt).toBe('"£"#,##0');
    expect(cell('Enw').value).toBe(record.title);
  });
});
