/**
 * The policy editor's form: the numbers as the person types them (text), turned into a draft
 * for the use case's checks, and the checks' coded errors turned into the person's language.
 * No rule lives here: whether a number is allowed is validatePolicy's (through
 * `policyDraftProblems`).
 */
import type { TFunction } from 'i18next';
import type { PolicyDraft } from '../../../app/publishGovernancePolicy';
import {
  ASSURANCE_LEVELS,
  BASES,
  FOOTPRINTS,
  POLICY_NOTE_MAX_LENGTH,
  POLICY_RANGES,
  RISK_LEVELS,
  type AssuranceLevel,
  type Basis,
  type DomainError,
  type Footprint,
  type GovernancePolicy,
  type RiskLevel,
} from '../../../domain';
import { parseMoney } from '../../components/formState';

export interface BandText {
  readonly from: string;
  readonly points: string;
}

export interface PolicyText {
  readonly tiers: { readonly medium: string; readonly high: string };
  readonly annualCost: readonly BandText[];
  readonly partners: readonly BandText[];
  readonly basis: Readonly<Record<Basis, string>>;
  readonly footprint: Readonly<Record<Footprint, string>>;
  readonly serviceRisk: Readonly<Record<RiskLevel, string>>;
  /** Months per level; blank: the record's own review frequency. */
  readonly cadence: Readonly<Record<AssuranceLevel, string>>;
  readonly note: string;
}

export type BandSet = 'annualCost' | 'partners';
export type PointSet = 'basis' | 'footprint' | 'serviceRisk';

/** The most bands a set may have (the policy's schema). */
export const MAX_BANDS = POLICY_RANGES.bands.max;

/** The codes of each set of points, in the order the form shows them. */
export const POINT_CODES: Readonly<Record<PointSet, readonly string[]>> = {
  basis: BASES,
  footprint: FOOTPRINTS,
  serviceRisk: RISK_LEVELS,
};

/** The catalogue set (`vocab.<set>.<code>`) that names each set's codes. */
export const POINT_VOCAB: Readonly<Record<PointSet, string>> = {
  basis: 'basis',
  footprint: 'footprint',
  serviceRisk: 'risk',
};

const text = (n: number) => String(n);
const record = <K extends string>(keys: readonly K[], values: Readonly<Record<K, number>>) =>
  Object.fromEntries(keys.map((k) => [k, text(values[k])])) as Record<K, string>;

/** The form as it starts: the policy in force, and no note. */
export function textOf(policy: GovernancePolicy): PolicyText {
  const s = policy.significance;
  return {
    tiers: { medium: text(s.tiers.medium), high: text(s.tiers.high) },
    annualCost: s.annualCost.map((b) => ({ from: text(b.from), points: text(b.points) })),
    partners: s.partners.map((b) => ({ from: text(b.from), points: text(b.points) })),
    basis: record(BASES, s.basis),
    footprint: record(FOOTPRINTS, s.footprint),
    serviceRisk: record(RISK_LEVELS, s.serviceRisk),
    cadence: Object.fromEntries(
      ASSURANCE_LEVELS.map((l) => [l, policy.assuranceCadence[l] === null ? '' : text(policy.assuranceCadence[l])]),
    ) as Record<AssuranceLevel, string>,
    note: '',
  };
}

/** A whole number as typed (spaces and thousands commas allowed); NaN when it is not a number, or blank. */
function number(value: string): number {
  const v = value.replace(/[\s,]/g, '');
  return v === '' ? Number.NaN : Number(v);
}

const numbers = <K extends string>(keys: readonly K[], values: Readonly<Record<K, string>>) =>
  Object.fromEntries(keys.map((k) => [k, number(values[k])])) as Record<K, number>;

/** The draft the checks read: numbers (NaN where the text is not one), a blank month is "the record's own frequency". */
export function draftOf(form: PolicyText): PolicyDraft {
  return {
    significance: {
      tiers: { medium: number(form.tiers.medium), high: number(form.tiers.high) },
      annualCost: form.annualCost.map((b) => ({ from: parseMoney(b.from) ?? Number.NaN, points: number(b.points) })),
      partners: form.partners.map((b) => ({ from: number(b.from), points: number(b.points) })),
      basis: numbers(BASES, form.basis),
      footprint: numbers(FOOTPRINTS, form.footprint),
      serviceRisk: numbers(RISK_LEVELS, form.serviceRisk),
    },
    assuranceCadence: Object.fromEntries(
      ASSURANCE_LEVELS.map((l) => [l, form.cadence[l].trim() === '' ? null : number(form.cadence[l])]),
    ) as Record<AssuranceLevel, number | null>,
  };
}

/** The control's name (and its errors' field) of each input: the policy's own path. */
export const fieldName = {
  tier: (tier: 'medium' | 'high') => `significance.tiers.${tier}`,
  band: (set: BandSet, i: number, part: 'from' | 'points') => `significance.${set}.${i}.${part}`,
  bands: (set: BandSet) => `significance.${set}`,
  points: (set: PointSet, code: string) => `significance.${set}.${code}`,
  cadence: (level: AssuranceLevel) => `assuranceCadence.${level}`,
  note: 'note',
} as const;

/** A check's error in the person's language, said for the kind of number the field holds. */
export function policyErrorMessage(t: TFunction, error: DomainError): string {
  const { field, code } = error;
  if (code === 'tierOrder' || code === 'bandRepeated' || code === 'cadenceOrder') return t(`errors.${code}`);
  if (field === 'note')
    return code === 'required'
      ? t('policyEditor.errors.noteRequired')
      : t('errors.tooLong', { max: POLICY_NOTE_MAX_LENGTH });
  if (field.startsWith('assuranceCadence.')) return t('policyEditor.errors.months', POLICY_RANGES.months);
  if (/^significance\.(annualCost|partners)$/.test(field))
    return t('policyEditor.errors.tooManyBands', { max: MAX_BANDS });
  if (/^significance\.annualCost\.\d+\.from$/.test(field)) return t('policyEditor.errors.amount');
  if (/^significance\.partners\.\d+\.from$/.test(field)) return t('policyEditor.errors.partnerCount');
  return t('policyEditor.errors.points', POLICY_RANGES.points);
}

/** The first message for each field, by its exact path. */
export function policyMessages(t: TFunction, errors: readonly DomainError[]): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= policyErrorMessage(t, e);
  return out;
}
