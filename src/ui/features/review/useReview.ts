import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyOutcome,
  openActions,
  recordOutcome,
  type Action,
  type Assessment,
  type Collaboration,
  type DomainError,
  type IsoDate,
  type Outcome,
  type Person,
  type RepoError,
  type Review,
  type Stored,
} from '../../../domain';
import type { PanelPostResult, Services } from '../../app/services';
import { actionFromDraft, type ActionDraft } from '../../components/ActionFields';

/** What a person types to record an outcome (kept on this device until it is recorded). */
export interface OutcomeForm {
  readonly outcome?: Outcome;
  readonly heldOn: IsoDate;
  readonly decisionNote: string;
  readonly exitNote: string;
  readonly nextReviewDue?: IsoDate;
  readonly actions: readonly ActionDraft[];
  /** The next review's key, made once so a retried record creates it once. */
  readonly nextReviewKey: string;
}

export type RecordState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'invalid'; readonly errors: readonly DomainError[] }
  | { readonly kind: 'failed'; readonly error: RepoError }
  | { readonly kind: 'conflict'; readonly theirs: Stored<Review>; readonly mine: Review }
  /** The review is frozen, but the record, actions or next review are not all written: retry finishes them. */
  | { readonly kind: 'unfinished'; readonly error: RepoError }
  | { readonly kind: 'recorded' };

export interface ReviewData {
  readonly review: Stored<Review>;
  readonly collaboration: Stored<Collaboration>;
  /** The record's submitted assessments, newest first. */
  readonly assessments: readonly Stored<Assessment>[];
  /** The collaboration's actions. */
  readonly actions: readonly Stored<Action>[];
}

export type ReviewLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: RepoError }
  | { readonly kind: 'ready'; readonly data: ReviewData };

const DRAFT_PREFIX = 'collaboration-register:review-draft:';

export function loadOutcomeDraft(key: string): OutcomeForm | undefined {
  try {
    const raw = localStorage.getItem(DRAFT_PREFIX + key);
    return raw ? (JSON.parse(raw) as OutcomeForm) : undefined;
  } catch {
    return undefined;
  }
}

export function saveOutcomeDraft(key: string, form: OutcomeForm | undefined): void {
  try {
    if (form) localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(form));
    else localStorage.removeItem(DRAFT_PREFIX + key);
  } catch {
    // the form keeps it for this visit
  }
}

async function loadReview(services: Services, key: string): Promise<ReviewLoad> {
  const { stores } = services;
  const review = await stores.reviews.getByKey(key);
  if (!review.ok) return { kind: 'error', error: review.error };
  const [collaboration, assessments, actions] = await Promise.all([
    stores.collaborations.get(review.value.collaborationId),
    stores.assessments.forCollaboration(review.value.collaborationId),
    stores.actions.forCollaboration(review.value.collaborationId),
  ]);
  if (!collaboration.ok) return { kind: 'error', error: collaboration.error };
  if (!assessments.ok) return { kind: 'error', error: assessments.error };
  if (!actions.ok) return { kind: 'error', error: actions.error };
  const submitted = assessments.value
    .filter((a) => a.status === 'submitted')
    .sort((a, b) => (b.submittedOn ?? '').localeCompare(a.submittedOn ?? ''));
  return {
    kind: 'ready',
    data: { review: review.value, collaboration: collaboration.value, assessments: submitted, actions: actions.value },
  };
}

export interface DetailsPatch {
  readonly panel?: string;
  readonly attendees?: readonly Person[];
  readonly assessmentId?: number | undefined;
}

export interface ReviewModel {
  readonly load: ReviewLoad;
  readonly record: RecordState;
  readonly details: { readonly saving: boolean; readonly error?: RepoError; readonly conflict?: Stored<Review> };
  readonly reload: () => void;
  readonly saveDetails: (patch: DetailsPatch) => Promise<void>;
  /** After a conflict: this person's details on top of the version now stored. */
  readonly saveDetailsOn: (base: Stored<Review>, patch: DetailsPatch) => Promise<void>;
  readonly post: () => Promise<PanelPostResult | undefined>;
  readonly submit: (form: OutcomeForm, on?: Stored<Review>) => Promise<void>;
  readonly finish: () => Promise<void>;
  readonly resetRecord: () => void;
}

