import { validateCollaboration, type Collaboration } from '../../../src/domain/collaboration';
import type { DomainError } from '../../../src/domain/result';
import { aCollaboration } from './fixtures';

function problems(input: unknown, options?: { councilName?: string }): DomainError[] {
  const result = validateCollaboration(input, options);
  return result.ok ? [] : result.error;
}

describe('validating a collaboration record', () => {
  it('accepts a whole record and returns it parsed', () => {
    const record = aCollaboration();
    expect(validateCollaboration(record)).toEqual({ ok: true, value: record });
  });

  it.each<[string, Partial<Collaboration>]>([
    ['an apostrophe in a name', { leadOfficer: { id: 3, displayName: "Siobhan O'Brien" } }],
    ['Welsh letters in the Welsh title', { titleCy: 'Gwasanaeth Archifau ar y Cyd Gwent — ŵ ŷ â ê î ô û' }],
    ['Welsh letters in the purpose', { purpose: "Cydweithio â'r Bwrdd Iechyd; ŵyr ŷd; ẅ ÿ ẃ ý ẁ ỳ" }],
    [
      'a lead organisation with an apostrophe',
      { leadOfficer: undefined, leadOrganisation: "Blaenau Gwent's Council", councilLeads: false },
    ],
    ['a title of exactly 255 characters', { title: 'ŵ'.repeat(255) }],
    ['an end date on the start date', { startDate: '2014-07-01', endDate: '2014-07-01' }],
    ['a contribution equal to the cost', { annualCost: 120_000, councilContribution: 120_000 }],
    ['a fixed review frequency with its date', { reviewFrequency: 'fixedDate', nextReviewDue: '2027-06-30' }],
    ['a closed record with an end date', { status: 'closed', endDate: '2026-03-31', exitNote: 'Merged.' }],
    [
      'a withdrawing record on a fixed frequency, its review removed',
      { status: 'withdrawing', reviewFrequency: 'fixedDate' },
    ],
    ['a leap day start', { startDate: '2024-02-29' }],
  ])('accepts %s', (_case, overrides) => {
    expect(problems(aCollaboration(overrides))).toEqual([]);
  });

  it.each<[string, Partial<Collaboration>, string, string]>([
    ['an end date before the start', { startDate: '2014-07-01', endDate: '2014-06-30' }, 'endDate', 'endBeforeStart'],
    [
      "the council's contribution exceeding the annual cost",
      { annualCost: 100_000, councilContribution: 100_001 },
      'councilContribution',
      'contributionExceedsCost',
    ],
    ['a fixed review frequency with no date', { reviewFrequency: 'fixedDate' }, 'nextReviewDue', 'reviewDateRequired'],
    ['a closed record with no end date', { status: 'closed', exitNote: 'Merged.' }, 'endDate', 'required'],
    ['a title of spaces', { title: '   ' }, 'title', 'required'],
    ['an empty purpose', { purpose: '' }, 'purpose', 'required'],
    ['an empty directorate', { directorate: '' }, 'directorate', 'required'],
    ['a title over 255 characters', { title: 'x'.repeat(256) }, 'title', 'tooLong'],
    ['a reference that is not COL-nnnn', { reference: 'COL-42' }, 'reference', 'invalidReference'],
    ['a negative annual cost', { annualCost: -1 }, 'annualCost', 'negative'],
    ['a partner listed twice', { partnerIds: [1, 2, 1] }, 'partnerIds', 'duplicatePartner'],
    ['a date that does not exist', { startDate: '2023-02-29' }, 'startDate', 'invalidDate'],
    ['an exit note over the note limit', { exitNote: 'x'.repeat(10_001) }, 'exitNote', 'tooLong'],
  ])('refuses %s', (_case, overrides, field, code) => {
    expect(problems(aCollaboration(overrides))).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('reports every problem at once', () => {
    const found = problems(
      aCollaboration({
        title: '',
        reference: 'PARTNERSHIP 7',
        startDate: '2020-01-01',
        endDate: '2019-01-01',
        annualCost: 10,
        councilContribution: 20,
        reviewFrequency: 'fixedDate',
        partnerIds: [4, 4],
      }),
    );
    expect(found.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'councilContribution:contributionExceedsCost',
      'endDate:endBeforeStart',
      'nextReviewDue:reviewDateRequired',
      'partnerIds:duplicatePartner',
      'reference:invalidReference',
      'title:required',
    ]);
  });

  it('a council-led record names the council as lead, ignoring case', () => {
    const options = { councilName: 'Caerphilly County Borough Council' };
    expect(problems(aCollaboration({ leadOrganisation: 'caerphilly county borough council' }), options)).toEqual([]);
    expect(problems(aCollaboration({ leadOrganisation: 'Torfaen County Borough Council' }), options)).toEqual([
      { field: 'leadOrganisation', code: 'councilLeadMismatch', params: { council: options.councilName } },
    ]);
  });

  it('reports each missing or malformed field of raw input by its own code', () => {
    const { kind: _kind, title: _title, ...rest } = aCollaboration();
    const found = problems({ ...rest, status: 'abandoned', annualCost: 'lots', startDate: '01/07/2014' });
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'required' },
        { field: 'kind', code: 'required' },
        { field: 'status', code: 'invalidChoice' },
        { field: 'annualCost', code: 'invalidNumber' },
        { field: 'startDate', code: 'invalidDate' },
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it('something that is not a record at all is one problem', () => {
    expect(problems(null)).toEqual([{ field: 'record', code: 'required' }]);
    expect(problems('COL-0042')).toEqual([{ field: 'record', code: 'invalidChoice' }]);
  });
});
