import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  tryDayNumber,
} from '../../../src/domain/dates';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true, 'a leap day in a leap year'],
    ['2023-02-29', false, 'a leap day in a common year'],
    ['2000-02-29', true, 'a leap day in a century divisible by 400'],
    ['1900-02-29', false, 'a leap day in a century not divisible by 400'],
    ['2026-04-31', false, 'the 31st of a 30-day month'],
    ['2026-13-01', false, 'a thirteenth month'],
    ['26-01-01', false, 'a two-digit year'],
    ['2026-1-1', false, 'unpadded month and day'],
  ])('%s is a date: %s (%s)', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28', 'the end of January plus a month is the end of February'],
    ['2024-01-31', 1, '2024-02-29', 'in a leap year it is the 29th'],
    ['2026-08-31', 3, '2026-11-30', 'a quarter after 31 August is 30 November'],
    ['2026-11-15', 3, '2027-02-15', 'a quarter crosses the year'],
    ['2026-03-31', -1, '2026-02-28', 'a month back from 31 March'],
    ['2024-02-29', 12, '2025-02-28', 'a year after a leap day'],
  ])('%s plus %i months is %s (%s)', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows the day of the week (23 November 2026 is a Monday)', () => {
    expect(dayOfWeek('2026-11-23')).toBe(1);
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('1970-01-01')).toBe(4);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-11-24', 20_781],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['0050-03-01', -701_206],
  ])('%s is day %i, both ways', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it.each([
    ['2026-11-24', 20_781],
    ['2024-02-29', toDayNumber('2024-02-29')],
    ['2023-02-29', undefined],
    ['2026-04-31', undefined],
    ['2026-00-10', undefined],
    ['2026-1-1', undefined],
    ['2026/11/24', undefined],
    ['2026-11-24T00:00:00Z', undefined],
    ['', undefined],
    ['２０２６-11-24', undefined],
  ])('tryDayNumber(%j) is %p, agreeing with isIsoDate', (value, expected) => {
    expect(tryDayNumber(value)).toBe(expected);
    expect(isIsoDate(value)).toBe(expected !== undefined);
  });
});
