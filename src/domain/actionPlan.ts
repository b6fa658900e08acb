import { actionStatus, DEFAULT_ACTION_POLICY, type ActionDates, type ActionPolicy } from './actions';
import { isIsoDate, toParts, type IsoDate } from './dates';
import type { ActionStatus } from './vocabulary';

/**
 * The 12-month action plan grid of seed 002's appendix ("July 2014 - June
 * 2015", one column a month, a tick in each month an activity spans).
 */

export const PLAN_LENGTH_MONTHS = 12;

export interface PlanMonth {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
}

/** The twelve months of a plan starting in `startMonth` (1-12) of `startYear`; July by default. */
export function planMonths(startYear: number, startMonth = 7): PlanMonth[] {
  if (!Number.isInteger(startYear) || !Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`A plan starts in a month 1-12 of a whole year, not ${startYear}-${startMonth}`);
  }
  const first = startYear * 12 + (startMonth - 1);
  return Array.from({ length: PLAN_LENGTH_MONTHS }, (_, i) => ({
    year: Math.floor((first + i) / 12),
    month: ((first + i) % 12) + 1,
  }));
}

/** Months from the plan's first month to the date's month (negative before the plan, 12+ after it). */
export function monthIndex(date: IsoDate, startYear: number, startMonth = 7): number {
  const { year, month } = toParts(date);
  return year * 12 + (month - 1) - (startYear * 12 + (startMonth - 1));
}

export interface PlanRow<A> {
  readonly action: A;
  readonly status: ActionStatus;
  /** First and last month index of the bar, clamped to 0..11. */
  readonly firstMonth: number;
  readonly lastMonth: number;
  /** Every month index the bar covers, firstMonth..lastMonth. */
  readonly months: readonly number[];
  readonly startsBeforePlan: boolean;
  readonly endsAfterPlan: boolean;
}

export interface PlanOutside<A> {
  readonly action: A;
  readonly status: ActionStatus;
  readonly position: 'beforePlan' | 'afterPlan';
}

export interface PlanUnscheduled<A> {
  readonly action: A;
  readonly status: ActionStatus;
}

export interface PlanGrid<A> {
  readonly months: readonly PlanMonth[];
  /** Actions with at least one month in the plan, in the order given (the plan's own order). */
  readonly rows: readonly PlanRow<A>[];
  /** Actions with neither a start nor a due date. */
  readonly unscheduled: readonly PlanUnscheduled<A>[];
  /** Actions wholly before or after the plan's twelve months. */
  readonly outside: readonly PlanOutside<A>[];
  /** Today's month index, or undefined when today is outside the plan. */
  readonly todayIndex?: number;
}

export interface PlanOptions {
  readonly startYear: number;
  /** 1-12; July by default, as in seed 002. */
  readonly startMonth?: number;
  readonly today: IsoDate;
  readonly policy?: ActionPolicy;
}

/**
 * Lays actions out on the plan: a bar from the start month to the due month
 * (only one of them: that month alone; dates the wrong way round: the span
 * between them), clamped to the plan's twelve months and flagged where it
 * runs past either end. Dates that are not ISO dates count as absent.
 */
export function planGrid<A extends ActionDates>(actions: readonly A[], options: PlanOptions): PlanGrid<A> {
  const startMonth = options.startMonth ?? 7;
  const months = planMonths(options.startYear, startMonth);
  const policy = options.policy ?? DEFAULT_ACTION_POLICY;
  const rows: PlanRow<A>[] = [];
  const unscheduled: PlanUnscheduled<A>[] = [];
  const outside: PlanOutside<A>[] = [];
  const last = PLAN_LENGTH_MONTHS - 1;

  for (const action of actions) {
    const status = actionStatus(action, options.today, policy);
    const indexes = [action.startDate, action.dueDate]
      .filter((d): d is IsoDate => d !== undefined && isIsoDate(d))
      .map((d) => monthIndex(d, options.startYear, startMonth));
    if (indexes.length === 0) {
      unscheduled.push({ action, status });
      continue;
    }
    const from = Math.min(...indexes);
    const to = Math.max(...indexes);
    if (to < 0) outside.push({ action, status, position: 'beforePlan' });
    else if (from > last) outside.push({ action, status, position: 'afterPlan' });
    else {
      const firstMonth = Math.max(0, from);
      const lastMonth = Math.min(last, to);
      rows.push({
        action,
        status,
        firstMonth,
        lastMonth,
        months: Array.from({ length: lastMonth - firstMonth + 1 }, (_, i) => firstMonth + i),
        startsBeforePlan: from < 0,
        endsAfterPlan: to > last,
      });
    }
  }

  const today = isIsoDate(options.today) ? monthIndex(options.today, options.startYear, startMonth) : -1;
  const grid: PlanGrid<A> = { months, rows, unscheduled, outside };
  return today >= 0 && today <= last ? { ...grid, todayIndex: today } : grid;
}
