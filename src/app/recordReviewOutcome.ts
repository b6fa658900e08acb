/**
 * Record a review's outcome (seed 002). The domain checks it (recordOutcome);
 * owners of new actions must be site users; then the writes, in an order a
 * retry can always complete:
 * 1. the review is frozen with the ETag it was read with, so a second person's
 *    outcome is a `conflict`, never an overwrite;
 * 2. the record moves (status, last review, next review due) on the version
 *    stored now, re-read on a conflict so nobody's other edits are lost;
 * 3. the actions the panel added are created on their client-made keys;
 * 4. the next review is scheduled on its client-made key.
 * Steps 2-4 are each safe to repeat: when one fails the outcome is
 * `unfinished`, with what `finishOutcome` needs to complete it ("Finish saving").
 */
import type { Collaboration } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import type { Action, Assessment, Review } from '../domain/entities';
import type { ActionStore, CollaborationStore, PeopleDirectory, RepoError, ReviewStore, Stored } from '../domain/ports';
import type { DomainError } from '../domain/result';
import { deriveFields } from '../domain/prepare';
import { applyOutcome, type OutcomeInput } from '../domain/reviewCycle';
import { openActions, recordOutcome, type NewActionInput } from '../domain/reviews';
import type { Outcome } from '../domain/vocabulary';

export interface RecordOutcomePorts {
  readonly reviews: Pick<ReviewStore, 'update' | 'create'>;
  readonly collaborations: Pick<CollaborationStore, 'get' | 'update'>;
  readonly actions: Pick<ActionStore, 'createMany'>;
  readonly people: PeopleDirectory;
}

export interface RecordOutcomeInput {
  /** The review as read (its ETag freezes it). */
  readonly review: Stored<Review>;
  /** The record as read. */
  readonly collaboration: Stored<Collaboration>;
  /** The assessment the panel considered, when there was one. */
  readonly assessment?: Assessment;
  /** The collaboration's actions (the open ones count for "continue with actions" and "reform"). */
  readonly actions: readonly Action[];
  readonly today: IsoDate;
  readonly outcome: Outcome | undefined;
  readonly heldOn: IsoDate;
  readonly decisionNote: string;
  readonly exitNote: string;
  readonly nextReviewDue?: IsoDate;
  readonly newActions: readonly NewActionInput[];
  /** The next review's key, made once by the caller so a retried record creates it once. */
  readonly nextReviewKey: string;
  readonly nextReviewTitle: string;
  /** Called when the checks passed and the writes begin. */
  readonly onSaving?: () => void;
  /** Called as soon as the review is frozen (before the record, actions and next review are written). */
  readonly onFrozen?: (review: Stored<Review>) => void;
}

/** What is left to write after the review was frozen; `finishOutcome` completes it. */
export interface PendingOutcome {
  readonly frozen: Stored<Review>;
  readonly outcome: OutcomeInput;
  readonly actions: readonly Action[];
  readonly nextReviewKey: string;
  readonly nextReviewTitle: string;
}

export type RecordOutcomeError =
  /** The domain's or the site's reasons; nothing was written. */
  | { readonly code: 'invalid'; readonly errors: readonly DomainError[] }
  /** Someone else changed the review since it was read; nothing was written. */
  | { readonly code: 'conflict'; readonly theirs: Stored<Review>; readonly mine: Review }
  /** The review could not be frozen; nothing was written. */
  | { readonly code: 'failed'; readonly error: RepoError }
  /** The review is frozen, but the record, actions or next review are not all written. */
  | {
      readonly code: 'unfinished';
      readonly error: RepoError;
      readonly review: Stored<Review>;
      readonly pending: PendingOutcome;
    };

export type RecordOutcomeResult =
  | { readonly ok: true; readonly value: { readonly review: Stored<Review> } }
  | { readonly ok: false; readonly error: RecordOutcomeError };

/** How often the record is re-read when it keeps changing while the outcome is applied. */
const RECORD_ROUNDS = 3;

/** Errors for owners who are not site users (`actions.<i>.owner`); empty when all are. */
export async function ownerProblems(
  people: PeopleDirectory,
  actions: readonly Pick<NewActionInput, 'owner'>[],
): Promise<DomainError[]> {
  const errors: DomainError[] = [];
  await Promise.all(
    actions.map(async (a, i) => {
      if (!a.owner) return;
      const found = await people.search(a.owner.email ?? a.owner.displayName, 20);
      if (found.ok && !found.value.some((p) => p.id === a.owner?.id)) {
        errors.push({ field: `actions.${i}.owner`, code: 'ownerNotSiteUser' });
      }
    }),
  );
  return errors.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
}

