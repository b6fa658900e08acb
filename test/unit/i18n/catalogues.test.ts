import {
  CATALOGUES,
  LOCALES,
  baseKey,
  catalogueKeys,
  createI18n,
  formatCurrency,
  formatDate,
  pluralCategories,
  resolveLocale,
  translate,
} from '../../../src/i18n';
import { collaborationSchema } from '../../../src/domain/collaboration';
import * as vocabulary from '../../../src/domain/vocabulary';
import { scopeOf } from '../../../src/domain/scope';
import { ERROR_CODES } from '../../../src/domain/result';

const enKeys = catalogueKeys(CATALOGUES['en-GB']);
const cyKeys = catalogueKeys(CATALOGUES['cy-GB']);

/** The keys of a catalogue with plural suffixes taken off (each plural message once). */
function baseKeys(keys: readonly string[]): string[] {
  const all = new Set(keys);
  return [...new Set(keys.map((k) => baseKey(k, all)))].sort();
}

/** Each plural message of a catalogue and the suffixes (plural forms) it has. */
const formsCache = new Map<readonly string[], Map<string, string[]>>();
function pluralForms(keys: readonly string[]): Map<string, string[]> {
  const cached = formsCache.get(keys);
  if (cached !== undefined) return cached;
  const all = new Set(keys);
  const forms = new Map<string, string[]>();
  for (const k of keys) {
    const base = baseKey(k, all);
    if (base !== k) forms.set(base, [...(forms.get(base) ?? []), k.slice(base.length + 1)]);
  }
  formsCache.set(keys, forms);
  return forms;
}

const en = baseKeys(enKeys);
const cy = baseKeys(cyKeys);
const ALL_KEYS: Readonly<Record<(typeof LOCALES)[number], string[]>> = { 'en-GB': enKeys, 'cy-GB': cyKeys };

/** Each vocabulary list and the catalogue set that names its codes. */
const VOCABULARY_SETS: ReadonlyArray<[string, readonly string[]]> = [
  ['kind', vocabulary.KINDS],
  ['model', vocabulary.MODELS],
  ['status', vocabulary.STATUSES],
  ['basis', vocabulary.BASES],
  ['footprint', vocabulary.FOOTPRINTS],
  ['reason', vocabulary.REASONS],
  ['reviewFrequency', vocabulary.REVIEW_FREQUENCIES],
  ['outcome', vocabulary.OUTCOMES],
  ['reviewKind', vocabulary.REVIEW_KINDS],
  ['risk', vocabulary.RISK_LEVELS],
  ['significance', vocabulary.SIGNIFICANCE_TIERS],
  ['rag', vocabulary.RAGS],
  ['actionStatus', vocabulary.ACTION_STATUSES],
  ['sector', vocabulary.PARTNER_SECTORS],
];

