import {
  addWorkingDays,
  bankHolidays,
  isBankHoliday,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../../src/domain/calendar';

describe('Welsh bank holidays', () => {
  it.each([
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'the early May bank holiday'],
    ['2026-05-25', 'the spring (late May) bank holiday'],
    ['2026-08-31', 'the August bank holiday (England and Wales date)'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'the Boxing Day substitute day (Boxing Day 2026 is a Saturday)'],
    ['2021-12-27', 'the Christmas Day substitute day of 2021'],
    ['2021-12-28', 'the Boxing Day substitute day of 2021'],
    ['2022-12-26', 'Boxing Day 2022 (a Monday)'],
    ['2022-12-27', 'the Christmas Day substitute day of 2022'],
    ['2027-12-27', 'the Christmas Day substitute day of 2027'],
    ['2027-12-28', 'the Boxing Day substitute day of 2027'],
    ['2022-01-03', "the New Year's Day substitute day of 2022"],
    ['2022-09-19', "the Queen's funeral, a one-off bank holiday"],
    ['2020-05-08', 'VE Day 2020, when the early May bank holiday moved'],
  ])('%s is a bank holiday: %s', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2026-08-03', "Scotland's August bank holiday is a working day in Wales"],
    ['2026-01-02', "Scotland's 2 January is a working day in Wales"],
    ['2026-11-30', "St Andrew's Day is a working day in Wales"],
    ['2027-03-01', "St David's Day is not a bank holiday"],
    ['2026-03-16', "the day after Mother's Day (an observance) is an ordinary Monday"],
    ['2020-05-04', 'the first Monday of May 2020 was not a bank holiday (it moved to VE Day)'],
  ])('%s is a working day: %s', (date) => {
    expect(isBankHoliday(date)).toBe(false);
    expect(isWorkingDay(date)).toBe(true);
  });

  it("lists a year's bank holidays in date order, observances left out, substitute days flagged", () => {
    const days = bankHolidays(2026);
    expect(days.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(days.filter((h) => h.substitute).map((h) => h.date)).toEqual(['2026-12-28']);
    expect(days.some((h) => /Mother/.test(h.name))).toBe(false);
  });

  it('gives the same answer from its memo on a second call', () => {
    expect(bankHolidays(2027)).toBe(bankHolidays(2027));
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-11-27', true, 'a Friday'],
    ['2026-11-24', true, 'a Tuesday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-11-24', '2026-11-24', 'a working day is itself'],
    ['2026-11-28', '2026-11-27', 'a Saturday moves back to the Friday'],
    ['2026-11-29', '2026-11-27', 'a Sunday moves back to the Friday'],
    ['2026-05-04', '2026-05-01', 'the early May bank holiday Monday moves back to the Friday before'],
    ['2026-05-25', '2026-05-22', 'the spring bank holiday Monday moves back to the Friday before'],
    ['2026-08-31', '2026-08-28', 'the August bank holiday Monday moves back to the Friday before'],
    ['2026-04-06', '2026-04-02', 'Easter Monday moves back past Good Friday to the Thursday'],
    ['2026-04-05', '2026-04-02', 'Easter Sunday moves back to Maundy Thursday'],
    ['2026-12-28', '2026-12-24', 'the Boxing Day substitute moves back to Christmas Eve'],
    ['2021-12-28', '2021-12-24', 'four days off in a row at Christmas 2021'],
    ['2027-01-01', '2026-12-31', "New Year's Day moves back into the old year"],
  ])('the working day on or before %s is %s (%s)', (date, expected) => {
    expect(previousWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-11-28', '2026-11-30', 'a Saturday moves on to the Monday'],
    ['2026-04-03', '2026-04-07', 'Good Friday moves on past Easter Monday to the Tuesday'],
    ['2026-12-25', '2026-12-29', 'Christmas Day moves on past the substitute day'],
  ])('the working day on or after %s is %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-11-27', 1, '2026-11-30', 'one working day after a Friday is the Monday'],
    ['2026-11-23', 5, '2026-11-30', 'a working week'],
    ['2026-04-02', 1, '2026-04-07', 'the Easter weekend is skipped'],
    ['2026-12-24', 1, '2026-12-29', 'Christmas and the substitute day are skipped'],
    ['2026-04-07', -1, '2026-04-02', 'back one working day over Easter'],
    ['2026-11-30', -1, '2026-11-27', 'back from a Monday to the Friday'],
    ['2026-11-28', 0, '2026-11-28', 'adding none leaves even a Saturday unchanged'],
    ['2026-12-31', 2, '2027-01-05', "across the year end and New Year's Day"],
  ])('%s plus %i working days is %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a fraction of a working day', () => {
    expect(() => addWorkingDays('2026-11-24', 1.5)).toThrow(RangeError);
  });

  it('counts working days between two dates, Easter left out', () => {
    expect(workingDaysBetween('2026-03-30', '2026-04-10')).toBe(7);
    expect(workingDaysBetween('2026-04-10', '2026-03-30')).toBe(-7);
    expect(workingDaysBetween('2026-11-24', '2026-11-24')).toBe(0);
  });
});
