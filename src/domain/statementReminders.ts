/**
 * Which annual assurance statements are reminded on a given day (docs/reminders.md, "Annual
 * assurance statements"). Pure: today is a parameter.
 *
 * The season. A council's Annual Governance Statement for a financial year is drafted in the
 * spring, goes with the draft accounts and is approved in the summer (in Wales the draft
 * accounts are due by 30 June and the audited ones by 31 July), and each chief officer's or
 * Head of Service's assurance feeds it. So the statement for the year just ended (2026–27,
 * which ended on 31 March 2027) is asked for from 1 April 2027 and due by 30 June 2027; after
 * that it is overdue, and reminded weekly through July. The dates are data
 * (`StatementReminderPolicy`): a council with another timetable changes them, not the code.
 *
 * Milestones for each directorate still to confirm, each with a send date:
 * - statementRequested when the season opens (1 April; on a weekend or bank holiday, the next
 *   working day, never before the year has ended);
 * - statementDueSoon `dueSoonDays` before the due date (the previous working day if that is not one);
 * - statementOverdue.1 the day after the due date, then .2, .3 ... every `overdueRepeatDays`, up
 *   to `overdueMaxRepeats` in all (moved forward off non-working days, as reviews' are).
 * As for reviews and actions (reminders.ts): on a working day a directorate yields at most its
 * latest milestone whose send date has come; the last stays current for `overdueRepeatDays`,
 * then the directorate is quiet (the governance team sees it on #/statements). Every reminder
 * has the key `${milestone}:${statementKey}:${dueDate}:${channelKey}`
 * (`statementOverdue.2:statement-2026-education:2027-06-30:education`), which the Reminder Log
 * claims: one post per directorate, year and stage, whatever the number of runs.
 *
 * Who is reminded: every directorate `assuranceOverview` says must confirm the year (it has
 * records current in it) and that has NO statement for it. A statement that says "not yet
 * complete" has been answered: the governance team sees it, with its comment, and follows it
 * up; the job does not remind it again. A confirmed statement stops the reminders at once.
 *
 * Where: the directorate's channel (a Channel Mapping of kind directorate, matched by name, key
 * or Welsh name, ignoring case and surrounding spaces); none is a problem (`noChannel`). A
 * directorate whose records name no Head of Service is reminded, naming nobody, and reported
 * (`noHeadOfService`).
 */
import { isWorkingDayNumber, nextWorkingDayNumber, previousWorkingDayNumber } from './calendar';
import {
  assuranceOverview,
  type AssuranceRecord,
  type AssuranceStatement,
  type DirectorateAssurance,
} from './assuranceStatement';
import { dayNumberOf, fromDayNumber, toDayNumber, type IsoDate } from './dates';
import {
  channelLookup,
  type Reminder,
  type ReminderChannelMapping,
  type ReminderKind,
  type ReminderProblem,
  latestMilestone,
} from './reminders';

/** A day of the year, as a council's timetable gives it. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

export interface StatementReminderPolicy {
  /** When the statements for the year just ended are asked for (1 April). */
  readonly opens: MonthDay;
  /** When they are due (30 June: the draft accounts and the Annual Governance Statement). */
  readonly due: MonthDay;
  /** "Due soon" this many days before the due date. */
  readonly dueSoonDays: number;
  /** Days between overdue reminders, and how long the last one stays current. */
  readonly overdueRepeatDays: number;
  /** How many overdue reminders in all: four weekly ones take it to the end of July. */
  readonly overdueMaxRepeats: number;
}

export const DEFAULT_STATEMENT_REMINDER_POLICY: StatementReminderPolicy = {
  opens: { month: 4, day: 1 },
  due: { month: 6, day: 30 },
  dueSoonDays: 14,
  overdueRepeatDays: 7,
  overdueMaxRepeats: 4,
};

export type StatementReminderKind = Extract<ReminderKind, `statement${string}`>;

interface Milestone {
  readonly kind: StatementReminderKind;
  readonly repeat?: number;
  readonly sendDay: number;
}

/** One year's season: the statements asked for, when they are due, and every milestone's send day. */
export interface StatementSeason {
  /** The start year of the financial year the statements are for (2026 is 2026–27). */
  readonly year: number;
  readonly opensOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly milestones: readonly { readonly milestone: string; readonly sendOn: IsoDate }[];
}

function milestonesOf(
  year: number,
  policy: StatementReminderPolicy,
): { opens: number; due: number; list: Milestone[] } {
  const opens = dayNumberOf(year + 1, policy.opens.month, policy.opens.day);
  let due = dayNumberOf(year + 1, policy.due.month, policy.due.day);
  if (due < opens) due = dayNumberOf(year + 2, policy.due.month, policy.due.day);
  const list: Milestone[] = [{ kind: 'statementRequested', sendDay: nextWorkingDayNumber(opens) }];
  const soon = previousWorkingDayNumber(due - policy.dueSoonDays);
  // "Due soon" only when it falls after the request (a short season asks once, then overdue).
  if (soon > (list[0]?.sendDay ?? opens)) list.push({ kind: 'statementDueSoon', sendDay: soon });
  for (let repeat = 1; repeat <= policy.overdueMaxRepeats; repeat += 1) {
    const nominal = due + 1 + (repeat - 1) * policy.overdueRepeatDays;
    let sendDay = previousWorkingDayNumber(nominal);
    if (sendDay <= due) sendDay = nextWorkingDayNumber(nominal);
    list.push({ kind: 'statementOverdue', repeat, sendDay });
  }
  return { opens, due, list };
}

