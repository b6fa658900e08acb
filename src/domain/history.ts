/**
 * The record's history: every change of its status, its assurance level and its
 * significance tier, with from, to, when, by whom and why (the review that decided
 * it, the edit, the import, a new significance policy). The annual report counts a
 * status change once, in the year it happened, from here; a change with no date is
 * shown to the governance team to date, never counted in a year it may not belong to.
 * Pure: the writers (src/app) and the reports read the same rules.
 */
import { z } from 'zod';
import type { Collaboration } from './collaboration';
import { isIsoDate, type IsoDate } from './dates';
import { isoDateSchema, personSchema, type Person } from './fields';
import { ASSURANCE_LEVELS, type AssuranceLevel, type Status } from './vocabulary';

export const HISTORY_ASPECTS = ['status', 'assurance', 'significance'] as const;
export type HistoryAspect = (typeof HISTORY_ASPECTS)[number];

/** What made the change: a review's outcome, an edit of the record, the import, a new policy, or the governance team dating an old change. */
export const HISTORY_SOURCES = [
  'review',
  'edit',
  'created',
  'import',
  'policy',
  'versionHistory',
  'dated',
  'assessment',
] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/** A reason's limit, in characters (a multi-line column holds more; a line of history needs no more). */
export const HISTORY_REASON_MAX_LENGTH = 2_000;

export const historyEntrySchema = z.object({
  /** Unique: the same change written twice (a job run again, a retry) is one entry. */
  key: z.string().min(1),
  collaborationId: z.number().int().positive(),
  aspect: z.enum(HISTORY_ASPECTS),
  /** The value before, as its code; absent for the first value a record had. */
  from: z.string().optional(),
  to: z.string().min(1),
  /** The day it happened; absent when nobody knows yet (an imported register's status). */
  on: isoDateSchema.optional(),
  by: personSchema.optional(),
  reason: z.string().max(HISTORY_REASON_MAX_LENGTH).optional(),
  source: z.enum(HISTORY_SOURCES),
  /** The review's key, the policy's version, the edit's stamp. */
  sourceKey: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export interface ChangeContext {
  readonly source: HistorySource;
  /** Unique for the event that made the change (a review key, `v3` of a policy, an edit's time stamp). */
  readonly sourceKey: string;
  readonly on?: IsoDate | undefined;
  readonly by?: Person | undefined;
  readonly reason?: string | undefined;
}

type Tracked = Pick<Collaboration, 'status' | 'assuranceLevel' | 'significance'> & { readonly id?: number | undefined };

const VALUE_OF: Record<HistoryAspect, (r: Tracked) => string | undefined> = {
  status: (r) => r.status,
  assurance: (r) => r.assuranceLevel,
  significance: (r) => r.significance,
};

export function historyKey(collaborationId: number, aspect: HistoryAspect, sourceKey: string): string {
  return `HIS-${collaborationId}-${aspect}-${sourceKey}`;
}

/**
 * The entries a write makes: one for each tracked value that changed between the record
 * as it was (`before`, absent for a new record) and as saved. A value that did not change
 * makes none, so saving twice writes nothing new; the key makes a repeat of the same
 * event one entry.
 */
export function changesOf(
  before: Tracked | undefined,
  after: Tracked & { readonly id: number },
  context: ChangeContext,
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const aspect of HISTORY_ASPECTS) {
    const from = before ? VALUE_OF[aspect](before) : undefined;
    const to = VALUE_OF[aspect](after);
    if (to === undefined || to === from) continue;
    const reason = context.reason?.trim().slice(0, HISTORY_REASON_MAX_LENGTH);
    out.push({
      key: historyKey(after.id, aspect, context.sourceKey),
      collaborationId: after.id,
      aspect,
      ...(from !== undefined ? { from } : {}),
      to,
      ...(context.on !== undefined && isIsoDate(context.on) ? { on: context.on } : {}),
      ...(context.by ? { by: context.by } : {}),
      ...(reason ? { reason } : {}),
      source: context.source,
      sourceKey: context.sourceKey,
    });
  }
  return out;
}

/** What a status change means to the annual report: the start of a withdrawal or of a reform, or nothing. */
export type ReportedChange = 'withdrawn' | 'reformed';

/**
 * A move into `withdrawing` is a withdrawal; into `closed` from anything but `withdrawing`
 * is one too (the record ended without a withdrawal being recorded first); `closed` after
 * `withdrawing` finishes the withdrawal already counted. A move into `reforming` is a reform.
 */
export function reportedChange(entry: Pick<HistoryEntry, 'aspect' | 'from' | 'to'>): ReportedChange | undefined {
  if (entry.aspect !== 'status') return undefined;
  const to = entry.to as Status;
  if (to === 'withdrawing') return entry.from === 'withdrawing' ? undefined : 'withdrawn';
  if (to === 'closed') return entry.from === 'withdrawing' || entry.from === 'closed' ? undefined : 'withdrawn';
  if (to === 'reforming') return entry.from === 'reforming' ? undefined : 'reformed';
  return undefined;
}

/** The entries of one aspect for a record, oldest first (undated ones last, in the order written). */
export function historyOf(
  entries: readonly HistoryEntry[],
  collaborationId: number,
  aspect?: HistoryAspect,
): HistoryEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.collaborationId === collaborationId && (aspect === undefined || e.aspect === aspect))
    .sort((a, b) => (a.e.on ?? '9999-12-31').localeCompare(b.e.on ?? '9999-12-31') || a.i - b.i)
    .map(({ e }) => e);
}

export type Trend = 'up' | 'down' | 'same';

const rank = (level: string | undefined): number | undefined => {
  const i = ASSURANCE_LEVELS.indexOf(level as AssuranceLevel);
  return i < 0 ? undefined : ASSURANCE_LEVELS.length - i;
};

/** Between two assurance levels: up when the later is higher (substantial is highest). */
export function assuranceTrend(before: string | undefined, after: string | undefined): Trend | undefined {
  const a = rank(before);
  const b = rank(after);
  if (a === undefined || b === undefined) return undefined;
  return b > a ? 'up' : b < a ? 'down' : 'same';
}

/** The assurance level a record had at the end of a day, from its history (undefined before its first). */
export function assuranceOn(
  entries: readonly HistoryEntry[],
  collaborationId: number,
  day: IsoDate,
): AssuranceLevel | undefined {
  let level: AssuranceLevel | undefined;
  for (const e of historyOf(entries, collaborationId, 'assurance')) {
    if (e.on === undefined || e.on > day) break;
    level = e.to as AssuranceLevel;
  }
  return level;
}

/**
 * A status change the reports need but cannot place in a year: undated entries into a
 * reported status. The governance team dates them (from version history where the tab can,
 * otherwise by hand).
 */
export function undatedChanges(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.filter((e) => e.on === undefined && reportedChange(e) !== undefined);
}
