import {
  assureRecord,
  giveAssurance,
  givesAssurance,
  suggestedAssurance,
} from '../../../src/domain/assessmentAssurance';
import type { Assessment } from '../../../src/domain/entities';
import { may, type Actor } from '../../../src/domain/policy';
import type { AssuranceLevel } from '../../../src/domain/vocabulary';

const check: Pick<Assessment, 'templateKey' | 'status'> = {
  templateKey: 'governance-arrangements',
  status: 'submitted',
};
const given = { level: 'limited' as AssuranceLevel, reason: '  No risk register.  ', on: '2026-03-02' as const };

describe('which checks give assurance', () => {
  it('the governance arrangements check does; the other shipped templates do not', () => {
    expect(givesAssurance('governance-arrangements')).toBe(true);
    for (const key of ['wlga-principles', 'critical-success-factors', 'five-ways-of-working'])
      expect(givesAssurance(key)).toBe(false);
  });
});

describe('the level a score suggests (green 75, amber 50)', () => {
  it.each<[number | undefined, AssuranceLevel | undefined]>([
    [100, 'substantial'],
    [87.5, 'substantial'],
    [87.4, 'reasonable'],
    [75, 'reasonable'],
    [74.9, 'limited'],
    [50, 'limited'],
    [49.9, 'none'],
    [0, 'none'],
    [undefined, undefined],
  ])('%s suggests %s', (score, level) => {
    expect(suggestedAssurance(score, { green: 75, amber: 50 })).toBe(level);
  });

  it("follows the template's own thresholds", () => {
    expect(suggestedAssurance(85, { green: 80, amber: 60 })).toBe('reasonable');
    expect(suggestedAssurance(90, { green: 80, amber: 60 })).toBe('substantial');
    expect(suggestedAssurance(59, { green: 80, amber: 60 })).toBe('none');
  });
});

describe('giving a level on a check', () => {
  it('sets level, trimmed reason, day and giver', () => {
    const r = giveAssurance(check, { ...given, by: { id: 6, displayName: 'Siân Powell' } });
    expect(r).toEqual({
      ok: true,
      value: {
        ...check,
        assuranceLevel: 'limited',
        assuranceReason: 'No risk register.',
        assuranceGivenOn: '2026-03-02',
        assuranceGivenBy: { id: 6, displayName: 'Siân Powell' },
      },
    });
  });

  it('refuses a draft, another template, no level, no reason, a reason too long, a bad day: every reason at once', () => {
    const r = giveAssurance(
      { templateKey: 'wlga-principles', status: 'draft' },
      { level: undefined, reason: ' ', on: '2026-02-30' },
    );
    expect(!r.ok && r.error.map((e) => e.code).sort()).toEqual(
      ['invalidChoice', 'invalidDate', 'notAssuranceCheck', 'notSubmitted', 'required'].sort(),
    );
    const long = giveAssurance(check, { ...given, reason: 'x'.repeat(2_001) });
    expect(!long.ok && long.error).toEqual([{ field: 'assuranceReason', code: 'tooLong', params: { max: 2_000 } }]);
    expect(giveAssurance(check, { ...given, level: 'excellent' as AssuranceLevel }).ok).toBe(false);
  });

  it('once given, the same again is the check as it is; another level or reason is refused', () => {
    const first = giveAssurance(check, given);
    if (!first.ok) throw new Error('not given');
    const again = giveAssurance(first.value, given);
    expect(again.ok && again.value).toBe(first.value);
    expect(giveAssurance(first.value, { ...given, level: 'reasonable' })).toEqual({
      ok: false,
      error: [{ field: 'assuranceLevel', code: 'assuranceAlreadyGiven' }],
    });
    expect(giveAssurance(first.value, { ...given, reason: 'Another reason' }).ok).toBe(false);
  });
});

describe('the record a check assures', () => {
  const level = {
    assuranceLevel: 'limited',
    assuranceReason: 'No risk register.',
    assuranceGivenOn: '2026-03-02',
  } as const;

  it('takes the level, reason and day, and the next review the cadence sets when that is sooner', () => {
    expect(assureRecord({ nextReviewDue: '2027-03-01' }, level)).toEqual({
      assuranceLevel: 'limited',
      assuranceReason: 'No risk register.',
      assuranceDate: '2026-03-02',
      nextReviewDue: '2026-09-02',
    });
    // A review already sooner stays.
    expect(assureRecord({ nextReviewDue: '2026-05-01' }, level).nextReviewDue).toBe('2026-05-01');
    // Substantial assurance brings nothing forward (the default cadence has no interval for it).
    expect(
      assureRecord({ nextReviewDue: '2027-03-01' }, { ...level, assuranceLevel: 'substantial' }).nextReviewDue,
    ).toBe('2027-03-01');
    // A cadence the governance team set: limited within three months.
    expect(
      assureRecord({ nextReviewDue: '2027-03-01' }, level, { substantial: null, reasonable: 12, limited: 3, none: 1 })
        .nextReviewDue,
    ).toBe('2026-06-02');
  });

  it('gives a closed record the level, but brings no review forward', () => {
    expect(assureRecord({ status: 'closed', nextReviewDue: '2027-03-01' }, level)).toEqual({
      status: 'closed',
      assuranceLevel: 'limited',
      assuranceReason: 'No risk register.',
      assuranceDate: '2026-03-02',
      nextReviewDue: '2027-03-01',
    });
    expect(assureRecord({ status: 'closed' }, level)).not.toHaveProperty('nextReviewDue');
  });

  it('keeps a level given later (a panel review since), and is itself when it already has this one', () => {
    const later = { assuranceLevel: 'substantial', assuranceDate: '2026-04-01', nextReviewDue: '2027-03-01' } as const;
    expect(assureRecord(later, level)).toBe(later);
    const once = assureRecord({ nextReviewDue: '2027-03-01' }, level);
    expect(assureRecord(once, level)).toBe(once);
  });
});

describe('who may give it', () => {
  it('the governance team only: not an officer, not a panel member', () => {
    const actor = (roles: Actor['roles'], panels: string[] = []): Actor => ({ person: { id: 1 }, roles, panels });
    expect(may(actor(['governance']), { kind: 'giveAssurance' })).toBe(true);
    expect(may(actor(['officers']), { kind: 'giveAssurance' })).toBe(false);
    expect(may(actor([], ['scrutiny']), { kind: 'giveAssurance' })).toBe(false);
  });
});
