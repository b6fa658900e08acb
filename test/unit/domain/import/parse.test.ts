import {
  fold,
  isFormula,
  parseAmount,
  parseChoice,
  parseTypedDate,
  parseUkDate,
  parseYesNo,
  splitPartnerList,
  undefuse,
} from '../../../../src/domain/import';

describe('UK dates', () => {
  it.each([
    ['31/03/2026', '2026-03-31'],
    ['31/3/26', '2026-03-31'],
    ['1.4.2026', '2026-04-01'],
    ['31-03-2026', '2026-03-31'],
    ['31 March 2026', '2026-03-31'],
    ['31st March 2026', '2026-03-31'],
    ['31 Mar 2026', '2026-03-31'],
    ['1 Sept 2025', '2025-09-01'],
    ['31 Mawrth 2026', '2026-03-31'],
    ['1 Rhagfyr 2025', '2025-12-01'],
    ['31 o Fawrth 2026', '2026-03-31'],
    ['Mar-26', '2026-03-01'],
    ['March 2026', '2026-03-01'],
    ['2026-03-31', '2026-03-31'],
    ['2026-03-31T00:00:00.000Z', '2026-03-31'],
    ['29/02/2024', '2024-02-29'],
  ])('"%s" is %s', (text, iso) => {
    expect(parseUkDate(text)).toEqual({ ok: true, value: iso });
  });

  it('an Excel day serial is a date', () => {
    expect(parseUkDate(46112)).toEqual({ ok: true, value: '2026-03-31' });
  });

  it.each(['', '-', 'n/a', 'TBC'])('"%s" is no date', (text) => {
    expect(parseUkDate(text)).toEqual({ ok: true, value: undefined });
  });

  it.each(['03/31/2026', '31/13/2026', '29/02/2025', '31 Smarch 2026', 'next spring', '2026-02-30', '31/03'])(
    '"%s" is not a date',
    (text) => {
      expect(parseUkDate(text)).toEqual({ ok: false, code: 'invalidDate' });
    },
  );
});

describe('pound amounts', () => {
  it.each([
    ['£1,234,000', 1_234_000],
    ['1234000', 1_234_000],
    ['1.2m', 1_200_000],
    ['£1.2m', 1_200_000],
    ['£250k', 250_000],
    ['250K', 250_000],
    ['£1.5 million', 1_500_000],
    ['£12,500.50', 12_500.5],
    ['£0', 0],
    ['(1,000)', -1000],
    ['£40,000 p.a.', 40_000],
  ])('"%s" is %d', (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value });
  });

  it.each(['-', '', 'n/a', 'nil'])('"%s" is no amount', (text) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: undefined });
  });

  it.each(['about £5k', '£1,23', '12 apples', '1.2.3', '£'])('"%s" is not an amount', (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, code: 'invalidNumber' });
  });
});

describe('yes and no in both languages', () => {
  it.each([
    ['Yes', true],
    ['y', true],
    ['TRUE', true],
    ['Ie', true],
    ['Do', true],
    ['Oes', true],
    ['Ydy', true],
    ['No', false],
    ['n', false],
    ['Na', false],
    ['Naddo', false],
    ['Nac oes', false],
    ['Nac ydy', false],
  ])('"%s" is %s', (text, value) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value });
  });

  it('a blank is no answer and "perhaps" is not one', () => {
    expect(parseYesNo('')).toEqual({ ok: true, value: undefined });
    expect(parseYesNo('perhaps')).toEqual({ ok: false, code: 'invalidChoice' });
  });
});

