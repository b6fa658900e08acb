/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), the only date type the domain
 * uses. A council's dates are days, not instants: keeping them as plain strings
 * means no time zone or daylight-saving shift can move a review to another day.
 * Nothing here reads the clock; "today" is always a parameter.
 */
export type IsoDate = string & { readonly __isoDate?: never };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in ISO form (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const ZERO = 48;

/**
 * The day number of a string when it is an ISO date, else undefined: the
 * check of `isIsoDate` and the sum of `toDayNumber` in one pass over the
 * characters, for loops over large registers.
 */
export function tryDayNumber(value: string): number | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i += 1) {
    const digit = value.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return undefined;
    year = year * 10 + digit;
  }
  const m1 = value.charCodeAt(5) - ZERO;
  const m2 = value.charCodeAt(6) - ZERO;
  const d1 = value.charCodeAt(8) - ZERO;
  const d2 = value.charCodeAt(9) - ZERO;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, `month` 1-12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface DateParts {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
}

export function toParts(date: IsoDate): DateParts {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01, by integer arithmetic on the proleptic Gregorian
 * calendar (H. Hinnant's days-from-civil). No Date object is involved, so years
 * 0-99 are not taken for 1900-1999 as Date.UTC would, and it is fast enough to
 * run over every item of a large register.
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = toParts(date);
  return dayNumberOf(year, month, day);
}

/** Days since 1970-01-01 of a year, month (1-12) and day, without checking them. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return fromParts(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months, keeping the day where it exists and otherwise using
 * the month's last day: 31 January + 1 month is 28 (or 29) February.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = toParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Why a date a person gave cannot be used; undefined when it can. */
export type DateProblem = 'invalid' | 'afterLimit' | 'beforeLimit';

export interface DateLimits {
  /** The latest date allowed (e.g. today, for the day a meeting was held). */
  readonly notAfter?: IsoDate;
  /** The earliest date allowed. */
  readonly notBefore?: IsoDate;
}

/** The years a council date may fall in: a typed 031022027 (year 22027) or year 0002 is a slip, not a date. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/**
 * What is wrong with a date a person gave: 'invalid' when it is not a real
 * calendar date in ISO form or its year is outside 1900-2100; 'afterLimit' /
 * 'beforeLimit' when it falls outside the limits given. Undefined when it is fine.
 */
export function checkDate(value: unknown, limits: DateLimits = {}): DateProblem | undefined {
  if (!isIsoDate(value)) return 'invalid';
  const year = Number(value.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return 'invalid';
  if (limits.notAfter !== undefined && value > limits.notAfter) return 'afterLimit';
  if (limits.notBefore !== undefined && value < limits.notBefore) return 'beforeLimit';
  return undefined;
}
