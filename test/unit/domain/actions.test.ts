import {
  actionStatus,
  DEFAULT_ACTION_POLICY,
  editAction,
  elapsedShare,
  validateAction,
} from '../../../src/domain/actions';
import type { Action } from '../../../src/domain/entities';
import { anAction } from './fixtures';

const today = '2026-11-24';

describe('action status on a day', () => {
  it.each<[string, Partial<Action>, string]>([
    [
      'complete',
      { completedOn: '2026-11-20', dueDate: '2026-11-01' },
      'a completion date wins, even past the due date',
    ],
    ['complete', { progress: 100, dueDate: '2026-10-01' }, 'progress at 100 is complete'],
    ['overdue', { dueDate: '2026-11-23', progress: 90 }, 'due yesterday and not finished'],
    ['atRisk', { dueDate: today, progress: 90 }, 'due today is not yet overdue, but at risk'],
    ['atRisk', { dueDate: '2026-12-08', progress: 50 }, 'due in exactly 14 days'],
    ['onTrack', { dueDate: '2026-12-09', progress: 50 }, 'due in 15 days, with progress'],
    ['notStarted', { dueDate: '2026-12-09', progress: 0 }, 'due in 15 days, nothing done and no start date'],
    ['notStarted', { startDate: '2026-12-01', dueDate: '2026-12-05', progress: 0 }, 'starts next week'],
    ['notStarted', {}, 'no dates and no progress'],
    ['onTrack', { progress: 40 }, 'no dates, some progress: never overdue'],
    [
      'atRisk',
      { startDate: '2026-07-01', dueDate: '2027-03-01', progress: 10 },
      'well behind: 60% of the time gone, 10% done',
    ],
    [
      'onTrack',
      { startDate: '2026-07-01', dueDate: '2027-03-01', progress: 40 },
      'a little behind, within 25 points of the elapsed share',
    ],
    [
      'notStarted',
      { startDate: '2026-11-01', dueDate: '2027-11-01', progress: 0 },
      'started recently with nothing done, not yet behind',
    ],
    [
      'atRisk',
      { startDate: '2026-01-01', dueDate: '2027-01-01', progress: 0 },
      'nothing done and most of the time gone',
    ],
    ['overdue', { startDate: '2026-01-01', dueDate: '2026-06-30', progress: 99 }, 'past its due date at 99%'],
    ['onTrack', { startDate: '2026-11-01', progress: 10 }, 'a start date and no due date is never overdue'],
    ['notStarted', { dueDate: 'next Tuesday', progress: 0 }, 'a due date that is not a date is ignored'],
  ])('is %s: %j (%s)', (expected, overrides) => {
    expect(actionStatus(anAction(overrides), today)).toBe(expected);
  });

  it('takes its policy as data', () => {
    const action = anAction({ dueDate: '2026-12-20', progress: 50 });
    expect(actionStatus(action, today)).toBe('onTrack');
    expect(actionStatus(action, today, { ...DEFAULT_ACTION_POLICY, atRiskDays: 30 })).toBe('atRisk');
    const behind = anAction({ startDate: '2026-07-01', dueDate: '2027-03-01', progress: 40 });
    expect(actionStatus(behind, today, { ...DEFAULT_ACTION_POLICY, behindBy: 10 })).toBe('atRisk');
  });

  it.each([
    ['2026-01-01', '2026-12-31', '2026-01-01', 0],
    ['2026-01-01', '2026-01-11', '2026-01-06', 50],
    ['2026-01-01', '2026-01-11', '2026-02-01', 100],
    ['2026-01-01', '2026-01-11', '2025-12-01', 0],
    ['2026-03-01', '2026-03-01', '2026-03-01', 100],
    ['2026-03-01', '2026-03-01', '2026-02-28', 0],
  ])('from %s to %s, on %s the elapsed share is %i%%', (start, due, on, expected) => {
    expect(elapsedShare(start, due, on)).toBe(expected);
  });
});

describe('validating an action', () => {
  it('accepts a whole action, Welsh letters and all', () => {
    const result = validateAction(
      anAction({ title: "Trafod â'r Bwrdd Gwasanaethau Cyhoeddus: ŵyr ŷd — O'Brien", startDate: '2026-07-01' }),
    );
    expect(result.ok).toBe(true);
  });

  it.each<[string, Partial<Action>, string, string]>([
    ['an empty title', { title: '  ' }, 'title', 'required'],
    ['a title over 255 characters', { title: 'x'.repeat(256) }, 'title', 'tooLong'],
    ['a due date before the start', { startDate: '2026-07-01', dueDate: '2026-06-30' }, 'dueDate', 'endBeforeStart'],
    [
      'completion before the start',
      { startDate: '2026-07-01', completedOn: '2026-06-01' },
      'completedOn',
      'endBeforeStart',
    ],
    ['progress over 100', { progress: 101 }, 'progress', 'outOfRange'],
    ['negative progress', { progress: -5 }, 'progress', 'outOfRange'],
    ['a date that does not exist', { dueDate: '2026-02-30' }, 'dueDate', 'invalidDate'],
    ['a collaboration action with no collaboration', { scope: 'collaboration' }, 'collaborationId', 'required'],
    ['a review action with no review', { scope: 'review' }, 'reviewId', 'required'],
  ])('refuses %s', (_case, overrides, field, code) => {
    const result = validateAction(anAction(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('reports every problem at once', () => {
    const result = validateAction(
      anAction({ title: '', progress: 150, startDate: '2026-07-01', dueDate: '2026-01-01' }),
    );
    expect(result.ok ? [] : result.error.map((e) => e.code).sort()).toEqual([
      'endBeforeStart',
      'outOfRange',
      'required',
    ]);
  });

  it('a due date on the start date is fine', () => {
    expect(validateAction(anAction({ startDate: '2026-07-01', dueDate: '2026-07-01' })).ok).toBe(true);
  });

  it('a progress that is not a number is invalidNumber, a missing title required', () => {
    const { title: _title, ...noTitle } = anAction();
    const result = validateAction({ ...noTitle, progress: 'half' });
    expect(result.ok ? [] : result.error).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'required' },
        { field: 'progress', code: 'invalidNumber' },
      ]),
    );
  });
});

describe('editing an action', () => {
  const stored = {
    ...anAction({ title: 'Old title', startDate: '2026-01-01', dueDate: '2026-02-01', progress: 40 }),
    owner: { id: 7, displayName: 'Rhys Davies' },
    progressNote: 'Half way',
    id: 3,
    etag: '"1"',
  };

  it('changes the title, dates and owner and keeps the rest', () => {
    const r = editAction(stored, {
      title: '  New title ',
      owner: { id: 9, displayName: "Dylan O'Brien" },
      startDate: '2026-03-01',
      dueDate: '2026-04-30',
    });
    expect(r.ok && r.value).toMatchObject({
      id: 3,
      etag: '"1"',
      title: 'New title',
      owner: { id: 9 },
      startDate: '2026-03-01',
      dueDate: '2026-04-30',
      progress: 40,
      progressNote: 'Half way',
    });
  });

  it('clears a date left empty', () => {
    const r = editAction(stored, { title: 'T', owner: stored.owner, dueDate: '2026-04-30' });
    expect(r.ok && 'startDate' in r.value).toBe(false);
  });

  it('refuses an empty title, a due date before the start and no owner, all at once', () => {
    const r = editAction(stored, { title: ' ', startDate: '2026-05-01', dueDate: '2026-04-30' });
    expect(!r.ok && r.error.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'dueDate:endBeforeStart',
      'owner:required',
      'title:required',
    ]);
  });
});
