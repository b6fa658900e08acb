import type { Collaboration, Person } from './collaboration';
import { isIsoDate, type IsoDate } from './dates';
import { actionStatus, validateNewAction } from './actions';
import type { Action, Assessment, Review } from './entities';
import { err, fail, ok, type DomainError, type Result } from './result';
import {
  applyOutcome,
  DEFAULT_REVIEW_CADENCE,
  nextReviewDue,
  outcomeNeedsActions,
  reviewState,
  type ReviewCadence,
  type ReviewStateOf,
} from './reviewCycle';
import type { AssuranceLevel, Outcome, Rag, ReviewKind } from './vocabulary';
import type { AssuranceCadence } from './governancePolicy';

/**
 * A review's life (seed 002): scheduled for the date the review cycle gives,
 * discussed by the panel, then frozen when the outcome is recorded. Recording
 * drives the record (applyOutcome), keeps a snapshot of what the panel saw,
 * plans the actions the outcome asks for and schedules the next review.
 */

/** A review whose outcome is recorded is frozen: it is history, not a form. */
export function isFrozen(review: Pick<Review, 'outcome'>): boolean {
  return review.outcome !== undefined;
}

export type ReviewProgress = { readonly state: 'held'; readonly outcome: Outcome } | ReviewStateOf;

/** Where a review stands on `today`: held (with its outcome), or against its due date. */
export function reviewProgress(review: Pick<Review, 'outcome' | 'dueDate'>, today: IsoDate): ReviewProgress {
  if (review.outcome !== undefined) return { state: 'held', outcome: review.outcome };
  return reviewState(review.dueDate, today);
}

export interface ScheduleInput {
  /** The client-made unique key (`REV-...`): a retried create is recognised. */
  readonly key: string;
  readonly kind: ReviewKind;
  readonly title: string;
  readonly today: IsoDate;
  /** The date the person chose; otherwise the record's next review, then the review cycle, then today. */
  readonly dueDate?: IsoDate;
  readonly cadence?: ReviewCadence;
}

/** A new review of a collaboration, due when the review cycle says, for the record's panel. */
export function scheduleReview(
  collaboration: Collaboration & { readonly id: number },
  input: ScheduleInput,
): Result<Review> {
  const errors: DomainError[] = [];
  if (input.dueDate !== undefined && !isIsoDate(input.dueDate)) errors.push(err('dueDate', 'invalidDate'));
  if (input.title.trim() === '') errors.push(err('title', 'required'));
  if (collaboration.status === 'closed') {
    errors.push(err('status', 'transitionNotAllowed', { from: 'closed', to: 'underReview' }));
  }
  if (errors.length > 0) return fail(errors);
  const due =
    input.dueDate ??
    collaboration.nextReviewDue ??
    nextReviewDue(
      collaboration.reviewFrequency,
      { lastReviewDate: collaboration.lastReviewDate, startDate: collaboration.startDate },
      input.cadence ?? DEFAULT_REVIEW_CADENCE,
    ) ??
    input.today;
  return ok({
    key: input.key,
    collaborationId: collaboration.id,
    title: input.title.trim(),
    kind: input.kind,
    dueDate: due,
    ...(collaboration.panel ? { panel: collaboration.panel } : {}),
    attendees: [],
  });
}

/** What the panel saw of an assessment: enough to tell it apart and to read its result. */
export interface AssessmentSummary {
  readonly id?: number;
  readonly key: string;
  readonly templateKey: string;
  readonly templateVersion: number;
  readonly score?: number;
  readonly overallRag?: Rag;
  readonly submittedOn?: string;
  readonly submittedBy?: Person;
}

export function summariseAssessment(a: Assessment): AssessmentSummary {
  return {
    ...(a.id !== undefined ? { id: a.id } : {}),
    key: a.key,
    templateKey: a.templateKey,
    templateVersion: a.templateVersion,
    ...(a.score !== undefined ? { score: a.score } : {}),
    ...(a.overallRag !== undefined ? { overallRag: a.overallRag } : {}),
    ...(a.submittedOn !== undefined ? { submittedOn: a.submittedOn } : {}),
    ...(a.submittedBy !== undefined ? { submittedBy: a.submittedBy } : {}),
  };
}

