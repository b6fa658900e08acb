import type { Collaboration } from './collaboration';
import { err, fail, ok, type DomainError, type Result } from './result';
import type { IsoDate } from './dates';
import type { Status } from './vocabulary';

/**
 * The life cycle (DESIGN.md): proposed, active, under review, reforming,
 * withdrawing, closed. Withdrawal is a business decision, not a failure
 * (seed 000): a withdrawn or closed record is never deleted and keeps its
 * history; a closed record is final.
 */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  proposed: ['active', 'closed'],
  active: ['underReview', 'reforming', 'withdrawing', 'closed'],
  underReview: ['active', 'reforming', 'withdrawing'],
  reforming: ['active', 'underReview', 'withdrawing'],
  withdrawing: ['closed', 'active'],
  closed: [],
};

export function allowedTransitions(from: Status): readonly Status[] {
  return TRANSITIONS[from];
}

export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface TransitionInput {
  readonly to: Status;
  /**
   * The day the change takes effect. Closing does not take it for the end date:
   * the end date is a decision of its own, given here or already on the record.
   */
  readonly on: IsoDate;
  /** Why it closes, or the exit plan when withdrawing. */
  readonly exitNote?: string;
  readonly endDate?: IsoDate;
}

/**
 * Moves a record along the life cycle, or says why it cannot: closing needs an
 * end date and an exit note; withdrawing needs an exit note (the exit plan).
 * The returned record is a new value; the input is untouched.
 */
export function transition(record: Collaboration, input: TransitionInput): Result<Collaboration> {
  const errors: DomainError[] = [];
  if (record.status === input.to || !canTransition(record.status, input.to)) {
    return fail([err('status', 'transitionNotAllowed', { from: record.status, to: input.to })]);
  }
  const exitNote = (input.exitNote ?? record.exitNote ?? '').trim();
  const endDate = input.endDate ?? record.endDate;
  if (input.to === 'closed') {
    if (!endDate) errors.push(err('endDate', 'transitionNeedsEndDate'));
    if (exitNote === '') errors.push(err('exitNote', 'transitionNeedsExitNote'));
    if (endDate && record.startDate && endDate < record.startDate) errors.push(err('endDate', 'endBeforeStart'));
  }
  if (input.to === 'withdrawing' && exitNote === '') errors.push(err('exitNote', 'transitionNeedsExitNote'));
  if (errors.length > 0) return fail(errors);

  const next: Collaboration = { ...record, status: input.to };
  if (exitNote !== '') next.exitNote = exitNote;
  if (input.to === 'closed' && endDate) {
    next.endDate = endDate;
    delete next.nextReviewDue;
  }
  return ok(next);
}
