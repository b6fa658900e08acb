/**
 * Parsing the values councils keep in their own registers: UK dates, pound
 * amounts, yes/no in English and Welsh (partner lists: partners.ts). Pure:
 * every function takes the text and returns a value or a coded problem.
 */
import { daysInMonth, fromDayNumber, type IsoDate } from '../dates';
import { isIsoDate } from '../dates';

/** A cell as a file gives it: text (CSV), or a typed value (Excel). Dates from Excel arrive as ISO text. */
export type RawCell = string | number | boolean | null | undefined;

export type Parsed<T> =
  | { readonly ok: true; readonly value: T | undefined }
  | { readonly ok: false; readonly code: 'invalidDate' | 'invalidNumber' | 'invalidChoice' };

const none = { ok: true, value: undefined } as const;
const some = <T>(value: T): Parsed<T> => ({ ok: true, value });

/**
 * Folds text for comparison: lower case, accents removed (â ŵ ŷ → a w y),
 * punctuation to spaces, runs of space collapsed. Welsh names compare equal
 * with or without their to bach; the original text is never changed.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'/g, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The text of a cell, trimmed; numbers and booleans as text. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  return String(cell);
}

/** Words that mean "no value" in a register: -, n/a, none, dim... */
const BLANKS = new Set(['', '-', '–', '—', 'n/a', 'na/a', 'n a', 'none', 'nil', 'tbc', 'dim', 'amherthnasol']);

export function isBlank(cell: RawCell): boolean {
  const t = cellText(cell).toLocaleLowerCase('en-GB');
  return BLANKS.has(t);
}

const MONTHS: Readonly<Record<string, number>> = (() => {
  const en = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  const cy = [
    'ionawr',
    'chwefror',
    'mawrth',
    'ebrill',
    'mai',
    'mehefin',
    'gorffennaf',
    'awst',
    'medi',
    'hydref',
    'tachwedd',
    'rhagfyr',
  ];
  // Soft-mutated forms, as after "o" or in running Welsh text (o Fawrth, o Fehefin).
  const cyMutated: Record<string, number> = {
    chwef: 2,
    fawrth: 3,
    fai: 5,
    fehefin: 6,
    orffennaf: 7,
    fedi: 9,
    ddachwedd: 11,
  };
  const out: Record<string, number> = { sept: 9, ...cyMutated };
  en.forEach((m, i) => {
    out[m] = i + 1;
    out[m.slice(0, 3)] = i + 1;
  });
  cy.forEach((m, i) => {
    out[m] = i + 1;
  });
  return out;
})();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoOf(year: number, month: number, day: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: 00-69 are this century, 70-99 the last. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Excel's day serial (1 = 1900-01-01, with its 1900 leap-year quirk) for days after 1900-03-01. */
function fromExcelSerial(serial: number): IsoDate | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return undefined;
  // Day number 0 in dates.ts is 1970-01-01; Excel serial 25569 is 1970-01-01.
  return fromDayNumber(serial - 25569);
}

/**
 * A UK date: 31/03/2026, 31/3/26, 31-03-2026, 31.03.2026, 31 March 2026,
 * 31st Mar 2026, 31 Mawrth 2026, 2026-03-31, March 2026 and Mar-26 (the first
 * of the month), or an Excel day serial. Day before month, always: 03/31/2026
 * is not a date.
 */
export function parseUkDate(cell: RawCell): Parsed<IsoDate> {
  if (isBlank(cell)) return none;
  if (typeof cell === 'number') {
    const d = fromExcelSerial(cell);
    return d ? some(d) : { ok: false, code: 'invalidDate' };
  }
  const text = cellText(cell).replace(/\s+/g, ' ');
  const bad = { ok: false, code: 'invalidDate' } as const;
  // ISO, possibly with a time part (Excel dates come through as ISO).
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) {
    const d = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isIsoDate(d) ? some(d) : bad;
  }
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const d = isoOf(fullYear(numeric[3] as string), Number(numeric[2]), Number(numeric[1]));
    return d ? some(d) : bad;
  }
  const words = /^(\d{1,2})(?:st|nd|rd|th|af|ain|ed|fed|eg)?\.?[ -]+(?:o\s+)?([\p{L}]+)\.?,?[ -]+(\d{2}|\d{4})$/u.exec(
    text.toLocaleLowerCase('cy-GB'),
  );
  if (words) {
    const month = MONTHS[fold(words[2] as string)];
    if (month === undefined) return bad;
    const d = isoOf(fullYear(words[3] as string), month, Number(words[1]));
    return d ? some(d) : bad;
  }
  const monthYear = /^([\p{L}]+)\.?[ -]+(\d{2}|\d{4})$/u.exec(text.toLocaleLowerCase('cy-GB'));
  if (monthYear) {
    const month = MONTHS[fold(monthYear[1] as string)];
    if (month === undefined) return bad;
    const d = isoOf(fullYear(monthYear[2] as string), month, 1);
    return d ? some(d) : bad;
  }
  if (/^\d{5}$/.test(text)) {
    const d = fromExcelSerial(Number(text));
    return d ? some(d) : bad;
  }
  return bad;
}

