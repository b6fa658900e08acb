import {
  isFrozen,
  parseSnapshot,
  recordOutcome,
  reviewProgress,
  scheduleReview,
  type OutcomeRecorded,
  type RecordOutcomeInput,
} from '../../../src/domain/reviews';
import { updateProgress, validateNewAction } from '../../../src/domain/actions';
import type { Assessment, Review } from '../../../src/domain/entities';
import type { DomainError, Result } from '../../../src/domain/result';
import type { Outcome, Status } from '../../../src/domain/vocabulary';
import { aCollaboration, anAction } from './fixtures';

const owner = { id: 7, displayName: 'Rhys Davies', email: 'rhys.davies@glanyrafon.example' };
const collaboration = {
  ...aCollaboration({ panel: 'Corporate Governance Review Panel', exitNote: undefined }),
  id: 42,
};
delete (collaboration as { exitNote?: string }).exitNote;

const aReview = (overrides: Partial<Review> = {}): Review => ({
  id: 9,
  key: 'REV-000009',
  collaborationId: 42,
  title: 'COL-0042 Governance arrangements check',
  kind: 'governanceCheck',
  dueDate: '2026-03-10',
  panel: 'Corporate Governance Review Panel',
  attendees: [],
  ...overrides,
});

const assessment: Assessment = {
  id: 3,
  key: 'ASM-3',
  collaborationId: 42,
  templateKey: 'wlga-principles',
  templateVersion: 2,
  status: 'submitted',
  answers: {},
  score: 71.4,
  overallRag: 'amber',
  submittedOn: '2026-02-20T10:00:00Z',
};

function input(overrides: Partial<RecordOutcomeInput> = {}): RecordOutcomeInput {
  return {
    review: aReview(),
    collaboration,
    outcome: 'continue',
    heldOn: '2026-03-02',
    decisionNote: 'The arrangements are sound.',
    nextReviewKey: 'REV-NEXT',
    nextReviewTitle: 'COL-0042 Governance arrangements check',
    ...overrides,
  };
}

