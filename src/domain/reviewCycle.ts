import type { Collaboration } from './collaboration';
import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from './dates';
import { DEFAULT_ASSURANCE_CADENCE, nextReviewAfterAssurance, type AssuranceCadence } from './governancePolicy';
import { transition } from './lifecycle';
import { err, fail, ok, type DomainError, type Result } from './result';
import { STATUSES, type AssuranceLevel, type Outcome, type ReviewFrequency, type Status } from './vocabulary';

/**
 * The review cycle (seeds 000 and 002): each collaboration is reviewed at its
 * frequency; the panel's outcome is continue, continue with actions, reform or
 * withdraw, and it sets the record's status and its next review.
 */

/** Months between reviews for each frequency, and the closer watch after a reform. Data, not code. */
export interface ReviewCadence {
  readonly quarterly: number;
  readonly sixMonthly: number;
  readonly annual: number;
  /** After a `reform` outcome the next review comes sooner than usual. */
  readonly reformWatchMonths: number;
}

export const DEFAULT_REVIEW_CADENCE: ReviewCadence = {
  quarterly: 3,
  sixMonthly: 6,
  annual: 12,
  reformWatchMonths: 3,
};

export interface ReviewDates {
  readonly lastReviewDate?: IsoDate | undefined;
  readonly startDate?: IsoDate | undefined;
  /** For the `fixedDate` frequency: the date the panel set. */
  readonly fixedDate?: IsoDate | undefined;
}

/**
 * The next review: the fixed date for `fixedDate`; otherwise the frequency's
 * months after the last review, or after the start when there has been none
 * (month ends clamp: a quarter after 30 November is 28 or 29 February).
 * Undefined when there is nothing to count from, or it is not a real date.
 */
export function nextReviewDue(
  frequency: ReviewFrequency,
  dates: ReviewDates,
  cadence: ReviewCadence = DEFAULT_REVIEW_CADENCE,
): IsoDate | undefined {
  if (frequency === 'fixedDate') return dates.fixedDate;
  const from = dates.lastReviewDate ?? dates.startDate;
  // A date that is not one (a typed year 22027, a 30 February) is nothing to count from: the record's
  // own check reports it on its field, rather than this throwing.
  return from === undefined || !isIsoDate(from) ? undefined : addMonths(from, cadence[frequency]);
}

export interface OutcomeInput {
  readonly outcome: Outcome;
  /** The day the panel met. */
  readonly heldOn: IsoDate;
  /** What the panel decided and why; required for every outcome. */
  readonly decisionNote: string;
  /** The panel's own date for the next review; wins over the frequency (required for `fixedDate` when the old date has passed). */
  readonly nextReviewDue?: IsoDate;
  /** For `withdraw`: the exit plan; defaults to the record's exit note, then the decision note. */
  readonly exitNote?: string;
  /** The assurance level the panel gave, with its reason (required with a level). */
  readonly assurance?: { readonly level: AssuranceLevel; readonly reason: string };
}

export interface OutcomeApplied {
  readonly record: Collaboration;
  /** True when the outcome calls for an action plan (continue with actions, reform). */
  readonly requiresActions: boolean;
}

function firstWritten(...notes: readonly (string | undefined)[]): string {
  for (const note of notes) if (note !== undefined && note.trim() !== '') return note.trim();
  return '';
}

/**
 * Whether an outcome calls for an action plan (seeds 000 and 002): continue
 * with actions and reform do; continue and withdraw do not. The one place
 * this is decided: recording an outcome, applying it and the review page ask here.
 */
export function outcomeNeedsActions(outcome: Outcome | undefined): boolean {
  return outcome === 'continueWithActions' || outcome === 'reform';
}

const TARGET_STATUS: Readonly<Record<Outcome, Status>> = {
  continue: 'active',
  continueWithActions: 'active',
  reform: 'reforming',
  withdraw: 'withdrawing',
};

/**
 * Applies a review's outcome to the record, or returns every reason it cannot:
 * - continue: active, next review per frequency counted from the meeting;
 * - continue with actions: the same, and an action plan is required;
 * - reform: reforming, next review after `reformWatchMonths` (closer watch), actions required;
 * - withdraw: withdrawing through the life cycle (the exit note, or failing that the
 *   decision note, is the exit plan); no next review; the record keeps its history.
 * The last review date becomes the meeting's date. A missing decision note is
 * `decisionNoteRequired`; a status the outcome cannot move from is `transitionNotAllowed`.
 * An assurance level given with the outcome is the record's, dated the meeting, and the next
 * review comes no later than the policy's months for that level (below substantial, sooner).
 */
