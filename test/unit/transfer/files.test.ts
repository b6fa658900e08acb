import { decodeText, MAX_FILE_BYTES } from '../../../src/transfer/bytes';
import { CsvRowError, defuse, parseCsv, readCsv, sniffDelimiter, writeCsv } from '../../../src/transfer/csv';
import { readTable } from '../../../src/transfer/table';
import { writeXlsx } from '../../../src/transfer/xlsx';
import { importVocabulary, readRows, suggestMapping, undefuse } from '../../../src/domain/import';
import { CATALOGUES, translate } from '../../../src/i18n';

// The first test loads exceljs (a large module): under CI's load that once took more than jest's 5 s.
jest.setTimeout(30_000);

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV', () => {
  it.each([
    [',', 'Name,Status,Cost\nA,Live,£1\n'],
    [';', 'Name;Status;Cost\nA;Live;"£1,000"\n'],
    ['\t', 'Name\tStatus\tCost\nA\tLive\t£1\n'],
    ['|', 'Name|Status|Cost\nA|Live|£1\n'],
  ])('finds the delimiter %j', (delimiter, text) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
    expect(parseCsv(text)[0]).toEqual(['Name', 'Status', 'Cost']);
  });

  it('reads quoted fields with delimiters, doubled quotes and new lines inside', () => {
    const text = 'Name,Partners,Note\r\n"Shared, legal","Torfaen CBC\nNewport","He said ""yes"""\r\nPlain,x,y';
    expect(parseCsv(text)).toEqual([
      ['Name', 'Partners', 'Note'],
      ['Shared, legal', 'Torfaen CBC\nNewport', 'He said "yes"'],
      ['Plain', 'x', 'y'],
    ]);
  });

  it('reads CRLF, LF and CR line ends, mixed in one file, and a final line end makes no empty row', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(parseCsv('a,b\n\nc,d')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('reports a row with an unclosed quote by its number, instead of dropping the rows after it', () => {
    const text = 'Name,Partners\nFirst,Torfaen\n"Second, unclosed,Newport\nThird,Cardiff\nFourth,Bridgend\n';
    expect(readCsv(text).problems).toEqual([{ row: 3, code: 'csvUnclosedQuote' }]);
    expect(() => parseCsv(text)).toThrow(CsvRowError);
    try {
      parseCsv(text);
    } catch (e) {
      expect(e instanceof CsvRowError && e.problems).toEqual([{ row: 3, code: 'csvUnclosedQuote' }]);
    }
  });

  it('reports text after a closing quote by its row number', () => {
    expect(readCsv('Name,Cost\nA,1\nB,2\n"C"x,3\nD,4\n', ',').problems[0]).toEqual({
      row: 4,
      code: 'csvMalformedQuote',
    });
  });

  it('a comma inside a quoted amount does not make comma the delimiter of a semicolon file', () => {
    expect(sniffDelimiter('a;b;c\n"1,2";"3,4";5\n6;7;8\n')).toBe(';');
  });

  it('writes every field quoted and defuses formulas, keeping Welsh letters', () => {
    const csv = writeCsv([
      ['Enw', 'Cost'],
      ['=HYPERLINK("http://evil","x")', 5],
      ['+cmd', -5],
      ['@SUM(A1)', null],
      ['-2+3', 0],
      ['Ŵyr Ŷd Â', 1],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.slice(1, 6).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil","x")',
      "'+cmd",
      "'@SUM(A1)",
      "'-2+3",
      'Ŵyr Ŷd Â',
    ]);
    expect(rows[2]?.[1]).toBe('-5');
  });

  it.each([
    [' =3+3', "' =3+3"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\n=1+1', "'\n=1+1"],
    ['\r\n+cmd', "'\r\n+cmd"],
    ['\t=1', "'\t=1"],
    ['\tindented', "'\tindented"],
    ['\rtext', "'\rtext"],
    ["'=already", "''=already"],
  ])('defuses %j, which a spreadsheet would run or hide, as %j', (text, defused) => {
    expect(defuse(text)).toBe(defused);
    expect(parseCsv(writeCsv([['h'], [text]]).slice(1))[1]?.[0]).toBe(defused);
  });

  it.each(['Plain', "O'Brien", ' leading space', '\nline first', 'a=b', '£5', '', "'quoted'"])(
    'leaves %j as it is',
    (text) => {
      expect(defuse(text)).toBe(text);
    },
  );

  it('the import undoes exactly its own defusing: export then import gives back every text', () => {
    const texts = [
      '=HYPERLINK("x")',
      ' =3+3',
      '\n=1',
      '\t\tx',
      '\rx',
      '-2',
      '+44 29',
      '@home',
      "'=x",
      "''+y",
      "'plain",
      "O'Brien",
      ' \n ',
      'Plain',
    ];
    const rows = parseCsv(writeCsv([['Text'], ...texts.map((t) => [t])]).slice(1)).slice(1);
    expect(rows.map((r) => undefuse(r[0] ?? ''))).toEqual(texts);
    for (const t of texts) expect(undefuse(defuse(t))).toBe(t);
  });
});

describe('bytes to text', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Enw,Ŵ')]))).toEqual({
      text: 'Enw,Ŵ',
      encoding: 'utf-8',
    });
  });
  it('reads UTF-8 without a mark', () => {
    expect(decodeText(utf8('£5 café'))).toEqual({ text: '£5 café', encoding: 'utf-8' });
  });
  it('detects Windows-1252 (£ and é are single bytes there) and converts it', () => {
    expect(decodeText(new Uint8Array([0xa3, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9]))).toEqual({
      text: '£5 café',
      encoding: 'windows-1252',
    });
  });
  it('decodes Windows-1252 curly apostrophes, dashes and pounds as those characters, not C1 controls (issue 17)', () => {
    const r = decodeText(new Uint8Array([0x4f, 0x92, 0x42, 0x20, 0x96, 0x20, 0xa3, 0x35, 0x20, 0x80, 0x93, 0x94]));
    expect(r).toEqual({ text: 'O\u2019B \u2013 £5 €\u201c\u201d', encoding: 'windows-1252' });
    expect(/[\u0080-\u009f]/.test(r.text)).toBe(false);
  });
  it('reads UTF-16 with its mark (Excel "Unicode text")', () => {
    const body = Array.from('Enw').flatMap((c) => [c.charCodeAt(0), 0]);
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...body])).text).toBe('Enw');
  });
});