export async function recordReviewOutcome(
  ports: RecordOutcomePorts,
  input: RecordOutcomeInput,
): Promise<RecordOutcomeResult> {
  const { review: base } = input;
  const checked = recordOutcome({
    review: base,
    collaboration: input.collaboration,
    outcome: input.outcome,
    heldOn: input.heldOn,
    decisionNote: input.decisionNote,
    exitNote: input.exitNote,
    ...(input.nextReviewDue ? { nextReviewDue: input.nextReviewDue } : {}),
    attendees: base.attendees,
    ...(input.assessment ? { assessment: input.assessment } : {}),
    newActions: input.newActions,
    openActions: openActions(input.actions, input.today).length,
    nextReviewKey: input.nextReviewKey,
    nextReviewTitle: input.nextReviewTitle,
  });
  if (!checked.ok) return { ok: false, error: { code: 'invalid', errors: checked.error } };

  // Owners are site users: checked before the review is frozen, so a stranger changes nothing.
  const strangers = await ownerProblems(ports.people, input.newActions);
  if (strangers.length > 0) return { ok: false, error: { code: 'invalid', errors: strangers } };

  input.onSaving?.();
  const frozen = await ports.reviews.update({ ...checked.value.review, id: base.id, etag: base.etag });
  if (!frozen.ok) {
    if (frozen.error.code === 'conflict' && frozen.error.theirs) {
      return { ok: false, error: { code: 'conflict', theirs: frozen.error.theirs, mine: checked.value.review } };
    }
    return { ok: false, error: { code: 'failed', error: frozen.error } };
  }
  input.onFrozen?.(frozen.value);

  const exitNote = input.exitNote.trim();
  const pending: PendingOutcome = {
    frozen: frozen.value,
    outcome: {
      outcome: input.outcome ?? 'continue',
      heldOn: input.heldOn,
      decisionNote: input.decisionNote,
      ...(input.nextReviewDue ? { nextReviewDue: input.nextReviewDue } : {}),
      ...(exitNote !== '' ? { exitNote: input.exitNote } : {}),
    },
    // The domain's actions, linked to the frozen review and its collaboration.
    actions: checked.value.actions.map((a) => ({
      ...a,
      title: a.title.trim(),
      collaborationId: frozen.value.collaborationId,
      reviewId: frozen.value.id,
    })),
    nextReviewKey: input.nextReviewKey,
    nextReviewTitle: input.nextReviewTitle,
  };
  return finishOutcome(ports, pending);
}

/**
 * After the review is frozen: the record, the actions and the next review,
 * each idempotent, so this may be called again after any failure.
 */
export async function finishOutcome(
  ports: Omit<RecordOutcomePorts, 'people'>,
  pending: PendingOutcome,
): Promise<RecordOutcomeResult> {
  const error = await complete(ports, pending);
  if (error) return { ok: false, error: { code: 'unfinished', error, review: pending.frozen, pending } };
  return { ok: true, value: { review: pending.frozen } };
}

async function complete(
  ports: Omit<RecordOutcomePorts, 'people'>,
  { frozen, outcome, actions, nextReviewKey, nextReviewTitle }: PendingOutcome,
): Promise<RepoError | undefined> {
  // The record as stored now: the outcome moves its status and dates; nobody's other edits are touched.
  let moved = false;
  for (let round = 0; round < RECORD_ROUNDS && !moved; round += 1) {
    const fresh = await ports.collaborations.get(frozen.collaborationId);
    if (!fresh.ok) return fresh.error;
    const applied = applyOutcome(fresh.value, outcome);
    if (!applied.ok) return { code: 'invalid', detail: JSON.stringify(applied.error) };
    // The one prepare-for-save derivation (significance and the rest), keeping the review dates the
    // outcome set; the outcome's own rules were checked by applyOutcome.
    const prepared = deriveFields(applied.value.record, { base: applied.value.record });
    const saved = await ports.collaborations.update({
      ...prepared,
      id: fresh.value.id,
      etag: fresh.value.etag,
    });
    if (saved.ok) moved = true;
    else if (saved.error.code !== 'conflict') return saved.error;
  }
  // Someone kept saving the record in between: the person finishes with "Finish saving".
  if (!moved) return { code: 'conflict', detail: 'the record changed three times while the outcome was applied' };
  if (actions.length > 0) {
    const created = await ports.actions.createMany(actions);
    const failed = created.find((c) => !c.ok);
    if (failed && !failed.ok) return failed.error;
  }
  const after = await ports.collaborations.get(frozen.collaborationId);
  if (!after.ok) return after.error;
  if (after.value.nextReviewDue !== undefined && after.value.status !== 'closed') {
    const next: Review = {
      key: nextReviewKey,
      collaborationId: frozen.collaborationId,
      title: nextReviewTitle,
      kind: frozen.kind,
      dueDate: after.value.nextReviewDue,
      ...(frozen.panel ? { panel: frozen.panel } : {}),
      attendees: [],
    };
    const created = await ports.reviews.create(next);
    if (!created.ok) return created.error;
  }
  return undefined;
}
