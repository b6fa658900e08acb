import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  answerConflicts,
  checkAnswer,
  isAnswered,
  mergeAnswers,
  submissionProblems,
  submitAssessment,
  type Answer,
  type AnswerConflict,
  type Assessment,
  type AssessmentStore,
  type AssessmentTemplate,
  type Collaboration,
  type CollaborationStore,
  type Person,
  type RepoError,
  type Stored,
  type SubmissionProblem,
  type TemplateStore,
} from '../../../domain';
import { putAssessmentOnRecord } from '../../../app/putAssessmentOnRecord';
import { clearLocal, loadLocal, saveLocal } from './drafts';

export type Answers = Readonly<Record<string, Answer>>;

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'failed'; readonly error: RepoError }
  | {
      readonly kind: 'conflict';
      /** The dialog is open (false: the person chose to decide later). */
      readonly open: boolean;
      readonly theirs: Stored<Assessment>;
      readonly conflicts: readonly AnswerConflict[];
      readonly mine: Answers;
    }
  | { readonly kind: 'submittedMeanwhile' };

export type SubmitState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'submitting' }
  | { readonly kind: 'problems'; readonly problems: readonly SubmissionProblem[] }
  | { readonly kind: 'failed'; readonly error: RepoError }
  | { readonly kind: 'submitted' }
  | { readonly kind: 'recordNotUpdated'; readonly error: RepoError };

export interface AssessmentStores {
  readonly assessments: AssessmentStore;
  readonly templates: TemplateStore;
  readonly collaborations: CollaborationStore;
}

export interface AssessmentModel {
  readonly status: 'loading' | 'ready' | 'error';
  readonly loadError?: RepoError;
  readonly stored?: Stored<Assessment>;
  readonly template?: AssessmentTemplate;
  readonly collaboration?: Stored<Collaboration>;
  /** Every assessment of the same collaboration (for "compare with previous"). */
  readonly siblings: readonly Stored<Assessment>[];
  /** The answers as the person gave them (some may still need correcting). */
  readonly answers: Answers;
  /** True when answers are given that the list does not hold yet. */
  readonly dirty: boolean;
  readonly save: SaveStatus;
  readonly submit: SubmitState;
  readonly restoredAt?: string;
  readonly setAnswer: (questionKey: string, answer: Answer | undefined) => void;
  readonly saveNow: () => void;
  readonly merge: (choices: Readonly<Record<string, 'mine' | 'theirs'>>) => Promise<void>;
  readonly deferConflict: () => void;
  readonly reopenConflict: () => void;
  readonly discardLocal: () => void;
  readonly submitNow: (by: Person | undefined, on: string) => Promise<void>;
  readonly retryRecord: () => Promise<void>;
  readonly reload: () => void;
}

const stable = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
};

/** What a save sends: the answers that are complete and acceptable; blank and faulty ones stay on this device only. */
export function payloadOf(template: AssessmentTemplate | undefined, answers: Answers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  if (!template) return out;
  for (const q of template.questions) {
    const a = answers[q.key];
    if (a !== undefined && isAnswered(a) && checkAnswer(q, a) === undefined) out[q.key] = a;
  }
  return out;
}

const RETRY_MS = 10_000;

/**
 * One assessment, loaded by its key with the template version it was
 * answered against. Answers are kept on this device at every change and
 * saved to the list a few seconds after the last one, with the ETag they were
 * read with; a 412 becomes a question-by-question choice, never an overwrite.
 */
