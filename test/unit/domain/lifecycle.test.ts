import { allowedTransitions, canTransition, transition } from '../../../src/domain/lifecycle';
import { STATUSES, type Status } from '../../../src/domain/vocabulary';
import { aCollaboration } from './fixtures';

const on = '2026-11-24';

describe('the life cycle of a collaboration', () => {
  it.each<[Status, Status]>([
    ['proposed', 'active'],
    ['proposed', 'closed'],
    ['active', 'underReview'],
    ['active', 'reforming'],
    ['active', 'withdrawing'],
    ['active', 'closed'],
    ['underReview', 'active'],
    ['underReview', 'reforming'],
    ['underReview', 'withdrawing'],
    ['reforming', 'active'],
    ['reforming', 'underReview'],
    ['reforming', 'withdrawing'],
    ['withdrawing', 'closed'],
    ['withdrawing', 'active'],
  ])('%s may become %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each<[Status, Status, string]>([
    ['proposed', 'underReview', 'a proposal is not reviewed before it starts'],
    ['proposed', 'withdrawing', 'there is nothing to withdraw from yet'],
    ['underReview', 'closed', 'a review ends in an outcome, not a closure'],
    ['reforming', 'closed', 'a reform must be withdrawn from before it closes'],
    ['withdrawing', 'reforming', 'a withdrawal does not turn into a reform'],
    ['closed', 'active', 'closed is final'],
    ['closed', 'proposed', 'closed is final, even back to a proposal'],
  ])('%s may not become %s (%s)', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('closed allows nothing, and no status moves to itself', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    for (const status of STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('refuses a transition that is not allowed, saying from and to', () => {
    const closed = aCollaboration({ status: 'closed', endDate: '2026-01-01', exitNote: 'Merged.' });
    expect(transition(closed, { to: 'active', on })).toEqual({
      ok: false,
      error: [{ field: 'status', code: 'transitionNotAllowed', params: { from: 'closed', to: 'active' } }],
    });
  });

  it('refuses to move a record to the status it already has', () => {
    const result = transition(aCollaboration({ status: 'active' }), { to: 'active', on });
    expect(result.ok ? [] : result.error.map((e) => e.code)).toEqual(['transitionNotAllowed']);
  });

  it('closing needs an end date and an exit note, and says both at once', () => {
    const result = transition(aCollaboration({ status: 'withdrawing' }), { to: 'closed', on });
    expect(result.ok ? [] : result.error).toEqual([
      { field: 'endDate', code: 'transitionNeedsEndDate' },
      { field: 'exitNote', code: 'transitionNeedsExitNote' },
    ]);
  });

  it('closing with an end date before the start is refused', () => {
    const result = transition(aCollaboration({ status: 'active', startDate: '2014-07-01' }), {
      to: 'closed',
      on,
      endDate: '2014-01-01',
      exitNote: 'Never started.',
    });
    expect(result.ok ? [] : result.error).toEqual([{ field: 'endDate', code: 'endBeforeStart' }]);
  });

  it('closing sets the end date and exit note and removes the next review', () => {
    const record = aCollaboration({ status: 'withdrawing', nextReviewDue: '2027-01-01', exitNote: 'Notice given.' });
    const result = transition(record, { to: 'closed', on, endDate: '2026-11-30' });
    expect(result.ok && result.value).toMatchObject({
      status: 'closed',
      endDate: '2026-11-30',
      exitNote: 'Notice given.',
    });
    expect(result.ok && result.value.nextReviewDue).toBeUndefined();
  });

  it('withdrawing needs an exit note (the exit plan)', () => {
    const result = transition(aCollaboration({ status: 'active' }), { to: 'withdrawing', on, exitNote: '  ' });
    expect(result.ok ? [] : result.error).toEqual([{ field: 'exitNote', code: 'transitionNeedsExitNote' }]);
  });

  it('withdrawing keeps the record and its history: a new value, everything else unchanged', () => {
    const record = aCollaboration({ status: 'active', lastReviewDate: '2026-06-01', lastAssessmentRag: 'amber' });
    const before = structuredClone(record);
    const result = transition(record, { to: 'withdrawing', on, exitNote: '  Twelve months notice to partners.  ' });
    expect(result.ok && result.value).toEqual({
      ...before,
      status: 'withdrawing',
      exitNote: 'Twelve months notice to partners.',
    });
    expect(record).toEqual(before);
  });

  it('a withdrawal may be reversed while it is under way', () => {
    const record = aCollaboration({ status: 'withdrawing', exitNote: 'Notice given.' });
    expect(transition(record, { to: 'active', on }).ok).toBe(true);
  });
});