export const SNAPSHOT_VERSION = 1;

/** The frozen picture kept on the review (SnapshotJson): the record as the panel saw it, and the assessment. */
export interface ReviewSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  /** The day the panel met. */
  readonly heldOn: IsoDate;
  readonly record: Collaboration;
  readonly assessment?: AssessmentSummary;
}

export function snapshotJson(snapshot: ReviewSnapshot): string {
  return JSON.stringify(snapshot);
}

/** Reads a stored snapshot; undefined when there is none or it is not one of ours. */
export function parseSnapshot(json: string | undefined): ReviewSnapshot | undefined {
  if (json === undefined || json.trim() === '') return undefined;
  try {
    const value = JSON.parse(json) as Partial<ReviewSnapshot> | null;
    if (value === null || typeof value !== 'object' || value.version !== SNAPSHOT_VERSION) return undefined;
    if (typeof value.heldOn !== 'string' || value.record === undefined || typeof value.record !== 'object') {
      return undefined;
    }
    return value as ReviewSnapshot;
  } catch {
    return undefined;
  }
}

/** An action the panel adds while recording the outcome (key, scope and links are filled in here). */
export interface NewActionInput {
  readonly key: string;
  readonly title: string;
  readonly owner?: Person;
  readonly startDate?: IsoDate;
  readonly dueDate?: IsoDate;
}

export interface RecordOutcomeInput {
  readonly review: Review;
  /** The record as it is now (before the outcome). */
  readonly collaboration: Collaboration & { readonly id: number };
  readonly outcome: Outcome | undefined;
  readonly heldOn: IsoDate;
  /** Today: a review cannot have been held after it. */
  readonly today?: IsoDate;
  readonly decisionNote: string;
  /** For withdraw: the exit plan (or the one already on the record). */
  readonly exitNote?: string;
  /** The panel's own date for the next review. */
  readonly nextReviewDue?: IsoDate;
  readonly attendees?: readonly Person[];
  /** The assessment the panel considered, when there was one. */
  readonly assessment?: Assessment;
  /** Actions added in the same step. */
  readonly newActions?: readonly NewActionInput[];
  /** How many of the collaboration's actions are still open (they count for "continue with actions" and "reform"). */
  readonly openActions?: number;
  /** The key for the next review (scheduled when the record has a next review date). */
  readonly nextReviewKey: string;
  readonly nextReviewTitle: string;
  readonly cadence?: ReviewCadence;
  /** The assurance level the panel gives, and why (a reason is required with a level). */
  readonly assurance?: { readonly level: AssuranceLevel; readonly reason: string };
  /** The governance policy's months to the next review after each level. */
  readonly assuranceCadence?: AssuranceCadence;
}

export interface OutcomeRecorded {
  /** The review, frozen: outcome, note, held on, attendees, snapshot. */
  readonly review: Review;
  /** The record after the outcome. */
  readonly collaboration: Collaboration;
  /** The new actions, validated, belonging to the review (and its collaboration). */
  readonly actions: readonly Action[];
  /** The next review, due on the record's new next review date (none after withdraw). */
  readonly nextReview?: Review;
}

/**
 * Records a panel's outcome, or returns every reason it cannot, changing nothing:
 * - the review is not already frozen (`reviewFrozen`);
 * - an outcome is chosen (`required`) and a decision note written (`decisionNoteRequired`);
 * - withdraw has an exit plan, written now or already on the record (`transitionNeedsExitNote`);
 * - continue with actions and reform have at least one action, new or still open (`actionsRequired`);
 * - each new action is valid, has an owner, and is not due before it starts (errors are
 *   named `actions.<index>.<field>`);
 * - the record can move as the outcome says (applyOutcome, the life cycle).
 */