describe('the message catalogues', () => {
  it('English and Welsh hold exactly the same messages (a plural message counts once, whatever its forms)', () => {
    expect(cy.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !cy.includes(k))).toEqual([]);
  });

  it("a plural message has exactly the forms of its language's plural rules", () => {
    expect(pluralCategories('en-GB').sort()).toEqual(['one', 'other']);
    expect(pluralCategories('cy-GB').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    for (const locale of LOCALES) {
      const wanted = pluralCategories(locale).sort();
      const forms = pluralForms(ALL_KEYS[locale]);
      expect(forms.size).toBeGreaterThan(0);
      const wrong = [...forms].filter(([, f]) => JSON.stringify([...f].sort()) !== JSON.stringify(wanted));
      expect(wrong).toEqual([]);
    }
  });

  it('keeps no hand-made singular and plural pair of keys (One/Many): plural forms are suffixes', () => {
    const handMade = enKeys.filter((k) => /(One|Many)$/.test(k) && enKeys.includes(k.replace(/(One|Many)$/, '')));
    expect(handMade).toEqual([]);
    expect(enKeys.filter((k) => /(overdueOne|overdueMany|summaryOne)$/.test(k))).toEqual([]);
  });

  it('no message is empty in either language', () => {
    for (const locale of LOCALES) {
      const empty = ALL_KEYS[locale].filter((k) => translate(locale, k).trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('a Welsh message uses the same placeholders as its English one (count aside, over all plural forms)', () => {
    const placeholders = (locale: (typeof LOCALES)[number], base: string) => {
      const forms = pluralForms(ALL_KEYS[locale])
        .get(base)
        ?.map((f) => `${base}_${f}`) ?? [base];
      const names = forms.flatMap((k) =>
        [...translate(locale, k).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''),
      );
      return [...new Set(names.filter((n) => n !== 'count'))].sort();
    };
    const mismatched = en.filter(
      (k) => JSON.stringify(placeholders('en-GB', k)) !== JSON.stringify(placeholders('cy-GB', k)),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(VOCABULARY_SETS)('every %s code has a label in both languages', (set, codes) => {
    for (const code of codes) {
      expect(en).toContain(`vocab.${set}.${code}`);
      expect(cy).toContain(`vocab.${set}.${code}`);
    }
  });

  it('every error code of the domain has a message in both languages', () => {
    expect(ERROR_CODES.filter((c) => !en.includes(`errors.${c}`))).toEqual([]);
    expect(ERROR_CODES.filter((c) => !cy.includes(`errors.${c}`))).toEqual([]);
  });

  it('every field of the collaboration record has a label', () => {
    const fields = Object.keys(collaborationSchema.shape).filter((f) => f !== 'id');
    expect(fields.filter((f) => !en.includes(`fields.${f}`))).toEqual([]);
  });

  it('every scope reason explains itself in both languages', () => {
    for (const model of vocabulary.MODELS) {
      const key = `scope.${scopeOf(model).reason}`;
      expect(en).toContain(key);
      expect(cy).toContain(key);
    }
  });

  it('uses the agreed Welsh terms of the glossary', () => {
    expect(translate('cy-GB', 'vocab.model.jointCommittee')).toBe('Cyd-bwyllgor');
    expect(translate('cy-GB', 'vocab.model.delegationOfFunctions')).toBe('Dirprwyo swyddogaethau');
    expect(translate('cy-GB', 'fields.leadOfficer')).toBe('Swyddog arweiniol');
    expect(translate('cy-GB', 'fields.headOfService')).toBe('Pennaeth Gwasanaeth');
    expect(translate('cy-GB', 'vocab.status.closed')).toBe('Wedi cau');
    expect(translate('cy-GB', 'vocab.rag.amber')).toBe('Ambr');
  });
});

describe('translating', () => {
  it('fills placeholders', () => {
    expect(translate('en-GB', 'errors.tooLong', { max: 255 })).toBe('Use 255 characters or fewer.');
    expect(translate('cy-GB', 'errors.tooLong', { max: 255 })).toBe('Defnyddiwch 255 nod neu lai.');
  });

  it('picks the plural form by the count, with English one/other and all six Welsh forms', () => {
    expect(translate('en-GB', 'cards.state.overdue', { count: 1 })).toBe('Overdue by 1 day');
    expect(translate('en-GB', 'cards.state.overdue', { count: 5 })).toBe('Overdue by 5 days');
    expect(translate('en-GB', 'cards.digest.summary', { count: 0, overdue: 0 })).toBe('0 items, 0 overdue');
    expect(translate('en-GB', 'cards.digest.summary', { count: 1, overdue: 1 })).toBe('1 item, 1 overdue');
    const cyForm = (count: number) => translate('cy-GB', 'transfer.compendium.ready', { count });
    expect([0, 1, 2, 3, 6, 7].map(cyForm)).toEqual([
      'Dim cydweithrediadau yn y compendiwm.', // zero
      '1 cydweithrediad yn y compendiwm.', // one
      '2 gydweithrediad yn y compendiwm.', // two
      '3 chydweithrediad yn y compendiwm.', // few
      '6 chydweithrediad yn y compendiwm.', // many
      '7 o gydweithrediadau yn y compendiwm.', // other
    ]);
    expect(translate('cy-GB', 'cards.state.overdue', { count: 2 })).toBe('2 ddiwrnod yn hwyr');
    expect(translate('cy-GB', 'cards.state.overdue', { count: 3 })).toBe('3 diwrnod yn hwyr');
  });

  it('falls back to English for a key Welsh lacks, and keeps a placeholder it was not given', () => {
    const i18n = createI18n('cy-GB');
    i18n.addResource('en-GB', 'translation', 'test.onlyEnglish', 'Only {{what}}');
    expect(i18n.t('test.onlyEnglish', { what: 'English' })).toBe('Only English');
    expect(translate('en-GB', 'errors.tooLong')).toBe('Use {{max}} characters or fewer.');
  });

  it('shows an unknown key as itself rather than a blank', () => {
    expect(translate('cy-GB', 'errors.noSuchThing')).toBe('errors.noSuchThing');
  });

  it.each([
    ['cy', 'cy-GB'],
    ['cy-GB', 'cy-GB'],
    ['CY-gb', 'cy-GB'],
    ['en-GB', 'en-GB'],
    ['en-US', 'en-GB'],
    ['fr-FR', 'en-GB'],
    [undefined, 'en-GB'],
  ])('the Teams locale %s shows the tab in %s', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });

  it('writes dates and pounds for the person', () => {
    expect(formatDate('2026-03-31', 'en-GB')).toBe('31 March 2026');
    expect(formatDate('2026-03-31', 'cy-GB')).toBe('31 Mawrth 2026');
    expect(formatCurrency(1234000, 'en-GB')).toBe('£1,234,000');
  });
});
