import { monthIndex, planGrid, planMonths } from '../../../src/domain/actionPlan';
import type { Action } from '../../../src/domain/entities';
import { anAction } from './fixtures';

describe('the months of a plan', () => {
  it('runs July 2014 to June 2015 by default, as in the protocol appendix', () => {
    const months = planMonths(2014);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ year: 2014, month: 7 });
    expect(months[5]).toEqual({ year: 2014, month: 12 });
    expect(months[6]).toEqual({ year: 2015, month: 1 });
    expect(months[11]).toEqual({ year: 2015, month: 6 });
  });

  it.each([
    [2026, 1, { year: 2026, month: 1 }, { year: 2026, month: 12 }, 'a plan starting in January stays in one year'],
    [2026, 12, { year: 2026, month: 12 }, { year: 2027, month: 11 }, 'a plan starting in December crosses at once'],
    [2026, 4, { year: 2026, month: 4 }, { year: 2027, month: 3 }, 'a financial-year plan'],
  ])('from %i-%i the plan runs %j to %j (%s)', (year, month, first, last) => {
    const months = planMonths(year, month);
    expect(months[0]).toEqual(first);
    expect(months[11]).toEqual(last);
  });

  it('refuses a month that is not 1-12', () => {
    expect(() => planMonths(2026, 13)).toThrow(RangeError);
    expect(() => planMonths(2026, 0)).toThrow(RangeError);
  });

  it.each([
    ['2014-07-15', 0],
    ['2014-12-31', 5],
    ['2015-01-01', 6],
    ['2015-06-30', 11],
    ['2015-07-01', 12],
    ['2014-06-30', -1],
  ])('%s is month %i of the plan from July 2014', (date, index) => {
    expect(monthIndex(date, 2014, 7)).toBe(index);
  });
});

describe('the plan grid', () => {
  const plan = { startYear: 2014, startMonth: 7, today: '2014-11-20' };
  const act = (key: string, overrides: Partial<Action>): Action => anAction({ key, title: key, ...overrides });

  it("lays out seed 002's appendix rows as bars by month", () => {
    const grid = planGrid(
      [
        act('toolkit', { startDate: '2014-07-01', dueDate: '2014-11-30', progress: 60 }),
        act('scrutiny report', { startDate: '2014-09-30', dueDate: '2014-09-30', progress: 100 }),
        act('cabinet report', { dueDate: '2014-10-15', completedOn: '2014-10-15', progress: 100 }),
        act('annual summary', { startDate: '2015-06-01', dueDate: '2015-06-30' }),
      ],
      plan,
    );
    expect(grid.rows.map((r) => [r.action.key, r.months])).toEqual([
      ['toolkit', [0, 1, 2, 3, 4]],
      ['scrutiny report', [2]],
      ['cabinet report', [3]],
      ['annual summary', [11]],
    ]);
    expect(grid.todayIndex).toBe(4);
    expect(grid.rows.map((r) => r.status)).toEqual(['atRisk', 'complete', 'complete', 'notStarted']);
  });

  it('clamps a bar that starts before the plan and flags it', () => {
    const [row] = planGrid(
      [act('carried over', { startDate: '2014-03-01', dueDate: '2014-08-31', progress: 50 })],
      plan,
    ).rows;
    expect(row).toMatchObject({ firstMonth: 0, lastMonth: 1, startsBeforePlan: true, endsAfterPlan: false });
  });

  it('clamps a bar that runs past the plan and flags it', () => {
    const [row] = planGrid(
      [act('constitution', { startDate: '2015-04-01', dueDate: '2015-09-30', progress: 5 })],
      plan,
    ).rows;
    expect(row).toMatchObject({ firstMonth: 9, lastMonth: 11, startsBeforePlan: false, endsAfterPlan: true });
    expect(row?.months).toEqual([9, 10, 11]);
  });

  it('a bar wider than the plan covers all twelve months with both flags', () => {
    const [row] = planGrid(
      [act('standing', { startDate: '2013-01-01', dueDate: '2016-01-01', progress: 50 })],
      plan,
    ).rows;
    expect(row).toMatchObject({ firstMonth: 0, lastMonth: 11, startsBeforePlan: true, endsAfterPlan: true });
  });

  it('lists actions with no dates as unscheduled, with their status', () => {
    const grid = planGrid([act('someday', { progress: 20 })], plan);
    expect(grid.rows).toEqual([]);
    expect(grid.unscheduled.map((u) => [u.action.key, u.status])).toEqual([['someday', 'onTrack']]);
  });

  it('lists actions wholly outside the plan separately, before or after', () => {
    const grid = planGrid(
      [
        act('last year', { startDate: '2013-07-01', dueDate: '2014-06-30', completedOn: '2014-06-30' }),
        act('next year', { startDate: '2015-07-01', dueDate: '2015-12-31' }),
      ],
      plan,
    );
    expect(grid.rows).toEqual([]);
    expect(grid.outside.map((o) => [o.action.key, o.position])).toEqual([
      ['last year', 'beforePlan'],
      ['next year', 'afterPlan'],
    ]);
  });

  it('an action with only a start date, or only a due date, fills that one month', () => {
    const grid = planGrid(
      [act('start only', { startDate: '2014-08-10', progress: 10 }), act('due only', { dueDate: '2015-02-01' })],
      plan,
    );
    expect(grid.rows.map((r) => r.months)).toEqual([[1], [7]]);
  });

  it('dates the wrong way round still give the span between them', () => {
    const [row] = planGrid([act('muddled', { startDate: '2014-12-01', dueDate: '2014-09-01' })], plan).rows;
    expect(row?.months).toEqual([2, 3, 4, 5]);
  });

  it.each<[string, number | undefined, string]>([
    ['2014-06-30', undefined, 'the day before the plan'],
    ['2014-07-01', 0, 'the first day of the plan'],
    ['2015-06-30', 11, 'the last day of the plan'],
    ['2015-07-01', undefined, 'the day after it'],
  ])('today %s is month %p of the plan (%s)', (today, index) => {
    expect(planGrid([], { ...plan, today }).todayIndex).toBe(index);
  });

  it('a December plan crosses the year', () => {
    const grid = planGrid([act('winter', { startDate: '2027-01-05', dueDate: '2027-02-20', progress: 0 })], {
      startYear: 2026,
      startMonth: 12,
      today: '2026-12-10',
    });
    expect(grid.rows[0]?.months).toEqual([1, 2]);
    expect(grid.todayIndex).toBe(0);
  });

  it('a January plan has its year in one row of months', () => {
    const grid = planGrid([act('spring', { startDate: '2026-03-01', dueDate: '2026-05-31', progress: 30 })], {
      startYear: 2026,
      startMonth: 1,
      today: '2026-11-24',
    });
    expect(grid.rows[0]?.months).toEqual([2, 3, 4]);
    expect(grid.rows[0]?.status).toBe('overdue');
    expect(grid.todayIndex).toBe(10);
  });

  it('an empty plan is empty, not an error', () => {
    expect(planGrid([], plan)).toEqual({
      months: planMonths(2014, 7),
      rows: [],
      unscheduled: [],
      outside: [],
      todayIndex: 4,
    });
  });
});