export function applyOutcome(
  record: Collaboration,
  input: OutcomeInput,
  cadence: ReviewCadence = DEFAULT_REVIEW_CADENCE,
  assuranceCadence: AssuranceCadence = DEFAULT_ASSURANCE_CADENCE,
): Result<OutcomeApplied> {
  const errors: DomainError[] = [];
  const heldOnValid = isIsoDate(input.heldOn);
  if (!heldOnValid) errors.push(err('heldOn', 'invalidDate'));
  const decisionNote = input.decisionNote.trim();
  if (decisionNote === '') errors.push(err('decisionNote', 'decisionNoteRequired'));
  if (input.nextReviewDue !== undefined) {
    if (!isIsoDate(input.nextReviewDue)) errors.push(err('nextReviewDue', 'invalidDate'));
    else if (heldOnValid && input.nextReviewDue <= input.heldOn) {
      errors.push(err('nextReviewDue', 'endBeforeStart'));
    }
  }
  const assurance = input.assurance;
  if (assurance && assurance.reason.trim() === '') errors.push(err('assuranceReason', 'assuranceReasonRequired'));

  const to = TARGET_STATUS[input.outcome];
  let next: Collaboration = record;
  if (record.status !== to) {
    const moved = transition(record, {
      to,
      on: input.heldOn,
      ...(to === 'withdrawing' ? { exitNote: firstWritten(input.exitNote, record.exitNote, decisionNote) } : {}),
    });
    if (!moved.ok) errors.push(...moved.error);
    else next = moved.value;
  } else if (to === 'withdrawing' && input.exitNote !== undefined && input.exitNote.trim() !== '') {
    next = { ...record, exitNote: input.exitNote.trim() };
  }
  if (errors.length > 0) return fail(errors);

  next = { ...next, lastReviewDate: input.heldOn };
  if (assurance) {
    next = {
      ...next,
      assuranceLevel: assurance.level,
      assuranceReason: assurance.reason.trim(),
      assuranceDate: input.heldOn,
    };
  }
  if (to === 'withdrawing') {
    delete next.nextReviewDue;
    return ok({ record: next, requiresActions: false });
  }

  let due: IsoDate | undefined = input.nextReviewDue;
  if (due === undefined && input.outcome === 'reform') due = addMonths(input.heldOn, cadence.reformWatchMonths);
  if (due === undefined && record.reviewFrequency === 'fixedDate') {
    // A fixed date still ahead of the meeting stands; one that has passed needs a new date from the panel.
    if (record.nextReviewDue !== undefined && record.nextReviewDue > input.heldOn) due = record.nextReviewDue;
    else return fail([err('nextReviewDue', 'reviewDateRequired')]);
  }
  due ??= nextReviewDue(record.reviewFrequency, { lastReviewDate: input.heldOn }, cadence);
  // The panel's own date stands; otherwise the level's months may bring the review forward.
  if (input.nextReviewDue === undefined)
    due = nextReviewAfterAssurance(due, assurance?.level, input.heldOn, assuranceCadence);
  if (due !== undefined) next.nextReviewDue = due;
  return ok({ record: next, requiresActions: outcomeNeedsActions(input.outcome) });
}

export const REVIEW_STATES = ['notScheduled', 'onTrack', 'dueSoon', 'dueToday', 'overdue'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewStatePolicy {
  /** A review this many days away or fewer is `dueSoon`. */
  readonly dueSoonDays: number;
}

/**
 * The ONE review-state policy: the register's state and filter, the SharePoint column
 * formatting (src/data/schema/formatting.ts) and the reminders' "due soon" milestone all
 * read this window.
 */
export const DEFAULT_REVIEW_STATE_POLICY: ReviewStatePolicy = { dueSoonDays: 14 };

/** Statuses whose record is never due for review (`reviewState` says notScheduled). */
export const UNREVIEWED_STATUSES: readonly Status[] = ['closed'];

/**
 * The next-review dates of the records in a review state on `today`, as a date range a
 * query can filter on (an indexed column), with the statuses it covers: what the
 * register's review filter asks the list for, so that it finds what `reviewState` says.
 */
export function reviewDueRange(
  state: 'overdue' | 'dueSoon' | 'onTrack',
  today: IsoDate,
  policy: ReviewStatePolicy = DEFAULT_REVIEW_STATE_POLICY,
): { readonly onOrAfter?: IsoDate; readonly onOrBefore?: IsoDate; readonly statuses: readonly Status[] } {
  const statuses = STATUSES.filter((s) => !UNREVIEWED_STATUSES.includes(s));
  switch (state) {
    case 'overdue':
      return { onOrBefore: addDays(today, -1), statuses };
    case 'dueSoon':
      // Due today counts as due soon in the filter (reviewState names it dueToday).
      return { onOrAfter: today, onOrBefore: addDays(today, policy.dueSoonDays), statuses };
    case 'onTrack':
      return { onOrAfter: addDays(today, policy.dueSoonDays + 1), statuses };
  }
}

export interface ReviewStateOf {
  readonly state: ReviewState;
  /** Days from today to the review: 0 today, negative when overdue; absent when not scheduled. */
  readonly daysUntil?: number;
}

/**
 * Where a collaboration stands against its next review on `today`. A closed
 * record is never due; no date, or a date that is not an ISO date, is
 * `notScheduled` (the reminder job reports the bad date as a problem).
 */
export function reviewState(
  nextReview: IsoDate | undefined,
  today: IsoDate,
  options: Partial<ReviewStatePolicy> & { readonly status?: Status } = {},
): ReviewStateOf {
  if (
    (options.status !== undefined && UNREVIEWED_STATUSES.includes(options.status)) ||
    nextReview === undefined ||
    !isIsoDate(nextReview)
  ) {
    return { state: 'notScheduled' };
  }
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_REVIEW_STATE_POLICY.dueSoonDays;
  const daysUntil = daysBetween(today, nextReview);
  const state: ReviewState =
    daysUntil < 0 ? 'overdue' : daysUntil === 0 ? 'dueToday' : daysUntil <= dueSoonDays ? 'dueSoon' : 'onTrack';
  return { state, daysUntil };
}
