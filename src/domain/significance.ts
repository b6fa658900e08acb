import type { Collaboration } from './collaboration';
import type { Basis, Footprint, RiskLevel, SignificanceTier } from './vocabulary';

/**
 * How significant a collaboration is to the council: low, medium or high. It
 * decides how closely the governance team watches it. Each factor earns
 * points; the total is compared with the tier thresholds. Every number here is
 * data (`DEFAULT_SIGNIFICANCE_WEIGHTS`) that a council can override, and the
 * result lists each factor's points so the tab can explain the tier.
 */

export const SIGNIFICANCE_FACTORS = ['annualCost', 'basis', 'footprint', 'partners', 'serviceRisk'] as const;
export type SignificanceFactor = (typeof SIGNIFICANCE_FACTORS)[number];

/** A band: a value at or above `from` earns `points` (the highest band reached counts). */
export interface Band {
  readonly from: number;
  readonly points: number;
}

export interface SignificanceWeights {
  /** Bands on the annual cost of the whole arrangement, pounds. No cost recorded earns nothing. */
  readonly annualCost: readonly Band[];
  readonly basis: Readonly<Record<Basis, number>>;
  readonly footprint: Readonly<Record<Footprint, number>>;
  /** Bands on the number of partner organisations. */
  readonly partners: readonly Band[];
  readonly serviceRisk: Readonly<Record<RiskLevel, number>>;
  /** A score at or above `high` is high; at or above `medium`, medium; else low. */
  readonly tiers: { readonly medium: number; readonly high: number };
}

export const DEFAULT_SIGNIFICANCE_WEIGHTS: SignificanceWeights = {
  annualCost: [
    { from: 100_000, points: 1 },
    { from: 500_000, points: 2 },
    { from: 1_000_000, points: 3 },
  ],
  basis: { statutory: 2, welshGovernmentFunding: 1, goodPractice: 0, localDecision: 0 },
  footprint: { local: 0, gwent: 1, southEastWales: 1, regional: 1, southWales: 2, allWales: 2, national: 2 },
  partners: [
    { from: 3, points: 1 },
    { from: 6, points: 2 },
  ],
  serviceRisk: { low: 0, medium: 2, high: 4 },
  tiers: { medium: 4, high: 8 },
};

export interface FactorPoints {
  readonly factor: SignificanceFactor;
  readonly points: number;
  /** What the points were given for (the cost, the basis code, the count...), absent when not recorded. */
  readonly value?: string | number;
}

export interface Significance {
  readonly tier: SignificanceTier;
  readonly score: number;
  readonly factors: readonly FactorPoints[];
}

export type SignificanceInput = Pick<
  Collaboration,
  'annualCost' | 'basis' | 'footprint' | 'partnerIds' | 'serviceRisk'
>;

/** Points of the highest band that `value` reaches; 0 below every band. */
export function bandPoints(bands: readonly Band[], value: number): number {
  let points = 0;
  let reached = -Infinity;
  for (const band of bands) {
    if (value >= band.from && band.from >= reached) {
      reached = band.from;
      points = band.points;
    }
  }
  return points;
}

export function tierOf(
  score: number,
  tiers: SignificanceWeights['tiers'] = DEFAULT_SIGNIFICANCE_WEIGHTS.tiers,
): SignificanceTier {
  return score >= tiers.high ? 'high' : score >= tiers.medium ? 'medium' : 'low';
}

export function significanceOf(
  collaboration: SignificanceInput,
  weights: SignificanceWeights = DEFAULT_SIGNIFICANCE_WEIGHTS,
): Significance {
  const cost = collaboration.annualCost;
  const hasCost = cost !== undefined && Number.isFinite(cost);
  const partners = collaboration.partnerIds.length;
  const factors: FactorPoints[] = [
    hasCost
      ? { factor: 'annualCost', points: bandPoints(weights.annualCost, cost), value: cost }
      : { factor: 'annualCost', points: 0 },
    { factor: 'basis', points: weights.basis[collaboration.basis], value: collaboration.basis },
    { factor: 'footprint', points: weights.footprint[collaboration.footprint], value: collaboration.footprint },
    { factor: 'partners', points: bandPoints(weights.partners, partners), value: partners },
    { factor: 'serviceRisk', points: weights.serviceRisk[collaboration.serviceRisk], value: collaboration.serviceRisk },
  ];
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  return { tier: tierOf(score, weights.tiers), score, factors };
}
