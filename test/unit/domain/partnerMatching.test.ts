import { CATALOGUES, translate } from '../../../src/i18n';
import {
  conjunctionParts,
  importVocabulary,
  normalisePartnerName,
  partnerIndex,
  partnerKeyFor,
  partnerSuggestions,
  proposedPartners,
  readRows,
  splitOffers,
  splitPartnerList,
  type ColumnMapping,
} from '../../../src/domain/import';

// Partner organisations as a Welsh council's register holds them (English name, Welsh name, key).
const partners = [
  [1, 'Torfaen County Borough Council', 'Cyngor Bwrdeistref Sirol Torfaen'],
  [2, 'Aneurin Bevan University Health Board', 'Bwrdd Iechyd Prifysgol Aneurin Bevan'],
  [3, 'Gwent Police', 'Heddlu Gwent'],
  [4, 'Cardiff and Vale University Health Board', "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"],
  [5, 'South Wales Fire and Rescue Service', 'Gwasanaeth Tân ac Achub De Cymru'],
  [6, 'Blaenau Gwent County Borough Council', 'Cyngor Bwrdeistref Sirol Blaenau Gwent'],
  [7, 'Department for Work and Pensions', 'Yr Adran Gwaith a Phensiynau'],
  [8, 'Isle of Anglesey County Council', 'Cyngor Sir Ynys Môn'],
  [9, 'Care and Repair Cymru', 'Gofal a Thrwsio Cymru'],
  [10, 'Wales & West Housing', 'Tai Wales & West'],
  [11, 'HM Prison and Probation Service', 'Gwasanaeth Carchardai a Phrawf EF'],
  [12, 'Office of the Police and Crime Commissioner for Gwent', 'Swyddfa Comisiynydd yr Heddlu a Throseddu Gwent'],
  [13, 'Neath Port Talbot County Borough Council', 'Cyngor Bwrdeistref Sirol Castell-nedd Port Talbot'],
  [14, 'Rhondda Cynon Taf County Borough Council', 'Cyngor Bwrdeistref Sirol Rhondda Cynon Taf'],
  [15, 'Cardiff University', 'Prifysgol Caerdydd'],
  [16, 'Tŷ Hafan', 'Tŷ Hafan'],
  [17, 'Gŵyl Glan-yr-Afon', 'Gŵyl Glan-yr-Afon'],
  [18, 'Newport City Council', 'Cyngor Dinas Casnewydd'],
  [19, 'Coleg Gwent', 'Coleg Gwent'],
].map(([id, name, nameCy]) => ({
  id: id as number,
  key: `P-${id as number}`,
  name: name as string,
  nameCy: nameCy as string,
}));

const index = partnerIndex(partners);
/** A suggestion of this partner, whatever its score. */
const suggests = (id: number): unknown => expect.objectContaining({ id });
const isKnown = (name: string) => index.match(name) !== undefined;