export function recordOutcome(input: RecordOutcomeInput): Result<OutcomeRecorded> {
  const errors: DomainError[] = [];
  const { review, collaboration } = input;
  if (isFrozen(review)) return fail([err('outcome', 'reviewFrozen')]);
  if (input.outcome === undefined) errors.push(err('outcome', 'required'));
  const decisionNote = input.decisionNote.trim();
  if (decisionNote === '') errors.push(err('decisionNote', 'decisionNoteRequired'));
  if (input.today !== undefined && isIsoDate(input.heldOn) && input.heldOn > input.today)
    errors.push(err('heldOn', 'heldOnAfterToday'));
  const exitNote = (input.exitNote ?? '').trim();
  if (input.outcome === 'withdraw' && exitNote === '' && (collaboration.exitNote ?? '').trim() === '') {
    errors.push(err('exitNote', 'transitionNeedsExitNote'));
  }

  const actions: Action[] = [];
  (input.newActions ?? []).forEach((a, i) => {
    const candidate: Action = {
      key: a.key,
      title: a.title,
      scope: 'review',
      collaborationId: collaboration.id,
      ...(review.id !== undefined ? { reviewId: review.id } : {}),
      ...(a.owner ? { owner: a.owner } : {}),
      ...(a.startDate ? { startDate: a.startDate } : {}),
      ...(a.dueDate ? { dueDate: a.dueDate } : {}),
      progress: 0,
    };
    const checked = validateNewAction(candidate);
    if (checked.ok) actions.push(checked.value);
    else errors.push(...checked.error.map((e) => ({ ...e, field: `actions.${i}.${e.field}` })));
  });
  const needsActions = outcomeNeedsActions(input.outcome);
  if (needsActions && (input.newActions ?? []).length === 0 && (input.openActions ?? 0) === 0) {
    errors.push(err('actions', 'actionsRequired'));
  }
  if (input.outcome === undefined) return fail(errors);

  const applied = applyOutcome(
    collaboration,
    {
      outcome: input.outcome,
      heldOn: input.heldOn,
      decisionNote,
      ...(input.nextReviewDue !== undefined ? { nextReviewDue: input.nextReviewDue } : {}),
      ...(exitNote !== '' ? { exitNote } : {}),
      ...(input.assurance ? { assurance: input.assurance } : {}),
    },
    input.cadence,
    input.assuranceCadence,
  );
  if (!applied.ok) {
    for (const e of applied.error) if (!errors.some((x) => x.field === e.field && x.code === e.code)) errors.push(e);
  }
  if (errors.length > 0 || !applied.ok) return fail(errors);

  const seen: Record<string, unknown> = { ...collaboration };
  for (const technical of ['etag', 'modified']) delete seen[technical];
  const snapshot: ReviewSnapshot = {
    version: SNAPSHOT_VERSION,
    heldOn: input.heldOn,
    record: seen as Collaboration,
    ...(input.assessment ? { assessment: summariseAssessment(input.assessment) } : {}),
  };
  const frozen: Review = {
    ...review,
    outcome: input.outcome,
    heldOn: input.heldOn,
    decisionNote,
    attendees: [...(input.attendees ?? review.attendees)],
    ...(input.assessment?.id !== undefined ? { assessmentId: input.assessment.id } : {}),
    snapshot: snapshotJson(snapshot),
    ...(input.assurance
      ? { assuranceLevel: input.assurance.level, assuranceReason: input.assurance.reason.trim() }
      : {}),
  };
  const next = applied.value.record;
  const nextReview: Review | undefined =
    next.nextReviewDue !== undefined
      ? {
          key: input.nextReviewKey,
          collaborationId: collaboration.id,
          title: input.nextReviewTitle,
          kind: review.kind,
          dueDate: next.nextReviewDue,
          ...(review.panel ? { panel: review.panel } : {}),
          attendees: [],
        }
      : undefined;
  return ok({ review: frozen, collaboration: next, actions, ...(nextReview ? { nextReview } : {}) });
}

/** Open actions: not complete on `today`. */
export function openActions<A extends Action>(actions: readonly A[], today: IsoDate): A[] {
  return actions.filter((a) => actionStatus(a, today) !== 'complete');
}
