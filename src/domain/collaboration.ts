import type { z } from 'zod';
import { collaborationSchema, fieldSpec, fieldsOfKind, type Collaboration } from './fields';
import { err, fail, ok, type DomainError, type Result } from './result';
import { isReference } from './reference';

export { collaborationSchema, LIMITS, personSchema, type Collaboration, type Person } from './fields';

/** Text fields, with the longest value each takes (the catalogue's limits). */
const TEXT_FIELDS = fieldsOfKind('text', 'note');

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

  for (const field of TEXT_FIELDS) {
    const { required, maxLength } = fieldSpec(field);
    const v = c[field] as string | undefined;
    if (required && (v ?? '').trim() === '') errors.push(err(field, 'required'));
    else if (v !== undefined && maxLength !== undefined && v.length > maxLength)
      errors.push(err(field, 'tooLong', { max: maxLength }));
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