describe('a partner list is cut into names only where names part', () => {
  it.each([
    // Names with "and" or "&" in them stay whole, known or not.
    ['Cardiff and Vale College', ['Cardiff and Vale College']],
    ['South Wales Fire & Rescue Service', ['South Wales Fire & Rescue Service']],
    ['Care and Repair Cymru', ['Care and Repair Cymru']],
    ['Care & Repair Cymru', ['Care & Repair Cymru']],
    ['Department for Work and Pensions', ['Department for Work and Pensions']],
    ['HM Prison and Probation Service', ['HM Prison and Probation Service']],
    ['Wales & West Housing', ['Wales & West Housing']],
    ['Cardiff and Vale UHB', ['Cardiff and Vale UHB']],
    ['Gwasanaeth Tân ac Achub De Cymru', ['Gwasanaeth Tân ac Achub De Cymru']],
    // A cell that lists with ";" or new lines is never cut on "and", even between two partners.
    ['Cardiff and Vale College; Gwent Police', ['Cardiff and Vale College', 'Gwent Police']],
    ['Torfaen CBC and Gwent Police; Coleg Gwent', ['Torfaen CBC and Gwent Police', 'Coleg Gwent']],
    ['Care and Repair Cymru\nWales & West Housing', ['Care and Repair Cymru', 'Wales & West Housing']],
    ['Coleg Gwent | Cardiff and Vale College • Tŷ Hafan', ['Coleg Gwent', 'Cardiff and Vale College', 'Tŷ Hafan']],
    // Commas still list.
    ['Torfaen CBC, Gwent Police', ['Torfaen CBC', 'Gwent Police']],
    ['Torfaen CBC, Gwent Police, and Coleg Gwent', ['Torfaen CBC', 'Gwent Police', 'Coleg Gwent']],
    // "and" or "&" parts two names only when both are partners the register knows.
    ['Torfaen CBC and Gwent Police', ['Torfaen CBC', 'Gwent Police']],
    ['Torfaen CBC & Aneurin Bevan UHB', ['Torfaen CBC', 'Aneurin Bevan UHB']],
    ['Care & Repair Cymru and Torfaen CBC', ['Care & Repair Cymru', 'Torfaen CBC']],
    ['Heddlu Gwent a Chyngor Dinas Casnewydd', ['Heddlu Gwent', 'Cyngor Dinas Casnewydd']],
    ['Torfaen CBC and Cardiff and Vale College', ['Torfaen CBC and Cardiff and Vale College']],
    ['Newport and Caerphilly', ['Newport and Caerphilly']],
    // Welsh letters as written.
    ['Gŵyl Glan-yr-Afon; Tŷ Hafan; Ŷd Cymru', ['Gŵyl Glan-yr-Afon', 'Tŷ Hafan', 'Ŷd Cymru']],
    ['Torfaen CBC; torfaen cbc', ['Torfaen CBC']],
    ['n/a', []],
  ])('"%s" is %j', (cell, names) => {
    expect(splitPartnerList(cell, isKnown)).toEqual(names);
  });

  it('keeps a name with "and" whole when nothing is known at all', () => {
    expect(splitPartnerList('Cardiff and Vale College')).toEqual(['Cardiff and Vale College']);
  });
});

describe('short forms, "&" and bilingual names are the partner itself', () => {
  it.each([
    ['Torfaen County Borough Council', 1],
    ['Torfaen CBC', 1],
    ['Torfaen C.B.C.', 1],
    ['CBS Torfaen', 1],
    ['Aneurin Bevan UHB', 2],
    ['BIP Aneurin Bevan', 2],
    ['Heddlu Gwent / Gwent Police', 3],
    ['Gwent Police/Heddlu Gwent', 3],
    ['Cardiff & Vale UHB', 4],
    ['Cardiff and Vale UHB', 4],
    ['South Wales FRS', 5],
    ['South Wales Fire & Rescue Service', 5],
    ['Gwasanaeth Tan ac Achub De Cymru', 5],
    ['Blaenau Gwent CBC', 6],
    ['DWP', 7],
    ['Department for Work & Pensions', 7],
    ['Cyngor Sir Ynys Môn / Isle of Anglesey County Council', 8],
    ['Isle of Anglesey CC', 8],
    ['Cyngor Sir Ynys Mon', 8],
    ['Care & Repair Cymru', 9],
    ['Wales and West Housing', 10],
    ['HMPPS', 11],
    ['HM Prison & Probation Service', 11],
    ['The Office of the Police and Crime Commissioner for Gwent', 12],
    ['Office of the PCC for Gwent', 12],
    ['NPT CBC', 13],
    ['RCT CBC', 14],
    ['Cardiff Univ.', 15],
    ['Ty Hafan', 16],
    ['Gwyl Glan-yr-Afon', 17],
    ['P-19', 19],
  ])('"%s" is partner %i', (name, id) => {
    expect(index.match(name)).toBe(id);
    expect(index.suggest(name)).toBeUndefined();
  });

  it.each(['Cardiff and Vale College', 'Torfaen Council', 'Heddlu Gwent / Torfaen CBC', 'Newport', 'Ŷd Cymru'])(
    '"%s" is no partner for certain',
    (name) => {
      expect(index.match(name)).toBeUndefined();
    },
  );

  it('normalises as the rules say: short forms out, "&" as "and", "The" and punctuation gone', () => {
    expect(normalisePartnerName('The Torfaen C.B.C.')).toBe('torfaen county borough council');
    expect(normalisePartnerName('Care & Repair Cymru')).toBe(normalisePartnerName('Care and Repair Cymru'));
    expect(normalisePartnerName('Cyngor Sir Ynys Môn')).toBe('cyngor sir ynys mon');
    expect(normalisePartnerName('Aneurin Bevan UHB')).toBe('aneurin bevan university health board');
  });
});

