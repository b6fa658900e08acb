/**
 * Record a review's outcome (seed 002), in two steps (docs/permissions.md):
 *
 * 1. DECIDE: the domain checks it (recordOutcome); owners of new actions must be site
 *    users; then ONE write freezes the review with the ETag it was read with (a second
 *    person's outcome is a `conflict`, never an overwrite). The same write carries what
 *    follows from the decision (`decision`: the new actions, the next review's key,
 *    title and date, an exit note). A member of the review's panel may make this write:
 *    the review's own permissions let its panel contribute to it, and nothing else.
 * 2. APPLY (`applyDecidedReview`): the record moves (status, last review, next review
 *    due) on the version stored now; the actions are created on their client-made keys;
 *    the next review is scheduled on its key and given its panel's permissions; the
 *    decided review is made read-only to all but the governance team; `appliedOn` is
 *    set last. The record's history gets the changes of status and assurance, keyed by
 *    the review so they are written once. Every step is safe to repeat. It needs the governance team's rights: the
 *    tab runs it at once for them, and for everyone else the reminder job's next run
 *    (or the next governance officer to open the review) completes it. A half-applied
 *    outcome is finished by whoever runs it next; it never stays.
 */
import type { Collaboration } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import type { Action, Assessment, Review } from '../domain/entities';
import type {
  ActionStore,
  CollaborationStore,
  HistoryStore,
  PeopleDirectory,
  PolicyStore,
  RepoError,
  ReviewStore,
  Stored,
} from '../domain/ports';
import { policyInForce, type AssuranceCadence, type GovernancePolicy } from '../domain/governancePolicy';
import { changesOf } from '../domain/history';
import type { DomainError } from '../domain/result';
import { deriveFields } from '../domain/prepare';
import { applyOutcome, type OutcomeInput } from '../domain/reviewCycle';
import { openActions, recordOutcome, type NewActionInput } from '../domain/reviews';
import type { AssuranceLevel, Outcome } from '../domain/vocabulary';
import { panelKeyOf, type Panel } from '../domain/panels';
import { reviewItemAccess } from '../domain/policy';

export interface ApplyPorts {
  readonly reviews: Pick<ReviewStore, 'update' | 'create' | 'get' | 'secure'>;
  readonly collaborations: Pick<CollaborationStore, 'get' | 'update'>;
  readonly actions: Pick<ActionStore, 'createMany'>;
  /** Where the record's changes of status and assurance are written (absent: not written). */
  readonly history?: Pick<HistoryStore, 'record'>;
  /** The governance policy's versions: the tier is worked out by the one in force (absent: the shipped weights). */
  readonly policies?: Pick<PolicyStore, 'published'>;
}

export interface RecordOutcomePorts extends ApplyPorts {
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
  /**
   * Whether this person may apply the decision (the governance team: domain/policy.ts
   * `applyDecision`). When not, the decision is recorded and left for the reminder job.
   */
  readonly apply: boolean;
  /** The panels, to give the next review its panel's permissions when the stored panel is a name. */
  readonly panels?: readonly Panel[];
  /** The assurance level the panel gives, and why. */
  readonly assurance?: { readonly level: AssuranceLevel; readonly reason: string };
  /** The governance policy in force: its cadence sets the next review after an assurance level, its weights the tier. */
  readonly policy?: GovernancePolicy;
}

/** What follows from a decision, carried on the review (`decision`) until it is applied. */
export interface Decision {
  readonly v: 1;
  readonly outcome: OutcomeInput;
  readonly actions: readonly Action[];
  readonly nextReviewKey: string;
  readonly nextReviewTitle: string;
  /** The policy's cadence when it was decided, so applying it later gives the dates the panel saw. */
  readonly assuranceCadence?: AssuranceCadence;
}

export function decisionOf(review: Review): Decision | undefined {
  if (!review.decision) return undefined;
  try {
    const d = JSON.parse(review.decision) as Partial<Decision>;
    if (d.v !== 1 || !d.outcome || !Array.isArray(d.actions) || typeof d.nextReviewKey !== 'string') return undefined;
    return d as Decision;
  } catch {
    return undefined;
  }
}