export function useAssessment(stores: AssessmentStores, key: string, autosaveMs = 2000): AssessmentModel {
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState<RepoError | undefined>();
  const [stored, setStored] = useState<Stored<Assessment> | undefined>();
  const [template, setTemplate] = useState<AssessmentTemplate | undefined>();
  const [collaboration, setCollaboration] = useState<Stored<Collaboration> | undefined>();
  const [siblings, setSiblings] = useState<readonly Stored<Assessment>[]>([]);
  const [answers, setAnswers] = useState<Answers>({});
  const [save, setSave] = useState<SaveStatus>({ kind: 'idle' });
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'idle' });
  const [restoredAt, setRestoredAt] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [tick, setTick] = useState(0);
  const inFlight = useRef(false);
  /** The autosave on its way, so a submit waits for it and sends the ETag it brings back. */
  const inFlightSave = useRef<Promise<void> | undefined>(undefined);
  const submitting = useRef(false);
  const latest = useRef({ answers, stored, template });
  latest.current = { answers, stored, template };

  useEffect(() => {
    let live = true;
    setStatus('loading');
    setLoadError(undefined);
    void (async () => {
      const a = await stores.assessments.getByKey(key);
      if (!live) return;
      if (!a.ok) {
        setLoadError(a.error);
        setStatus('error');
        return;
      }
      const [tpl, collab, all] = await Promise.all([
        stores.templates.version(a.value.templateKey, a.value.templateVersion),
        stores.collaborations.get(a.value.collaborationId),
        stores.assessments.forCollaboration(a.value.collaborationId),
      ]);
      if (!live) return;
      if (!tpl.ok || !collab.ok) {
        setLoadError(!tpl.ok ? tpl.error : !collab.ok ? collab.error : { code: 'unexpected' });
        setStatus('error');
        return;
      }
      const local = a.value.status === 'draft' ? loadLocal(key) : undefined;
      if (local && stable(local.answers) !== stable(a.value.answers)) {
        // Saving sends the ETag the answers started from: a change made meanwhile comes back as a conflict.
        setStored(local.base.etag === a.value.etag ? a.value : local.base);
        setAnswers(local.answers);
        setRestoredAt(local.savedAt);
      } else {
        if (a.value.status !== 'draft') clearLocal(key);
        setStored(a.value);
        setAnswers(a.value.answers);
        setRestoredAt(undefined);
      }
      setTemplate(tpl.value);
      setCollaboration(collab.value);
      setSiblings(all.ok ? all.value : [a.value]);
      setSave({ kind: 'idle' });
      setSubmit({ kind: 'idle' });
      setStatus('ready');
    })();
    return () => {
      live = false;
    };
  }, [stores, key, attempt]);

  const payload = useMemo(() => payloadOf(template, answers), [template, answers]);
  const editable = stored?.status === 'draft';
  const dirty = editable && stable(payload) !== stable(stored.answers);

  // Every change is kept on this device at once.
  useEffect(() => {
    if (!stored || stored.status !== 'draft' || status !== 'ready') return;
    saveLocal({ version: 1, key, base: stored, answers, savedAt: new Date().toISOString() });
  }, [key, stored, answers, status]);

  const saveToList = useCallback(async () => {
    const { stored: base, template: tpl, answers: given } = latest.current;
    if (!base || base.status !== 'draft' || !tpl || inFlight.current || submitting.current) return;
    const toSend = payloadOf(tpl, given);
    if (stable(toSend) === stable(base.answers)) return;
    inFlight.current = true;
    setSave({ kind: 'saving' });
    const sent = stores.assessments.update({ ...base, answers: toSend });
    inFlightSave.current = sent.then(() => undefined);
    const r = await sent;
    inFlight.current = false;
    inFlightSave.current = undefined;
    if (r.ok) {
      // Now, not at the next render: a submit waiting on this save reads it.
      latest.current = { ...latest.current, stored: r.value };
      setStored(r.value);
      setRestoredAt(undefined);
      setSave({ kind: 'saved', at: new Date().toISOString() });
      return;
    }
    if (r.error.code === 'conflict' && r.error.theirs) {
      const theirs = r.error.theirs;
      if (theirs.status !== 'draft') {
        setStored(theirs);
        setSave({ kind: 'submittedMeanwhile' });
        return;
      }
      const conflicts = answerConflicts(
        base.answers,
        toSend,
        theirs.answers,
        tpl.questions.map((q) => q.key),
      );
      setSave({ kind: 'conflict', open: true, theirs, conflicts, mine: toSend });
      return;
    }
    setSave(r.error.code === 'network' ? { kind: 'offline' } : { kind: 'failed', error: r.error });
  }, [stores]);

  // Autosave a few seconds after the last change; after a failure, try again a little later.
  const blocked = save.kind === 'conflict' || save.kind === 'submittedMeanwhile' || submit.kind === 'submitting';
  useEffect(() => {
    if (!dirty || blocked || status !== 'ready') return;
    const failed = save.kind === 'offline' || save.kind === 'failed';
    const timer = setTimeout(() => void saveToList(), failed ? RETRY_MS : autosaveMs);
    return () => clearTimeout(timer);
  }, [dirty, blocked, status, answers, stored, tick, autosaveMs, saveToList, save.kind]);

  const setAnswer = useCallback((questionKey: string, answer: Answer | undefined) => {
    setAnswers((prev) => {
      const next = { ...prev };
      if (answer === undefined) delete next[questionKey];
      else next[questionKey] = answer;
      return next;
    });
    setSubmit((s) => (s.kind === 'failed' ? { kind: 'idle' } : s));
  }, []);

  const saveNow = useCallback(() => {
    void saveToList();
    setTick((n) => n + 1);
  }, [saveToList]);

  const merge = useCallback(
    async (choices: Readonly<Record<string, 'mine' | 'theirs'>>) => {
      if (save.kind !== 'conflict') return;
      const { theirs, conflicts, mine } = save;
      const merged = mergeAnswers(mine, theirs.answers, conflicts, choices);
      // Answers still to correct stay as typed, on this device.
      const pending: Record<string, Answer> = {};
      for (const [k, v] of Object.entries(latest.current.answers)) if (!(k in mine)) pending[k] = v;
      const next = { ...merged, ...pending };
      setStored(theirs);
      setAnswers(next);
      latest.current = { ...latest.current, stored: theirs, answers: next };
      setSave({ kind: 'idle' });
      await saveToList();
    },
    [save, saveToList],
  );

  const deferConflict = useCallback(() => setSave((s) => (s.kind === 'conflict' ? { ...s, open: false } : s)), []);
  const reopenConflict = useCallback(() => setSave((s) => (s.kind === 'conflict' ? { ...s, open: true } : s)), []);

  const discardLocal = useCallback(() => {
    clearLocal(key);
    setRestoredAt(undefined);
    setAttempt((n) => n + 1);
  }, [key]);

  const updateRecord = useCallback(
    async (submitted: Assessment): Promise<RepoError | undefined> => {
      const r = await putAssessmentOnRecord(stores.collaborations, submitted);
      if (!r.ok) return r.error;
      setCollaboration(r.value);
      return undefined;
    },
    [stores],
  );

  const submitNow = useCallback(
    async (by: Person | undefined, on: string) => {
      // An autosave already sent lands first: submitting against the ETag it replaced would be
      // refused as a change made meanwhile, by this person's own save.
      if (inFlightSave.current) {
        submitting.current = true;
        await inFlightSave.current;
        submitting.current = false;
      }
      const { stored: base, template: tpl, answers: given } = latest.current;
      if (!base || !tpl || base.status !== 'draft') return;
      const problems = submissionProblems(tpl, given);
      if (problems.length > 0) {
        setSubmit({ kind: 'problems', problems });
        return;
      }
      const frozen = submitAssessment({ ...base, answers: payloadOf(tpl, given) }, tpl, by, on);
      if (!frozen.ok) {
        setSubmit({ kind: 'problems', problems: submissionProblems(tpl, given) });
        return;
      }
      submitting.current = true;
      setSubmit({ kind: 'submitting' });
      const r = await stores.assessments.update({ ...frozen.value, id: base.id, etag: base.etag });
      submitting.current = false;
      if (!r.ok) {
        if (r.error.code === 'conflict' && r.error.theirs) {
          const theirs = r.error.theirs;
          setSubmit({ kind: 'idle' });
          if (theirs.status !== 'draft') {
            setStored(theirs);
            setSave({ kind: 'submittedMeanwhile' });
            return;
          }
          const mine = payloadOf(tpl, given);
          const conflicts = answerConflicts(
            base.answers,
            mine,
            theirs.answers,
            tpl.questions.map((q) => q.key),
          );
          setSave({ kind: 'conflict', open: true, theirs, conflicts, mine });
          return;
        }
        setSubmit({ kind: 'failed', error: r.error });
        return;
      }
      clearLocal(key);
      setStored(r.value);
      setAnswers(r.value.answers);
      setRestoredAt(undefined);
      setSave({ kind: 'idle' });
      setSiblings((all) => [...all.filter((a) => a.key !== r.value.key), r.value]);
      const recordError = await updateRecord(r.value);
      setSubmit(recordError ? { kind: 'recordNotUpdated', error: recordError } : { kind: 'submitted' });
    },
    [stores, key, updateRecord],
  );

  const retryRecord = useCallback(async () => {
    const s = latest.current.stored;
    if (!s || s.status !== 'submitted') return;
    const e = await updateRecord(s);
    setSubmit(e ? { kind: 'recordNotUpdated', error: e } : { kind: 'submitted' });
  }, [updateRecord]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    status,
    ...(loadError ? { loadError } : {}),
    ...(stored ? { stored } : {}),
    ...(template ? { template } : {}),
    ...(collaboration ? { collaboration } : {}),
    siblings,
    answers,
    dirty,
    save,
    submit,
    ...(restoredAt ? { restoredAt } : {}),
    setAnswer,
    saveNow,
    merge,
    deferConflict,
    reopenConflict,
    discardLocal,
    submitNow,
    retryRecord,
    reload,
  };
}

/** Now, to the second, as SharePoint keeps a date and time (2026-03-02T14:02:00Z). */
export function nowInstant(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
