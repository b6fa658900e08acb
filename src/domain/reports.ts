import { actionStatus, DEFAULT_ACTION_POLICY, type ActionPolicy } from './actions';
import type { Collaboration } from './collaboration';
import { compendiumFigures, isCurrentIn, type CompendiumFigures } from './compendium';
import { fromParts, isIsoDate, minDate, toParts, type IsoDate } from './dates';
import type { Action, Partner, Review } from './entities';
import { reportedChange, type HistoryEntry, type ReportedChange } from './history';
import type { Result } from './result';
import { reviewState, type ReviewState } from './reviewCycle';
import { scopeOf, type ScopeReason } from './scope';
import { OUTCOMES, REVIEW_KINDS, type Model, type Outcome, type Rag, type ReviewKind, type Status } from './vocabulary';

/**
 * The governance reports of seed 002: the quarterly list that Heads of Service
 * review ("Review list of partnerships and collaborations through Heads of
 * Service ... on a quarterly basis") and the annual summary report to the
 * Governance and Audit Committee. Every figure is worked out here; the tab and
 * the workbook only lay it out.
 */

/** A stored collaboration: the reports join reviews and actions to it by id. */
export type ReportRecord = Collaboration & { readonly id: number };

// ------------------------------------------------------------ quarterly list

/** The collaboration a line of a report is about. */
interface RecordRef {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly titleCy?: string;
  readonly directorate: string;
  readonly status: Status;
}

export interface QuarterlyRow extends RecordRef {
  /** Who answers for the collaboration: the names a Head of Service reads the list by. */
  readonly leadOfficer?: string;
  readonly headOfService?: string;
  readonly reviewState: ReviewState;
  readonly nextReviewDue?: IsoDate;
  /** Days to the next review: 0 today, negative when overdue. */
  readonly daysUntilReview?: number;
  /** The last review held (any kind), its date and outcome. */
  readonly lastReviewHeldOn?: IsoDate;
  readonly lastOutcome?: Outcome;
  readonly lastRag?: Rag;
  readonly lastScore?: number;
  /** Actions of the collaboration not yet complete. */
  readonly openActions: number;
  /** Of those, the ones past their due date. */
  readonly overdueActions: number;
}

export interface QuarterlyOptions {
  readonly today: IsoDate;
  /** Only this directorate's collaborations (compared without case or outer spaces). */
  readonly directorate?: string;
  /** Closed collaborations are history, not on the list, unless asked for. */
  readonly includeClosed?: boolean;
  readonly actionPolicy?: ActionPolicy;
}

/** Most urgent first: what a Head of Service must look at comes to the top. */
const STATE_RANK: Readonly<Record<ReviewState, number>> = {
  overdue: 0,
  dueToday: 1,
  dueSoon: 2,
  onTrack: 3,
  notScheduled: 4,
};

const norm = (s: string) => s.trim().toLocaleLowerCase('en-GB');

function byCollaboration<T extends { readonly collaborationId?: number | undefined }>(
  items: readonly T[],
): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    if (item.collaborationId === undefined) continue;
    const list = out.get(item.collaborationId);
    if (list) list.push(item);
    else out.set(item.collaborationId, [item]);
  }
  return out;
}

/**
 * The quarterly list: each collaboration (closed ones left out unless asked
 * for) with its status, where it stands against its next review, its last
 * assessment's RAG and score, its last review's outcome, and its open and
 * overdue actions on `today`. Sorted by directorate, then the most urgent
 * review first, then the earliest review date, then reference.
 */