describe('files refused with a reason', () => {
  it('an empty file', async () => {
    expect(await readTable(new Uint8Array())).toEqual({ ok: false, error: { code: 'fileEmpty' } });
    expect(await readTable(utf8('\uFEFF\r\n  \r\n'))).toEqual({ ok: false, error: { code: 'fileEmpty' } });
  });
  it('a 20 MB file', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    expect(await readTable(big)).toEqual({
      ok: false,
      error: { code: 'fileTooLarge', params: { size: 20, max: MAX_FILE_BYTES / 1024 / 1024 } },
    });
  });
  it('a file that is neither text nor a workbook', async () => {
    const r = await readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 0, 0, 0]));
    expect(r.ok === false && r.error.code).toBe('fileUnreadable');
  });
  it('a file with no recognisable columns reads, but maps nothing', async () => {
    const r = await readTable(utf8('Colour,Flavour\nred,sweet\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
    expect(suggestMapping(r.value.headers, vocabulary)).toEqual([null, null]);
  });
});

describe('a CSV with a row that cannot be read', () => {
  it('is refused with the row named, in English and Welsh, rather than read short', async () => {
    const text = 'Name,Partners\r\nFirst,Torfaen\r\nSecond,"Newport\r\nThird,Cardiff\r\nFourth,Bridgend\r\n';
    const r = await readTable(utf8(text));
    expect(r).toEqual({ ok: false, error: { code: 'csvUnclosedQuote', params: { row: 3 } } });
    if (r.ok) return;
    const params = 'params' in r.error ? r.error.params : {};
    const en = translate('en-GB', `errors.${r.error.code}`, params);
    const cy = translate('cy-GB', `errors.${r.error.code}`, params);
    expect(en).toContain('Row 3 ');
    expect(cy).toContain('rhes 3 ');
    expect(en).not.toBe(cy);
    expect(en).not.toContain('errors.');
  });
});

