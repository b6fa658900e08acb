import { CATALOGUES } from '../../../../src/i18n';
import {
  importKeyOf,
  importVocabulary,
  planImport,
  proposedPartners,
  readRows,
  suggestMapping,
  summarisePlan,
  type ColumnMapping,
  type ImportField,
} from '../../../../src/domain/import';
import type { Collaboration } from '../../../../src/domain/collaboration';
import type { Stored } from '../../../../src/domain/ports';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);

describe('suggested mapping from headers', () => {
  it.each<[string, ImportField | null]>([
    ['Lead Officer', 'leadOfficer'],
    ['Swyddog Arweiniol', 'leadOfficer'],
    ['Ref', 'reference'],
    ['Cyfeirnod', 'reference'],
    ['Partnership name', 'title'],
    ['Enw', 'title'],
    ['Partner Organisations', 'partners'],
    ['Sefydliadau partner', 'partners'],
    ['Model', 'model'],
    ['Statws', 'status'],
    ['Next review date', 'nextReviewDue'],
    ['Adolygiad nesaf yn ddyledus', 'nextReviewDue'],
    ['Annual Cost (£)', 'annualCost'],
    ['Cost flynyddol', 'annualCost'],
    ['Directorate', 'directorate'],
    ['Cyfarwyddiaeth', 'directorate'],
    ['Lead organisation / Sefydliad arweiniol', 'leadOrganisation'],
    ['Favourite colour', null],
  ])('"%s" suggests %s', (header, field) => {
    expect(suggestMapping([header], vocabulary)).toEqual([field]);
  });

  it('uses each field once, for the best-matching header', () => {
    const mapping = suggestMapping(['Last review', 'Last review outcome', 'Name', 'Name (Welsh)'], vocabulary);
    expect(mapping).toEqual(['lastReviewDate', null, 'title', 'titleCy']);
  });
});

const headers = [
  'Ref',
  'Partnership name',
  'Model',
  'Status',
  'Lead organisation',
  'Partners',
  'Directorate',
  'Purpose',
  'Annual cost',
  'Council leads',
  'Next review',
  'Lead officer',
];
const partners = [
  { id: 1, key: 'P-TORFAEN', name: 'Torfaen County Borough Council', nameCy: 'Cyngor Bwrdeistref Sirol Torfaen' },
  { id: 2, key: 'P-GWENT-POLICE', name: 'Gwent Police', nameCy: 'Heddlu Gwent' },
];
const people = [{ id: 7, displayName: 'Siân Prŷs', email: 'sian.prys@example.gov.uk' }];

function rows(...cells: string[][]) {
  return cells.map((c, i) => ({ row: i + 2, cells: c }));
}

describe('a row becomes a record', () => {
  const mapping = suggestMapping(headers, vocabulary);

  it('the suggested mapping covers every column', () => {
    expect(mapping).toEqual([
      'reference',
      'title',
      'model',
      'status',
      'leadOrganisation',
      'partners',
      'directorate',
      'purpose',
      'annualCost',
      'councilLeads',
      'nextReviewDue',
      'leadOfficer',
    ]);
  });

  it('reads every kind of cell, matches partners and people, and proposes new partners', () => {
    const [d] = readRows(
      rows([
        'GW-12',
        'Gwent Regional Partnership Board',
        'Joint committee',
        'Live',
        'Torfaen County Borough Council',
        'Heddlu Gwent; Torfaen CBC; Aneurin Bevan UHB',
        'Social Services',
        'Integrate health and care',
        '£1.2m',
        'Ie',
        '31 Mawrth 2026',
        'Siân Prŷs',
      ]),
      mapping,
      { vocabulary, partners, people },
    );
    expect(d?.key).toBe('id:GW-12');
    expect(d?.values).toMatchObject({
      title: 'Gwent Regional Partnership Board',
      model: 'jointCommittee',
      status: 'active',
      annualCost: 1_200_000,
      councilLeads: true,
      nextReviewDue: '2026-03-31',
      leadOfficer: people[0],
    });
    expect(d?.partners).toEqual([
      { name: 'Heddlu Gwent', id: 2 },
      // A short form of a public body is the body (src/domain/publicBodies.ts).
      { name: 'Torfaen CBC', id: 1 },
      { name: 'Aneurin Bevan UHB' },
    ]);
    expect(d?.problems.map((p) => [p.column, p.code, p.severity])).toEqual([[5, 'partnerProposed', 'warning']]);
  });

  it('names every bad cell by row and column, and a formula is refused', () => {
    const [d] = readRows(
      rows([
        '',
        'Shared legal service',
        'Sort of',
        'Live',
        'Torfaen County Borough Council',
        '',
        'Law',
        '=HYPERLINK("http://evil","x")',
        'lots',
        'maybe',
        '31/02/2026',
        'Nobody Known',
      ]),
      mapping,
      { vocabulary, partners, people },
    );
    expect(d?.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 2, 'invalidChoice'],
      [2, 7, 'formulaNotAllowed'],
      [2, 8, 'invalidNumber'],
      [2, 9, 'invalidChoice'],
      [2, 10, 'invalidDate'],
      [2, 11, 'personNotFound'],
    ]);
  });

  it('without an identifier column the key is a hash of title and lead organisation', () => {
    expect(importKeyOf(undefined, 'Shared Legal Service', 'Torfaen CBC')).toBe(
      importKeyOf(undefined, ' shared legal  service', 'TORFAEN CBC'),
    );
    expect(importKeyOf(undefined, 'Shared Legal Service', 'Torfaen CBC')).not.toBe(
      importKeyOf(undefined, 'Shared Legal Service', 'Newport'),
    );
    expect(importKeyOf(undefined, 'a', 'b')).toMatch(/^h:/);
  });

  it('a key used twice is an error on the second row', () => {
    const drafts = readRows(
      rows(
        ['GW-1', 'One', 'Joint committee', 'Live', 'X', '', 'D', 'P', '', '', '', ''],
        ['gw-1', 'Two', 'Joint committee', 'Live', 'X', '', 'D', 'P', '', '', '', ''],
      ),
      mapping,
      { vocabulary, partners },
    );
    expect(drafts[1]?.problems).toEqual([
      expect.objectContaining({ row: 3, column: 0, code: 'duplicateKey', params: { row: 2 } }),
    ]);
  });
});

