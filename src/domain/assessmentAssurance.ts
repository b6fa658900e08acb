/**
 * The governance-arrangements check gives an assurance level (issue 18): once the check is
 * submitted, the governance team reads it and gives the collaboration a level with a reason,
 * as a panel review does. The score suggests a level; the person decides. The level goes on
 * the assessment (what this check concluded, kept with it) and on the record (its level now,
 * and the next review the policy's cadence sets for it). Pure: values in, values out.
 */
import type { Collaboration } from './collaboration';
import { isIsoDate, type IsoDate } from './dates';
import type { Assessment, Thresholds } from './entities';
import type { Person } from './fields';
import { DEFAULT_THRESHOLDS } from './assessment';
import { DEFAULT_ASSURANCE_CADENCE, nextReviewAfterAssurance, type AssuranceCadence } from './governancePolicy';
import { HISTORY_REASON_MAX_LENGTH } from './history';
import { err, fail, ok, type DomainError, type Result } from './result';
import { ASSURANCE_LEVELS, type AssuranceLevel } from './vocabulary';

/** The templates whose submitted assessments give an assurance level: the check of governance arrangements. */
export const ASSURANCE_TEMPLATE_KEYS: readonly string[] = ['governance-arrangements'];

/** Whether an assessment of this template gives the collaboration an assurance level. */
export function givesAssurance(templateKey: string): boolean {
  return ASSURANCE_TEMPLATE_KEYS.includes(templateKey);
}

/** A reason's limit: it is kept on the assessment, on the record and in the history, so the history's limit. */
export const ASSESSMENT_ASSURANCE_REASON_MAX_LENGTH = HISTORY_REASON_MAX_LENGTH;

/**
 * The level a score suggests, from the template's RAG thresholds: at or above halfway from
 * green to full marks substantial, at or above green reasonable, at or above amber limited,
 * below amber no assurance. Undefined without a score (nothing answered that scores).
 */
export function suggestedAssurance(
  score: number | undefined,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): AssuranceLevel | undefined {
  if (score === undefined || !Number.isFinite(score)) return undefined;
  if (score >= thresholds.green + (100 - thresholds.green) / 2) return 'substantial';
  if (score >= thresholds.green) return 'reasonable';
  if (score >= thresholds.amber) return 'limited';
  return 'none';
}

/** What the person gives: the level, why, and the day (today). */
export interface AssuranceGiven {
  readonly level: AssuranceLevel | undefined;
  readonly reason: string;
  readonly on: IsoDate;
  readonly by?: Person;
}

type Assessed = Pick<
  Assessment,
  'templateKey' | 'status' | 'assuranceLevel' | 'assuranceReason' | 'assuranceGivenOn' | 'assuranceGivenBy'
>;

/**
 * The assessment with the level given, or why not: the check must be one that gives assurance
 * and be submitted; the level one of the four; the reason written and within its limit. Once
 * given it stays: giving the same again (a retry) is the assessment as it is, a different
 * level or reason is `alreadyGiven`.
 */
export function giveAssurance<A extends Assessed>(assessment: A, given: AssuranceGiven): Result<A, DomainError[]> {
  const errors: DomainError[] = [];
  if (!givesAssurance(assessment.templateKey)) errors.push(err('templateKey', 'notAssuranceCheck'));
  if (assessment.status !== 'submitted') errors.push(err('status', 'notSubmitted'));
  if (given.level === undefined || !ASSURANCE_LEVELS.includes(given.level))
    errors.push(err('assuranceLevel', 'invalidChoice'));
  const reason = given.reason.trim();
  if (reason === '') errors.push(err('assuranceReason', 'required'));
  else if (reason.length > ASSESSMENT_ASSURANCE_REASON_MAX_LENGTH)
    errors.push(err('assuranceReason', 'tooLong', { max: ASSESSMENT_ASSURANCE_REASON_MAX_LENGTH }));
  if (!isIsoDate(given.on)) errors.push(err('assuranceGivenOn', 'invalidDate'));
  if (errors.length > 0) return fail(errors);
  if (assessment.assuranceLevel !== undefined) {
    return assessment.assuranceLevel === given.level && assessment.assuranceReason === reason
      ? ok(assessment)
      : fail([err('assuranceLevel', 'assuranceAlreadyGiven')]);
  }
  return ok({
    ...assessment,
    assuranceLevel: given.level as AssuranceLevel,
    assuranceReason: reason,
    assuranceGivenOn: given.on,
    ...(given.by ? { assuranceGivenBy: given.by } : {}),
  });
}

type Assured = Pick<Collaboration, 'assuranceLevel' | 'assuranceReason' | 'assuranceDate' | 'nextReviewDue'> & {
  readonly status?: Collaboration['status'];
};

/** Whether the record holds a level given after `on` (a panel review since the check): the later word stands. */
export function laterLevelStands(record: Pick<Collaboration, 'assuranceDate'>, on: IsoDate): boolean {
  return record.assuranceDate !== undefined && record.assuranceDate > on;
}

/**
 * The record with the level a check gave: its level, reason and date, and the next review
 * brought forward as the policy's cadence says for that level. A record given a level later
 * than this (a panel review since) keeps its own: the later word stands. A record that already
 * has it is returned as it is (the same object), so a retry writes nothing.
 */
export function assureRecord<R extends Assured>(
  record: R,
  given: Required<Pick<Assessment, 'assuranceLevel' | 'assuranceReason' | 'assuranceGivenOn'>>,
  cadence: AssuranceCadence = DEFAULT_ASSURANCE_CADENCE,
): R {
  if (laterLevelStands(record, given.assuranceGivenOn)) return record;
  // A closed record takes the level but no review brought forward (as a review's outcome schedules none for it).
  const next =
    record.status === 'closed'
      ? record.nextReviewDue
      : nextReviewAfterAssurance(record.nextReviewDue, given.assuranceLevel, given.assuranceGivenOn, cadence);
  // Already so (a retry): the record as it is, so nothing is written twice.
  if (
    record.assuranceLevel === given.assuranceLevel &&
    record.assuranceReason === given.assuranceReason &&
    record.assuranceDate === given.assuranceGivenOn &&
    record.nextReviewDue === next
  )
    return record;
  return {
    ...record,
    assuranceLevel: given.assuranceLevel,
    assuranceReason: given.assuranceReason,
    assuranceDate: given.assuranceGivenOn,
    ...(next !== undefined ? { nextReviewDue: next } : {}),
  };
}