/**
 * A day a person typed into a date field, read as `parseUkDate` reads a cell
 * (31/03/2026, 31/3/26, 31 March 2026, 31 Mawrth 2026, 2026-03-31), whatever
 * the browser's locale: day before month. A month alone ("March 2026") or a
 * spreadsheet's day serial is not a day anyone types, so neither is read.
 * Undefined when the text is not a whole, real day.
 */
export function parseTypedDate(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /^\d+$/.test(trimmed) || /^[\p{L}]+\.?[ -]+\d+$/u.test(trimmed)) return undefined;
  const parsed = parseUkDate(trimmed);
  return parsed.ok ? parsed.value : undefined;
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1_000,
  thousand: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  million: 1_000_000,
  miliwn: 1_000_000,
  bn: 1_000_000_000,
  b: 1_000_000_000,
  billion: 1_000_000_000,
};

/**
 * A pound amount: £1,234,000, 1234000, £1.2m, £250k, 1.5 million, (1,000)
 * for a negative; "-", "n/a" and blank are no value. Rounded to pence.
 */
export function parseAmount(cell: RawCell): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? some(cell) : { ok: false, code: 'invalidNumber' };
  if (isBlank(cell)) return none;
  let text = cellText(cell).toLocaleLowerCase('en-GB').replace(/\s+/g, ' ');
  let sign = 1;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    sign = -1;
    text = (bracketed[1] as string).trim();
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -sign;
    text = text.slice(1).trim();
  }
  text = text
    .replace(/^£\s*/, '')
    .replace(/^gbp\s*/, '')
    .replace(/\s*(gbp|p\.?a\.?|per annum|a year|y flwyddyn)$/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([a-z]+)?$/.exec(text);
  if (!m) return { ok: false, code: 'invalidNumber' };
  const whole = (m[1] as string).replace(/,/g, '');
  let value = Number(`${whole}${m[2] ?? ''}`);
  if (m[3] !== undefined) {
    const factor = MULTIPLIERS[m[3]];
    if (factor === undefined) return { ok: false, code: 'invalidNumber' };
    value *= factor;
  }
  if (!Number.isFinite(value)) return { ok: false, code: 'invalidNumber' };
  return some((sign * Math.round(value * 100)) / 100 + 0);
}

const YES = new Set(['yes', 'y', 'true', '1', 'ie', 'do', 'oes', 'ydy', 'ydi', 'ydyw', 'ydw', 'x', '✓', '✔']);
const NO = new Set([
  'no',
  'n',
  'false',
  '0',
  'na',
  'naddo',
  'nac oes',
  'nag oes',
  'nac ydy',
  'nac ydi',
  'nage',
  'nid',
  'dim',
]);

/** Yes or no in English or Welsh (ie, do, oes, ydy / na, naddo, nac oes, nac ydy). */
export function parseYesNo(cell: RawCell): Parsed<boolean> {
  if (typeof cell === 'boolean') return some(cell);
  const text = cellText(cell);
  if (text === '' || text === '-') return none;
  const f = fold(text) || text;
  if (YES.has(f)) return some(true);
  if (NO.has(f)) return some(false);
  return { ok: false, code: 'invalidChoice' };
}

/** A choice by its code or any of its labels/synonyms, folded. */
export function parseChoice<C extends string>(
  cell: RawCell,
  labels: Readonly<Record<C, readonly string[]>>,
): Parsed<C> {
  const text = cellText(cell);
  if (isBlank(text)) return none;
  const f = fold(text);
  for (const [code, words] of Object.entries(labels) as [C, readonly string[]][]) {
    if (fold(code) === f || words.some((w) => fold(w) === f)) return some(code);
  }
  return { ok: false, code: 'invalidChoice' };
}

/** A cell that a spreadsheet would run as a formula (=HYPERLINK(...), @SUM(...), +A1, -cmd|...). */
export function isFormula(cell: RawCell): boolean {
  if (typeof cell !== 'string') return false;
  const t = cell.trimStart();
  if (t.startsWith('=')) return t.length > 1;
  if (t.startsWith('@')) return /^@[A-Za-z_]+\s*\(/.test(t);
  if (t.startsWith('+') || t.startsWith('-'))
    return (
      /^[+-]\s*[A-Za-z_][A-Za-z0-9_.]*\s*[(!|]/.test(t) ||
      /^[+-][A-Z]{1,3}\d+/.test(t) ||
      /^[+-][\d.]+\s*[+\-*/^&]/.test(t) ||
      /\w\|/.test(t)
    );
  return false;
}

/**
 * Text as it was before the export defused it (src/transfer/csv.ts `defuse`,
 * the same pattern): one leading ' is removed before = + - @ (also after
 * spaces, tabs or line breaks), a tab or a carriage return, looking through
 * further apostrophes. `undefuse(defuse(x))` is `x` for every text.
 */
export function undefuse(text: string): string {
  return /^'+(?:[\t\r]|[ \t\r\n]*[=+\-@])/.test(text) ? text.slice(1) : text;
}