describe('Windows-1252 CSV end to end', () => {
  it('curly apostrophes, en dashes and pounds (0x92 0x96 0xA3) survive into the row', async () => {
    const bytes = new Uint8Array([
      ...utf8('Name;Annual cost\nSt David'),
      0x92,
      ...utf8('s Day '),
      0x96,
      ...utf8(' partnership;'),
      0xa3,
      ...utf8('5\n'),
    ]);
    const r = await readTable(bytes);
    expect(r.ok && r.value.encoding).toBe('windows-1252');
    if (!r.ok) return;
    expect(r.value.rows).toEqual([{ row: 2, cells: ['St David\u2019s Day \u2013 partnership', '£5'] }]);
  });

  it('the pound sign and accents survive into the row', async () => {
    const bytes = new Uint8Array([
      ...utf8('Name;Annual cost\nCaf'),
      0xe9,
      ...utf8(' partnership;'),
      0xa3,
      ...utf8('1,234,000\n'),
    ]);
    const r = await readTable(bytes);
    expect(r.ok && r.value.encoding).toBe('windows-1252');
    if (!r.ok) return;
    expect(r.value.rows).toEqual([{ row: 2, cells: ['Café partnership', '£1,234,000'] }]);
  });
});

describe('Excel workbooks', () => {
  it('reads the chosen sheet; dates become days; a formula cell is refused on import', async () => {
    const bytes = await writeXlsx(
      'Register',
      ['Name', 'Next review', 'Annual cost'],
      [
        ['Shared service', { date: '2026-03-31' }, { money: 1200 }],
        ['=HYPERLINK("http://evil","x")', null, 5],
      ],
    );
    const r = await readTable(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('xlsx');
    expect(r.value.sheets).toEqual(['Register']);
    expect(r.value.headers).toEqual(['Name', 'Next review', 'Annual cost']);
    expect(r.value.rows[0]?.cells).toEqual(['Shared service', '2026-03-31', 1200]);
    // Text that looks like a formula is a text cell, and reads back defused, for the import to undo.
    expect(r.value.rows[1]?.cells[0]).toBe('\'=HYPERLINK("http://evil","x")');

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Other').addRow(['x']);
    const sheet = wb.addWorksheet('Data');
    sheet.addRow(['Name', 'Link']);
    sheet.addRow(['A', { formula: 'HYPERLINK("http://evil","x")', result: 'x' }]);
    const withFormula = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readTable(withFormula, { sheet: 'Data' });
    expect(read.ok && read.value.sheet).toBe('Data');
    if (!read.ok) return;
    const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
    const [draft] = readRows(read.value.rows, ['title', 'purpose'], { vocabulary, partners: [] });
    expect(draft?.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 1, 'formulaNotAllowed']]);
  });
});

describe('Excel exports and formulas', () => {
  it('writes formula-like text as a plain text cell without an apostrophe; the import takes it back as text', async () => {
    const texts = ['=3+3', ' =1+1', '@SUM(A1)', '-cmd', "'=x", 'Plain'];
    const bytes = await writeXlsx(
      'Register',
      ['Name'],
      texts.map((t) => [t]),
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('Register');
    const cells = texts.map((_t, i) => sheet?.getRow(i + 2).getCell(1));
    expect(cells.map((c) => c?.value)).toEqual(texts);
    expect(cells.map((c) => c?.type)).toEqual(texts.map(() => ExcelJS.ValueType.String));
    expect(cells.some((c) => c?.formula !== undefined && c.formula !== '')).toBe(false);

    const read = await readTable(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
    const drafts = readRows(read.value.rows, ['title'], { vocabulary, partners: [] });
    expect(drafts.flatMap((d) => d.problems.map((p) => p.code))).not.toContain('formulaNotAllowed');
    expect(drafts.map((d) => d.values.title)).toEqual(texts.map((t) => t.trim()));
  });
});