/**
 * A review page's data and its writes: details saved with the ETag; the card
 * posted to the panel's channel; the outcome recorded (the domain checks it,
 * the review is frozen first with its ETag, so a second person's outcome is a
 * conflict, then the record, the actions and the next review follow, each
 * safe to retry).
 */
export function useReview(
  services: Services,
  reviewKey: string,
  today: IsoDate,
  nextTitle: (r: Review, reference: string) => string,
): ReviewModel {
  const [load, setLoad] = useState<ReviewLoad>({ kind: 'loading' });
  const [record, setRecord] = useState<RecordState>({ kind: 'idle' });
  const [details, setDetails] = useState<ReviewModel['details']>({ saving: false });
  const [attempt, setAttempt] = useState(0);
  const pending = useRef<{ form: OutcomeForm; frozen: Stored<Review> } | undefined>(undefined);
  const titleRef = useRef(nextTitle);
  titleRef.current = nextTitle;

  useEffect(() => {
    let live = true;
    void loadReview(services, reviewKey).then((l) => live && setLoad(l));
    return () => {
      live = false;
    };
  }, [services, reviewKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const data = load.kind === 'ready' ? load.data : undefined;
  const reference = data?.collaboration.reference ?? '';

  const replaceReview = (review: Stored<Review>) =>
    setLoad((l) => (l.kind === 'ready' ? { kind: 'ready', data: { ...l.data, review } } : l));

  const saveDetailsOn = async (base: Stored<Review>, patch: DetailsPatch) => {
    setDetails({ saving: true });
    const next: Stored<Review> = { ...base };
    if (patch.panel !== undefined) {
      if (patch.panel.trim() === '') delete (next as { panel?: string }).panel;
      else (next as { panel?: string }).panel = patch.panel.trim();
    }
    if (patch.attendees !== undefined) (next as { attendees: Person[] }).attendees = [...patch.attendees];
    if ('assessmentId' in patch) {
      if (patch.assessmentId === undefined) delete (next as { assessmentId?: number }).assessmentId;
      else (next as { assessmentId?: number }).assessmentId = patch.assessmentId;
    }
    const r = await services.stores.reviews.update(next);
    if (r.ok) {
      replaceReview(r.value);
      setDetails({ saving: false });
    } else if (r.error.code === 'conflict' && r.error.theirs) {
      setDetails({ saving: false, conflict: r.error.theirs, error: r.error });
    } else setDetails({ saving: false, error: r.error });
  };

  const saveDetails = async (patch: DetailsPatch) => {
    if (data) await saveDetailsOn(data.review, patch);
  };

  const post = async (): Promise<PanelPostResult | undefined> => {
    if (!data) return undefined;
    const assessment = data.assessments.find((a) => a.id === data.review.assessmentId) ?? data.assessments[0];
    const r = await services.channels.postPanelReview({
      review: data.review,
      collaboration: data.collaboration,
      ...(assessment ? { assessment } : {}),
    });
    if (r.ok) replaceReview(r.review);
    return r;
  };

  /** After the review is frozen: the record, the actions and the next review (each idempotent). */
  const complete = async (form: OutcomeForm, frozen: Stored<Review>): Promise<RepoError | undefined> => {
    const { stores } = services;
    // The record as stored now: the outcome moves its status and dates; nobody's other edits are touched.
    let moved = false;
    for (let round = 0; round < 3 && !moved; round += 1) {
      const fresh = await stores.collaborations.get(frozen.collaborationId);
      if (!fresh.ok) return fresh.error;
      const applied = applyOutcome(fresh.value, {
        outcome: form.outcome ?? 'continue',
        heldOn: form.heldOn,
        decisionNote: form.decisionNote,
        ...(form.nextReviewDue ? { nextReviewDue: form.nextReviewDue } : {}),
        ...(form.exitNote.trim() !== '' ? { exitNote: form.exitNote } : {}),
      });
      if (!applied.ok) return { code: 'invalid', detail: JSON.stringify(applied.error) };
      const saved = await stores.collaborations.update({
        ...applied.value.record,
        id: fresh.value.id,
        etag: fresh.value.etag,
      });
      if (saved.ok) moved = true;
      else if (saved.error.code !== 'conflict') return saved.error;
    }
    // Someone kept saving the record in between: the person finishes with "Finish saving".
    if (!moved) return { code: 'conflict', detail: 'the record changed three times while the outcome was applied' };
    if (form.actions.length > 0) {
      const actions = form.actions.map((d) =>
        actionFromDraft(d, 'review', { collaborationId: frozen.collaborationId, reviewId: frozen.id }),
      );
      const created = await stores.actions.createMany(actions);
      const failed = created.find((c) => !c.ok);
      if (failed && !failed.ok) return failed.error;
    }
    const after = await stores.collaborations.get(frozen.collaborationId);
    if (!after.ok) return after.error;
    if (after.value.nextReviewDue !== undefined && after.value.status !== 'closed') {
      const next: Review = {
        key: form.nextReviewKey,
        collaborationId: frozen.collaborationId,
        title: titleRef.current(frozen, reference),
        kind: frozen.kind,
        dueDate: after.value.nextReviewDue,
        ...(frozen.panel ? { panel: frozen.panel } : {}),
        attendees: [],
      };
      const created = await stores.reviews.create(next);
      if (!created.ok) return created.error;
    }
    return undefined;
  };

  const submit: ReviewModel['submit'] = async (form, on) => {
    if (!data) return;
    const base = on ?? data.review;
    const checked = recordOutcome({
      review: base,
      collaboration: data.collaboration,
      outcome: form.outcome,
      heldOn: form.heldOn,
      decisionNote: form.decisionNote,
      exitNote: form.exitNote,
      ...(form.nextReviewDue ? { nextReviewDue: form.nextReviewDue } : {}),
      attendees: base.attendees,
      ...(() => {
        const a = data.assessments.find((x) => x.id === base.assessmentId);
        return a ? { assessment: a } : {};
      })(),
      newActions: form.actions.map((d) => ({
        key: d.key,
        title: d.title,
        ...(d.owner ? { owner: d.owner } : {}),
        ...(d.startDate ? { startDate: d.startDate } : {}),
        ...(d.dueDate ? { dueDate: d.dueDate } : {}),
      })),
      openActions: openActions(data.actions, today).length,
      nextReviewKey: form.nextReviewKey,
      nextReviewTitle: titleRef.current(base, reference),
    });
    if (!checked.ok) {
      setRecord({ kind: 'invalid', errors: checked.error });
      return;
    }
    // Owners are site users: the store checks before the review is frozen, so a stranger changes nothing.
    const ownersOk = await checkOwners(services, form.actions);
    if (ownersOk !== undefined) {
      setRecord({ kind: 'invalid', errors: ownersOk });
      return;
    }
    setRecord({ kind: 'saving' });
    const frozen = await services.stores.reviews.update({ ...checked.value.review, id: base.id, etag: base.etag });
    if (!frozen.ok) {
      if (frozen.error.code === 'conflict' && frozen.error.theirs) {
        setRecord({ kind: 'conflict', theirs: frozen.error.theirs, mine: checked.value.review });
      } else setRecord({ kind: 'failed', error: frozen.error });
      return;
    }
    pending.current = { form, frozen: frozen.value };
    saveOutcomeDraft(reviewKey, undefined);
    replaceReview(frozen.value);
    const error = await complete(form, frozen.value);
    if (error) {
      setRecord({ kind: 'unfinished', error });
      return;
    }
    pending.current = undefined;
    setRecord({ kind: 'recorded' });
    setAttempt((n) => n + 1);
  };

  const finish = async () => {
    const p = pending.current;
    if (!p) return;
    setRecord({ kind: 'saving' });
    const error = await complete(p.form, p.frozen);
    if (error) {
      setRecord({ kind: 'unfinished', error });
      return;
    }
    pending.current = undefined;
    setRecord({ kind: 'recorded' });
    setAttempt((n) => n + 1);
  };

  const resetRecord = useCallback(() => setRecord({ kind: 'idle' }), []);

  return { load, record, details, reload, saveDetails, saveDetailsOn, post, submit, finish, resetRecord };
}

/** Errors for owners who are not site users (`actions.<i>.owner`), or undefined when all are. */
async function checkOwners(services: Services, drafts: readonly ActionDraft[]): Promise<DomainError[] | undefined> {
  const errors: DomainError[] = [];
  await Promise.all(
    drafts.map(async (d, i) => {
      if (!d.owner) return;
      const found = await services.stores.people.search(d.owner.email ?? d.owner.displayName, 20);
      if (found.ok && !found.value.some((p) => p.id === d.owner?.id)) {
        errors.push({ field: `actions.${i}.owner`, code: 'ownerNotSiteUser' });
      }
    }),
  );
  return errors.length > 0 ? errors : undefined;
}