const milestoneName = (m: Milestone) => (m.repeat === undefined ? m.kind : `${m.kind}.${m.repeat}`);

/** The season of the statements for financial year `year`, for the docs, a calendar or a test to show. */
export function statementSeason(
  year: number,
  policy: StatementReminderPolicy = DEFAULT_STATEMENT_REMINDER_POLICY,
): StatementSeason {
  const { opens, due, list } = milestonesOf(year, policy);
  return {
    year,
    opensOn: fromDayNumber(opens),
    dueDate: fromDayNumber(due),
    milestones: list.map((m) => ({ milestone: milestoneName(m), sendOn: fromDayNumber(m.sendDay) })),
  };
}

/**
 * The season current on `today`, with its current milestone, or undefined when no statement is
 * being asked for (from the end of the last overdue reminder's week until the next 1 April).
 * The job asks this first, and reads the register for the statements only when there is one.
 */
export function currentStatementSeason(
  today: IsoDate,
  policy: StatementReminderPolicy = DEFAULT_STATEMENT_REMINDER_POLICY,
): (StatementSeason & { readonly current: { readonly milestone: string; readonly sendOn: IsoDate } }) | undefined {
  const todayDay = toDayNumber(today);
  const calendarYear = Number(today.slice(0, 4));
  // The latest season already opened: this calendar year's, else last year's.
  for (const year of [calendarYear - 1, calendarYear - 2]) {
    const { opens, list } = milestonesOf(year, policy);
    if (opens > todayDay) continue;
    const m = currentMilestone(list, todayDay, policy);
    if (!m) return undefined;
    return {
      ...statementSeason(year, policy),
      current: { milestone: milestoneName(m), sendOn: fromDayNumber(m.sendDay) },
    };
  }
  return undefined;
}

function currentMilestone(list: readonly Milestone[], todayDay: number, policy: StatementReminderPolicy) {
  return latestMilestone(list, todayDay, policy.overdueRepeatDays);
}

export interface StatementReminderInput {
  /** Every collaboration (closed ones too: a record current in the year counts, whatever it is now). */
  readonly records: readonly AssuranceRecord[];
  /** The stored statements (any year: those of the season's year are used). */
  readonly statements: readonly AssuranceStatement[];
  readonly channels: readonly ReminderChannelMapping[];
}

export interface StatementReminderRun {
  /** The financial year whose statements are asked for, when a season is current. */
  readonly year?: number;
  readonly reminders: readonly Reminder[];
  readonly problems: readonly ReminderProblem[];
}

/** "2026–27". */
export function statementYearLabel(year: number): string {
  return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The statement reminders due on `today`: one per directorate still to confirm the year (no
 * statement at all), in its directorate's channel; none on a non-working day or out of season.
 */
export function dueStatementReminders(
  input: StatementReminderInput,
  options: { readonly today: IsoDate; readonly policy?: StatementReminderPolicy },
): StatementReminderRun {
  const { today } = options;
  const policy = options.policy ?? DEFAULT_STATEMENT_REMINDER_POLICY;
  const todayDay = toDayNumber(today);
  if (!isWorkingDayNumber(todayDay)) return { reminders: [], problems: [] };
  const season = currentStatementSeason(today, policy);
  if (!season) return { reminders: [], problems: [] };
  const { list } = milestonesOf(season.year, policy);
  const m = currentMilestone(list, todayDay, policy);
  if (!m) return { year: season.year, reminders: [], problems: [] };
  const milestone = milestoneName(m);
  const dueDay = toDayNumber(season.dueDate);

  const overview = assuranceOverview(season.year, input.records, input.statements);
  const channelFor = channelLookup(input.channels);
  const reminders: Reminder[] = [];
  const problems: ReminderProblem[] = [];
  const label = statementYearLabel(season.year);
  const problem = (d: DirectorateAssurance, code: ReminderProblem['code']) =>
    problems.push({ item: 'statement', itemRef: label, title: d.directorate, code, dueDate: season.dueDate });
  for (const d of overview.directorates) {
    if (d.statement !== undefined) continue;
    const channel = channelFor('directorate', d.directorate);
    if (!channel) {
      problem(d, 'noChannel');
      continue;
    }
    if (d.expected.length === 0) problem(d, 'noHeadOfService');
    const titleCy = channel.nameCy?.trim();
    reminders.push({
      key: `${milestone}:${d.key}:${season.dueDate}:${channel.channelKey}`,
      kind: m.kind,
      milestone,
      ...(m.repeat !== undefined && { repeat: m.repeat }),
      overdue: m.repeat !== undefined,
      item: 'statement',
      itemRef: d.key,
      title: d.directorate,
      // The directorate's Welsh name, where its channel mapping gives one.
      ...(titleCy ? { titleCy } : {}),
      dueDate: season.dueDate,
      sendOn: fromDayNumber(m.sendDay),
      daysOverdue: todayDay - dueDay,
      channelKey: channel.channelKey,
      channelName: channel.channelName,
      language: channel.language ?? 'both',
      statementYear: season.year,
      expected: d.expected,
    });
  }
  return { year: season.year, reminders, problems };
}
