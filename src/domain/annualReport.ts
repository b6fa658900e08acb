import { z } from 'zod';
import { isCurrentIn } from './compendium';
import { assuranceTrend, type HistoryEntry } from './history';
import { err, type DomainError, type Result } from './result';
import {
  annualSummary,
  financialYear,
  type ActionLine,
  type AnnualSummary,
  type AnnualSummaryInput,
  type ReportRecord,
} from './reports';
import {
  ASSURANCE_LEVELS,
  MODELS,
  RAGS,
  SIGNIFICANCE_TIERS,
  type AssuranceLevel,
  type Model,
  type Rag,
  type SignificanceTier,
} from './vocabulary';

/**
 * The annual report as committee papers (issue 18): what the annual summary
 * holds, with the cost totals, the RAG and significance summaries, the
 * comparison with the year before, the actions overdue at the year's end, and
 * the governance team's own narrative. The page, the workbook and the Word
 * document all lay out these figures, so the three never disagree.
 */

// ------------------------------------------------------------ figures

/** Money of the arrangements in one group (a directorate, a model, or all). */
export interface CostLine {
  /** The directorate's name or the model's code; '' for the total. */
  readonly key: string;
  /** Arrangements current in the year in the group. */
  readonly arrangements: number;
  /** Of those, the ones with an annual cost recorded (a cost not recorded is not a cost of nought). */
  readonly costed: number;
  readonly annualCost: number;
  readonly councilContribution: number;
}

export interface CostTotals {
  readonly byDirectorate: readonly CostLine[];
  /** Every model, in the vocabulary's order, those with no arrangement included (the committee sees the nought). */
  readonly byModel: readonly (CostLine & { readonly key: Model })[];
  readonly total: CostLine;
}

export type NotAssessed = 'notAssessed';
export const NOT_ASSESSED: NotAssessed = 'notAssessed';

export interface ComparisonRow {
  readonly measure: ComparisonMeasure;
  readonly previous: number;
  readonly current: number;
  /** current − previous. */
  readonly change: number;
}

export const COMPARISON_MEASURES = ['current', 'started', 'closedOrWithdrawn', 'reformed', 'reviewsHeld'] as const;
export type ComparisonMeasure = (typeof COMPARISON_MEASURES)[number];

/** How an arrangement's assurance level moved in the year: against its level at the end of the year before. */
export const ASSURANCE_MOVEMENTS = ['up', 'down', 'same', 'first'] as const;
export type AssuranceMovement = (typeof ASSURANCE_MOVEMENTS)[number];

/** An arrangement whose assurance level went down in the year: the committee asks about each. */
export interface AssuranceDrop {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly titleCy?: string;
  readonly from: AssuranceLevel;
  readonly to: AssuranceLevel;
}

export interface AssuranceSummary {
  /** The arrangements current in the year by their level at the year's end ("not assessed": never given one). */
  readonly levels: Readonly<Record<AssuranceLevel | NotAssessed, number>>;
  /** Of those with a level, how it moved: up, down, the same, or given for the first time in the year. */
  readonly movement: Readonly<Record<AssuranceMovement, number>>;
  readonly down: readonly AssuranceDrop[];
}

export interface AnnualPapers {
  /** The financial year's start (2025 is 2025–26). */
  readonly year: number;
  readonly summary: AnnualSummary;
  /** The same summary for the year before, for the comparison. */
  readonly previous: AnnualSummary;
  readonly costs: CostTotals;
  /** The arrangements current in the year by their latest assessment's overall RAG. */
  readonly rag: Readonly<Record<Rag | NotAssessed, number>>;
  /** The same arrangements by significance tier. */
  readonly significance: Readonly<Record<SignificanceTier | NotAssessed, number>>;
  readonly comparison: readonly ComparisonRow[];
  /** Actions overdue at the year's end (or today, in the year under way), with their owners' display names. */
  readonly overdueActions: readonly ActionLine[];
  readonly assurance: AssuranceSummary;
}