export function quarterlyList(
  records: readonly ReportRecord[],
  reviews: readonly Pick<Review, 'collaborationId' | 'heldOn' | 'outcome'>[],
  actions: readonly Pick<Action, 'collaborationId' | 'startDate' | 'dueDate' | 'progress' | 'completedOn'>[],
  options: QuarterlyOptions,
): QuarterlyRow[] {
  const { today } = options;
  const policy = options.actionPolicy ?? DEFAULT_ACTION_POLICY;
  const wanted =
    options.directorate !== undefined && options.directorate.trim() !== '' ? norm(options.directorate) : undefined;
  const actionsOf = byCollaboration(actions);
  const reviewsOf = byCollaboration(reviews);
  const rows: QuarterlyRow[] = [];
  for (const r of records) {
    if (!options.includeClosed && r.status === 'closed') continue;
    if (wanted !== undefined && norm(r.directorate) !== wanted) continue;
    let openActions = 0;
    let overdueActions = 0;
    for (const a of actionsOf.get(r.id) ?? []) {
      const s = actionStatus(a, today, policy);
      if (s === 'complete') continue;
      openActions += 1;
      if (s === 'overdue') overdueActions += 1;
    }
    let last: Pick<Review, 'heldOn' | 'outcome'> | undefined;
    for (const rv of reviewsOf.get(r.id) ?? []) {
      if (rv.heldOn === undefined || rv.heldOn > today) continue;
      if (last?.heldOn === undefined || rv.heldOn > last.heldOn) last = rv;
    }
    const state = reviewState(r.nextReviewDue, today, { status: r.status });
    // The record's fields written out, not spread from ref(r) (nor assigned onto it): either made
    // the list 1.3 to 3 times slower over 5,000 records (npm run bench -- reports).
    rows.push({
      id: r.id,
      reference: r.reference,
      title: r.title,
      ...(r.titleCy ? { titleCy: r.titleCy } : {}),
      directorate: r.directorate,
      ...(r.leadOfficer?.displayName ? { leadOfficer: r.leadOfficer.displayName } : {}),
      ...(r.headOfService?.displayName ? { headOfService: r.headOfService.displayName } : {}),
      status: r.status,
      reviewState: state.state,
      ...(state.daysUntil !== undefined && r.nextReviewDue ? { nextReviewDue: r.nextReviewDue } : {}),
      ...(state.daysUntil !== undefined ? { daysUntilReview: state.daysUntil } : {}),
      ...(last?.heldOn ? { lastReviewHeldOn: last.heldOn } : {}),
      ...(last?.outcome ? { lastOutcome: last.outcome } : {}),
      ...(r.lastAssessmentRag ? { lastRag: r.lastAssessmentRag } : {}),
      ...(r.lastAssessmentScore !== undefined ? { lastScore: r.lastAssessmentScore } : {}),
      openActions,
      overdueActions,
    });
  }
  return rows.sort(
    (a, b) =>
      compareText(a.directorate, b.directorate) ||
      STATE_RANK[a.reviewState] - STATE_RANK[b.reviewState] ||
      compareCodes(a.nextReviewDue ?? '9999', b.nextReviewDue ?? '9999') ||
      compareCodes(a.reference, b.reference),
  );
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
/** Names (directorates) as a person sorts them. */
const compareText = (a: string, b: string) => collator.compare(a, b);
/** ISO dates and zero-padded references sort as plain strings: fast over tens of thousands of lines. */
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A quarter of the council's financial year: the first runs April to June. */
export interface FinancialQuarter {
  /** The start year of the financial year (2026 for 2026-27). */
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The financial quarter a date falls in: the period a quarterly list drawn up that day reports on. */
export function financialQuarterOf(date: IsoDate): FinancialQuarter {
  const { year, month } = toParts(date);
  const sinceApril = (month + 8) % 12; // April 0 ... March 11
  const quarter = (Math.floor(sinceApril / 3) + 1) as FinancialQuarter['quarter'];
  const startYear = month >= 4 ? year : year - 1;
  // The fourth quarter, January to March, falls in the calendar year after the one the financial year starts in.
  const first = 4 + (quarter - 1) * 3;
  const calendarYear = first > 12 ? startYear + 1 : startYear;
  const from = first > 12 ? first - 12 : first;
  return {
    year: startYear,
    quarter,
    from: fromParts(calendarYear, from, 1),
    to: fromParts(calendarYear, from + 2, QUARTER_LAST_DAY[quarter - 1]!),
  };
}

/** The quarters end on 30 June, 30 September, 31 December and 31 March: no leap year moves them. */
const QUARTER_LAST_DAY = [30, 30, 31, 31] as const;

/** The distinct directorates of the records (the first spelling seen), in order, for the list's filter. */
export function directoratesOf(records: readonly Pick<Collaboration, 'directorate'>[]): string[] {
  const seen = new Map<string, string>();
  for (const r of records) {
    const name = r.directorate.trim();
    if (name !== '' && !seen.has(norm(name))) seen.set(norm(name), name);
  }
  return [...seen.values()].sort(compareText);
}

// ------------------------------------------------------------ annual summary

export interface ReportPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The council's financial year that starts in April of `startYear`: 1 April to 31 March. */
export function financialYear(startYear: number): ReportPeriod {
  return { from: fromParts(startYear, 4, 1), to: fromParts(startYear + 1, 3, 31) };
}

/** The start year of the financial year a date falls in (2026-03-02 is in 2025-26). */
export function financialYearOf(date: IsoDate): number {
  const { year, month } = toParts(date);
  return month >= 4 ? year : year - 1;
}

/** The last full financial year before `today`: the one an annual summary usually reports on. */
export function lastFinancialYear(today: IsoDate): number {
  return financialYearOf(today) - 1;
}

export interface ReviewLine extends Partial<Omit<RecordRef, 'id'>> {
  readonly key: string;
  readonly collaborationId: number;
  readonly kind: ReviewKind;
  readonly heldOn: IsoDate;
  readonly outcome?: Outcome;
  readonly panel?: string;
}

export interface StartedLine extends RecordRef {
  readonly startDate: IsoDate;
  readonly model: Model;
}

/**
 * Why a collaboration is counted as reformed or withdrawn: a review's outcome, a change in
 * its status history, or (for a record from before the history was kept) its status, dated
 * by its last review or its end date.
 */
export type ChangeSource = 'outcome' | 'history' | 'status';

export interface ChangeLine extends RecordRef {
  /** When it happened; absent on an undated change (`AnnualSummary.undated`). */
  readonly on?: IsoDate;
  readonly source: ChangeSource;
  readonly kind: ReportedChange;
  readonly note?: string;
}

export interface ActionLine {
  readonly key: string;
  readonly title: string;
  readonly reference?: string;
  readonly collaborationTitle?: string;
  readonly collaborationTitleCy?: string;
  readonly owner?: string;
  readonly dueDate?: IsoDate;
  readonly completedOn?: IsoDate;
}

export interface OutOfScopeLine extends RecordRef {
  readonly model: Model;
  readonly reason: ScopeReason;
}

export interface AnnualSummary {
  readonly period: ReportPeriod;
  /** The day overdue actions are counted on: the period's end, or today when the period has not ended. */
  readonly asOf: IsoDate;
  readonly figures: CompendiumFigures;
  readonly reviews: {
    readonly held: number;
    readonly byKind: Readonly<Record<ReviewKind, number>>;
    /** `none` counts reviews held whose outcome is not yet recorded. */
    readonly byOutcome: Readonly<Record<Outcome | 'none', number>>;
    readonly byKindAndOutcome: Readonly<Record<ReviewKind, Readonly<Record<Outcome | 'none', number>>>>;
    readonly list: readonly ReviewLine[];
  };
  readonly started: readonly StartedLine[];
  readonly reformed: readonly ChangeLine[];
  readonly withdrawn: readonly ChangeLine[];
  /**
   * Reforms and withdrawals nobody has dated (an imported status, a status from before the
   * history was kept, with no review to date it): counted in no year until the governance
   * team dates them, and listed so that it can.
   */
  readonly undated: readonly ChangeLine[];
  readonly actions: {
    readonly completed: readonly ActionLine[];
    readonly overdue: readonly ActionLine[];
  };
  readonly outOfScope: readonly OutOfScopeLine[];
}

export interface AnnualSummaryInput {
  readonly records: readonly ReportRecord[];
  readonly reviews: readonly Review[];
  readonly actions: readonly Action[];
  /** The partners list, for the compendium's "partner organisations" figure. */
  readonly partners?: readonly Pick<Partner, 'id' | 'key'>[];
  /** Every record's status history (history.ts); the reforms and withdrawals are counted from it. */
  readonly history?: readonly HistoryEntry[];
  readonly period: ReportPeriod;
  readonly today: IsoDate;
}

interface ChangeEvent {
  readonly kind: ReportedChange;
  readonly on?: IsoDate;
  readonly source: ChangeSource;
  readonly note?: string;
}

interface RecordChanges {
  /** The reform counted in the period (the latest in it). */
  reformed?: ChangeEvent;
  /** The withdrawal counted in the period: the record's first, when it fell in the period. */
  withdrawn?: ChangeEvent;
  undated: ChangeEvent[];
}

/**
 * Each record's reforms and withdrawals as events with a date: review outcomes, status
 * history (a change a review made is the review's outcome, once), and for a record whose
 * status says more than its history, the status dated by its last review (where the status
 * was set) or a closure's end date. A withdrawal is counted once, in the year of the
 * record's first; a reform in each year one happened. A change with no date is undated.
 */
function changesByRecord(input: AnnualSummaryInput, period: ReportPeriod): Map<number, RecordChanges> {
  const events = new Map<number, ChangeEvent[]>();
  const add = (id: number, e: ChangeEvent) => {
    const list = events.get(id);
    if (list) list.push(e);
    else events.set(id, [e]);
  };
  const outcomeReviews = new Set<string>();
  for (const rv of input.reviews) {
    if (rv.heldOn === undefined || (rv.outcome !== 'reform' && rv.outcome !== 'withdraw')) continue;
    outcomeReviews.add(rv.key);
    add(rv.collaborationId, {
      kind: rv.outcome === 'reform' ? 'reformed' : 'withdrawn',
      on: rv.heldOn,
      source: 'outcome',
      ...(rv.decisionNote ? { note: rv.decisionNote } : {}),
    });
  }
  for (const h of input.history ?? []) {
    const kind = reportedChange(h);
    if (kind === undefined) continue;
    if (h.source === 'review' && h.sourceKey !== undefined && outcomeReviews.has(h.sourceKey)) continue;
    add(h.collaborationId, {
      kind,
      ...(h.on !== undefined ? { on: h.on } : {}),
      source: 'history',
      ...(h.reason ? { note: h.reason } : {}),
    });
  }
  for (const r of input.records) {
    const known = events.get(r.id) ?? [];
    const note = r.exitNote?.trim() ? { note: r.exitNote.trim() } : {};
    const has = (kind: ReportedChange) => known.some((e) => e.kind === kind);
    if (r.status === 'reforming' && !has('reformed')) {
      add(r.id, { kind: 'reformed', ...(r.lastReviewDate ? { on: r.lastReviewDate } : {}), source: 'status' });
    } else if (r.status === 'withdrawing' && !has('withdrawn')) {
      add(r.id, {
        kind: 'withdrawn',
        ...(r.lastReviewDate ? { on: r.lastReviewDate } : {}),
        source: 'status',
        ...note,
      });
    } else if (r.status === 'closed' && !has('withdrawn') && r.endDate !== undefined && r.exitNote?.trim()) {
      add(r.id, { kind: 'withdrawn', on: r.endDate, source: 'status', ...note });
    }
  }
  const out = new Map<number, RecordChanges>();
  for (const [id, list] of events) {
    const dated = list.filter((e) => e.on !== undefined && isIsoDate(e.on)).sort((a, b) => a.on!.localeCompare(b.on!));
    const c: RecordChanges = { undated: [] };
    const firstWithdrawal = dated.find((e) => e.kind === 'withdrawn');
    if (firstWithdrawal && inPeriod(firstWithdrawal.on, period)) c.withdrawn = firstWithdrawal;
    const reforms = dated.filter((e) => e.kind === 'reformed' && inPeriod(e.on, period));
    if (reforms.length > 0) c.reformed = reforms.at(-1)!;
    for (const kind of ['reformed', 'withdrawn'] as const) {
      const undatedOfKind = list.find((e) => e.kind === kind && (e.on === undefined || !isIsoDate(e.on)));
      // Undated, and no dated change of the same kind that would already say when.
      if (undatedOfKind && !dated.some((e) => e.kind === kind)) c.undated.push(undatedOfKind);
    }
    out.set(id, c);
  }
  return out;
}

const OUTCOME_KEYS = [...OUTCOMES, 'none'] as const;
const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
/** In the period, both ends included (the cheap string comparison first: it rules most dates out). */
const inPeriod = (date: IsoDate | undefined, p: ReportPeriod): boolean =>
  date !== undefined && date >= p.from && date <= p.to && isIsoDate(date);

function ref(r: ReportRecord): RecordRef {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    ...(r.titleCy ? { titleCy: r.titleCy } : {}),
    directorate: r.directorate,
    status: r.status,
  };
}

/**
 * The annual summary for the Governance and Audit Committee over a period
 * (a financial year, April to March, unless another is given):
 * - the compendium's figures for the arrangements current in the period;
 * - the reviews held in the period, counted by kind and by outcome, and listed;
 * - the collaborations started in the period;
 * - reformed: a `reform` outcome held in the period, or (with no such outcome in
 *   any period) a record whose status is now `reforming`, counted in the period
 *   of its last review, or in the present period if it was never reviewed;
 * - withdrawn: a `withdraw` outcome held in the period, or a record now
 *   `withdrawing` (on the same terms), or closed with an end date in the period
 *   and an exit note; each record once, in one period;
 * - actions completed in the period, and actions overdue at its end (or today,
 *   if the period has not ended): due before that day and not completed by it;
 * - the arrangements current in the period that the protocol does not cover, with the reason.
 * Lists are in date order, then reference. An invalid period is the compendium's error.
 */
export function annualSummary(input: AnnualSummaryInput): Result<AnnualSummary> {
  const { period, today } = input;
  const figures = compendiumFigures(input.records, input.partners ?? [], {
    periodStart: period.from,
    periodEnd: period.to,
  });
  if (!figures.ok) return figures;
  const asOf = isIsoDate(today) ? minDate(period.to, today) : period.to;
  const byId = new Map(input.records.map((r) => [r.id, r]));

  // Reviews held in the period.
  const byKind = zero(REVIEW_KINDS);
  const byOutcome = zero(OUTCOME_KEYS);
  const byKindAndOutcome = Object.fromEntries(REVIEW_KINDS.map((k) => [k, zero(OUTCOME_KEYS)])) as Record<
    ReviewKind,
    Record<Outcome | 'none', number>
  >;
  const reviewLines: ReviewLine[] = [];
  for (const rv of input.reviews) {
    if (rv.heldOn === undefined || !inPeriod(rv.heldOn, period)) continue;
    const outcome = rv.outcome ?? 'none';
    byKind[rv.kind] += 1;
    byOutcome[outcome] += 1;
    byKindAndOutcome[rv.kind][outcome] += 1;
    const record = byId.get(rv.collaborationId);
    const line: { -readonly [K in keyof ReviewLine]: ReviewLine[K] } = {
      key: rv.key,
      collaborationId: rv.collaborationId,
      kind: rv.kind,
      heldOn: rv.heldOn,
    };
    if (rv.outcome) line.outcome = rv.outcome;
    if (rv.panel) line.panel = rv.panel;
    if (record) {
      line.reference = record.reference;
      line.title = record.title;
      if (record.titleCy) line.titleCy = record.titleCy;
      line.directorate = record.directorate;
      line.status = record.status;
    }
    reviewLines.push(line);
  }

  const changes = changesByRecord(input, period);

  // Started, reformed or withdrawn by status, out of scope.
  const started: StartedLine[] = [];
  const outOfScope: OutOfScopeLine[] = [];
  const periodRange = { periodStart: period.from, periodEnd: period.to };
  for (const r of input.records) {
    if (r.startDate !== undefined && inPeriod(r.startDate, period))
      started.push({ ...ref(r), startDate: r.startDate, model: r.model });
    if (!isCurrentIn(r, periodRange)) continue;
    const scope = scopeOf(r.model);
    if (!scope.inScope) outOfScope.push({ ...ref(r), model: r.model, reason: scope.reason });
  }
  const reformed: ChangeLine[] = [];
  const withdrawn: ChangeLine[] = [];
  const undated: ChangeLine[] = [];
  for (const [id, c] of changes) {
    const r = byId.get(id);
    if (!r) continue;
    const line = (e: ChangeEvent): ChangeLine => ({
      ...ref(r),
      ...(e.on !== undefined ? { on: e.on } : {}),
      source: e.source,
      ...(e.note ? { note: e.note } : {}),
      kind: e.kind,
    });
    if (c.reformed) reformed.push(line(c.reformed));
    if (c.withdrawn) withdrawn.push(line(c.withdrawn));
    for (const e of c.undated) undated.push(line(e));
  }

  // Actions.
  const completed: ActionLine[] = [];
  const overdue: ActionLine[] = [];
  for (const a of input.actions) {
    const record = a.collaborationId !== undefined ? byId.get(a.collaborationId) : undefined;
    const line = (): ActionLine => ({
      key: a.key,
      title: a.title,
      ...(record ? { reference: record.reference, collaborationTitle: record.title } : {}),
      ...(record?.titleCy ? { collaborationTitleCy: record.titleCy } : {}),
      ...(a.owner ? { owner: a.owner.displayName } : {}),
      ...(a.dueDate ? { dueDate: a.dueDate } : {}),
      ...(a.completedOn ? { completedOn: a.completedOn } : {}),
    });
    if (inPeriod(a.completedOn, period)) {
      completed.push(line());
      continue;
    }
    // As the action stood on `asOf`: a completion after that day had not happened yet.
    const doneBy = a.completedOn !== undefined && a.completedOn <= asOf;
    // Only an action due before `asOf` and not done by then can be overdue; the rule itself is actionStatus's.
    if (a.dueDate === undefined || a.dueDate >= asOf || doneBy) continue;
    const asThen = {
      ...(a.startDate ? { startDate: a.startDate } : {}),
      dueDate: a.dueDate,
      progress: a.completedOn !== undefined ? 0 : a.progress,
    };
    if (actionStatus(asThen, asOf) === 'overdue') overdue.push(line());
  }

  const byDateThenRef =
    <T extends { readonly reference?: string }>(date: (x: T) => string | undefined) =>
    (a: T, b: T) =>
      compareCodes(date(a) ?? '9999', date(b) ?? '9999') || compareCodes(a.reference ?? '', b.reference ?? '');

  return {
    ok: true,
    value: {
      period,
      asOf,
      figures: figures.value,
      reviews: {
        held: reviewLines.length,
        byKind,
        byOutcome,
        byKindAndOutcome,
        list: reviewLines.sort(byDateThenRef((x) => x.heldOn)),
      },
      started: started.sort(byDateThenRef((x) => x.startDate)),
      reformed: reformed.sort(byDateThenRef((x) => x.on)),
      withdrawn: withdrawn.sort(byDateThenRef((x) => x.on)),
      undated: undated.sort(byDateThenRef(() => undefined)),
      actions: {
        completed: completed.sort(byDateThenRef((x) => x.completedOn)),
        overdue: overdue.sort(byDateThenRef((x) => x.dueDate)),
      },
      outOfScope: outOfScope.sort((a, b) => compareCodes(a.reference, b.reference)),
    },
  };
}
