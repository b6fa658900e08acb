import {
  absentFields,
  columnValues,
  importVocabulary,
  nameIndex,
  nameLikeness,
  readRows,
  suggestValueMapping,
  withSuggestions,
  type ColumnMapping,
  type RawCell,
} from '../../../../src/domain/import';
import { CATALOGUES } from '../../../../src/i18n';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
const rowsOf = (cells: RawCell[][]) => cells.map((c, i) => ({ row: i + 2, cells: c }));

/** A council's register as its spreadsheet has it: a "Statutory?" Yes/No column and its own words for models. */
const headers = ['Partnership', 'Statutory?', 'Legal model', 'Purpose', 'Directorate'];
const mapping: ColumnMapping = ['title', 'basis', 'model', 'purpose', 'directorate'];
const rows = rowsOf([
  ['Gwent Regional Partnership Board', 'Yes', 'Joint committee', 'Integrate care', 'Social Services'],
  ['East Gwent Youth Forum', 'No', 'Company limited by guarantee', 'Young people', 'Education'],
  ['Caerphilly Leisure Trust', 'Yes', 'Company limited by guarantee', 'Leisure', 'Communities'],
  ['Torfaen Play Partnership', 'Na', 'Informal arrangement', 'Play', 'Education'],
]);

describe('what a file’s own words mean', () => {
  it('lists each choice column’s distinct values, most rows first, with what each reads as', () => {
    const found = columnValues(rows, mapping, vocabulary, undefined);
    expect(found.map((c) => c.field)).toEqual(['basis', 'model']);
    const basis = found[0]!;
    expect(basis.values.map((v) => [v.text, v.rows, v.code])).toEqual([
      ['Yes', 2, undefined],
      ['Na', 1, undefined],
      ['No', 1, undefined],
    ]);
    const model = found[1]!;
    expect(model.values.map((v) => [v.text, v.rows, v.code])).toEqual([
      ['Company limited by guarantee', 2, undefined],
      ['Informal arrangement', 1, 'informalArrangement'],
      ['Joint committee', 1, 'jointCommittee'],
    ]);
  });

  it('suggests Yes → the choice the heading names, and No (in English or Welsh) → the import’s usual value', () => {
    const suggested = suggestValueMapping(headers, rows, mapping, vocabulary);
    expect(suggested).toEqual({ basis: { yes: 'statutory', no: 'localDecision', na: 'localDecision' } });
    // A heading that names no choice suggests nothing.
    expect(suggestValueMapping(['Name', 'Funded?'], rows, ['title', 'basis'], vocabulary)).toEqual({});
  });

  it('reads a row with the person’s meanings; a value still refused is an error naming it', () => {
    const values = withSuggestions(
      { model: { 'company limited by guarantee': 'corporateVehicle' } },
      {
        basis: { yes: 'statutory', no: 'localDecision' },
      },
    );
    const drafts = readRows(rows, mapping, { vocabulary, partners: [], values });
    expect(drafts.map((d) => [d.values.basis, d.values.model])).toEqual([
      ['statutory', 'jointCommittee'],
      ['localDecision', 'corporateVehicle'],
      ['statutory', 'corporateVehicle'],
      [undefined, 'informalArrangement'],
    ]);
    expect(drafts[3]!.problems).toEqual([
      { row: 5, column: 1, field: 'basis', code: 'invalidChoice', severity: 'error', params: { value: 'Na' } },
    ]);
  });

  it('the person’s meaning wins over a suggestion for the same word', () => {
    expect(
      withSuggestions({ basis: { yes: 'goodPractice' } }, { basis: { yes: 'statutory', no: 'localDecision' } }),
    ).toEqual({ basis: { yes: 'goodPractice', no: 'localDecision' } });
  });
});

describe('fields the file does not have', () => {
  const only: ColumnMapping = ['title', 'basis'];

  it('are listed with the value every new record gets: the person’s, the usual one, or none yet', () => {
    const absent = absentFields(only, { purpose: 'To be written' });
    const of = (f: string) => absent.find((a) => a.field === f);
    expect(of('purpose')).toEqual({ field: 'purpose', value: 'To be written', from: 'person', required: true });
    expect(of('footprint')).toEqual({ field: 'footprint', value: 'local', from: 'default', required: true });
    expect(of('model')).toEqual({ field: 'model', from: 'none', required: true });
    expect(of('basis')).toBeUndefined(); // the file has it
    expect(of('significance')).toBeUndefined(); // worked out, never asked for
  });

  it('a value given for every row is read as if each row had it, and its problems belong to no column', () => {
    const drafts = readRows(rowsOf([['Gwent Regional Partnership Board', 'Statutory']]), only, {
      vocabulary,
      partners: [],
      fill: { model: 'Joint committee', directorate: 'Social Services', footprint: 'Somewhere' },
    });
    expect(drafts[0]!.values).toMatchObject({ model: 'jointCommittee', directorate: 'Social Services' });
    expect(drafts[0]!.problems).toEqual([
      {
        row: 2,
        column: null,
        field: 'footprint',
        code: 'invalidChoice',
        severity: 'error',
        params: { value: 'Somewhere' },
      },
    ]);
  });
});

describe('a collaboration the register holds, by name', () => {
  const register = [
    {
      id: 1,
      reference: 'COL-0001',
      title: 'Shared Resource Service (ICT)',
      leadOrganisation: 'Torfaen County Borough Council',
    },
    {
      id: 2,
      reference: 'COL-0002',
      title: 'Gwent Regional Partnership Board',
      titleCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent',
    },
    { id: 3, reference: 'COL-0003', title: 'Care & Repair Cymru Agency' },
  ];
  const index = nameIndex(register);

  it('finds the same name whatever its case, punctuation, "&" or a leading "The", in English or Welsh', () => {
    expect(index.find('shared resource service ICT')?.record.reference).toBe('COL-0001');
    expect(index.find('The Shared Resource Service - ICT', 'Torfaen County Borough Council')).toMatchObject({
      kind: 'same',
      record: { reference: 'COL-0001' },
    });
    expect(index.find('Care and Repair Cymru Agency')).toMatchObject({ kind: 'same', record: { id: 3 } });
    expect(index.find('Bwrdd Partneriaeth Rhanbarthol Gwent')).toMatchObject({ kind: 'same', record: { id: 2 } });
  });

  it('a different lead organisation is a different collaboration', () => {
    expect(index.find('Shared Resource Service (ICT)', 'Newport City Council')).toBeUndefined();
  });

  it('a nearly equal name is pointed out as similar, not taken', () => {
    expect(index.find('Shared Resource Service')).toMatchObject({ kind: 'similar', record: { id: 1 } });
    expect(index.find('Gwent Regional Partnership Board (adults)')).toMatchObject({ kind: 'similar' });
    expect(index.find('Gwent Youth Forum')).toBeUndefined();
    expect(nameLikeness('Gwent Regional Partnership Board', 'gwent  regional partnership board')).toBe(1);
  });
});