describe('the closest partner is suggested, never applied', () => {
  it.each([
    ['Torfaen Council', 1, 'Torfaen County Borough Council'],
    ['Torfean County Borough Council', 1, 'Torfaen County Borough Council'],
    ['Aneurin Bevan Health Board', 2, 'Aneurin Bevan University Health Board'],
    ['South Wales Fire Service', 5, 'South Wales Fire and Rescue Service'],
    ['Gwent PCC', 12, 'Office of the Police and Crime Commissioner for Gwent'],
    ['Newport Council', 18, 'Newport City Council'],
    ['Heddlu Gwent Police Authority / Torfaen Council', 1, 'Torfaen County Borough Council'],
  ])('"%s" suggests %i (%s)', (name, id, partner) => {
    expect(index.match(name)).toBeUndefined();
    const s = index.suggest(name);
    expect(s).toMatchObject({ id, name: partner });
    expect(s?.score).toBeGreaterThan(0);
    expect(s?.score).toBeLessThanOrEqual(1);
  });

  it.each(['Cardiff and Vale College', 'Council', 'Gwent Police Authority', 'Wales & West Energy', 'Ŷd Cymru'])(
    '"%s" suggests nothing: it is not near enough any partner',
    (name) => {
      expect(index.suggest(name)).toBeUndefined();
    },
  );
});

describe('a row names its partners: matched, suggested, or new, as the person chooses', () => {
  const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
  const mapping: ColumnMapping = ['title', 'partners'];
  const file = [
    { row: 2, cells: ['Gwent Safer Communities', 'Torfaen CBC; Heddlu Gwent / Gwent Police; Torfaen Council'] },
    { row: 3, cells: ['Care and Repair', 'Care & Repair Cymru, Cardiff & Vale College'] },
    { row: 4, cells: ['Skills', 'Cardiff and Vale College\nTorfaen Council'] },
  ];

  it('applies certain matches, suggests the near ones, proposes the rest once each', () => {
    const drafts = readRows(file, mapping, { vocabulary, partners });
    expect(drafts.map((d) => d.partners)).toEqual([
      [
        { name: 'Torfaen CBC', id: 1 },
        { name: 'Heddlu Gwent / Gwent Police', id: 3 },
        { name: 'Torfaen Council', suggestion: suggests(1) },
      ],
      [{ name: 'Care & Repair Cymru', id: 9 }, { name: 'Cardiff & Vale College' }],
      [{ name: 'Cardiff and Vale College' }, { name: 'Torfaen Council', suggestion: suggests(1) }],
    ]);
    const suggested = drafts[0]?.problems.find((p) => p.code === 'partnerSuggested');
    expect(suggested).toMatchObject({ row: 2, column: 1, severity: 'warning' });
    expect(translate('en-GB', 'errors.partnerSuggested', suggested?.params)).toBe(
      'Torfaen Council: did you mean Torfaen County Borough Council?',
    );
    expect(translate('cy-GB', 'errors.partnerSuggested', suggested?.params)).toBe(
      'Torfaen Council: oeddech chi’n golygu Torfaen County Borough Council?',
    );
    // Two spellings of one new college are one new partner, under one key.
    expect(proposedPartners(drafts)).toEqual(['Torfaen Council', 'Cardiff & Vale College']);
    expect(partnerKeyFor('Cardiff & Vale College')).toBe(partnerKeyFor('Cardiff and Vale College'));
    expect(partnerSuggestions(drafts).map((s) => [s.name, s.folded, s.suggestion.id])).toEqual([
      ['Torfaen Council', 'torfaen council', 1],
    ]);
  });

  it('the person’s choice overrides matching: a partner id is used, "new" is added', () => {
    const partnerChoices = new Map<string, number | 'new'>([
      ['torfaen council', 1],
      ['care repair cymru', 'new'],
    ]);
    const drafts = readRows(file, mapping, { vocabulary, partners, partnerChoices });
    expect(drafts[0]?.partners?.[2]).toMatchObject({ name: 'Torfaen Council', id: 1, suggestion: { id: 1 } });
    expect(drafts[0]?.problems.map((p) => p.code)).toEqual([]);
    expect(drafts[1]?.partners?.[0]).toEqual({ name: 'Care & Repair Cymru' });
    expect(proposedPartners(drafts)).toEqual(['Care & Repair Cymru', 'Cardiff & Vale College']);
    // The suggestion stays listed, so the choice can be changed back.
    expect(partnerSuggestions(drafts).map((s) => s.name)).toEqual(['Torfaen Council']);
  });

  it('parts a name on "and" into a new partner that another row of the file lists', () => {
    const others = partners.filter((p) => p.id !== 9);
    const drafts = readRows(
      [
        { row: 2, cells: ['One', 'Care & Repair Cymru, Coleg Gwent'] },
        { row: 3, cells: ['Two', 'Care and Repair Cymru and Torfaen CBC'] },
        { row: 4, cells: ['Three', 'Cardiff and Vale College'] },
      ],
      mapping,
      { vocabulary, partners: others },
    );
    expect(drafts.map((d) => d.partners?.map((p) => p.name))).toEqual([
      ['Care & Repair Cymru', 'Coleg Gwent'],
      ['Care and Repair Cymru', 'Torfaen CBC'],
      ['Cardiff and Vale College'],
    ]);
    expect(proposedPartners(drafts)).toEqual(['Care & Repair Cymru', 'Cardiff and Vale College']);
  });

  it('refusing a suggestion adds the name as new, with no "did you mean"', () => {
    const drafts = readRows(file, mapping, {
      vocabulary,
      partners,
      partnerChoices: new Map([['torfaen council', 'new']]),
    });
    expect(drafts[0]?.partners?.[2]).toMatchObject({ name: 'Torfaen Council' });
    expect(drafts[0]?.partners?.[2]?.id).toBeUndefined();
    expect(drafts[0]?.problems.map((p) => p.code)).toEqual(['partnerProposed']);
  });
});

