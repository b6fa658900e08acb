import {
  findHeadingRow,
  hasLostLetter,
  importVocabulary,
  looksLikeHeading,
  lostLetterProblems,
  type RawCell,
  type SheetRow,
} from '../../../src/domain/import';
import { CATALOGUES } from '../../../src/i18n';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);

/** Rows numbered from 1 as a spreadsheet shows them; `[]` is a blank row. */
const sheet = (...rows: RawCell[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));

/** The spreadsheet number of the heading row found, with and without the vocabulary. */
function headingRowOf(rows: SheetRow[]): { shape: number | undefined; words: number | undefined } {
  const at = (i: number | undefined) => (i === undefined ? undefined : rows[i]?.row);
  return { shape: at(findHeadingRow(rows)), words: at(findHeadingRow(rows, { vocabulary })) };
}

const HEADINGS = ['Ref', 'Partnership name', 'Lead organisation', 'Partners', 'Statutory?', 'Status', 'Next review'];
const BODY: RawCell[][] = [
  ['P001', 'Gwent Regional Partnership Board', 'Torfaen CBC', 'ABUHB; Newport CC', 'Yes', 'Live', '31/03/2026'],
  ['P002', 'Cyd-bwyllgor Corfforedig De-ddwyrain Cymru', 'Cardiff Council', 'CCR', 'Yes', 'Live', '30/06/2026'],
  ['P003', 'Shared legal service', 'Torfaen CBC', 'Blaenau Gwent CBC', 'No', 'Under review', '01/10/2025'],
];

describe('the heading row of a council spreadsheet', () => {
  it('is below a title row, a notes row and a blank row', () => {
    const rows = sheet(
      ['Torfaen County Borough Council – Register of Partnerships 2025/26'],
      ['Notes: reviewed quarterly by Heads of Service; amounts in £ for the year.'],
      [],
      HEADINGS,
      ...BODY,
    );
    expect(headingRowOf(rows)).toEqual({ shape: 4, words: 4 });
  });

  it('is the first row when the sheet begins with its headings', () => {
    expect(headingRowOf(sheet(HEADINGS, ...BODY))).toEqual({ shape: 1, words: 1 });
  });

  it('is below a title merged across every column (one value repeated in each cell of the merge)', () => {
    const title = 'Cyngor Bwrdeistref Sirol Torfaen – Cofrestr Partneriaethau 2025/26';
    const rows = sheet(
      HEADINGS.map(() => title),
      [],
      HEADINGS,
      ...BODY,
    );
    expect(headingRowOf(rows)).toEqual({ shape: 3, words: 3 });
  });

  it('is not a notes row of two short cells over a wider table ("Owner:", "Governance team")', () => {
    const rows = sheet(
      ['Register of collaborations'],
      ['Owner:', 'Governance team', null, 'Updated:', '01/04/2025'],
      HEADINGS,
      ...BODY,
    );
    expect(headingRowOf(rows)).toEqual({ shape: 3, words: 3 });
  });

  it('a date, an amount, a number or a true/false cell does not read as a heading', () => {
    expect(looksLikeHeading('31/03/2026')).toBe(false);
    expect(looksLikeHeading('£1,250.00')).toBe(false);
    expect(looksLikeHeading(2025)).toBe(false);
    expect(looksLikeHeading(true)).toBe(false);
    expect(looksLikeHeading('Lead organisation')).toBe(true);
    expect(looksLikeHeading('Sefydliad arweiniol')).toBe(true);
  });

  it('found by the vocabulary when the headings are Welsh, below a title', () => {
    const rows = sheet(
      ['Cyngor Gwynedd – Cofrestr Cydweithio'],
      [],
      ['Teitl', 'Sefydliad arweiniol', 'Partneriaid', 'Statws'],
      ['Partneriaeth Wastraff', 'Cyngor Gwynedd', 'Cyngor Sir Ynys Môn', 'Byw'],
    );
    expect(headingRowOf(rows).words).toBe(3);
  });

  it('in a one-column file is its first row, or the cell below a title that names a field', () => {
    const plain = sheet(['Title'], ['Joint Waste Partnership'], ['Gwent Music']);
    expect(headingRowOf(plain)).toEqual({ shape: 1, words: 1 });
    const titled = sheet(['Register 2025/26'], ['Title'], ['Joint Waste Partnership'], ['Gwent Music']);
    expect(headingRowOf(titled).words).toBe(2);
  });

  it('is undefined when every row is empty', () => {
    expect(findHeadingRow(sheet([], [null, ''], ['  ']))).toBeUndefined();
  });
});

describe('letters lost by a single-byte file', () => {
  it.each([
    ['Cyngor Gwynedd – Gwasanaethau Cymdeithasol a Ll?r', true],
    ['T? Hafan', true],
    ['Canolfan D?r Cymru', true],
    ['ei d?', true],
    ['Is the board still meeting?', false],
    ['https://www.torfaen.gov.uk/partnerships?id=12', false],
    ['Tŷ Hafan', false],
    ['Yes', false],
  ])('%j → %s', (text, lost) => {
    expect(hasLostLetter(text)).toBe(lost);
  });

  it('gives one warning per mapped cell with a lost letter, at its row and column, and none elsewhere', () => {
    const cells: RawCell[] = ['Ll?r Partnership', 'T? Hafan', 'Cyngor Gwynedd', 'D?r'];
    const problems = lostLetterProblems(cells, 7, ['title', 'leadOrganisation', 'directorate', null]);
    expect(problems).toEqual([
      {
        row: 7,
        column: 0,
        field: 'title',
        code: 'letterLost',
        severity: 'warning',
        params: { value: 'Ll?r Partnership' },
      },
      {
        row: 7,
        column: 1,
        field: 'leadOrganisation',
        code: 'letterLost',
        severity: 'warning',
        params: { value: 'T? Hafan' },
      },
    ]);
  });
});
