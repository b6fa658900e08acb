/**
 * The record form's state and how it becomes a record to save. The form edits
 * a copy; every rule (transitions, next review, significance, validation) is
 * the domain's, called here in the order a save needs them.
 */
import {
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  deriveFields,
  REVIEW_FREQUENCIES,
  RISK_LEVELS,
  STATUSES,
  transition,
  validateCollaboration,
  type Collaboration,
  type DomainError,
  type IsoDate,
  type SignificanceWeights,
  type Status,
  type Stored,
} from '../../domain';
import { parseAmount } from '../../domain/import';

export interface FormState {
  /** The record as edited (never the stored object itself). */
  readonly draft: Collaboration;
  /** Pounds as typed, so a wrong entry is kept and explained rather than lost. */
  readonly money: { readonly annualCost: string; readonly councilContribution: string };
  /** A status change the person asked for (applied through the life cycle on save). */
  readonly targetStatus?: Status;
}

/** The record without its storage id, ETag and modified time. */
export function unstoredRecord(stored: Stored<Collaboration> | Collaboration): Collaboration {
  const { id: _id, etag: _etag, modified: _modified, ...rest } = stored as Stored<Collaboration>;
  return rest;
}

const moneyText = (v: number | undefined) => (v === undefined ? '' : String(v));

export function formFrom(record: Stored<Collaboration> | Collaboration): FormState {
  return {
    draft: unstoredRecord(record),
    money: { annualCost: moneyText(record.annualCost), councilContribution: moneyText(record.councilContribution) },
  };
}

/**
 * '' is no amount; otherwise the amount typed, read as the import reads it (£1,234, 1.2m, £250k),
 * or NaN when it is not one (the domain reports it).
 */
export function parseMoney(text: string): number | undefined {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.value : Number.NaN;
}

export interface Candidate {
  readonly record?: Collaboration;
  readonly errors: readonly DomainError[];
}

export interface CandidateOptions {
  readonly today: IsoDate;
  /** The council's name, for "the council leads" (validateCollaboration's councilName). */
  readonly councilName: string;
  /** The version the person started from (to tell what they changed). */
  readonly base?: Collaboration;
  /** The significance policy in force (the shipped weights when absent). */
  readonly significance?: SignificanceWeights;
}

/**
 * The record to save, or every reason it cannot be saved: the status change
 * through `transition`, the derived fields through the domain's `deriveFields`
 * (the one prepare-for-save step), and the whole record through `validateCollaboration`.
 */
export function candidateOf(form: FormState, options: CandidateOptions): Candidate {
  let record: Collaboration = { ...form.draft };
  const annualCost = parseMoney(form.money.annualCost);
  const councilContribution = parseMoney(form.money.councilContribution);
  if (annualCost === undefined) delete record.annualCost;
  else record.annualCost = annualCost;
  if (councilContribution === undefined) delete record.councilContribution;
  else record.councilContribution = councilContribution;

  const errors: DomainError[] = [];
  // Text that is not an amount is reported as the domain reports a bad number, and left out of the
  // record checked below, so that every other problem is reported at the same time.
  for (const field of ['annualCost', 'councilContribution'] as const) {
    const v = record[field];
    if (v !== undefined && !Number.isFinite(v)) {
      errors.push({ field, code: 'invalidNumber' });
      delete record[field];
    }
  }
  const base = options.base;
  if (form.targetStatus !== undefined && form.targetStatus !== record.status) {
    const moved = transition(record, { to: form.targetStatus, on: options.today });
    if (moved.ok) record = moved.value;
    else errors.push(...moved.error);
  }

  record = deriveFields(record, {
    councilName: options.councilName,
    ...(base ? { base } : {}),
    ...(options.significance ? { significance: options.significance } : {}),
  });

  const valid = validateCollaboration(record, { councilName: options.councilName });
  if (!valid.ok) errors.push(...valid.error, ...restOfTheRecord(record, valid.error, options.councilName));
  if (errors.length > 0) return { errors };
  return valid.ok ? { record: valid.value, errors: [] } : { errors };
}

/** A choice that stands in for one not made yet, only to check the rest of the record. */
const STAND_INS: Readonly<Partial<Record<keyof Collaboration, unknown>>> = {
  kind: KINDS[0],
  model: MODELS[0],
  basis: BASES[0],
  footprint: FOOTPRINTS[0],
  status: STATUSES[0],
  reviewFrequency: REVIEW_FREQUENCIES[0],
  serviceRisk: RISK_LEVELS[0],
};

/**
 * validateCollaboration stops at the record's shape (a choice not made) before its checks of the
 * text and across fields. So that the person sees every problem at once, the rest of the record is
 * checked again with stand-ins for the choices it reported, keeping only the new messages.
 */
function restOfTheRecord(record: Collaboration, reported: readonly DomainError[], councilName: string): DomainError[] {
  const patched: Record<string, unknown> = { ...record };
  let patchedAny = false;
  for (const e of reported) {
    const stand = STAND_INS[e.field as keyof Collaboration];
    if (stand === undefined) return [];
    patched[e.field] = stand;
    patchedAny = true;
  }
  if (!patchedAny) return [];
  const again = validateCollaboration(patched, { councilName });
  if (again.ok) return [];
  const seen = new Set(reported.map((e) => e.field));
  return again.error.filter((e) => !seen.has(e.field));
}

/** Field by field: which fields differ between two versions of a record. */
export function changedFields(a: Collaboration, b: Collaboration): (keyof Collaboration)[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Collaboration)[]);
  return [...keys].filter((k) => k !== 'id' && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}
