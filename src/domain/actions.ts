import { z } from 'zod';
import { LIMITS, zodIssuesToErrors } from './collaboration';
import { daysBetween, isIsoDate, type IsoDate } from './dates';
import { actionSchema, type Action } from './entities';
import type { Person } from './fields';
import { err, fail, ok, type DomainError, type Result } from './result';
import type { ActionStatus } from './vocabulary';

/**
 * Action plan items: their status is derived from their dates, progress and
 * today, never stored, so it is never stale.
 */

export interface ActionPolicy {
  /** An open action due within this many days (today included) is at risk. */
  readonly atRiskDays: number;
  /** An action whose progress trails the elapsed share of start..due by more than this many points is at risk. */
  readonly behindBy: number;
}

export const DEFAULT_ACTION_POLICY: ActionPolicy = { atRiskDays: 14, behindBy: 25 };

export type ActionDates = Pick<Action, 'startDate' | 'dueDate' | 'progress' | 'completedOn'>;

const dateOrUndefined = (value: string | undefined): IsoDate | undefined =>
  value !== undefined && isIsoDate(value) ? value : undefined;

/**
 * The elapsed share of start..due on `today`, 0-100 (100 once due; a one-day
 * action is 0 before its day and 100 from it).
 */
export function elapsedShare(startDate: IsoDate, dueDate: IsoDate, today: IsoDate): number {
  const length = daysBetween(startDate, dueDate);
  const elapsed = daysBetween(startDate, today);
  if (length <= 0) return elapsed >= 0 ? 100 : 0;
  return Math.min(100, Math.max(0, (elapsed / length) * 100));
}

/**
 * An action's status on `today`, first rule that applies:
 * 1. complete: it has a completion date, or progress is 100;
 * 2. overdue: its due date is before today (an action with no due date is never overdue);
 * 3. notStarted: its start date is after today (it is not yet expected to have begun);
 * 4. atRisk: it is due within `atRiskDays` (due today included), or it has a start and a
 *    due date and its progress trails the elapsed share of that span by more than `behindBy`;
 * 5. notStarted: progress is 0;
 * 6. onTrack otherwise.
 * A date that is not an ISO date is treated as absent (validateAction reports it).
 */
export function actionStatus(
  action: ActionDates,
  today: IsoDate,
  policy: ActionPolicy = DEFAULT_ACTION_POLICY,
): ActionStatus {
  const progress = Number.isFinite(action.progress) ? action.progress : 0;
  if (action.completedOn !== undefined || progress >= 100) return 'complete';
  const due = dateOrUndefined(action.dueDate);
  const start = dateOrUndefined(action.startDate);
  if (due !== undefined && due < today) return 'overdue';
  if (start !== undefined && start > today) return 'notStarted';
  if (due !== undefined && daysBetween(today, due) <= policy.atRiskDays) return 'atRisk';
  if (start !== undefined && due !== undefined && elapsedShare(start, due, today) - progress > policy.behindBy) {
    return 'atRisk';
  }
  return progress <= 0 ? 'notStarted' : 'onTrack';
}

/** The schema without the progress bounds, so that a bad progress is reported with the other problems. */
const looseActionSchema = actionSchema.extend({ progress: z.number() });

/**
 * Checks an action and returns every problem at once: a title (within the
 * SharePoint limit) and key are required; progress is 0-100 (`outOfRange`); a
 * due date before the start is `endBeforeStart`, and so is a completion before
 * the start; an action of a collaboration or a review names it.
 */
export function validateAction(input: unknown): Result<Action> {
  const parsed = looseActionSchema.safeParse(input);
  if (!parsed.success) return fail(zodIssuesToErrors(parsed.error.issues, input));
  const a = parsed.data;
  const errors: DomainError[] = [];
  if (a.key.trim() === '') errors.push(err('key', 'required'));
  if (a.title.trim() === '') errors.push(err('title', 'required'));
  if (a.title.length > LIMITS.title) errors.push(err('title', 'tooLong', { max: LIMITS.title }));
  if (a.progressNote !== undefined && a.progressNote.length > LIMITS.note) {
    errors.push(err('progressNote', 'tooLong', { max: LIMITS.note }));
  }
  if (!Number.isFinite(a.progress) || a.progress < 0 || a.progress > 100) {
    errors.push(err('progress', 'outOfRange', { min: 0, max: 100 }));
  }
  if (a.startDate && a.dueDate && a.dueDate < a.startDate) errors.push(err('dueDate', 'endBeforeStart'));
  if (a.startDate && a.completedOn && a.completedOn < a.startDate) errors.push(err('completedOn', 'endBeforeStart'));
  if (a.scope === 'collaboration' && a.collaborationId === undefined) errors.push(err('collaborationId', 'required'));
  if (a.scope === 'review' && a.reviewId === undefined) errors.push(err('reviewId', 'required'));
  return errors.length > 0 ? fail(errors) : ok(a);
}

/**
 * A new action as a person enters it: everything validateAction checks, and an
 * owner (a person: the UI picks a site user, the repository checks it is one).
 */
export function validateNewAction(input: unknown): Result<Action> {
  const checked = validateAction(input);
  const owner = (input as { owner?: unknown } | null)?.owner;
  if (owner === undefined || owner === null) {
    const missing = err('owner', 'required');
    return checked.ok ? fail([missing]) : fail([...checked.error, missing]);
  }
  return checked;
}

/** What a manager changes on an existing action: its title, dates and owner (an absent date is cleared). */
export interface ActionEdit {
  readonly title: string;
  readonly owner?: Person;
  readonly startDate?: IsoDate;
  readonly dueDate?: IsoDate;
}

/**
 * An action edited (re-titled, re-dated, reassigned): everything else it holds is kept
 * (progress, note, completion, links); checked as a new action is (title required, due
 * not before start, an owner), every problem at once.
 */
export function editAction<A extends Action>(action: A, edit: ActionEdit): Result<A> {
  const next: A = { ...action, title: edit.title.trim() };
  for (const field of ['owner', 'startDate', 'dueDate'] as const) {
    const value = edit[field];
    if (value !== undefined && value !== '') (next as Record<string, unknown>)[field] = value;
    else delete next[field];
  }
  const checked = validateNewAction(next);
  return checked.ok ? ok(next) : fail(checked.error);
}

export interface ProgressUpdate {
  readonly progress: number;
  readonly progressNote?: string;
  /** Marks the action complete on this day (progress becomes 100). */
  readonly completedOn?: IsoDate;
}

/**
 * An owner's update in place: progress and note; 100% (or a completion date)
 * completes the action on `today`; lowering progress below 100 reopens it.
 * Returns every problem at once, as validateAction does.
 */
export function updateProgress<A extends Action>(action: A, update: ProgressUpdate, today: IsoDate): Result<A> {
  const progress = update.completedOn !== undefined ? 100 : update.progress;
  const note = update.progressNote?.trim();
  const next: A = { ...action, progress };
  if (note !== undefined && note !== '') next.progressNote = note;
  else delete next.progressNote;
  if (progress >= 100) next.completedOn = update.completedOn ?? action.completedOn ?? today;
  else delete next.completedOn;
  const checked = validateAction(next);
  return checked.ok ? ok(next) : fail(checked.error);
}
