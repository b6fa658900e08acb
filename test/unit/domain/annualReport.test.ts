import {
  annualNarrativeKey,
  annualPapers,
  annualSummary,
  checkNarrative,
  costTotals,
  financialYear,
  NARRATIVE_MAX_LENGTH,
  narrativeChanges,
} from '../../../src/domain';

import { action, record, review, TODAY } from './reportFixtures';

describe('cost totals of the committee papers', () => {
  it('adds annual cost and council contribution by directorate, by model and in total, a cost not recorded adding nothing', () => {
    const totals = costTotals([
      record({ directorate: 'Education', model: 'jointCommittee', annualCost: 1000.1, councilContribution: 250 }),
      record({
        directorate: ' education ',
        model: 'delegationOfFunctions',
        annualCost: 2000.2,
        councilContribution: 500.05,
      }),
      record({ directorate: 'Social Services', model: 'jointCommittee' }),
      record({ directorate: 'Addysg', model: 'contractualArrangement', annualCost: 0, councilContribution: 0 }),
    ]);
    expect(totals.byDirectorate).toEqual([
      { key: 'Addysg', arrangements: 1, costed: 1, annualCost: 0, councilContribution: 0 },
      { key: 'Education', arrangements: 2, costed: 2, annualCost: 3000.3, councilContribution: 750.05 },
      { key: 'Social Services', arrangements: 1, costed: 0, annualCost: 0, councilContribution: 0 },
    ]);
    const joint = totals.byModel.find((l) => l.key === 'jointCommittee');
    expect(joint).toEqual({
      key: 'jointCommittee',
      arrangements: 2,
      costed: 1,
      annualCost: 1000.1,
      councilContribution: 250,
    });
    // Every model is listed, those with nothing as noughts.
    expect(totals.byModel.map((l) => l.key)).toEqual(
      expect.arrayContaining([
        'jointCommittee',
        'delegationOfFunctions',
        'contractualArrangement',
        'informalArrangement',
      ]),
    );
    expect(totals.byModel.find((l) => l.key === 'informalArrangement')?.arrangements).toBe(0);
    expect(totals.total).toEqual({
      key: '',
      arrangements: 4,
      costed: 3,
      annualCost: 3000.3,
      councilContribution: 750.05,
    });
    // The by-model lines add up to the total.
    expect(totals.byModel.reduce((n, l) => n + l.arrangements, 0)).toBe(4);
  });
});

