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
 * resources into i18next; the reminder job and the CLI use `translate`.
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

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The message for `key` in `locale`, with `{{name}}` placeholders filled.
 * A key missing from Welsh falls back to English; a key missing from both
 * returns the key itself, so a gap is visible rather than blank.
 */
export function translate(locale: Locale, key: string, params: Readonly<Record<string, string | number>> = {}): string {
  const template = lookup(CATALOGUES[locale], key) ?? lookup(CATALOGUES['en-GB'], key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
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
