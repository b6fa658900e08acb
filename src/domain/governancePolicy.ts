/**
 * The governance policy: the council's own numbers for how significant a collaboration is
 * (the significance weights, bands and tier thresholds) and how soon a collaboration is
 * reviewed again after a panel gives it an assurance level. The governance team edits it
 * in the tab; each change is a new version (as templates are), the newest published one
 * is in force, and publishing one works every record's tier out again, with history.
 */
import { z } from 'zod';
import { addMonths, isIsoDate, minDate, type IsoDate } from './dates';
import { isoDateSchema, personSchema } from './fields';
import { err, fail, ok, type DomainError, type Result } from './result';
import {
  DEFAULT_SIGNIFICANCE_WEIGHTS,
  significanceOf,
  type SignificanceInput,
  type SignificanceWeights,
} from './significance';
import {
  ASSURANCE_LEVELS,
  BASES,
  FOOTPRINTS,
  RISK_LEVELS,
  type AssuranceLevel,
  type SignificanceTier,
} from './vocabulary';

/** Months until the next review after a panel gives each level; null: the record's own frequency decides. */
export type AssuranceCadence = Readonly<Record<AssuranceLevel, number | null>>;

/** Below substantial, sooner: reasonable within a year, limited within six months, no assurance within three. */
export const DEFAULT_ASSURANCE_CADENCE: AssuranceCadence = { substantial: null, reasonable: 12, limited: 6, none: 3 };

/** A policy's change note's limit, in characters. */
export const POLICY_NOTE_MAX_LENGTH = 2_000;

export interface GovernancePolicy {
  readonly version: number;
  readonly significance: SignificanceWeights;
  readonly assuranceCadence: AssuranceCadence;
  readonly publishedOn?: IsoDate;
  readonly publishedBy?: { readonly id: number; readonly displayName: string };
  /** What changed and why. */
  readonly note?: string;
}

/** Version 0: the shipped numbers, in force until the governance team publishes its own. */
export const DEFAULT_GOVERNANCE_POLICY: GovernancePolicy = {
  version: 0,
  significance: DEFAULT_SIGNIFICANCE_WEIGHTS,
  assuranceCadence: DEFAULT_ASSURANCE_CADENCE,
};

/** The ranges the policy's numbers must fall in (the editor says them in its messages). */
export const POLICY_RANGES = {
  points: { min: 0, max: 100 },
  from: { min: 0, max: 1e12 },
  months: { min: 1, max: 60 },
  bands: { min: 0, max: 10 },
} as const;
type RangeName = keyof typeof POLICY_RANGES;

const points = z.number().int().min(POLICY_RANGES.points.min).max(POLICY_RANGES.points.max);
const band = z.object({ from: z.number().min(POLICY_RANGES.from.min).max(POLICY_RANGES.from.max), points });
const record = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, points])) as Record<K, typeof points>);

export const significanceWeightsSchema = z.object({
  annualCost: z.array(band).max(POLICY_RANGES.bands.max),
  basis: record(BASES),
  footprint: record(FOOTPRINTS),
  partners: z.array(band).max(POLICY_RANGES.bands.max),
  serviceRisk: record(RISK_LEVELS),
  tiers: z.object({ medium: points, high: points }),
});

const months = z.number().int().min(POLICY_RANGES.months.min).max(POLICY_RANGES.months.max).nullable();
export const governancePolicySchema = z.object({
  version: z.number().int().min(0),
  significance: significanceWeightsSchema,
  assuranceCadence: z.object(
    Object.fromEntries(ASSURANCE_LEVELS.map((l) => [l, months])) as Record<AssuranceLevel, typeof months>,
  ),
  publishedOn: isoDateSchema.optional(),
  publishedBy: personSchema.pick({ id: true, displayName: true }).optional(),
  note: z.string().max(POLICY_NOTE_MAX_LENGTH).optional(),
});

const rangeOf = (origin: string, path: readonly PropertyKey[]): RangeName =>
  origin === 'array' ? 'bands' : path[0] === 'assuranceCadence' ? 'months' : path.at(-1) === 'from' ? 'from' : 'points';