/** A decided review whose consequences are not all applied yet. */
export function awaitsApplying(review: Review): boolean {
  return review.outcome !== undefined && review.appliedOn === undefined && review.decision !== undefined;
}

/** What is left to write after the review was frozen; `finishOutcome` completes it. */
export interface PendingOutcome {
  readonly frozen: Stored<Review>;
  readonly panels?: readonly Panel[];
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
  | { readonly ok: true; readonly value: { readonly review: Stored<Review>; readonly applied: boolean } }
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
    today: input.today,
    decisionNote: input.decisionNote,
    exitNote: input.exitNote,
    ...(input.nextReviewDue ? { nextReviewDue: input.nextReviewDue } : {}),
    attendees: base.attendees,
    ...(input.assessment ? { assessment: input.assessment } : {}),
    newActions: input.newActions,
    openActions: openActions(input.actions, input.today).length,
    nextReviewKey: input.nextReviewKey,
    nextReviewTitle: input.nextReviewTitle,
    ...(input.assurance ? { assurance: input.assurance } : {}),
    ...(input.policy ? { assuranceCadence: input.policy.assuranceCadence } : {}),
  });
  if (!checked.ok) return { ok: false, error: { code: 'invalid', errors: checked.error } };

  // Owners are site users: checked before the review is frozen, so a stranger changes nothing.
  const strangers = await ownerProblems(ports.people, input.newActions);
  if (strangers.length > 0) return { ok: false, error: { code: 'invalid', errors: strangers } };

  input.onSaving?.();
  const exitNote = input.exitNote.trim();
  const decision: Decision = {
    v: 1,
    outcome: {
      outcome: input.outcome ?? 'continue',
      heldOn: input.heldOn,
      decisionNote: input.decisionNote,
      ...(input.nextReviewDue ? { nextReviewDue: input.nextReviewDue } : {}),
      ...(exitNote !== '' ? { exitNote: input.exitNote } : {}),
      ...(input.assurance
        ? { assurance: { level: input.assurance.level, reason: input.assurance.reason.trim() } }
        : {}),
    },
    // The domain's actions, linked to the review and its collaboration.
    actions: checked.value.actions.map((a) => ({
      ...a,
      title: a.title.trim(),
      collaborationId: base.collaborationId,
      ...(base.id !== undefined ? { reviewId: base.id } : {}),
    })),
    nextReviewKey: input.nextReviewKey,
    nextReviewTitle: input.nextReviewTitle,
    ...(input.policy ? { assuranceCadence: input.policy.assuranceCadence } : {}),
  };
  const mine: Review = { ...checked.value.review, decision: JSON.stringify(decision) };
  const frozen = await ports.reviews.update({ ...mine, id: base.id, etag: base.etag });
  if (!frozen.ok) {
    if (frozen.error.code === 'conflict' && frozen.error.theirs) {
      return { ok: false, error: { code: 'conflict', theirs: frozen.error.theirs, mine } };
    }
    return { ok: false, error: { code: 'failed', error: frozen.error } };
  }
  input.onFrozen?.(frozen.value);
  if (!input.apply) return { ok: true, value: { review: frozen.value, applied: false } };
  return finishOutcome(ports, { frozen: frozen.value, ...(input.panels ? { panels: input.panels } : {}) });
}

/**
 * After the review is frozen: the record, the actions, the next review, the review's lock
 * and `appliedOn`, each idempotent, so this may be called again after any failure.
 */
export async function finishOutcome(ports: ApplyPorts, pending: PendingOutcome): Promise<RecordOutcomeResult> {
  const applied = await applyDecidedReview(ports, pending.frozen, pending.panels ?? []);
  if (!applied.ok) {
    return { ok: false, error: { code: 'unfinished', error: applied.error, review: pending.frozen, pending } };
  }
  return { ok: true, value: { review: applied.value, applied: true } };
}