export interface AnnualPapersInput extends Omit<AnnualSummaryInput, 'period'> {
  readonly year: number;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const norm = (s: string) => s.trim().toLocaleLowerCase('en-GB');

function costLine(key: string): { -readonly [K in keyof CostLine]: CostLine[K] } {
  return { key, arrangements: 0, costed: 0, annualCost: 0, councilContribution: 0 };
}

function addTo(line: ReturnType<typeof costLine>, r: ReportRecord): void {
  line.arrangements += 1;
  if (r.annualCost !== undefined) {
    line.costed += 1;
    line.annualCost += r.annualCost;
  }
  if (r.councilContribution !== undefined) line.councilContribution += r.councilContribution;
}

/** Pence are kept as they were typed; sums of decimals are rounded to the penny, so 0.1 + 0.2 shows as 0.30. */
const pennies = (line: CostLine): CostLine => ({
  ...line,
  annualCost: Math.round(line.annualCost * 100) / 100,
  councilContribution: Math.round(line.councilContribution * 100) / 100,
});

/**
 * Annual cost and council contribution of the arrangements current in the
 * period, by directorate (spelt as first seen, compared without case or outer
 * spaces, in name order), by model and in total.
 */
export function costTotals(records: readonly ReportRecord[]): CostTotals {
  const byDirectorate = new Map<string, ReturnType<typeof costLine>>();
  const byModel = new Map(MODELS.map((m) => [m, costLine(m)]));
  const total = costLine('');
  for (const r of records) {
    const name = r.directorate.trim();
    let d = byDirectorate.get(norm(name));
    if (!d) byDirectorate.set(norm(name), (d = costLine(name)));
    addTo(d, r);
    const m = byModel.get(r.model);
    if (m) addTo(m, r);
    addTo(total, r);
  }
  return {
    byDirectorate: [...byDirectorate.values()].sort((a, b) => collator.compare(a.key, b.key)).map(pennies),
    byModel: MODELS.map((m) => pennies(byModel.get(m) ?? costLine(m)) as CostLine & { key: Model }),
    total: pennies(total),
  };
}

function countBy<K extends string>(
  keys: readonly K[],
  records: readonly ReportRecord[],
  of: (r: ReportRecord) => K | undefined,
): Record<K | NotAssessed, number> {
  const out = Object.fromEntries([...keys, NOT_ASSESSED].map((k) => [k, 0])) as Record<K | NotAssessed, number>;
  for (const r of records) {
    const v = of(r);
    out[v !== undefined && keys.includes(v) ? v : NOT_ASSESSED] += 1;
  }
  return out;
}

/** The counts the committee compares, year on year. */
function measures(s: AnnualSummary, records: readonly ReportRecord[]): Record<ComparisonMeasure, number> {
  // Closed in the year (end date in it), or withdrawn from by the summary's own rule: each record once.
  const gone = new Set(s.withdrawn.map((w) => w.id));
  for (const r of records) {
    if (r.status === 'closed' && r.endDate !== undefined && r.endDate >= s.period.from && r.endDate <= s.period.to)
      gone.add(r.id);
  }
  return {
    current: s.figures.arrangements,
    started: s.started.length,
    closedOrWithdrawn: gone.size,
    reformed: s.reformed.length,
    reviewsHeld: s.reviews.held,
  };
}

/** Each record's dated assurance entries, oldest first: one pass over the history, not one per record. */
function assuranceTimelines(history: readonly HistoryEntry[]): Map<number, { on: string; to: AssuranceLevel }[]> {
  const out = new Map<number, { on: string; to: AssuranceLevel }[]>();
  for (const e of history) {
    if (e.aspect !== 'assurance' || e.on === undefined || !ASSURANCE_LEVELS.includes(e.to as AssuranceLevel)) continue;
    let list = out.get(e.collaborationId);
    if (!list) out.set(e.collaborationId, (list = []));
    list.push({ on: e.on, to: e.to as AssuranceLevel });
  }
  // A stable sort keeps entries of one day in the order they were written.
  for (const list of out.values()) list.sort((a, b) => a.on.localeCompare(b.on));
  return out;
}

function levelOn(timeline: readonly { on: string; to: AssuranceLevel }[] | undefined, day: string) {
  let level: AssuranceLevel | undefined;
  for (const e of timeline ?? []) {
    if (e.on > day) break;
    level = e.to;
  }
  return level;
}

/**
 * The assurance levels of the arrangements current in a year, at its end (`asOf`), from
 * their history; a record from before the history was kept counts with the level it holds
 * now, in the year under way only (its level in a past year is not known). The movement
 * compares with the level at the end of the year before.
 */
export function assuranceSummary(
  current: readonly ReportRecord[],
  history: readonly HistoryEntry[],
  asOf: string,
  previousEnd: string,
  underWay: boolean,
): AssuranceSummary {
  const timelines = assuranceTimelines(history);
  const levels = Object.fromEntries([...ASSURANCE_LEVELS, NOT_ASSESSED].map((k) => [k, 0])) as Record<
    AssuranceLevel | NotAssessed,
    number
  >;
  const movement = Object.fromEntries(ASSURANCE_MOVEMENTS.map((k) => [k, 0])) as Record<AssuranceMovement, number>;
  const down: AssuranceDrop[] = [];
  for (const r of current) {
    const timeline = timelines.get(r.id);
    const now = timeline ? levelOn(timeline, asOf) : underWay ? r.assuranceLevel : undefined;
    if (now === undefined) {
      levels[NOT_ASSESSED] += 1;
      continue;
    }
    levels[now] += 1;
    const before = levelOn(timeline, previousEnd);
    const trend = before === undefined ? 'first' : (assuranceTrend(before, now) ?? 'same');
    movement[trend] += 1;
    if (trend === 'down' && before !== undefined)
      down.push({
        id: r.id,
        reference: r.reference,
        title: r.title,
        ...(r.titleCy ? { titleCy: r.titleCy } : {}),
        from: before,
        to: now,
      });
  }
  down.sort((a, b) => collator.compare(a.reference, b.reference));
  return { levels, movement, down };
}

/**
 * The committee papers for a financial year: the annual summary (unchanged
 * rules) and, over the arrangements current in that year, the cost totals and
 * the RAG and significance counts ("not assessed" where the record holds
 * none), the comparison with the year before, and the overdue actions.
 */
export function annualPapers(input: AnnualPapersInput): Result<AnnualPapers> {
  const period = financialYear(input.year);
  const previousPeriod = financialYear(input.year - 1);
  const summary = annualSummary({ ...input, period });
  if (!summary.ok) return summary;
  // The year before is long over when this one is reported on: its "today" is its own end.
  const previous = annualSummary({ ...input, period: previousPeriod, today: previousPeriod.to });
  if (!previous.ok) return previous;
  const current = input.records.filter((r) => isCurrentIn(r, { periodStart: period.from, periodEnd: period.to }));
  const now = measures(summary.value, input.records);
  const before = measures(previous.value, input.records);
  return {
    ok: true,
    value: {
      year: input.year,
      summary: summary.value,
      previous: previous.value,
      costs: costTotals(current),
      rag: countBy(RAGS, current, (r) => r.lastAssessmentRag),
      significance: countBy(SIGNIFICANCE_TIERS, current, (r) => r.significance),
      comparison: COMPARISON_MEASURES.map((measure) => ({
        measure,
        previous: before[measure],
        current: now[measure],
        change: now[measure] - before[measure],
      })),
      overdueActions: summary.value.actions.overdue,
      assurance: assuranceSummary(
        current,
        input.history ?? [],
        summary.value.asOf,
        previousPeriod.to,
        input.today >= period.from && input.today <= period.to,
      ),
    },
  };
}

// ------------------------------------------------------------ narrative

/** The governance team's own words in the papers, each in English and Welsh. */
export const NARRATIVE_PARTS = ['introduction', 'keyMessages', 'recommendations'] as const;
export type NarrativePart = (typeof NARRATIVE_PARTS)[number];
export const NARRATIVE_FIELDS = [
  'introduction',
  'introductionCy',
  'keyMessages',
  'keyMessagesCy',
  'recommendations',
  'recommendationsCy',
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

/** Each text's limit, in characters (a Multiple lines of text column holds far more; papers should not). */
export const NARRATIVE_MAX_LENGTH = 10_000;

export const reportNarrativeSchema = z.object({
  /** `annual-2025`: the report and year it belongs to (unique). */
  key: z.string().min(1),
  introduction: z.string().optional(),
  introductionCy: z.string().optional(),
  keyMessages: z.string().optional(),
  keyMessagesCy: z.string().optional(),
  recommendations: z.string().optional(),
  recommendationsCy: z.string().optional(),
});
export type ReportNarrative = z.infer<typeof reportNarrativeSchema>;

/** The narrative's key for the annual report of the financial year starting in `year`. */
export function annualNarrativeKey(year: number): string {
  return `annual-${year}`;
}

/** The field that holds a part in a language. */
export function narrativeField(part: NarrativePart, welsh: boolean): NarrativeField {
  return welsh ? `${part}Cy` : part;
}

/**
 * A narrative ready to save: texts trimmed at their ends (line breaks inside
 * kept), empty ones left out; or, when any text is over the limit, an error
 * per text and nothing to save.
 */
export function checkNarrative(n: ReportNarrative): Result<ReportNarrative> {
  const errors: DomainError[] = [];
  const out: Record<string, string> = { key: n.key };
  if (!n.key.trim()) errors.push(err('key', 'required'));
  for (const field of NARRATIVE_FIELDS) {
    const text = n[field]?.replace(/\r\n?/g, '\n').trim();
    if (!text) continue;
    if ([...text].length > NARRATIVE_MAX_LENGTH) {
      errors.push(err(field, 'tooLong', { max: NARRATIVE_MAX_LENGTH }));
      continue;
    }
    out[field] = text;
  }
  return errors.length > 0 ? { ok: false, error: errors } : { ok: true, value: out as ReportNarrative };
}

/** The narrative's fields that differ between two versions (for the conflict dialog). */
export type NarrativeTexts = Partial<Readonly<Record<NarrativeField, string | undefined>>>;

export function narrativeChanges(a: NarrativeTexts, b: NarrativeTexts): NarrativeField[] {
  return NARRATIVE_FIELDS.filter((f) => (a[f] ?? '') !== (b[f] ?? ''));
}
