import { CATALOGUES, catalogueKeys, formatCurrency, formatDate, resolveLocale, translate } from '../../../src/i18n';
import { collaborationSchema } from '../../../src/domain/collaboration';
import * as vocabulary from '../../../src/domain/vocabulary';
import { scopeOf } from '../../../src/domain/scope';
import { ERROR_CODES } from '../../../src/domain/result';

const en = catalogueKeys(CATALOGUES['en-GB']);
const cy = catalogueKeys(CATALOGUES['cy-GB']);

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
  it('English and Welsh hold exactly the same keys', () => {
    expect(cy.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !cy.includes(k))).toEqual([]);
  });

  it('no message is empty in either language', () => {
    for (const locale of ['en-GB', 'cy-GB'] as const) {
      const empty = catalogueKeys(CATALOGUES[locale]).filter((k) => translate(locale, k).trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('a Welsh message uses the same placeholders as its English one', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const mismatched = en.filter(
      (k) =>
        JSON.stringify(placeholders(translate('en-GB', k))) !== JSON.stringify(placeholders(translate('cy-GB', k))),
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
