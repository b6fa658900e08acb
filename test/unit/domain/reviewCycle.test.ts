import type { Collaboration } from '../../../src/domain/collaboration';
import {
  applyOutcome,
  DEFAULT_REVIEW_CADENCE,
  nextReviewDue,
  outcomeNeedsActions,
  reviewState,
  type OutcomeApplied,
  type ReviewState,
} from '../../../src/domain/reviewCycle';
import type { Outcome, ReviewFrequency, Status } from '../../../src/domain/vocabulary';
import type { DomainError, Result } from '../../../src/domain/result';
import { aCollaboration } from './fixtures';

function applied(result: Result<OutcomeApplied>): OutcomeApplied {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}
function refused(result: Result<OutcomeApplied>): DomainError[] {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('next review due', () => {
  it.each<[ReviewFrequency, string, string, string]>([
    ['quarterly', '2026-01-15', '2026-04-15', 'a quarter after the last review'],
    ['sixMonthly', '2026-01-15', '2026-07-15', 'six months after'],
    ['annual', '2026-01-15', '2027-01-15', 'a year after'],
    ['quarterly', '2026-11-30', '2027-02-28', 'a quarter after 30 November is the end of February'],
    ['quarterly', '2023-11-30', '2024-02-29', 'in a leap year it is 29 February'],
    ['quarterly', '2026-01-31', '2026-04-30', 'a quarter after 31 January clamps to 30 April'],
    ['sixMonthly', '2026-08-31', '2027-02-28', 'six months after 31 August'],
    ['annual', '2024-02-29', '2025-02-28', 'a year after a leap day'],
    ['annual', '2027-02-28', '2028-02-28', 'a year after 28 February stays on the 28th in a leap year'],
    ['quarterly', '2026-12-15', '2027-03-15', 'across the year end'],
  ])('%s after a review on %s is due %s (%s)', (frequency, lastReviewDate, expected) => {
    expect(nextReviewDue(frequency, { lastReviewDate })).toBe(expected);
  });

  it('counts from the start date when there has been no review', () => {
    expect(nextReviewDue('annual', { startDate: '2014-07-01' })).toBe('2015-07-01');
  });

  it('counts from nothing when the start is not a real date, so the record check reports it instead of this throwing', () => {
    expect(nextReviewDue('annual', { startDate: '22027-10-03' })).toBeUndefined();
    expect(nextReviewDue('annual', { startDate: '2027-02-30' })).toBeUndefined();
  });

  it('counts from the last review rather than the start once there has been one', () => {
    expect(nextReviewDue('annual', { startDate: '2014-07-01', lastReviewDate: '2026-03-10' })).toBe('2027-03-10');
  });

  it('a fixed date frequency is the fixed date, whatever the last review', () => {
    expect(nextReviewDue('fixedDate', { fixedDate: '2027-06-30', lastReviewDate: '2026-01-01' })).toBe('2027-06-30');
  });

  it('is not scheduled with nothing to count from', () => {
    expect(nextReviewDue('quarterly', {})).toBeUndefined();
    expect(nextReviewDue('fixedDate', { lastReviewDate: '2026-01-01' })).toBeUndefined();
  });

  it('reads the months as data', () => {
    expect(nextReviewDue('annual', { lastReviewDate: '2026-01-15' }, { ...DEFAULT_REVIEW_CADENCE, annual: 24 })).toBe(
      '2028-01-15',
    );
  });
});

describe('applying a review outcome', () => {
  const underReview = aCollaboration({
    status: 'underReview',
    reviewFrequency: 'quarterly',
    nextReviewDue: '2026-11-20',
  });
  const heldOn = '2026-11-24';
  const decisionNote = 'The panel agreed the arrangement still delivers value for money.';

  it('continue: active again, the next review a frequency after the meeting, no actions needed', () => {
    const { record, requiresActions } = applied(
      applyOutcome(underReview, { outcome: 'continue', heldOn, decisionNote }),
    );
    expect(record).toMatchObject({ status: 'active', lastReviewDate: heldOn, nextReviewDue: '2027-02-24' });
    expect(requiresActions).toBe(false);
  });

  it('continue with actions: active, next review per frequency, and an action plan is required', () => {
    const { record, requiresActions } = applied(
      applyOutcome(underReview, { outcome: 'continueWithActions', heldOn, decisionNote }),
    );
    expect(record.status).toBe('active');
    expect(record.nextReviewDue).toBe('2027-02-24');
    expect(requiresActions).toBe(true);
  });

  it('reform: reforming, watched more closely with a review in three months, actions required', () => {
    const annual = aCollaboration({ status: 'underReview', reviewFrequency: 'annual' });
    const { record, requiresActions } = applied(applyOutcome(annual, { outcome: 'reform', heldOn, decisionNote }));
    expect(record).toMatchObject({ status: 'reforming', nextReviewDue: '2027-02-24', lastReviewDate: heldOn });
    expect(requiresActions).toBe(true);
  });

  it('withdraw: withdrawing, no next review, the decision note kept as the exit plan, history kept', () => {
    const { record } = applied(applyOutcome(underReview, { outcome: 'withdraw', heldOn, decisionNote }));
    expect(record.status).toBe('withdrawing');
    expect(record.nextReviewDue).toBeUndefined();
    expect(record.exitNote).toBe(decisionNote);
    expect(record.lastReviewDate).toBe(heldOn);
    expect(record).toMatchObject({ reference: underReview.reference, startDate: underReview.startDate });
  });

  it('withdraw prefers an exit plan written for it over the decision note', () => {
    const { record } = applied(
      applyOutcome(underReview, { outcome: 'withdraw', heldOn, decisionNote, exitNote: 'Give twelve months notice.' }),
    );
    expect(record.exitNote).toBe('Give twelve months notice.');
  });

  it('leaves the record it was given untouched', () => {
    const before = structuredClone(underReview);
    applyOutcome(underReview, { outcome: 'withdraw', heldOn, decisionNote });
    expect(underReview).toEqual(before);
  });

  it('a continue on an active record keeps it active', () => {
    const active = aCollaboration({ status: 'active', reviewFrequency: 'sixMonthly' });
    expect(applied(applyOutcome(active, { outcome: 'continue', heldOn, decisionNote })).record).toMatchObject({
      status: 'active',
      nextReviewDue: '2027-05-24',
    });
  });

  it('the panel may set its own next review date', () => {
    const { record } = applied(
      applyOutcome(underReview, { outcome: 'continue', heldOn, decisionNote, nextReviewDue: '2027-01-15' }),
    );
    expect(record.nextReviewDue).toBe('2027-01-15');
  });

  it.each([
    ['', 'an empty note'],
    ['   ', 'a note of spaces'],
  ])('a missing decision note is refused (%j, %s)', (note) => {
    expect(refused(applyOutcome(underReview, { outcome: 'continue', heldOn, decisionNote: note }))).toContainEqual({
      field: 'decisionNote',
      code: 'decisionNoteRequired',
    });
  });

  it('reports every problem at once: a bad meeting date and no decision note', () => {
    const errors = refused(applyOutcome(underReview, { outcome: 'reform', heldOn: '2026-02-30', decisionNote: '' }));
    expect(errors.map((e) => e.code).sort()).toEqual(['decisionNoteRequired', 'invalidDate']);
  });

  it('a next review on or before the meeting is refused', () => {
    expect(
      refused(applyOutcome(underReview, { outcome: 'continue', heldOn, decisionNote, nextReviewDue: heldOn })),
    ).toEqual([{ field: 'nextReviewDue', code: 'endBeforeStart' }]);
  });

  it.each<[Status, Outcome, string]>([
    ['closed', 'continue', 'a closed record is final'],
    ['proposed', 'reform', 'a proposal cannot be reformed before it is active'],
    ['withdrawing', 'reform', 'a withdrawal cannot turn into a reform'],
  ])('a %s record cannot take the outcome %s (%s)', (status, outcome) => {
    const record = aCollaboration({ status, endDate: '2026-10-01', exitNote: 'Ended.' });
    expect(refused(applyOutcome(record, { outcome, heldOn, decisionNote })).map((e) => e.code)).toContain(
      'transitionNotAllowed',
    );
  });

  describe('with a fixed review date', () => {
    const fixed = aCollaboration({ status: 'underReview', reviewFrequency: 'fixedDate', nextReviewDue: '2026-11-20' });

    it('a fixed date that has passed needs a new date from the panel', () => {
      expect(refused(applyOutcome(fixed, { outcome: 'continue', heldOn, decisionNote }))).toEqual([
        { field: 'nextReviewDue', code: 'reviewDateRequired' },
      ]);
    });

    it('takes the new date the panel sets', () => {
      const { record } = applied(
        applyOutcome(fixed, { outcome: 'continue', heldOn, decisionNote, nextReviewDue: '2027-09-30' }),
      );
      expect(record.nextReviewDue).toBe('2027-09-30');
    });

    it('keeps a fixed date still ahead of an early meeting', () => {
      const ahead: Collaboration = { ...fixed, nextReviewDue: '2027-03-31' };
      expect(applied(applyOutcome(ahead, { outcome: 'continue', heldOn, decisionNote })).record.nextReviewDue).toBe(
        '2027-03-31',
      );
    });

    it('withdrawal needs no further date', () => {
      expect(applied(applyOutcome(fixed, { outcome: 'withdraw', heldOn, decisionNote })).record.nextReviewDue).toBe(
        undefined,
      );
    });
  });
});

describe('review state on a day', () => {
  const today = '2026-11-24';
  it.each<[string, ReviewState, number, string]>([
    ['2026-11-23', 'overdue', -1, 'due yesterday'],
    ['2026-11-24', 'dueToday', 0, 'due today'],
    ['2026-11-25', 'dueSoon', 1, 'due tomorrow'],
    // The one review-state window (DEFAULT_REVIEW_STATE_POLICY, also the reminders' due-soon lead): 14 days.
    ['2026-12-08', 'dueSoon', 14, 'exactly 14 days away'],
    ['2026-12-09', 'onTrack', 15, '15 days away'],
    ['2024-02-29', 'overdue', -999, 'long overdue'],
  ])('a review due %s is %s (%i days; %s)', (due, state, daysUntil) => {
    expect(reviewState(due, today)).toEqual({ state, daysUntil });
  });

  it('is not scheduled without a date, or with one that is not a date', () => {
    expect(reviewState(undefined, today)).toEqual({ state: 'notScheduled' });
    expect(reviewState('31/12/2026', today)).toEqual({ state: 'notScheduled' });
  });

  it('a closed record is never due, however old its date', () => {
    expect(reviewState('2020-01-01', today, { status: 'closed' })).toEqual({ state: 'notScheduled' });
  });

  it('takes the due-soon window as a parameter', () => {
    expect(reviewState('2026-12-08', today, { dueSoonDays: 14 }).state).toBe('dueSoon');
    expect(reviewState('2026-12-09', today, { dueSoonDays: 14 }).state).toBe('onTrack');
  });
});

describe('outcomeNeedsActions', () => {
  it.each<[Outcome | undefined, boolean]>([
    ['continue', false],
    ['continueWithActions', true],
    ['reform', true],
    ['withdraw', false],
    [undefined, false],
  ])('%s needs an action plan: %s', (outcome, needs) => {
    expect(outcomeNeedsActions(outcome)).toBe(needs);
  });

  it('is what applyOutcome reports as requiresActions', () => {
    for (const outcome of ['continue', 'continueWithActions', 'reform'] as const) {
      const r = applyOutcome(aCollaboration({ status: 'active' }), {
        outcome,
        heldOn: '2026-12-02',
        decisionNote: 'Decided.',
      });
      expect(r.ok && r.value.requiresActions).toBe(outcomeNeedsActions(outcome));
    }
  });
});