/** Applies what follows from a decided review (see the top of this file); safe to repeat. */
export async function applyDecidedReview(
  ports: ApplyPorts,
  review: Stored<Review>,
  panels: readonly Panel[],
  today?: IsoDate,
): Promise<{ ok: true; value: Stored<Review> } | { ok: false; error: RepoError }> {
  if (review.appliedOn !== undefined) return { ok: true, value: review };
  const decision = decisionOf(review);
  if (!decision) return { ok: false, error: { code: 'invalid', detail: 'the review carries no decision to apply' } };
  const error = await complete(ports, review, decision, panels);
  if (error) return { ok: false, error };
  // Read-only to all but the governance team, then marked applied (last: a failure above is retried).
  const locked = await ports.reviews.secure(review.id, reviewItemAccess({ outcome: review.outcome }));
  if (!locked.ok) return locked;
  for (let round = 0; round < RECORD_ROUNDS; round += 1) {
    const fresh = await ports.reviews.get(review.id);
    if (!fresh.ok) return fresh;
    if (fresh.value.appliedOn !== undefined) return fresh;
    const marked = await ports.reviews.update({ ...fresh.value, appliedOn: today ?? decision.outcome.heldOn });
    if (marked.ok) return marked;
    if (marked.error.code !== 'conflict') return { ok: false, error: marked.error };
  }
  return { ok: false, error: { code: 'conflict', detail: 'the review kept changing while it was marked applied' } };
}

async function complete(
  ports: ApplyPorts,
  frozen: Stored<Review>,
  { outcome, actions, nextReviewKey, nextReviewTitle, assuranceCadence }: Decision,
  panels: readonly Panel[],
): Promise<RepoError | undefined> {
  // The record as stored now: the outcome moves its status and dates; nobody's other edits are touched.
  let moved = false;
  const versions = ports.policies ? await ports.policies.published() : undefined;
  if (versions && !versions.ok) return versions.error;
  const weights = versions ? policyInForce(versions.value).significance : undefined;
  for (let round = 0; round < RECORD_ROUNDS && !moved; round += 1) {
    const fresh = await ports.collaborations.get(frozen.collaborationId);
    if (!fresh.ok) return fresh.error;
    const applied = applyOutcome(fresh.value, outcome, undefined, assuranceCadence);
    if (!applied.ok) return { code: 'invalid', detail: JSON.stringify(applied.error) };
    // The one prepare-for-save derivation (significance and the rest), keeping the review dates the
    // outcome set; the outcome's own rules were checked by applyOutcome.
    const prepared = deriveFields(applied.value.record, {
      base: applied.value.record,
      ...(weights ? { significance: weights } : {}),
    });
    const saved = await ports.collaborations.update({
      ...prepared,
      id: fresh.value.id,
      etag: fresh.value.etag,
    });
    if (saved.ok) {
      moved = true;
      const entries = changesOf(fresh.value, saved.value, {
        source: 'review',
        sourceKey: frozen.key,
        on: outcome.heldOn,
        reason: outcome.assurance ? `${outcome.decisionNote}\n${outcome.assurance.reason}` : outcome.decisionNote,
      });
      const written = ports.history ? await ports.history.record(entries) : undefined;
      if (written && !written.ok) return written.error;
    } else if (saved.error.code !== 'conflict') return saved.error;
  }
  // Someone kept saving the record in between: the person finishes with "Finish saving".
  if (!moved) return { code: 'conflict', detail: 'the record changed three times while the outcome was applied' };
  if (actions.length > 0) {
    const created = await ports.actions.createMany(
      actions.map((a) => ({ ...a, reviewId: frozen.id, collaborationId: frozen.collaborationId })),
    );
    const failed = created.find((c) => !c.ok);
    if (failed && !failed.ok) return failed.error;
  }
  const after = await ports.collaborations.get(frozen.collaborationId);
  if (!after.ok) return after.error;
  if (after.value.nextReviewDue !== undefined && after.value.status !== 'closed') {
    const panel = panelKeyOf(frozen.panel, panels);
    const next: Review = {
      key: nextReviewKey,
      collaborationId: frozen.collaborationId,
      title: nextReviewTitle,
      kind: frozen.kind,
      dueDate: after.value.nextReviewDue,
      ...(panel ? { panel } : {}),
      attendees: [],
    };
    const created = await ports.reviews.create(next);
    if (!created.ok) return created.error;
    // Its panel's members may record its outcome; the rest read it.
    const secured = await ports.reviews.secure(created.value.id, reviewItemAccess(next));
    if (!secured.ok) return secured.error;
  }
  return undefined;
}