function recorded(r: Result<OutcomeRecorded>): OutcomeRecorded {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
}
function refused(r: Result<OutcomeRecorded>): DomainError[] {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
const codes = (errors: DomainError[]) => errors.map((e) => `${e.field}:${e.code}`);

const oneAction = [
  { key: 'ACT-N1', title: 'Strengthen scrutiny reporting', owner, startDate: '2026-04-01', dueDate: '2026-09-30' },
];

describe('recording a review outcome', () => {
  it.each<[Outcome, Status, string | undefined, Partial<RecordOutcomeInput>]>([
    ['continue', 'active', '2027-03-02', {}],
    ['continueWithActions', 'active', '2027-03-02', { newActions: oneAction }],
    ['reform', 'reforming', '2026-06-02', { newActions: oneAction }],
    ['withdraw', 'withdrawing', undefined, { exitNote: 'Six months notice under clause 12.' }],
  ])('%s leaves the record %s with the next review due %s', (outcome, status, next, extra) => {
    const r = recorded(recordOutcome(input({ outcome, ...extra })));
    expect(r.collaboration.status).toBe(status);
    expect(r.collaboration.lastReviewDate).toBe('2026-03-02');
    expect(r.collaboration.nextReviewDue).toBe(next);
    expect(r.nextReview?.dueDate).toBe(next);
  });

  it('a withdrawal keeps the exit plan on the record and schedules no next review', () => {
    const r = recorded(recordOutcome(input({ outcome: 'withdraw', exitNote: 'Give notice; transfer the archive.' })));
    expect(r.collaboration.exitNote).toBe('Give notice; transfer the archive.');
    expect(r.nextReview).toBeUndefined();
    expect(r.collaboration.reference).toBe('COL-0042');
  });

  it('refuses an outcome without a decision note', () => {
    expect(codes(refused(recordOutcome(input({ decisionNote: '   ' }))))).toEqual([
      'decisionNote:decisionNoteRequired',
    ]);
  });

  it('refuses a review held after today, and takes one held today', () => {
    expect(codes(refused(recordOutcome(input({ heldOn: '2026-03-03', today: '2026-03-02' }))))).toEqual([
      'heldOn:heldOnAfterToday',
    ]);
    expect(recordOutcome(input({ heldOn: '2026-03-02', today: '2026-03-02' })).ok).toBe(true);
  });

  it('refuses when no outcome is chosen', () => {
    expect(codes(refused(recordOutcome(input({ outcome: undefined }))))).toContain('outcome:required');
  });

  it('refuses a withdrawal with no exit plan written or on the record', () => {
    expect(codes(refused(recordOutcome(input({ outcome: 'withdraw' }))))).toEqual(['exitNote:transitionNeedsExitNote']);
  });

  it('accepts a withdrawal whose record already has an exit strategy', () => {
    const withExit = { ...collaboration, exitNote: 'Twelve months notice.' };
    const r = recorded(recordOutcome(input({ outcome: 'withdraw', collaboration: withExit })));
    expect(r.collaboration.exitNote).toBe('Twelve months notice.');
  });

  it.each<Outcome>(['continueWithActions', 'reform'])('%s asks for at least one action', (outcome) => {
    expect(codes(refused(recordOutcome(input({ outcome }))))).toEqual(['actions:actionsRequired']);
  });

  it.each<Outcome>(['continueWithActions', 'reform'])('%s is satisfied by open actions already planned', (outcome) => {
    expect(recorded(recordOutcome(input({ outcome, openActions: 2 }))).actions).toEqual([]);
  });

  it('refuses a new action due before it starts, or with no owner, naming the action', () => {
    const errors = refused(
      recordOutcome(
        input({
          outcome: 'continueWithActions',
          newActions: [
            { key: 'ACT-A', title: 'Backwards', owner, startDate: '2026-05-01', dueDate: '2026-04-01' },
            { key: 'ACT-B', title: 'Nobody' },
          ],
        }),
      ),
    );
    expect(codes(errors)).toEqual(['actions.0.dueDate:endBeforeStart', 'actions.1.owner:required']);
  });

  it('freezes the review with a snapshot of what the panel saw', () => {
    const r = recorded(
      recordOutcome(
        input({
          outcome: 'continueWithActions',
          newActions: oneAction,
          assessment,
          attendees: [owner],
        }),
      ),
    );
    expect(isFrozen(r.review)).toBe(true);
    expect(r.review).toMatchObject({ outcome: 'continueWithActions', heldOn: '2026-03-02', assessmentId: 3 });
    expect(r.review.attendees).toEqual([owner]);
    const snapshot = parseSnapshot(r.review.snapshot);
    expect(snapshot?.record.status).toBe('active');
    expect(snapshot?.record.title).toBe('Gwent Joint Archives Service');
    expect(snapshot?.assessment).toMatchObject({ key: 'ASM-3', overallRag: 'amber', score: 71.4, templateVersion: 2 });
    expect(JSON.parse(r.review.snapshot ?? '{}')).not.toHaveProperty('record.etag');
  });

  it('the new actions belong to the review and its collaboration', () => {
    const r = recorded(recordOutcome(input({ outcome: 'reform', newActions: oneAction })));
    expect(r.actions).toEqual([
      expect.objectContaining({ key: 'ACT-N1', scope: 'review', reviewId: 9, collaborationId: 42, owner, progress: 0 }),
    ]);
  });

  it('refuses to record over a review that is already frozen', () => {
    const frozen = aReview({ outcome: 'continue', decisionNote: 'Done.', heldOn: '2026-02-01' });
    expect(codes(refused(recordOutcome(input({ review: frozen }))))).toEqual(['outcome:reviewFrozen']);
  });

  it('refuses a move the life cycle does not allow (a closed record)', () => {
    const closed = { ...collaboration, status: 'closed' as const, endDate: '2025-01-01', exitNote: 'Ended.' };
    expect(codes(refused(recordOutcome(input({ collaboration: closed }))))).toContain('status:transitionNotAllowed');
  });

  it('the next review keeps the kind and panel and uses the given key', () => {
    const r = recorded(recordOutcome(input()));
    expect(r.nextReview).toEqual({
      key: 'REV-NEXT',
      collaborationId: 42,
      title: 'COL-0042 Governance arrangements check',
      kind: 'governanceCheck',
      dueDate: '2027-03-02',
      panel: 'Corporate Governance Review Panel',
      attendees: [],
    });
  });
});

describe('scheduling and following a review', () => {
  it('is due on the record’s next review date, for its panel', () => {
    const r = scheduleReview(
      { ...collaboration, nextReviewDue: '2026-07-01' },
      { key: 'REV-1', kind: 'annualReview', title: 'COL-0042 Annual review', today: '2026-03-02' },
    );
    expect(r.ok && r.value).toMatchObject({ dueDate: '2026-07-01', panel: 'Corporate Governance Review Panel' });
  });

  it('falls back to the review cycle from the last review', () => {
    const r = scheduleReview(
      { ...collaboration, lastReviewDate: '2025-09-01' },
      { key: 'REV-1', kind: 'annualReview', title: 'x', today: '2026-03-02' },
    );
    expect(r.ok && r.value.dueDate).toBe('2026-09-01');
  });

  it('refuses a review of a closed record', () => {
    const r = scheduleReview(
      { ...collaboration, status: 'closed' },
      { key: 'R', kind: 'annualReview', title: 'x', today: '2026-03-02' },
    );
    expect(r.ok).toBe(false);
  });

  it.each<[Partial<Review>, string]>([
    [{ outcome: 'reform' }, 'held'],
    [{ dueDate: '2026-02-01' }, 'overdue'],
    [{ dueDate: '2026-03-02' }, 'dueToday'],
    [{ dueDate: '2026-03-16' }, 'dueSoon'],
    [{ dueDate: '2026-09-20' }, 'onTrack'],
  ])('a review %j is %s', (overrides, state) => {
    expect(reviewProgress(aReview(overrides), '2026-03-02').state).toBe(state);
  });

  it('an unreadable snapshot is treated as none', () => {
    expect(parseSnapshot('not json')).toBeUndefined();
    expect(parseSnapshot('{"version":99}')).toBeUndefined();
    expect(parseSnapshot(undefined)).toBeUndefined();
  });
});

describe('actions entered by a person', () => {
  it('a new action needs an owner', () => {
    const r = validateNewAction(anAction());
    expect(!r.ok && r.error.map((e) => `${e.field}:${e.code}`)).toEqual(['owner:required']);
  });

  it('a new action due before its start is refused with the owner problem too', () => {
    const r = validateNewAction(anAction({ startDate: '2026-05-01', dueDate: '2026-04-01' }));
    expect(!r.ok && r.error.map((e) => `${e.field}:${e.code}`)).toEqual(['dueDate:endBeforeStart', 'owner:required']);
  });

  it('progress at 100% completes the action on the day; lowering it reopens it', () => {
    const done = updateProgress(
      anAction({ owner }),
      { progress: 100, progressNote: 'Reported to panel' },
      '2026-03-02',
    );
    expect(done.ok && done.value).toMatchObject({
      progress: 100,
      completedOn: '2026-03-02',
      progressNote: 'Reported to panel',
    });
    const reopened = updateProgress(done.ok ? done.value : anAction(), { progress: 60 }, '2026-03-03');
    expect(reopened.ok && reopened.value.completedOn).toBeUndefined();
  });

  it('progress outside 0-100 is refused', () => {
    const r = updateProgress(anAction(), { progress: 140 }, '2026-03-02');
    expect(!r.ok && r.error[0]?.code).toBe('outOfRange');
  });
});