/**
 * One schema problem as the register's error: a note too long (`tooLong`, with its maximum),
 * a number or a count of bands outside its range (`outOfRange`, with both ends), anything
 * else not a number.
 */
function policyIssue(i: z.core.$ZodIssue): DomainError {
  const field = i.path.map(String).join('.') || 'policy';
  if ((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'string') {
    return err(field, 'tooLong', { max: POLICY_NOTE_MAX_LENGTH });
  }
  if ((i.code === 'too_big' || i.code === 'too_small') && (i.origin === 'number' || i.origin === 'array')) {
    const { min, max } = POLICY_RANGES[rangeOf(i.origin, i.path)];
    return err(field, 'outOfRange', { min, max });
  }
  return err(field, 'invalidNumber');
}

/**
 * Checks a policy as the governance team wrote it, every problem at once: numbers in
 * range, the high tier above the medium, bands in rising order without repeats, and a
 * lower level never reviewed later than a higher one.
 */
export function validatePolicy(input: unknown): Result<GovernancePolicy> {
  const parsed = governancePolicySchema.safeParse(input);
  if (!parsed.success) {
    return fail(parsed.error.issues.map(policyIssue));
  }
  const p = parsed.data as GovernancePolicy;
  const errors: DomainError[] = [];
  if (p.significance.tiers.high <= p.significance.tiers.medium)
    errors.push(err('significance.tiers.high', 'tierOrder'));
  for (const bands of ['annualCost', 'partners'] as const) {
    const froms = p.significance[bands].map((b) => b.from);
    if (new Set(froms).size !== froms.length) errors.push(err(`significance.${bands}`, 'bandRepeated'));
  }
  // Less assurance, a review at least as soon: no assurance never waits longer than limited.
  let previous: number | null = null;
  for (const level of ASSURANCE_LEVELS) {
    const m = p.assuranceCadence[level];
    if (m !== null && previous !== null && m > previous) errors.push(err(`assuranceCadence.${level}`, 'cadenceOrder'));
    if (m !== null) previous = m;
  }
  return errors.length > 0 ? fail(errors) : ok(p);
}

/** The policy in force: the highest version (the shipped one when none is published). */
export function policyInForce(published: readonly GovernancePolicy[]): GovernancePolicy {
  let best = DEFAULT_GOVERNANCE_POLICY;
  for (const p of published) if (p.version > best.version) best = p;
  return best;
}

/**
 * The next review once a panel has given an assurance level on `heldOn`: the earlier of
 * the date the frequency (or the panel) set and the level's months by the policy. A level
 * the policy leaves to the frequency changes nothing.
 */
export function nextReviewAfterAssurance(
  due: IsoDate | undefined,
  level: AssuranceLevel | undefined,
  heldOn: IsoDate,
  cadence: AssuranceCadence = DEFAULT_ASSURANCE_CADENCE,
): IsoDate | undefined {
  if (level === undefined || !isIsoDate(heldOn)) return due;
  const months = cadence[level];
  if (months === null) return due;
  const byLevel = addMonths(heldOn, months);
  return due === undefined ? byLevel : minDate(due, byLevel);
}

/** A record whose tier a policy changes: its id, the tier it had and the tier the policy gives. */
export interface TierChange {
  readonly id: number;
  readonly from?: SignificanceTier;
  readonly to: SignificanceTier;
}

/**
 * The records whose significance tier differs under a policy's weights: what publishing
 * the policy changes (a record without the factors to score keeps what it has).
 */
export function tierChanges(
  records: readonly (SignificanceInput & { readonly id: number; readonly significance?: SignificanceTier })[],
  weights: SignificanceWeights,
): TierChange[] {
  const out: TierChange[] = [];
  for (const r of records) {
    if (!r.basis || !r.footprint || !r.serviceRisk || !Array.isArray(r.partnerIds)) continue;
    const to = significanceOf(r, weights).tier;
    if (to !== r.significance) out.push({ id: r.id, ...(r.significance ? { from: r.significance } : {}), to });
  }
  return out;
}
