import {
  annualSummary,
  directoratesOf,
  financialYear,
  financialYearOf,
  lastFinancialYear,
  quarterlyList,
  type AnnualSummary,
  type HistoryEntry,
  type Review,
} from '../../../src/domain';

import { action, record, review, TODAY } from './reportFixtures';

describe('the quarterly list for Heads of Service', () => {
  const a = record({
    id: 101,
    directorate: 'Education',
    nextReviewDue: '2026-06-01',
    lastAssessmentRag: 'green',
    lastAssessmentScore: 82,
  });
  const b = record({ id: 102, directorate: 'Education', nextReviewDue: '2026-02-01' });
  const c = record({ id: 103, directorate: 'Social Services', nextReviewDue: '2026-03-10' });
  const closed = record({
    id: 104,
    directorate: 'Education',
    status: 'closed',
    endDate: '2025-12-31',
    exitNote: 'Ended',
  });
  const actions = [
    action({ collaborationId: 101, dueDate: '2026-01-15' }), // overdue
    action({ collaborationId: 101, dueDate: '2026-09-01', startDate: '2026-01-01', progress: 40 }), // open
    action({ collaborationId: 101, dueDate: '2026-01-01', completedOn: '2025-12-20', progress: 100 }), // complete
    action({ collaborationId: 103, progress: 100 }), // complete by progress
  ];
  const reviews = [
    review({ collaborationId: 101, heldOn: '2025-06-02', outcome: 'continue' }),
    review({ collaborationId: 101, heldOn: '2025-11-20', outcome: 'continueWithActions' }),
    review({ collaborationId: 101, heldOn: '2026-04-01', outcome: 'reform' }), // not yet held on TODAY
  ];

  it('counts open and overdue actions, and names the last review held and its outcome', () => {
    const rows = quarterlyList([a, b, c], reviews, actions, { today: TODAY });
    const row = rows.find((r) => r.reference === a.reference)!;
    expect(row).toMatchObject({
      openActions: 2,
      overdueActions: 1,
      lastRag: 'green',
      lastScore: 82,
      lastReviewHeldOn: '2025-11-20',
      lastOutcome: 'continueWithActions',
      reviewState: 'onTrack',
      nextReviewDue: '2026-06-01',
    });
    expect(rows.find((r) => r.reference === c.reference)).toMatchObject({
      openActions: 0,
      overdueActions: 0,
      reviewState: 'dueSoon',
    });
  });

  it.each([
    ['a directorate named exactly', 'Education', [102, 101]],
    ['a directorate in other case and with spaces', '  social services ', [103]],
    ['no directorate: every directorate', undefined, [102, 101, 103]],
    ['an unknown directorate: nothing', 'Housing', []],
  ])('filters by %s', (_name, directorate, ids) => {
    const rows = quarterlyList([a, b, c, closed], reviews, actions, {
      today: TODAY,
      ...(directorate !== undefined ? { directorate } : {}),
    });
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it('sorts by directorate, then the most urgent review first', () => {
    const rows = quarterlyList([c, a, b], [], [], { today: TODAY });
    expect(rows.map((r) => [r.directorate, r.reviewState])).toEqual([
      ['Education', 'overdue'],
      ['Education', 'onTrack'],
      ['Social Services', 'dueSoon'],
    ]);
  });

  it('leaves closed collaborations off unless asked for', () => {
    expect(quarterlyList([closed], [], [], { today: TODAY })).toEqual([]);
    const [row] = quarterlyList([closed], [], [], { today: TODAY, includeClosed: true });
    expect(row).toMatchObject({ status: 'closed', reviewState: 'notScheduled' });
    expect(row?.nextReviewDue).toBeUndefined();
  });

  it('lists the distinct directorates for the filter, in order', () => {
    expect(directoratesOf([c, a, b, record({ directorate: 'education ' })])).toEqual(['Education', 'Social Services']);
  });
});

describe('the financial year', () => {
  it.each([
    ['2026-03-02', 2025],
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2025-12-31', 2025],
  ])('%s falls in the year starting April %i', (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });

  it('runs from 1 April to 31 March', () => {
    expect(financialYear(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('the annual summary usually reports on the last full year', () => {
    expect(lastFinancialYear('2026-03-02')).toBe(2024);
    expect(lastFinancialYear('2026-05-10')).toBe(2025);
  });
});

describe('the annual summary for the Governance and Audit Committee', () => {
  const period = financialYear(2025); // 2025-04-01 .. 2026-03-31
  const current = record({ id: 201, startDate: '2019-01-01', councilLeads: true, partnerIds: [1, 2] });
  const startedInYear = record({ id: 202, startDate: '2025-09-01', kind: 'formalPartnership', basis: 'localDecision' });
  const startedAfter = record({ id: 203, startDate: '2026-04-02' });
  const reformedByOutcome = record({ id: 204, status: 'reforming' });
  const reformingByStatus = record({ id: 205, status: 'reforming' });
  const withdrawnByOutcome = record({ id: 206, status: 'withdrawing', exitNote: 'Notice given' });
  const closedInYear = record({
    id: 207,
    status: 'closed',
    endDate: '2025-12-31',
    exitNote: 'The joint committee was dissolved.',
  });
  const closedBefore = record({ id: 208, status: 'closed', endDate: '2024-12-31', exitNote: 'Old' });
  const informal = record({ id: 209, model: 'informalArrangement' });
  const contract = record({ id: 210, model: 'contractualArrangement', startDate: '2027-01-01' }); // not current
  const records = [
    current,
    startedInYear,
    startedAfter,
    reformedByOutcome,
    reformingByStatus,
    withdrawnByOutcome,
    closedInYear,
    closedBefore,
    informal,
    contract,
  ];
  const reviews = [
    review({ collaborationId: 201, kind: 'governanceCheck', heldOn: '2025-05-10', outcome: 'continue' }),
    review({ collaborationId: 201, kind: 'quarterlyListReview', heldOn: '2025-10-01', outcome: 'continueWithActions' }),
    review({
      collaborationId: 204,
      kind: 'annualReview',
      heldOn: '2025-11-15',
      outcome: 'reform',
      decisionNote: 'Reform it',
    }),
    review({ collaborationId: 206, kind: 'annualReview', heldOn: '2026-01-20', outcome: 'withdraw' }),
    review({ collaborationId: 201, kind: 'annualReview', heldOn: '2026-02-01' }), // no outcome yet
    review({ collaborationId: 201, kind: 'annualReview', heldOn: '2025-03-31', outcome: 'reform' }), // the year before
    review({ collaborationId: 202, kind: 'annualReview', dueDate: '2026-03-20' }), // not held
  ];
  const actions = [
    action({ collaborationId: 201, dueDate: '2025-08-01', completedOn: '2025-07-30', progress: 100 }), // completed in year
    action({ collaborationId: 201, dueDate: '2025-12-01', progress: 50 }), // overdue on TODAY (as of)
    action({ collaborationId: 204, dueDate: '2026-01-01', completedOn: '2026-04-10', progress: 100 }), // completed later
    action({ collaborationId: 204, dueDate: '2026-06-01', progress: 10 }), // not yet due
    action({ scope: 'programme', dueDate: '2025-03-01', completedOn: '2025-02-27', progress: 100 }), // completed the year before
  ];

  let summary: AnnualSummary;
  beforeAll(() => {
    const r = annualSummary({ records, reviews, actions, period, today: TODAY, partners: [{ id: 1, key: 'p1' }] });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    summary = r.value;
  });

  it("carries the compendium's figures for the arrangements current in the year", () => {
    // current in the year: every record but 203 (starts after), 208 (closed before) and 210 (starts 2027).
    expect(summary.figures.arrangements).toBe(7);
    expect(summary.figures.formalPartnerships).toBe(1);
    expect(summary.figures.councilLeads).toBe(1);
    expect(summary.figures.statutoryGoodPracticeOrFunded).toBe(6);
    expect(summary.figures.partnerOrganisations).toEqual({ inCurrentArrangements: 2, onPartnerList: 1 });
  });

  it('counts the reviews held in the year by kind and by outcome, and lists them in date order', () => {
    expect(summary.reviews.held).toBe(5);
    expect(summary.reviews.byKind).toEqual({ quarterlyListReview: 1, governanceCheck: 1, annualReview: 3 });
    expect(summary.reviews.byOutcome).toEqual({ continue: 1, continueWithActions: 1, reform: 1, withdraw: 1, none: 1 });
    expect(summary.reviews.byKindAndOutcome.annualReview).toEqual({
      continue: 0,
      continueWithActions: 0,
      reform: 1,
      withdraw: 1,
      none: 1,
    });
    expect(summary.reviews.list.map((r) => r.heldOn)).toEqual([
      '2025-05-10',
      '2025-10-01',
      '2025-11-15',
      '2026-01-20',
      '2026-02-01',
    ]);
    expect(summary.reviews.list[0]).toMatchObject({ reference: current.reference, title: current.title });
  });

  it.each([
    ['a collaboration that started in the year is counted as started', () => summary.started.map((s) => s.id), [202]],
    [
      'a reform outcome in the year is reformed',
      () => summary.reformed.map((s) => [s.id, s.source, s.on]),
      [[204, 'outcome', '2025-11-15']],
    ],
    [
      'a record now reforming with nothing to date it is undated: shown to be dated, counted in no year',
      () => summary.undated.map((s) => [s.id, s.kind, s.on]),
      [[205, 'reformed', undefined]],
    ],
    [
      'a withdraw outcome in the year, and a closure in the year with an exit note, are withdrawn',
      () => summary.withdrawn.map((s) => [s.id, s.source, s.on]),
      [
        [207, 'status', '2025-12-31'],
        [206, 'outcome', '2026-01-20'],
      ],
    ],
    [
      'an action completed in the year is counted; one completed after it or before it is not',
      () => summary.actions.completed.map((a) => a.completedOn),
      ['2025-07-30'],
    ],
    [
      'an action past its due date and not completed by the day counted is overdue',
      () => summary.actions.overdue.map((a) => a.dueDate),
      ['2025-12-01', '2026-01-01'],
    ],
    [
      'an arrangement the protocol does not cover is listed with the reason',
      () => summary.outOfScope.map((o) => [o.id, o.reason]),
      [[209, 'informalNotCovered']],
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it('counts overdue actions at the end of a year that has ended, not on today', () => {
    const r = annualSummary({ records, reviews, actions, period: financialYear(2024), today: TODAY });
    if (!r.ok) throw new Error('period');
    expect(r.value.asOf).toBe('2025-03-31');
    // Due 2025-03-01 and completed 2025-02-27: complete; nothing else was due by then.
    expect(r.value.actions.overdue).toEqual([]);
    expect(r.value.actions.completed.map((a) => a.completedOn)).toEqual(['2025-02-27']);
  });

  it('a record now reforming or withdrawing is not counted in an earlier year, unless its last review fell in it', () => {
    const earlier = financialYear(2023);
    const reviewedThen = record({ id: 301, status: 'reforming', lastReviewDate: '2023-10-01' });
    const r = annualSummary({
      records: [reformingByStatus, withdrawnByOutcome, reviewedThen],
      reviews: [],
      actions: [],
      period: earlier,
      today: TODAY,
    });
    if (!r.ok) throw new Error('period');
    expect(r.value.reformed.map((x) => [x.id, x.on])).toEqual([[301, '2023-10-01']]);
    expect(r.value.withdrawn).toEqual([]);
  });

  it('counts each withdrawal once, in the year it happened, across consecutive years (issue 18)', () => {
    // Withdrawing since a review in 2024-25; withdrawing and never reviewed; a withdrawal a review
    // decided in 2024-25 that closed in 2025-26.
    const reviewedWithdrawing = record({ id: 401, status: 'withdrawing', lastReviewDate: '2024-11-05' });
    const undated = record({ id: 402, status: 'withdrawing' });
    const decided = record({
      id: 403,
      status: 'closed',
      endDate: '2025-09-30',
      exitNote: 'Services brought back in house.',
      lastReviewDate: '2024-12-01',
    });
    const decision = review({ collaborationId: 403, heldOn: '2024-12-01', outcome: 'withdraw', decisionNote: 'Exit' });
    const years = [financialYear(2023), financialYear(2024), financialYear(2025)];
    const counted = years.map((period) => {
      const r = annualSummary({
        records: [reviewedWithdrawing, undated, decided],
        reviews: [decision],
        actions: [],
        period,
        today: TODAY,
      });
      if (!r.ok) throw new Error('period');
      return r.value.withdrawn.map((w) => w.id).sort();
    });
    // The undated record is counted in no year: each year's report lists it to be dated.
    expect(counted).toEqual([[], [401, 403], []]);
    const all = counted.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  describe('from the status history', () => {
    const years = [financialYear(2024), financialYear(2025), financialYear(2026)];
    const count = (records: ReturnType<typeof record>[], history: HistoryEntry[], reviews: Review[] = []) =>
      years.map((period) => {
        const r = annualSummary({ records, reviews, actions: [], history, period, today: '2027-03-01' });
        if (!r.ok) throw new Error('period');
        return {
          withdrawn: r.value.withdrawn.map((w) => [w.id, w.on, w.source]),
          reformed: r.value.reformed.map((w) => [w.id, w.on, w.source]),
          undated: r.value.undated.map((w) => [w.id, w.kind]),
        };
      });
    const entry = (over: Partial<HistoryEntry> & Pick<HistoryEntry, 'collaborationId' | 'to'>): HistoryEntry => ({
      key: `HIS-${over.collaborationId}-${over.to}-${over.on ?? 'x'}`,
      aspect: 'status',
      source: 'edit',
      ...over,
    });

    it('counts a change once, in the year it happened, whatever the record says now', () => {
      // Withdrawing from on 2025-02-10 (2024-25), closed on 2025-09-30 (2025-26): one withdrawal, in 2024-25.
      const closed = record({ id: 501, status: 'closed', endDate: '2025-09-30', exitNote: 'Dissolved.' });
      const got = count(
        [closed],
        [
          entry({ collaborationId: 501, from: 'active', to: 'withdrawing', on: '2025-02-10' }),
          entry({ collaborationId: 501, from: 'withdrawing', to: 'closed', on: '2025-09-30' }),
        ],
      );
      expect(got.map((y) => y.withdrawn)).toEqual([[[501, '2025-02-10', 'history']], [], []]);
      expect(got.flatMap((y) => y.undated)).toEqual([]);
    });

    it('a change a review made is its outcome, counted once', () => {
      const gone = record({ id: 502, status: 'withdrawing', lastReviewDate: '2025-06-01' });
      const decision = review({ key: 'REV-502', collaborationId: 502, heldOn: '2025-06-01', outcome: 'withdraw' });
      const got = count(
        [gone],
        [
          entry({
            collaborationId: 502,
            from: 'active',
            to: 'withdrawing',
            on: '2025-06-01',
            source: 'review',
            sourceKey: 'REV-502',
          }),
        ],
        [decision],
      );
      expect(got.map((y) => y.withdrawn)).toEqual([[], [[502, '2025-06-01', 'outcome']], []]);
    });

    it('a reform in each of two years is counted in each', () => {
      const twice = record({ id: 503, status: 'reforming' });
      const got = count(
        [twice],
        [
          entry({ collaborationId: 503, from: 'active', to: 'reforming', on: '2024-07-01' }),
          entry({ collaborationId: 503, from: 'reforming', to: 'active', on: '2024-12-01' }),
          entry({ collaborationId: 503, from: 'active', to: 'reforming', on: '2026-05-01' }),
        ],
      );
      expect(got.map((y) => y.reformed)).toEqual([
        [[503, '2024-07-01', 'history']],
        [],
        [[503, '2026-05-01', 'history']],
      ]);
    });

    it('an undated change is counted in no year until it is dated, then in its year only', () => {
      const imported = record({ id: 504, status: 'withdrawing' });
      const undatedEntry = entry({ collaborationId: 504, to: 'withdrawing', source: 'import' });
      expect(count([imported], [undatedEntry]).map((y) => [y.withdrawn, y.undated])).toEqual([
        [[], [[504, 'withdrawn']]],
        [[], [[504, 'withdrawn']]],
        [[], [[504, 'withdrawn']]],
      ]);
      const dated = { ...undatedEntry, key: 'HIS-504-dated', on: '2026-01-15' as const, source: 'dated' as const };
      expect(count([imported], [undatedEntry, dated]).map((y) => [y.withdrawn.length, y.undated.length])).toEqual([
        [0, 0],
        [1, 0],
        [0, 0],
      ]);
    });
  });

  it('an action completed after the year ended was still overdue at its end', () => {
    const late = action({ dueDate: '2025-03-01', completedOn: '2025-05-01', progress: 100 });
    const r = annualSummary({ records: [], reviews: [], actions: [late], period: financialYear(2024), today: TODAY });
    expect(r.ok && r.value.actions.overdue.map((a) => a.key)).toEqual([late.key]);
  });

  it.each([
    ['an end before the start', { from: '2026-03-31', to: '2025-04-01' }, 'endBeforeStart'],
    ['a date that is not a date', { from: '2025-02-30', to: '2026-03-31' }, 'invalidDate'],
  ])('refuses a period with %s', (_name, badPeriod, code) => {
    const r = annualSummary({ records, reviews, actions, period: badPeriod, today: TODAY });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.map((e) => e.code)).toContain(code);
  });
});