describe('the committee papers for a financial year', () => {
  const year = 2025; // 2025-26
  const current = record({
    id: 301,
    lastAssessmentRag: 'green',
    significance: 'high',
    annualCost: 5000,
    councilContribution: 1000,
  });
  const amber = record({ id: 302, lastAssessmentRag: 'amber', significance: 'medium', annualCost: 1500 });
  const unassessed = record({ id: 303, directorate: 'Social Services' });
  const startedThisYear = record({ id: 304, startDate: '2025-06-01', lastAssessmentRag: 'red', significance: 'low' });
  const startedLastYear = record({ id: 305, startDate: '2024-07-01', lastAssessmentRag: 'red' });
  const closedThisYear = record({ id: 306, status: 'closed', endDate: '2025-09-30' }); // no exit note: closed, not withdrawn
  const closedLastYear = record({ id: 307, status: 'closed', endDate: '2024-10-31', exitNote: 'Ended by agreement' });
  const endedBefore = record({ id: 308, status: 'closed', endDate: '2023-01-31', annualCost: 99999 });
  const records = [
    current,
    amber,
    unassessed,
    startedThisYear,
    startedLastYear,
    closedThisYear,
    closedLastYear,
    endedBefore,
  ];
  const reviews = [
    review({ collaborationId: 301, heldOn: '2025-05-10', outcome: 'continue' }),
    review({ collaborationId: 302, heldOn: '2025-11-15', outcome: 'reform' }),
    review({ collaborationId: 301, heldOn: '2024-05-10', outcome: 'continue' }),
    review({ collaborationId: 302, heldOn: '2024-09-01', outcome: 'withdraw' }),
    review({ collaborationId: 303, heldOn: '2024-12-01', outcome: 'reform' }),
  ];
  const actions = [
    action({
      collaborationId: 301,
      title: 'Agree the exit plan',
      dueDate: '2026-01-15',
      owner: { id: 12, displayName: 'Siân Jones', email: 'sian@example.gov.uk' },
    }),
    action({ collaborationId: 302, title: 'Done in time', dueDate: '2026-01-15', completedOn: '2026-01-10' }),
  ];
  const papers = annualPapers({ records, reviews, actions, partners: [], year, today: TODAY });
  if (!papers.ok) throw new Error('papers');
  const p = papers.value;

  it('keeps the annual summary as it is, for this year and the one before', () => {
    const summary = annualSummary({
      records,
      reviews,
      actions,
      partners: [],
      period: financialYear(year),
      today: TODAY,
    });
    expect(summary.ok && p.summary).toEqual(summary.ok ? summary.value : undefined);
    const before = annualSummary({
      records,
      reviews,
      actions,
      partners: [],
      period: financialYear(year - 1),
      today: '2025-03-31',
    });
    expect(before.ok && p.previous).toEqual(before.ok ? before.value : undefined);
  });

  it('counts costs over the arrangements in place during the year only', () => {
    // 308 ended before the year began: its cost is not this year's.
    expect(p.costs.total.arrangements).toBe(6);
    expect(p.costs.total.annualCost).toBe(6500);
    expect(p.costs.total.councilContribution).toBe(1000);
    expect(p.costs.byDirectorate.map((l) => [l.key, l.arrangements])).toEqual([
      ['Education', 5],
      ['Social Services', 1],
    ]);
  });

  it('counts RAG ratings and significance tiers, with those not assessed', () => {
    expect(p.rag).toEqual({ red: 2, amber: 1, green: 1, notAssessed: 2 });
    expect(p.significance).toEqual({ low: 1, medium: 1, high: 1, notAssessed: 3 });
  });

  it('compares the year with the one before', () => {
    const byMeasure = Object.fromEntries(p.comparison.map((c) => [c.measure, c]));
    // In place in 2025-26: 301-306 (306 ended in the year); in 2024-25: 301-303, 305-307 (304 had not started).
    expect(byMeasure['current']).toEqual({ measure: 'current', previous: 6, current: 6, change: 0 });
    expect(byMeasure['started']).toEqual({ measure: 'started', previous: 1, current: 1, change: 0 });
    // 2024-25: 302 withdrawn by outcome, 307 closed with an exit note; 2025-26: 306 closed.
    expect(byMeasure['closedOrWithdrawn']).toEqual({
      measure: 'closedOrWithdrawn',
      previous: 2,
      current: 1,
      change: -1,
    });
    expect(byMeasure['reformed']).toEqual({ measure: 'reformed', previous: 1, current: 1, change: 0 });
    expect(byMeasure['reviewsHeld']).toEqual({ measure: 'reviewsHeld', previous: 3, current: 2, change: -1 });
    expect(p.comparison.every((c) => c.change === c.current - c.previous)).toBe(true);
  });

  it('lists the actions overdue at the year end with their owners', () => {
    expect(p.overdueActions).toEqual([
      expect.objectContaining({ title: 'Agree the exit plan', owner: 'Siân Jones', reference: 'COL-0301' }),
    ]);
  });

  it('refuses a year that is not one', () => {
    expect(annualPapers({ records, reviews, actions, year: Number.NaN, today: TODAY }).ok).toBe(false);
  });
});

describe("the governance team's narrative", () => {
  it('is keyed by report and year', () => {
    expect(annualNarrativeKey(2025)).toBe('annual-2025');
  });

  it('trims each text at its ends, keeps its line breaks and leaves empty ones out', () => {
    const r = checkNarrative({
      key: 'annual-2025',
      introduction: '  First line\r\nSecond line  ',
      introductionCy: '   ',
      keyMessagesCy: 'Negeseuon ŵ ŷ',
    });
    expect(r).toEqual({
      ok: true,
      value: { key: 'annual-2025', introduction: 'First line\nSecond line', keyMessagesCy: 'Negeseuon ŵ ŷ' },
    });
  });

  it('refuses a text over the limit, naming it, and passes one at the limit', () => {
    const atLimit = 'ŵ'.repeat(NARRATIVE_MAX_LENGTH);
    expect(checkNarrative({ key: 'annual-2025', recommendations: atLimit }).ok).toBe(true);
    const r = checkNarrative({ key: 'annual-2025', recommendations: atLimit, recommendationsCy: `${atLimit}y` });
    expect(r).toEqual({
      ok: false,
      error: [{ field: 'recommendationsCy', code: 'tooLong', params: { max: NARRATIVE_MAX_LENGTH } }],
    });
  });

  it('names the texts that differ between two versions', () => {
    expect(
      narrativeChanges(
        { introduction: 'a', keyMessages: 'b' },
        { introduction: 'a', keyMessages: 'c', recommendationsCy: 'd' },
      ),
    ).toEqual(['keyMessages', 'recommendationsCy']);
  });
});
