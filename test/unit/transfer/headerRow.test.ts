import type { Worksheet } from 'exceljs';
import { importVocabulary, suggestMapping } from '../../../src/domain/import';
import { CATALOGUES, translate } from '../../../src/i18n';
import { sniffDelimiter } from '../../../src/transfer/csv';
import { readTable, type FileResult } from '../../../src/transfer/table';

// The first test loads exceljs (a large module): under CI's load that once took more than jest's 5 s.
jest.setTimeout(30_000);

/**
 * Councils' own register files: a title row above the headings, a notes row,
 * blank rows, merged cells, Yes/No columns, short forms (CBC, UHB) and Welsh
 * letters. The workbooks are made with exceljs here, as Excel would save them.
 */
const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
const utf8 = (text: string) => new TextEncoder().encode(text);

const TITLE = 'Torfaen County Borough Council – Register of Partnerships 2025/26';
const NOTES = 'Reviewed quarterly by Heads of Service. Partners: short forms as used by WLGA.';
const HEADINGS = ['Ref', 'Partnership name', 'Lead organisation', 'Partners', 'Statutory?', 'Status'];
const BODY = [
  ['TOR-01', 'Gwent Regional Partnership Board', 'Torfaen CBC', 'ABUHB; Newport CC', 'Yes', 'Live'],
  ['TOR-02', 'Partneriaeth Tŷ Hafan', 'Cardiff Council', 'Cardiff and Vale UHB', 'No', 'Live'],
  ['TOR-03', 'Shared legal service', 'Torfaen CBC', 'Blaenau Gwent CBC', 'No', 'Under review'],
];

function table(r: FileResult) {
  if (!r.ok) throw new Error(`not read: ${r.error.code}`);
  return r.value;
}

async function workbook(build: (sheet: Worksheet) => void): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Register'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an Excel register with a title, notes and a blank row above its headings', () => {
  it('finds the headings on row 4, keeps Excel’s row numbers and maps the columns', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A1').value = TITLE;
      sheet.mergeCells('A1:F1');
      sheet.getCell('A2').value = NOTES;
      sheet.getRow(4).values = HEADINGS;
      BODY.forEach((cells, i) => (sheet.getRow(5 + i).values = cells));
    });
    const t = table(await readTable(bytes, { vocabulary }));
    expect(t.headerRow).toBe(4);
    expect(t.headers).toEqual(HEADINGS);
    expect(t.rows.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(t.rows[1]?.cells).toEqual(BODY[1]);
    expect(suggestMapping(t.headers, vocabulary)).toEqual([
      'reference',
      'title',
      'leadOrganisation',
      'partners',
      expect.anything(),
      'status',
    ]);
    // Without the vocabulary the shape of the rows alone finds the same row.
    expect(table(await readTable(bytes)).headerRow).toBe(4);
  });

  it('reads a value merged across cells in every cell of the merge: a heading over two columns, a lead down rows', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A1').value = TITLE;
      sheet.mergeCells('A1:E1');
      sheet.getRow(3).values = ['Partnership name', 'Lead organisation', 'Partners', null, 'Statutory?'];
      sheet.mergeCells('C3:D3');
      sheet.getRow(4).values = ['Gwent Music', 'Torfaen CBC', 'Newport CC', 'Monmouthshire CC', 'No'];
      sheet.getRow(5).values = ['Gwent Archives', null, 'Blaenau Gwent CBC', 'Caerphilly CBC', 'Yes'];
      sheet.getRow(6).values = ['Shared HR', null, 'ABUHB', null, 'No'];
      sheet.mergeCells('B4:B6');
    });
    const t = table(await readTable(bytes, { vocabulary }));
    expect(t.headerRow).toBe(3);
    expect(t.headers).toEqual(['Partnership name', 'Lead organisation', 'Partners', 'Partners', 'Statutory?']);
    expect(t.rows.map((r) => [r.row, r.cells[1]])).toEqual([
      [4, 'Torfaen CBC'],
      [5, 'Torfaen CBC'],
      [6, 'Torfaen CBC'],
    ]);
  });

  it('reads from the row the person chose instead, and refuses a row that is empty or past the end, in both languages', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A1').value = TITLE;
      sheet.getRow(3).values = HEADINGS;
      BODY.forEach((cells, i) => (sheet.getRow(4 + i).values = cells));
    });
    const chosen = table(await readTable(bytes, { headerRow: 4 }));
    expect(chosen.headerRow).toBe(4);
    expect(chosen.headers).toEqual(BODY[0]);
    expect(chosen.rows.map((r) => r.row)).toEqual([5, 6]);

    for (const row of [2, 40, 0, Number.NaN]) {
      const r = await readTable(bytes, { headerRow: row });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error).toEqual({
        code: 'headerRowMissing',
        params: { row: Number.isNaN(row) ? 'NaN' : row, last: 6 },
      });
    }
    const r = await readTable(bytes, { headerRow: 40 });
    if (r.ok || r.error.code !== 'headerRowMissing') throw new Error('expected a refusal');
    expect(translate('en-GB', `errors.${r.error.code}`, r.error.params)).toBe(
      'Row 40 cannot be the row of headings: it is empty or after the file’s last row (6). Choose the row that holds the column headings.',
    );
    expect(translate('cy-GB', `errors.${r.error.code}`, r.error.params)).toBe(
      'Ni all rhes 40 fod yn rhes y penawdau: mae’n wag neu ar ôl rhes olaf y ffeil (6). Dewiswch y rhes sy’n dal penawdau’r colofnau.',
    );
  });

  it('a sheet whose first row is its headings is read from row 1, as before', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(HEADINGS);
      for (const cells of BODY) sheet.addRow(cells);
    });
    const t = table(await readTable(bytes, { vocabulary }));
    expect([t.headerRow, t.rows[0]?.row]).toEqual([1, 2]);
  });
});

