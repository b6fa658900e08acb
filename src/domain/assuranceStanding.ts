/**
 * Where a record stands on assurance, as the record, the register and Home show it: the level
 * it has now (or none given yet), why, since when, and how that compares with the level it had
 * before; and what a register filter by assurance can ask for (the list's query runs it:
 * src/data/repositories/collaborations.ts). Pure: the record and its
 * history (src/domain/history.ts) in, plain values out.
 */
import type { Collaboration } from './collaboration';
import type { IsoDate } from './dates';
import { assuranceTrend, historyOf, type HistoryEntry, type Trend } from './history';
import { ASSURANCE_LEVELS, type AssuranceLevel } from './vocabulary';

/** A record no panel or governance check has given an assurance level yet. */
export const ASSURANCE_NOT_GIVEN = 'notGiven' as const;
export type AssuranceNotGiven = typeof ASSURANCE_NOT_GIVEN;

/** What a register filter by assurance can ask for: a level, or "not yet given". */
export const ASSURANCE_FILTERS = [...ASSURANCE_LEVELS, ASSURANCE_NOT_GIVEN] as const;
export type AssuranceFilter = (typeof ASSURANCE_FILTERS)[number];

/**
 * How the level now compares with the one before: up, down or the same; `first` when the history
 * shows it is the first level the record was given; `unknown` when nothing earlier is recorded
 * (a level an import brought, with no history behind it).
 */
export type AssuranceComparison = Trend | 'first' | 'unknown';

export interface AssuranceStanding {
  /** The level now; absent when none has been given yet. */
  readonly level?: AssuranceLevel;
  readonly reason?: string;
  readonly givenOn?: IsoDate;
  /** The level before this one, when the history knows it. */
  readonly before?: AssuranceLevel;
  /** Absent when no level has been given. */
  readonly comparison?: AssuranceComparison;
}

const isLevel = (v: string | undefined): v is AssuranceLevel =>
  v !== undefined && (ASSURANCE_LEVELS as readonly string[]).includes(v);

/**
 * A record's assurance standing. The record holds the level now (what the last review or check
 * gave); its history says what came before. When the history's last assurance change led to the
 * level now, the level before is that change's `from` (or the change before it); when the level
 * now was set without a history entry (an import, an old edit), the level before is the last one
 * the history knew.
 */
export function assuranceStanding(
  record: Pick<Collaboration, 'assuranceLevel' | 'assuranceReason' | 'assuranceDate'> & { readonly id: number },
  entries: readonly HistoryEntry[],
): AssuranceStanding {
  const level = isLevel(record.assuranceLevel) ? record.assuranceLevel : undefined;
  const reason = record.assuranceReason?.trim();
  const base = {
    ...(reason ? { reason } : {}),
    ...(record.assuranceDate !== undefined ? { givenOn: record.assuranceDate } : {}),
  };
  if (level === undefined) return base;
  const changes = historyOf(entries, record.id, 'assurance');
  const last = changes.at(-1);
  let before: string | undefined;
  if (last === undefined) before = undefined;
  else if (last.to === level) before = last.from ?? changes.at(-2)?.to;
  else before = last.to;
  if (!isLevel(before)) return { ...base, level, comparison: last === undefined ? 'unknown' : 'first' };
  return { ...base, level, before, comparison: assuranceTrend(before, level) ?? 'same' };
}