describe('the plan', () => {
  const mapping: ColumnMapping = [
    'reference',
    'title',
    'model',
    'leadOrganisation',
    'directorate',
    'purpose',
    'partners',
  ];
  const read = (...r: string[][]) => readRows(rows(...r), mapping, { vocabulary, partners });

  it('creates new rows with the next references, finds stored ones by key, skips what the person skips', () => {
    const drafts = read(
      ['A1', 'New one', 'Joint committee', 'Torfaen', 'Corporate', 'Purpose one', 'Gwent Police'],
      ['A2', 'Stored same', 'Joint committee', 'Torfaen', 'Corporate', 'Purpose two', ''],
      ['A3', 'Stored changed', 'Joint committee', 'Torfaen', 'Corporate', 'New purpose', ''],
      ['A4', 'Skipped', 'Joint committee', 'Torfaen', 'Corporate', 'Purpose four', ''],
      ['A5', 'Blocked', 'Not a model', 'Torfaen', 'Corporate', 'Purpose five', 'Brand New Trust'],
    );
    const stored = (ref: string, key: string, title: string, purpose: string): Stored<Collaboration> => ({
      id: Number(ref.slice(-1)),
      etag: '"1"',
      reference: ref,
      // The council's own identifier, kept visible since issue 17.
      councilReference: key.slice(3),
      importKey: key,
      title,
      kind: 'collaboration',
      model: 'jointCommittee',
      purpose,
      reasons: [],
      basis: 'localDecision',
      footprint: 'local',
      leadOrganisation: 'Torfaen',
      councilLeads: false,
      partnerIds: [],
      directorate: 'Corporate',
      status: 'active',
      reviewFrequency: 'annual',
      serviceRisk: 'medium',
      // As every writer stores it: prepareForSave works significance out.
      significance: 'low',
    });
    const existingByKey = new Map([
      ['id:A2', stored('COL-0002', 'id:A2', 'Stored same', 'Purpose two')],
      ['id:A3', stored('COL-0003', 'id:A3', 'Stored changed', 'Old purpose')],
    ]);
    const plan = planImport(drafts, { mapping, existingByKey, nextReference: 'COL-0010', skip: new Set([5]) });
    expect(plan.map((e) => [e.row, e.action, e.record.reference])).toEqual([
      [2, 'create', 'COL-0010'],
      [3, 'unchanged', 'COL-0002'],
      [4, 'update', 'COL-0003'],
      [5, 'skip', ''],
      [6, 'blocked', 'COL-0011'],
    ]);
    expect(plan[0]?.record).toMatchObject({
      importKey: 'id:A1',
      partnerIds: [2],
      kind: 'collaboration',
      status: 'active',
    });
    expect(plan[4]?.problems.map((p) => [p.column, p.code])).toEqual([
      [2, 'invalidChoice'],
      [6, 'partnerProposed'],
    ]);
    expect(plan[4]?.problems.find((p) => p.code === 'partnerProposed')?.severity).toBe('error');
    expect(summarisePlan(plan)).toEqual({ create: 1, update: 1, unchanged: 1, skip: 1, blocked: 1 });
    expect(proposedPartners(drafts)).toEqual(['Brand New Trust']);
  });

  it("keeps a directorate the file names in Welsh as the council's English name, and an unknown one as written", () => {
    const directorates = [
      { key: 'directorate-education', name: 'Education', nameCy: 'Addysg' },
      { key: 'directorate-economy', name: 'Economy and Environment', nameCy: "Economi a'r Amgylchedd" },
    ];
    const drafts = read(
      ['B1', 'Ysgolion', 'Joint committee', 'Torfaen', 'Addysg', 'Purpose one', ''],
      ['B2', 'Afonydd', 'Joint committee', 'Torfaen', 'ECONOMI A’R AMGYLCHEDD', 'Purpose two', ''],
      ['B3', 'Tai', 'Joint committee', 'Torfaen', 'Tai', 'Purpose three', ''],
    );
    const plan = planImport(drafts, { mapping, existingByKey: new Map(), nextReference: 'COL-0020', directorates });
    expect(plan.map((e) => [e.action, e.record.directorate])).toEqual([
      ['create', 'Education'],
      ['create', 'Economy and Environment'],
      ['create', 'Tai'],
    ]);
    // Without the council's directorates the name is kept as the file wrote it.
    expect(
      planImport(drafts, { mapping, existingByKey: new Map(), nextReference: 'COL-0020' })[0]?.record.directorate,
    ).toBe('Addysg');
  });
});