describe('a name that may be several partners is offered, and cut only when the person confirms it', () => {
  const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
  const mapping: ColumnMapping = ['title', 'partners'];
  const file = [
    { row: 2, cells: ['One', 'Torfaen CBC and Cardiff Met; Coleg Gwent'] },
    { row: 3, cells: ['Two', 'Cardiff and Vale College'] },
    { row: 4, cells: ['Three', 'Heddlu Gwent a Phrifysgol Caerdydd Met'] },
  ];

  it.each([
    ['Torfaen CBC and Cardiff Met', ['Torfaen CBC', 'Cardiff Met']],
    ['Heddlu Gwent a Phrifysgol De Cymru', ['Heddlu Gwent', 'Prifysgol De Cymru']],
    ['Care & Repair Cymru', ['Care', 'Repair Cymru']],
    ['Gwent Police', []],
  ])('"%s" cut at every "and" is %j', (name, parts) => {
    expect(conjunctionParts(name)).toEqual(parts);
  });

  it('offers the cut where some part is a known partner, and never makes it unasked', () => {
    const drafts = readRows(file, mapping, { vocabulary, partners });
    expect(drafts.map((d) => d.partners?.map((p) => p.name))).toEqual([
      ['Torfaen CBC and Cardiff Met', 'Coleg Gwent'],
      ['Cardiff and Vale College'],
      ['Heddlu Gwent a Phrifysgol Caerdydd Met'],
    ]);
    expect(splitOffers(drafts)).toEqual([
      {
        name: 'Torfaen CBC and Cardiff Met',
        folded: 'torfaen cbc and cardiff met',
        parts: ['Torfaen CBC', 'Cardiff Met'],
      },
      {
        name: 'Heddlu Gwent a Phrifysgol Caerdydd Met',
        folded: 'heddlu gwent a phrifysgol caerdydd met',
        parts: ['Heddlu Gwent', 'Prifysgol Caerdydd Met'],
      },
    ]);
  });

  it('confirmed, the parts are read as names of their own: known ones matched, the rest new', () => {
    const drafts = readRows(file, mapping, {
      vocabulary,
      partners,
      partnerSplits: new Set(['torfaen cbc and cardiff met']),
    });
    expect(drafts[0]?.partners).toEqual([
      { name: 'Torfaen CBC', id: 1 },
      { name: 'Cardiff Met' },
      { name: 'Coleg Gwent', id: 19 },
    ]);
    expect(proposedPartners(drafts)).toEqual([
      'Cardiff Met',
      'Cardiff and Vale College',
      'Heddlu Gwent a Phrifysgol Caerdydd Met',
    ]);
  });
});