describe('partner lists', () => {
  // A name is cut on "and" only when every part is a partner the register knows (partners.ts).
  const known = new Set(
    [
      'police and crime commissioner for gwent',
      'care and repair cymru',
      'Torfaen CBC',
      'Newport City Council',
      'Newport',
      'Caerphilly',
      'Cyngor Torfaen',
      'Cyngor Casnewydd',
      'Heddlu Gwent',
      'Iechyd Cyhoeddus Cymru',
    ].map(fold),
  );
  const isKnown = (n: string) => known.has(fold(n));

  it.each([
    [
      'Torfaen CBC; Newport City Council; Aneurin Bevan UHB',
      ['Torfaen CBC', 'Newport City Council', 'Aneurin Bevan UHB'],
    ],
    ['Torfaen CBC, Newport City Council', ['Torfaen CBC', 'Newport City Council']],
    ['Torfaen CBC\nNewport City Council\r\nGwent Police', ['Torfaen CBC', 'Newport City Council', 'Gwent Police']],
    ['Torfaen CBC and Newport City Council', ['Torfaen CBC', 'Newport City Council']],
    ['Torfaen, Newport and Caerphilly', ['Torfaen', 'Newport', 'Caerphilly']],
    ['Cyngor Torfaen a Chyngor Casnewydd', ['Cyngor Torfaen', 'Cyngor Casnewydd']],
    ['Heddlu Gwent ac Iechyd Cyhoeddus Cymru', ['Heddlu Gwent', 'Iechyd Cyhoeddus Cymru']],
    [
      'Police and Crime Commissioner for Gwent; Gwent Police',
      ['Police and Crime Commissioner for Gwent', 'Gwent Police'],
    ],
    ['Care and Repair Cymru and Torfaen CBC', ['Care and Repair Cymru', 'Torfaen CBC']],
    ['Torfaen CBC; torfaen cbc', ['Torfaen CBC']],
    [
      'Cyngor Sir Ynys Môn; Gwasanaeth Tân ac Achub Gogledd Cymru',
      ['Cyngor Sir Ynys Môn', 'Gwasanaeth Tân ac Achub Gogledd Cymru'],
    ],
    ['-', []],
  ])('"%s" splits into %j', (text, names) => {
    expect(splitPartnerList(text, isKnown)).toEqual(names);
  });

  it('keeps the Welsh letters ŵ ŷ â as written', () => {
    expect(splitPartnerList('Cyngor Tref Llanfair Pwllgwyngyll; Ŵyr Ŷd Â')).toEqual([
      'Cyngor Tref Llanfair Pwllgwyngyll',
      'Ŵyr Ŷd Â',
    ]);
  });
});

describe('folding for comparison', () => {
  it('ignores case, accents and punctuation but keeps the letters', () => {
    expect(fold('  Cyngor Sir Ynys Môn ')).toBe('cyngor sir ynys mon');
    expect(fold('Bwrdd Iechyd Prifysgol Betsi Cadwaladr')).toBe(fold('bwrdd iechyd prifysgol betsi cadwaladr'));
    expect(fold('Tŷ Hafan')).toBe(fold('Ty Hafan'));
    expect(fold("Children's Services")).toBe(fold('Childrens Services'));
  });
});

describe('choices by their usual names', () => {
  const labels = { active: ['Active', 'Gweithredol', 'live'], closed: ['Closed', 'Wedi cau'] } as const;
  it.each([
    ['Active', 'active'],
    ['gweithredol', 'active'],
    ['LIVE', 'active'],
    ['Wedi cau', 'closed'],
    ['closed', 'closed'],
  ])('"%s" is %s', (text, code) => {
    expect(parseChoice(text, labels)).toEqual({ ok: true, value: code });
  });
  it('an unknown word is not a choice', () => {
    expect(parseChoice('dormant', labels)).toEqual({ ok: false, code: 'invalidChoice' });
  });
});

describe('formulas', () => {
  it.each(['=HYPERLINK("http://x","click")', '=1+1', '@SUM(A1:A2)', '+cmd|/C calc!A0', '-2+3+cmd|x', '+A1'])(
    '%s is a formula',
    (text) => {
      expect(isFormula(text)).toBe(true);
    },
  );
  it.each(['-', '- see notes', '-5', '+44 1633 123456', 'Email @ council', 'Plain text', '='])('%s is not', (text) => {
    expect(isFormula(text)).toBe(false);
  });
  it('text the export defused comes back as it was', () => {
    expect(undefuse("'=Cardiff deal")).toBe('=Cardiff deal');
    expect(undefuse("'-two")).toBe('-two');
    expect(undefuse("O'Brien")).toBe("O'Brien");
  });
});

describe('parseTypedDate: a day typed into a date field', () => {
  it.each([
    ['31/03/2026', '2026-03-31'],
    ['3/4/2026', '2026-04-03'],
    ['31/3/26', '2026-03-31'],
    [' 31.03.2026 ', '2026-03-31'],
    ['2026-03-31', '2026-03-31'],
    ['31 March 2026', '2026-03-31'],
    ['31 Mawrth 2026', '2026-03-31'],
    ['1af Mehefin 2026', '2026-06-01'],
    ['30 o Fehefin 2026', '2026-06-30'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseTypedDate(text)).toBe(iso);
  });

  it.each([
    '',
    '  ',
    '31/02/2026',
    '03/31/2026',
    'March 2026',
    'Mar-26',
    '46000',
    '31/03',
    'yesterday',
    '31 Marchx 2026',
  ])('reads %j as no day', (text) => {
    expect(parseTypedDate(text)).toBeUndefined();
  });
});