describe('a CSV register with title rows', () => {
  const csvOf = (lines: string[]) => utf8(`${lines.join('\r\n')}\r\n`);

  it('as Excel saves a sheet with a title: padded with commas, a blank row, then the headings', async () => {
    const pad = (cells: string[]) => cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',');
    const bytes = csvOf([
      pad([TITLE, '', '', '', '', '']),
      pad([NOTES, '', '', '', '', '']),
      ',,,,,',
      pad(HEADINGS),
      ...BODY.map(pad),
    ]);
    const t = table(await readTable(bytes, { vocabulary }));
    expect(t.headerRow).toBe(4);
    expect(t.headers).toEqual(HEADINGS);
    expect(t.rows.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(t.rows[1]?.cells[1]).toBe('Partneriaeth Tŷ Hafan');
  });

  it('finds the semicolon of a file whose title line has none', async () => {
    const text = ['Cyngor Gwynedd – Cofrestr Cydweithio', '', HEADINGS.join(';'), ...BODY.map((b) => b.join(';'))].join(
      '\n',
    );
    expect(sniffDelimiter(text)).toBe(';');
    const t = table(await readTable(utf8(text), { vocabulary }));
    expect([t.headerRow, t.headers.length, t.rows.length]).toEqual([3, 6, 3]);
  });

  it('a one-column file reads its first row as the heading', async () => {
    const t = table(await readTable(utf8('Title\nGwent Music\nShared HR\n')));
    expect([t.headerRow, t.headers, t.rows.map((r) => r.row)]).toEqual([1, ['Title'], [2, 3]]);
  });

  it('says when its text was single-byte (Windows-1252 or plain ASCII), where ŵ and ŷ cannot be held', async () => {
    const ascii = table(await readTable(utf8('Title,Lead organisation\nLl?r partnership,Gwynedd\n')));
    expect(ascii.singleByte).toBe(true);
    const welsh = table(await readTable(utf8('Title,Lead organisation\nLlŷr partnership,Gwynedd\n')));
    expect(welsh.singleByte).toBe(false);
    const bom = table(await readTable(utf8('\uFEFFTitle,Lead organisation\nLl?r,Gwynedd\n')));
    expect(bom.singleByte).toBe(false);
  });
});
