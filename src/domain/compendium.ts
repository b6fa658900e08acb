import type { Collaboration } from './collaboration';
import { isIsoDate, type IsoDate } from './dates';
import type { Partner } from './entities';
import { err, fail, ok, type DomainError, type Result } from './result';
import { isInScope } from './scope';
import {
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  STATUSES,
  type Basis,
  type Footprint,
  type Kind,
  type Model,
  type Status,
} from './vocabulary';

/**
 * The compendium's headline figures (seed 002: "146 partner organisations, 35
 * formal partnerships, 25 collaborations, the council the lead in 8, 25
 * statutory / good practice / Welsh Government funded"), for the annual
 * summary to the Audit Committee and the quarterly list.
 */

export type CompendiumRecord = Pick<
  Collaboration,
  'kind' | 'model' | 'basis' | 'footprint' | 'status' | 'councilLeads' | 'partnerIds' | 'startDate' | 'endDate'
>;

export interface CompendiumPeriod {
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
}

export interface CompendiumFigures {
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly partnerOrganisations: {
    /** Distinct partners of the arrangements current in the period. */
    readonly inCurrentArrangements: number;
    /** Every organisation on the partners list. */
    readonly onPartnerList: number;
  };
  /** Arrangements current in the period, of both kinds. */
  readonly arrangements: number;
  readonly formalPartnerships: number;
  readonly collaborations: number;
  readonly byKind: Readonly<Record<Kind, number>>;
  /** Arrangements the council leads. */
  readonly councilLeads: number;
  readonly councilLeadsByKind: Readonly<Record<Kind, number>>;
  /** Statutory, good practice or Welsh Government funded (seed 002's figure); local decisions are not. */
  readonly statutoryGoodPracticeOrFunded: number;
  readonly byBasis: Readonly<Record<Basis, number>>;
  readonly byModel: Readonly<Record<Model, number>>;
  readonly byStatus: Readonly<Record<Status, number>>;
  readonly byFootprint: Readonly<Record<Footprint, number>>;
  readonly inScope: number;
  readonly outOfScope: number;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Current in the period: started on or before its end (or no start date yet)
 * and not ended before its start (or no end date).
 */
export function isCurrentIn(record: Pick<Collaboration, 'startDate' | 'endDate'>, period: CompendiumPeriod): boolean {
  const started = record.startDate === undefined || record.startDate <= period.periodEnd;
  const notEnded = record.endDate === undefined || record.endDate >= period.periodStart;
  return started && notEnded;
}

/** The compendium's figures for a period, or why the period is not one. */
export function compendiumFigures(
  records: readonly CompendiumRecord[],
  partners: readonly Pick<Partner, 'id' | 'key'>[],
  period: CompendiumPeriod,
): Result<CompendiumFigures> {
  const errors: DomainError[] = [];
  if (!isIsoDate(period.periodStart)) errors.push(err('periodStart', 'invalidDate'));
  if (!isIsoDate(period.periodEnd)) errors.push(err('periodEnd', 'invalidDate'));
  if (errors.length === 0 && period.periodEnd < period.periodStart) errors.push(err('periodEnd', 'endBeforeStart'));
  if (errors.length > 0) return fail(errors);

  const byKind = zeroes(KINDS);
  const councilLeadsByKind = zeroes(KINDS);
  const byBasis = zeroes(BASES);
  const byModel = zeroes(MODELS);
  const byStatus = zeroes(STATUSES);
  const byFootprint = zeroes(FOOTPRINTS);
  const partnerIds = new Set<number>();
  let arrangements = 0;
  let inScope = 0;

  for (const r of records) {
    if (!isCurrentIn(r, period)) continue;
    arrangements += 1;
    byKind[r.kind] += 1;
    if (r.councilLeads) councilLeadsByKind[r.kind] += 1;
    byBasis[r.basis] += 1;
    byModel[r.model] += 1;
    byStatus[r.status] += 1;
    byFootprint[r.footprint] += 1;
    if (isInScope(r.model)) inScope += 1;
    for (const id of r.partnerIds) partnerIds.add(id);
  }

  return ok({
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    partnerOrganisations: { inCurrentArrangements: partnerIds.size, onPartnerList: partners.length },
    arrangements,
    formalPartnerships: byKind.formalPartnership,
    collaborations: byKind.collaboration,
    byKind,
    councilLeads: councilLeadsByKind.formalPartnership + councilLeadsByKind.collaboration,
    councilLeadsByKind,
    statutoryGoodPracticeOrFunded: byBasis.statutory + byBasis.goodPractice + byBasis.welshGovernmentFunding,
    byBasis,
    byModel,
    byStatus,
    byFootprint,
    inScope,
    outOfScope: arrangements - inScope,
  });
}
