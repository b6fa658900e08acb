import { useCallback, useEffect, useRef, useState } from 'react';
import {
  finishOutcome,
  recordReviewOutcome,
  type PendingOutcome,
  type RecordOutcomeResult,
} from '../../../app/recordReviewOutcome';
import type { Panel } from '../../../domain/panels';
import type {
  Action,
  Assessment,
  AssuranceLevel,
  GovernancePolicy,
  AssessmentTemplate,
  Collaboration,
  DomainError,
  IsoDate,
  Outcome,
  Person,
  RepoError,
  Review,
  Stored,
} from '../../../domain';
import type { PanelPostResult, Services } from '../../app/services';
import type { ActionDraft } from '../../components/ActionFields';

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
  /** The assurance level the panel gives (optional), and why. */
  readonly assuranceLevel?: AssuranceLevel;
  readonly assuranceReason?: string;
}

export type RecordState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'invalid'; readonly errors: readonly DomainError[] }
  | { readonly kind: 'failed'; readonly error: RepoError }
  | { readonly kind: 'conflict'; readonly theirs: Stored<Review>; readonly mine: Review }
  /** The review is frozen, but the record, actions or next review are not all written: retry finishes them. */
  | { readonly kind: 'unfinished'; readonly error: RepoError }
  /** `applied`: the record, the actions and the next review followed at once (else the job applies them). */
  | { readonly kind: 'recorded'; readonly applied: boolean };

export interface ReviewData {
  readonly review: Stored<Review>;
  readonly collaboration: Stored<Collaboration>;
  /** The record's submitted assessments, newest first. */
  readonly assessments: readonly Stored<Assessment>[];
  /** The collaboration's actions. */
  readonly actions: readonly Stored<Action>[];
  /** The published templates, to name an assessment by its title (empty if they could not be read). */
  readonly templates: readonly AssessmentTemplate[];
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
  const [collaboration, assessments, actions, templates] = await Promise.all([
    stores.collaborations.get(review.value.collaborationId),
    stores.assessments.forCollaboration(review.value.collaborationId),
    stores.actions.forCollaboration(review.value.collaborationId),
    stores.templates.published(),
  ]);
  if (!collaboration.ok) return { kind: 'error', error: collaboration.error };
  if (!assessments.ok) return { kind: 'error', error: assessments.error };
  if (!actions.ok) return { kind: 'error', error: actions.error };
  const submitted = assessments.value
    .filter((a) => a.status === 'submitted')
    .sort((a, b) => (b.submittedOn ?? '').localeCompare(a.submittedOn ?? ''));
  return {
    kind: 'ready',
    data: {
      review: review.value,
      collaboration: collaboration.value,
      assessments: submitted,
      actions: actions.value,
      templates: templates.ok ? templates.value : [],
    },
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
  /** Applies a decided review's consequences (for those the policy allows). */
  readonly apply: () => Promise<void>;
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
  access: { readonly apply: boolean; readonly panels: readonly Panel[] } = { apply: false, panels: [] },
  /** The governance policy in force (its cadence after an assurance level). */
  policy?: GovernancePolicy,
): ReviewModel {
  const [load, setLoad] = useState<ReviewLoad>({ kind: 'loading' });
  const [record, setRecord] = useState<RecordState>({ kind: 'idle' });
  const [details, setDetails] = useState<ReviewModel['details']>({ saving: false });
  const [attempt, setAttempt] = useState(0);
  const pending = useRef<PendingOutcome | undefined>(undefined);
  const titleRef = useRef(nextTitle);
  titleRef.current = nextTitle;
  const accessRef = useRef(access);
  accessRef.current = access;
  const policyRef = useRef(policy);
  policyRef.current = policy;

  // Another review: nothing said about the last one's outcome carries over.
  useEffect(() => {
    setRecord({ kind: 'idle' });
    pending.current = undefined;
  }, [reviewKey]);

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

  const ports = {
    reviews: services.stores.reviews,
    collaborations: services.stores.collaborations,
    actions: services.stores.actions,
    people: services.stores.people,
    history: services.stores.history,
    policies: services.stores.policies,
  };

  const settle = (r: RecordOutcomeResult) => {
    if (r.ok) {
      pending.current = undefined;
      setRecord({ kind: 'recorded', applied: r.value.applied });
      setAttempt((n) => n + 1);
      return;
    }
    const e = r.error;
    if (e.code === 'invalid') setRecord({ kind: 'invalid', errors: e.errors });
    else if (e.code === 'conflict') setRecord({ kind: 'conflict', theirs: e.theirs, mine: e.mine });
    else if (e.code === 'failed') setRecord({ kind: 'failed', error: e.error });
    else {
      pending.current = e.pending;
      setRecord({ kind: 'unfinished', error: e.error });
    }
  };

  const submit: ReviewModel['submit'] = async (form, on) => {
    if (!data) return;
    const base = on ?? data.review;
    const assessment = data.assessments.find((x) => x.id === base.assessmentId);
    const r = await recordReviewOutcome(ports, {
      review: base,
      collaboration: data.collaboration,
      ...(assessment ? { assessment } : {}),
      actions: data.actions,
      today,
      outcome: form.outcome,
      heldOn: form.heldOn,
      decisionNote: form.decisionNote,
      exitNote: form.exitNote,
      ...(form.nextReviewDue ? { nextReviewDue: form.nextReviewDue } : {}),
      newActions: form.actions.map((d) => ({
        key: d.key,
        title: d.title,
        ...(d.owner ? { owner: d.owner } : {}),
        ...(d.startDate ? { startDate: d.startDate } : {}),
        ...(d.dueDate ? { dueDate: d.dueDate } : {}),
      })),
      nextReviewKey: form.nextReviewKey,
      nextReviewTitle: titleRef.current(base, reference),
      ...(form.assuranceLevel ? { assurance: { level: form.assuranceLevel, reason: form.assuranceReason ?? '' } } : {}),
      ...(policyRef.current ? { policy: policyRef.current } : {}),
      apply: accessRef.current.apply,
      panels: accessRef.current.panels,
      onSaving: () => setRecord({ kind: 'saving' }),
      onFrozen: (frozen) => {
        saveOutcomeDraft(reviewKey, undefined);
        replaceReview(frozen);
      },
    });
    settle(r);
  };

  const finish = async () => {
    const p = pending.current;
    if (!p) return;
    setRecord({ kind: 'saving' });
    settle(await finishOutcome(ports, p));
  };

  const apply = async () => {
    if (!data) return;
    setRecord({ kind: 'saving' });
    settle(await finishOutcome(ports, { frozen: data.review, panels: accessRef.current.panels }));
  };

  const resetRecord = useCallback(() => setRecord({ kind: 'idle' }), []);

  return { load, record, details, reload, saveDetails, saveDetailsOn, post, submit, finish, apply, resetRecord };
}
