import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import { err, fail, ok, type DomainError, type Result } from './result';
import { isReference } from './reference';
import {
  BASES,
  FOOTPRINTS,
  KINDS,
  MODELS,
  RAGS,
  REASONS,
  REVIEW_FREQUENCIES,
  RISK_LEVELS,
  SIGNIFICANCE_TIERS,
  STATUSES,
} from './vocabulary';

/** A person as the register knows them: a site user. */
export const personSchema = z.object({
  id: z.number().int().positive(),
  displayName: z.string(),
  email: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

const isoDate = z.custom<IsoDate>((v) => isIsoDate(v), { message: 'invalidDate' });

/** Limits that SharePoint's column types impose (single line of text: 255). */
export const LIMITS = { title: 255, shortText: 255, note: 10_000 } as const;

/**
 * The collaboration record: every field of DESIGN.md's vocabulary. This zod
 * schema is the single definition of the record's shape; `validateCollaboration`
 * adds the rules that span fields and reports every problem at once.
 */
export const collaborationSchema = z.object({
  /** SharePoint item id; absent until saved. */
  id: z.number().int().positive().optional(),
  reference: z.string(),
  title: z.string(),
  /** The Welsh name, where the arrangement has one. */
  titleCy: z.string().optional(),
  kind: z.enum(KINDS),
  model: z.enum(MODELS),
  purpose: z.string(),
  /** Expected outcomes for citizens and communities. */
  outcomes: z.string().optional(),
  reasons: z.array(z.enum(REASONS)),
  basis: z.enum(BASES),
  footprint: z.enum(FOOTPRINTS),
  leadOrganisation: z.string(),
  councilLeads: z.boolean(),
  partnerIds: z.array(z.number().int().positive()),
  serviceArea: z.string().optional(),
  directorate: z.string(),
  leadOfficer: personSchema.optional(),
  headOfService: personSchema.optional(),
  status: z.enum(STATUSES),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  reviewFrequency: z.enum(REVIEW_FREQUENCIES),
  lastReviewDate: isoDate.optional(),
  nextReviewDue: isoDate.optional(),
  /** Annual cost of the whole arrangement, pounds. */
  annualCost: z.number().optional(),
  /** The council's own contribution, pounds a year. */
  councilContribution: z.number().optional(),
  serviceRisk: z.enum(RISK_LEVELS),
  significance: z.enum(SIGNIFICANCE_TIERS).optional(),
  scrutiny: z.string().optional(),
  disputeResolution: z.string().optional(),
  exitStrategy: z.string().optional(),
  /** Why and how it closed or is being withdrawn from. */
  exitNote: z.string().optional(),
  /** The panel that reviews it, by name, as a channel mapping names it (Corporate Governance Review Panel). */
  panel: z.string().optional(),
  lastAssessmentRag: z.enum(RAGS).optional(),
  lastAssessmentScore: z.number().optional(),
  /** The stable key of the row an import created it from, so a rerun finds it (never shown). */
  importKey: z.string().optional(),
});
export type Collaboration = z.infer<typeof collaborationSchema>;

const REQUIRED_TEXT = ['reference', 'title', 'purpose', 'leadOrganisation', 'directorate'] as const;
const OPTIONAL_NOTES = ['outcomes', 'scrutiny', 'disputeResolution', 'exitStrategy', 'exitNote'] as const;
const SHORT_TEXT = ['titleCy', 'leadOrganisation', 'serviceArea', 'directorate', 'panel'] as const;

/** The value at a zod issue's path in the raw input (zod 4 does not report it by default). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Maps zod issues to the domain's codes. A field that is absent (or null) is
 * `required` whatever its type; a present value of the wrong kind is
 * `invalidNumber`, `invalidDate` or `invalidChoice`.
 */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown): DomainError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'record';
    const value = valueAt(input, issue.path);
    if (value === undefined || value === null) return err(field, 'required');
    if (issue.code === 'custom') return err(field, 'invalidDate');
    if (issue.code === 'invalid_type' && issue.expected === 'number') return err(field, 'invalidNumber');
    return err(field, 'invalidChoice');
  });
}

/**
 * Checks a record and returns every problem at once, or the parsed record.
 * Rules across fields: end after start; the council's contribution within the
 * annual cost; a council-led arrangement names the council as lead; a fixed
 * review date needs the date (unless withdrawing or closed); no partner listed
 * twice; a closed record has an end date.
 */
export function validateCollaboration(input: unknown, options: { councilName?: string } = {}): Result<Collaboration> {
  const parsed = collaborationSchema.safeParse(input);
  if (!parsed.success) return fail(zodIssuesToErrors(parsed.error.issues, input));
  const c = parsed.data;
  const errors: DomainError[] = [];

  for (const field of REQUIRED_TEXT) {
    if (c[field].trim() === '') errors.push(err(field, 'required'));
  }
  if (c.title.length > LIMITS.title) errors.push(err('title', 'tooLong', { max: LIMITS.title }));
  for (const field of SHORT_TEXT) {
    const v = c[field];
    if (v !== undefined && v.length > LIMITS.shortText) errors.push(err(field, 'tooLong', { max: LIMITS.shortText }));
  }
  for (const field of [...OPTIONAL_NOTES, 'purpose'] as const) {
    const v = c[field];
    if (v !== undefined && v.length > LIMITS.note) errors.push(err(field, 'tooLong', { max: LIMITS.note }));
  }
  if (c.reference.trim() !== '' && !isReference(c.reference)) errors.push(err('reference', 'invalidReference'));

  if (c.startDate && c.endDate && c.endDate < c.startDate) errors.push(err('endDate', 'endBeforeStart'));

  for (const field of ['annualCost', 'councilContribution'] as const) {
    const v = c[field];
    if (v !== undefined && !Number.isFinite(v)) errors.push(err(field, 'invalidNumber'));
    else if (v !== undefined && v < 0) errors.push(err(field, 'negative'));
  }
  if (c.annualCost !== undefined && c.councilContribution !== undefined && c.councilContribution > c.annualCost) {
    errors.push(err('councilContribution', 'contributionExceedsCost'));
  }
  if (
    c.councilLeads &&
    options.councilName &&
    c.leadOrganisation.trim() !== '' &&
    c.leadOrganisation.trim().toLocaleLowerCase('en-GB') !== options.councilName.toLocaleLowerCase('en-GB')
  ) {
    errors.push(err('leadOrganisation', 'councilLeadMismatch', { council: options.councilName }));
  }
  // A record being withdrawn from, or closed, has no next review (reviewCycle.applyOutcome removes it).
  if (c.reviewFrequency === 'fixedDate' && !c.nextReviewDue && c.status !== 'closed' && c.status !== 'withdrawing') {
    errors.push(err('nextReviewDue', 'reviewDateRequired'));
  }
  if (new Set(c.partnerIds).size !== c.partnerIds.length) errors.push(err('partnerIds', 'duplicatePartner'));
  if (c.status === 'closed' && !c.endDate) errors.push(err('endDate', 'required'));

  return errors.length > 0 ? fail(errors) : ok(c);
}
