import Holidays from 'date-holidays';
import { dayNumberOf, fromDayNumber, isIsoDate, toDayNumber, toParts, type IsoDate } from './dates';

/**
 * Working days in Wales: Monday to Friday, except the bank holidays of England
 * and Wales (date-holidays' GB / WLS calendar, types `public` and `bank` only,
 * so observances such as Mother's Day are not holidays). Substitute days
 * (Boxing Day falling on a Sunday is kept on the Tuesday...) come from the
 * library as `public` holidays flagged `substitute`, and count like any other.
 *
 * Each year is computed once and memoised, and each day's answer is memoised
 * by its day number, so the reminder job can ask about hundreds of thousands
 * of dates cheaply. The caches only grow with the number of distinct years and
 * days asked about, which is small.
 */

export interface BankHoliday {
  readonly date: IsoDate;
  /** The library's English name, e.g. "Boxing Day (substitute day)". */
  readonly name: string;
  /** True for a substitute day given because the holiday fell on a weekend. */
  readonly substitute: boolean;
}

const HOLIDAY_TYPES = new Set(['public', 'bank']);

let engine: Holidays | undefined;
const holidaysByYear = new Map<number, readonly BankHoliday[]>();
const holidayDaysByYear = new Map<number, ReadonlySet<number>>();
const workingDayCache = new Map<number, boolean>();
const previousWorkingCache = new Map<number, number>();

function holidaysEngine(): Holidays {
  engine ??= new Holidays('GB', 'WLS', { types: ['public', 'bank'] });
  return engine;
}

/** The bank holidays of a year in Wales, in date order (substitute days included). */
export function bankHolidays(year: number): readonly BankHoliday[] {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const list: BankHoliday[] = holidaysEngine()
    .getHolidays(year)
    .filter((h) => HOLIDAY_TYPES.has(h.type))
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, substitute: h.substitute === true }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(list);
  holidaysByYear.set(year, frozen);
  holidayDaysByYear.set(year, new Set(frozen.map((h) => toDayNumber(h.date))));
  return frozen;
}

function holidayDays(year: number): ReadonlySet<number> {
  const cached = holidayDaysByYear.get(year);
  if (cached) return cached;
  bankHolidays(year);
  return holidayDaysByYear.get(year) ?? new Set();
}

function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whether the day with this day number (days since 1970-01-01) is a working day. */
export function isWorkingDayNumber(dayNumber: number): boolean {
  const cached = workingDayCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const weekday = weekdayOf(dayNumber);
  let working = weekday !== 0 && weekday !== 6;
  if (working) {
    const year = Number(fromDayNumber(dayNumber).slice(0, 4));
    working = !holidayDays(year).has(dayNumber);
  }
  workingDayCache.set(dayNumber, working);
  return working;
}

/** The day number itself when it is a working day, else the last working day before it. */
export function previousWorkingDayNumber(dayNumber: number): number {
  const cached = previousWorkingCache.get(dayNumber);
  if (cached !== undefined) return cached;
  let n = dayNumber;
  while (!isWorkingDayNumber(n)) n -= 1;
  previousWorkingCache.set(dayNumber, n);
  return n;
}

/** The day number itself when it is a working day, else the first working day after it. */
export function nextWorkingDayNumber(dayNumber: number): number {
  let n = dayNumber;
  while (!isWorkingDayNumber(n)) n += 1;
  return n;
}

/** A Welsh bank holiday (including substitute days); weekends as such are not. */
export function isBankHoliday(date: IsoDate): boolean {
  const { year, month, day } = toParts(date);
  return holidayDays(year).has(dayNumberOf(year, month, day));
}

/** Monday to Friday and not a Welsh bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/** The date itself when it is a working day, else the last working day before it. */
export function previousWorkingDay(date: IsoDate): IsoDate {
  return fromDayNumber(previousWorkingDayNumber(toDayNumber(date)));
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return fromDayNumber(nextWorkingDayNumber(toDayNumber(date)));
}

/**
 * Moves `n` working days from `date`: forward when n > 0, back when n < 0;
 * the starting day itself is not counted, so adding 1 to a Friday gives the
 * Monday (or the Tuesday after a bank holiday Monday). n = 0 returns the date
 * unchanged, working day or not.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`A whole number of working days, not ${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return fromDayNumber(day);
}

/** Working days from `from` (excluded) to `to` (included); negative when `to` is earlier. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d += 1) if (isWorkingDayNumber(d)) count += 1;
  return count * sign;
}

/** Why a due date is a poor choice: it falls when nobody is at work. */
export interface DueDateWarning {
  readonly kind: 'weekend' | 'bankHoliday';
  /** The bank holiday's English name (date-holidays'), when kind is 'bankHoliday'. */
  readonly name?: string;
  /** The last working day before it: what to suggest instead. */
  readonly workingDayBefore: IsoDate;
}

/** The bank holiday falling on `date` in Wales, if any. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const { year } = toParts(date);
  return bankHolidays(year).find((h) => h.date === date);
}

/**
 * A warning when a due date falls on a weekend or a Welsh bank holiday (a
 * bank holiday on a weekday is named; a weekend is a weekend even when a
 * holiday also falls on it), with the working day before it. Undefined for a
 * working day, and for anything that is not an ISO date.
 */
export function dueDateWarning(date: IsoDate): DueDateWarning | undefined {
  if (!isIsoDate(date)) return undefined;
  const dayNumber = toDayNumber(date);
  if (isWorkingDayNumber(dayNumber)) return undefined;
  const workingDayBefore = fromDayNumber(previousWorkingDayNumber(dayNumber - 1));
  const weekday = weekdayOf(dayNumber);
  if (weekday === 0 || weekday === 6) return { kind: 'weekend', workingDayBefore };
  const holiday = bankHolidayOn(date);
  return { kind: 'bankHoliday', ...(holiday ? { name: holiday.name } : {}), workingDayBefore };
}
