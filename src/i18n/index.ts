import i18next, { type i18n as I18n, type InitOptions, type TFunction } from 'i18next';
import enGB from './locales/en-GB.json';
import cyGB from './locales/cy-GB.json';
import tabEnGB from './locales/tab.en-GB.json';
import tabCyGB from './locales/tab.cy-GB.json';
import assessEnGB from './locales/assess.en-GB.json';
import assessCyGB from './locales/assess.cy-GB.json';
import templatesEnGB from './locales/templates.en-GB.json';
import templatesCyGB from './locales/templates.cy-GB.json';
import reviewEnGB from './locales/review.en-GB.json';
import reviewCyGB from './locales/review.cy-GB.json';
import reportEnGB from './locales/report.en-GB.json';
import reportCyGB from './locales/report.cy-GB.json';
import transferEnGB from './locales/transfer.en-GB.json';
import transferCyGB from './locales/transfer.cy-GB.json';

/**
 * The message catalogues. They are data (JSON) so that a Welsh-speaking
 * governance officer can correct a term without a code change; both locales
 * must hold the same keys (a unit test checks it). The tab loads the same
 * resources into i18next, and so do the reminder job, the cards, the reports
 * and the CLI, through `translate` (one engine, one set of plural rules).
 */
export const LOCALES = ['en-GB', 'cy-GB'] as const;
export type Locale = (typeof LOCALES)[number];

export type Catalogue = { readonly [key: string]: string | Catalogue };

/**
 * Each locale is the union of its files: `<locale>.json` (shared vocabulary,
 * errors, cards), `tab.<locale>.json` (the tab's shell and register screens)
 * and one file per feature: `assess` (the assessment form runner), `templates`
 * (template editing), `review` (reviews, outcomes, actions, the plan),
 * `report` (quarterly list, annual summary), `transfer` (import and the
 * compendium export). Top-level sections must not repeat across files.
 */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
  'en-GB': { ...enGB, ...tabEnGB, ...assessEnGB, ...templatesEnGB, ...reviewEnGB, ...reportEnGB, ...transferEnGB },
  'cy-GB': { ...cyGB, ...tabCyGB, ...assessCyGB, ...templatesCyGB, ...reviewCyGB, ...reportCyGB, ...transferCyGB },
};

/** The product's locale for a Teams or browser locale tag: Welsh for any `cy` tag, otherwise English. */
export function resolveLocale(tag: string | undefined): Locale {
  return tag !== undefined && /^cy(\b|[-_])/i.test(tag) ? 'cy-GB' : 'en-GB';
}

/**
 * The options every i18next instance of the product is made with: the tab's
 * (src/ui/app/i18n.ts adds react-i18next on top), the cards', the CLI's and
 * the reports'. Plural keys use i18next's suffixes (`_zero`, `_one`, `_two`,
 * `_few`, `_many`, `_other`), chosen by `Intl.PluralRules` for the locale:
 * English has one/other, Welsh all six. Placeholders are `{{name}}`; values
 * are not HTML-escaped here, because nothing renders a message as HTML (React
 * escapes; cards escape user text in src/notify).
 */
export function i18nOptions(locale: Locale): InitOptions {
  return {
    lng: locale,
    fallbackLng: 'en-GB',
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: CATALOGUES[l] }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
  };
}

/** A new i18next instance over the catalogues, ready to use (no React, no I/O). */
export function createI18n(locale: Locale = 'en-GB'): I18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(locale));
  return instance;
}

let shared: I18n | undefined;
const fixed = new Map<Locale, TFunction>();

/** The translation function of `locale`, over one shared instance made on first use. */
export function fixedT(locale: Locale): TFunction {
  let t = fixed.get(locale);
  if (t === undefined) {
    shared ??= createI18n('en-GB');
    t = shared.getFixedT(locale);
    fixed.set(locale, t);
  }
  return t;
}

/** Message parameters; `count` picks the plural form of a plural key. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The message for `key` in `locale`, with `{{name}}` placeholders filled and,
 * when `params.count` is given, the plural form the locale's rules choose.
 * A key missing from Welsh falls back to English; a key missing from both
 * returns the key itself, so a gap is visible rather than blank.
 */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  return fixedT(locale)(key, { ...params });
}

/** The same as `translate`, by its short name. */
export const t = translate;

/** The plural suffixes i18next knows, in CLDR's order. */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_KEY = /^(.*)_(zero|one|two|few|many|other)$/;

/**
 * A catalogue key without its plural suffix (`cards.state.overdue_one` is
 * `cards.state.overdue`), when the key is one of a set of plural forms
 * (there is an `_other` form beside it); otherwise the key itself.
 */
export function baseKey(key: string, keys: ReadonlySet<string>): string {
  const m = PLURAL_KEY.exec(key);
  return m?.[1] !== undefined && keys.has(`${m[1]}_other`) ? m[1] : key;
}

/** The plural categories `Intl.PluralRules` gives for `locale` (en: one, other; cy: six). */
export function pluralCategories(locale: Locale): string[] {
  return [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories];
}

/** Every key of a catalogue, dotted (`errors.required`), sorted. */
export function catalogueKeys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue)
    .flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : catalogueKeys(v, `${prefix}${k}.`)))
    .sort();
}

/** A calendar date (YYYY-MM-DD) written for a person: 31 March 2026 / 31 Mawrth 2026. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDate;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Pounds, as a person in the locale writes them: £1,234,000. */
export function formatCurrency(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
