import {
  applyOutcome,
  changesOf,
  DEFAULT_GOVERNANCE_POLICY,
  DEFAULT_SIGNIFICANCE_WEIGHTS,
  assuranceOn,
  assuranceTrend,
  nextReviewAfterAssurance,
  policyInForce,
  prepareForSave,
  tierChanges,
  undatedChanges,
  validatePolicy,
  POLICY_NOTE_MAX_LENGTH,
  type GovernancePolicy,
  type HistoryEntry,
} from '../../../src/domain';
import { record } from './reportFixtures';

describe('the assurance cadence: the next review follows the level', () => {
  it('below substantial, the review comes sooner; the policy leaves substantial to the frequency', () => {
    const due = '2027-06-01';
    expect(nextReviewAfterAssurance(due, 'substantial', '2026-06-01')).toBe(due);
    expect(nextReviewAfterAssurance(due, 'reasonable', '2026-06-01')).toBe(due);
    expect(nextReviewAfterAssurance(due, 'limited', '2026-06-01')).toBe('2026-12-01');
    expect(nextReviewAfterAssurance(due, 'none', '2026-06-01')).toBe('2026-09-01');
    expect(nextReviewAfterAssurance(undefined, 'limited', '2026-08-31')).toBe('2027-02-28');
    expect(nextReviewAfterAssurance(due, undefined, '2026-06-01')).toBe(due);
  });

  it("a panel's outcome with limited assurance brings an annual review forward to six months, and dates the level", () => {
    const r = record({ id: 1, status: 'active', reviewFrequency: 'annual' });
    const applied = applyOutcome(r, {
      outcome: 'continueWithActions',
      heldOn: '2026-05-12',
      decisionNote: 'Actions agreed',
      assurance: { level: 'limited', reason: 'No signed agreement; no risk register.' },
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    expect(applied.value.record).toMatchObject({
      assuranceLevel: 'limited',
      assuranceReason: 'No signed agreement; no risk register.',
      assuranceDate: '2026-05-12',
      nextReviewDue: '2026-11-12',
    });
  });

  it("the governance team's own cadence is used, and the panel's own date still stands", () => {
    const r = record({ id: 2, status: 'active', reviewFrequency: 'annual' });
    const cadence = { substantial: null, reasonable: 9, limited: 4, none: 2 };
    const given = applyOutcome(
      r,
      {
        outcome: 'continue',
        heldOn: '2026-05-12',
        decisionNote: 'Fine',
        assurance: { level: 'reasonable', reason: 'x' },
      },
      undefined,
      cadence,
    );
    expect(given.ok && given.value.record.nextReviewDue).toBe('2027-02-12');
    const panelDate = applyOutcome(
      r,
      {
        outcome: 'continue',
        heldOn: '2026-05-12',
        decisionNote: 'Fine',
        nextReviewDue: '2027-05-01',
        assurance: { level: 'none', reason: 'x' },
      },
      undefined,
      cadence,
    );
    expect(panelDate.ok && panelDate.value.record.nextReviewDue).toBe('2027-05-01');
  });

  it('a level without a reason is refused with the reason field named', () => {
    const r = record({ id: 3 });
    const applied = applyOutcome(r, {
      outcome: 'continue',
      heldOn: '2026-05-12',
      decisionNote: 'Fine',
      assurance: { level: 'limited', reason: '  ' },
    });
    expect(applied.ok ? 'applied' : applied.error).toEqual([
      { field: 'assuranceReason', code: 'assuranceReasonRequired' },
    ]);
  });
});

describe('the governance policy', () => {
  const edited = (over: Partial<GovernancePolicy>): unknown => ({ ...DEFAULT_GOVERNANCE_POLICY, version: 1, ...over });

  it('accepts the shipped numbers, and refuses tiers out of order, repeated bands and a slower review for less assurance', () => {
    expect(validatePolicy(edited({})).ok).toBe(true);
    const bad = validatePolicy(
      edited({
        significance: {
          ...DEFAULT_SIGNIFICANCE_WEIGHTS,
          tiers: { medium: 8, high: 8 },
          partners: [
            { from: 3, points: 1 },
            { from: 3, points: 2 },
          ],
        },
        assuranceCadence: { substantial: null, reasonable: 6, limited: 12, none: 3 },
      }),
    );
    expect(bad.ok ? [] : bad.error.map((e) => [e.field, e.code])).toEqual([
      ['significance.tiers.high', 'tierOrder'],
      ['significance.partners', 'bandRepeated'],
      ['assuranceCadence.limited', 'cadenceOrder'],
    ]);
    const notNumber = validatePolicy(edited({ assuranceCadence: { substantial: null, reasonable: -1 } as never }));
    expect(notNumber.ok).toBe(false);
  });

  it('says a number out of range is out of range, with both ends, and a long note is too long', () => {
    const tooHigh = validatePolicy(
      edited({
        significance: { ...DEFAULT_SIGNIFICANCE_WEIGHTS, tiers: { medium: 101, high: 200 } },
        assuranceCadence: { substantial: null, reasonable: 61, limited: 6, none: 3 },
        note: 'x'.repeat(POLICY_NOTE_MAX_LENGTH + 1),
      }),
    );
    expect(tooHigh.ok ? [] : tooHigh.error).toEqual([
      { field: 'significance.tiers.medium', code: 'outOfRange', params: { min: 0, max: 100 } },
      { field: 'significance.tiers.high', code: 'outOfRange', params: { min: 0, max: 100 } },
      { field: 'assuranceCadence.reasonable', code: 'outOfRange', params: { min: 1, max: 60 } },
      { field: 'note', code: 'tooLong', params: { max: POLICY_NOTE_MAX_LENGTH } },
    ]);
    const bands = Array.from({ length: 11 }, (_, i) => ({ from: i, points: 1 }));
    const many = validatePolicy(edited({ significance: { ...DEFAULT_SIGNIFICANCE_WEIGHTS, partners: bands } }));
    expect(many.ok ? [] : many.error).toEqual([
      { field: 'significance.partners', code: 'outOfRange', params: { min: 0, max: 10 } },
    ]);
  });

  it('the newest published version is in force; with none, the shipped one', () => {
    expect(policyInForce([]).version).toBe(0);
    const v1 = { ...DEFAULT_GOVERNANCE_POLICY, version: 1 };
    const v2 = { ...DEFAULT_GOVERNANCE_POLICY, version: 2 };
    expect(policyInForce([v2, v1]).version).toBe(2);
  });

  it('tiers come from the policy: a lower high threshold moves records up, and only those change', () => {
    // A statutory, Gwent-wide, medium-risk arrangement of 4 partners: 2 + 1 + 2 + 1 = 6 points, medium.
    const medium = record({
      id: 10,
      basis: 'statutory',
      footprint: 'gwent',
      serviceRisk: 'medium',
      partnerIds: [1, 2, 3, 4],
    });
    const low = record({ id: 11, basis: 'localDecision', footprint: 'local', serviceRisk: 'low', partnerIds: [1] });
    const prepared = [medium, low].map((r) => {
      const p = prepareForSave(r);
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      return { ...p.value, id: r.id };
    });
    expect(prepared.map((r) => r.significance)).toEqual(['medium', 'low']);
    const stricter = { ...DEFAULT_SIGNIFICANCE_WEIGHTS, tiers: { medium: 3, high: 6 } };
    expect(tierChanges(prepared, stricter)).toEqual([{ id: 10, from: 'medium', to: 'high' }]);
    expect(tierChanges(prepared, DEFAULT_SIGNIFICANCE_WEIGHTS)).toEqual([]);
    const saved = prepareForSave(medium, { significance: stricter });
    expect(saved.ok && saved.value.significance).toBe('high');
  });
});

describe('the record history', () => {
  const before = {
    id: 7,
    status: 'active' as const,
    assuranceLevel: 'reasonable' as const,
    significance: 'low' as const,
  };

  it('a write makes one entry per tracked value that changed, keyed by the event so a repeat is the same entry', () => {
    const after = { ...before, status: 'withdrawing' as const, assuranceLevel: 'limited' as const };
    const ctx = { source: 'review' as const, sourceKey: 'REV-7', on: '2026-05-01', reason: 'Panel decision' };
    const entries = changesOf(before, after, ctx);
    expect(entries.map((e) => [e.aspect, e.from, e.to, e.on, e.key])).toEqual([
      ['status', 'active', 'withdrawing', '2026-05-01', 'HIS-7-status-REV-7'],
      ['assurance', 'reasonable', 'limited', '2026-05-01', 'HIS-7-assurance-REV-7'],
    ]);
    expect(changesOf(before, after, ctx).map((e) => e.key)).toEqual(entries.map((e) => e.key));
    expect(changesOf(after, after, ctx)).toEqual([]);
  });

  it('a new record has its first values with no "from"; an import leaves the date unknown', () => {
    const entries = changesOf(undefined, { id: 8, status: 'withdrawing' }, { source: 'import', sourceKey: 'import' });
    expect(entries).toEqual([
      {
        key: 'HIS-8-status-import',
        collaborationId: 8,
        aspect: 'status',
        to: 'withdrawing',
        source: 'import',
        sourceKey: 'import',
      },
    ]);
    expect(undatedChanges(entries).map((e) => e.collaborationId)).toEqual([8]);
  });

  it('the assurance trend and the level on a day come from the history', () => {
    const h = (to: string, on: string, from?: string): HistoryEntry => ({
      key: `k-${on}`,
      collaborationId: 9,
      aspect: 'assurance',
      ...(from ? { from } : {}),
      to,
      on: on,
      source: 'review',
    });
    const entries = [h('reasonable', '2025-05-01'), h('limited', '2026-05-01', 'reasonable')];
    expect(assuranceTrend('reasonable', 'limited')).toBe('down');
    expect(assuranceTrend('limited', 'substantial')).toBe('up');
    expect(assuranceTrend('none', 'none')).toBe('same');
    expect(assuranceTrend(undefined, 'limited')).toBeUndefined();
    expect(assuranceOn(entries, 9, '2026-03-31')).toBe('reasonable');
    expect(assuranceOn(entries, 9, '2025-03-31')).toBeUndefined();
  });
});
