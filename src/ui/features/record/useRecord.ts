import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  Collaboration,
  CollaborationStore,
  DomainError,
  HistoryStore,
  IsoDate,
  Person,
  RepoError,
  SignificanceWeights,
  Stored,
} from '../../../domain';
import { saveCollaboration } from '../../../app/saveCollaboration';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { candidateOf, changedFields, formFrom, unstoredRecord, type FormState } from '../../components/formState';

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed'; readonly error: RepoError }
  | {
      readonly kind: 'conflict';
      /** The version now stored (someone else's save). */
      readonly theirs: Stored<Collaboration>;
      /** What this person tried to save. */
      readonly mine: Collaboration;
      /** What this person started from, to tell whose change each field is. */
      readonly base: Collaboration;
    };

export type Choice = 'mine' | 'theirs';

export interface RecordModel {
  readonly status: 'loading' | 'ready' | 'error';
  readonly loadError?: RepoError;
  readonly stored?: Stored<Collaboration>;
  readonly form?: FormState;
  readonly dirty: boolean;
  readonly errors: readonly DomainError[];
  readonly save: SaveState;
  /** When a draft from an earlier visit was restored: when it was written. */
  readonly restoredAt?: string;
  /** Bumped after each successful save (the version history reloads). */
  readonly savedCount: number;
  readonly setForm: (update: (form: FormState) => FormState) => void;
  readonly submit: () => Promise<void>;
  /** Conflict: the field-by-field choices; saves the merge against the stored version's ETag. */
  readonly merge: (choices: Readonly<Record<string, Choice>>) => Promise<void>;
  readonly cancelConflict: () => void;
  readonly discard: () => void;
  readonly reload: () => void;
}

export interface RecordOptions {
  readonly today: IsoDate;
  readonly councilName: string;
  /** Where a change of status, assurance or significance is written (saveCollaboration). */
  readonly history?: Pick<HistoryStore, 'record'>;
  /** Who is saving, for the history. */
  readonly by?: Person | undefined;
  /** The significance policy in force. */
  readonly significance?: SignificanceWeights;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The default choice for a field in conflict: theirs where only they changed it, otherwise mine. */
export function defaultChoice(field: keyof Collaboration, mine: Collaboration, base: Collaboration): Choice {
  return same(mine[field], base[field]) ? 'theirs' : 'mine';
}

/**
 * Loads a record by reference, keeps the edited copy (and a draft of it on
 * this device), and saves it with the ETag it was read with. A conflict keeps
 * both versions for the person to merge; a throttled or lost request keeps
 * the form as it was, to try again.
 */
export function useRecord(store: CollaborationStore, reference: string, options: RecordOptions): RecordModel {
  const [stored, setStored] = useState<Stored<Collaboration> | undefined>();
  const [form, setFormState] = useState<FormState | undefined>();
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState<RepoError | undefined>();
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [restoredAt, setRestoredAt] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [savedCount, setSavedCount] = useState(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    let live = true;
    setStatus('loading');
    setLoadError(undefined);
    void store.getByReference(reference).then((r) => {
      if (!live) return;
      if (!r.ok) {
        // A draft survives an unreachable list: show it so nothing typed is lost.
        const draft = loadDraft(reference);
        if (draft && r.error.code !== 'notFound') {
          setStored(draft.base);
          setFormState(draft.form);
          setRestoredAt(draft.savedAt);
        }
        setLoadError(r.error);
        setStatus('error');
        return;
      }
      const draft = loadDraft(reference);
      const fresh = formFrom(r.value);
      if (draft && !same(draft.form, fresh)) {
        // Edits started from the version they were made on: saving sends that ETag, so a change made
        // meanwhile comes back as a conflict to merge rather than being overwritten.
        setStored(draft.base.etag === r.value.etag ? r.value : draft.base);
        setFormState(draft.form);
        setRestoredAt(draft.savedAt);
      } else {
        if (draft) clearDraft(reference);
        setStored(r.value);
        setFormState(fresh);
      }
      setStatus('ready');
    });
    return () => {
      live = false;
    };
  }, [store, reference, attempt]);

  const dirty = stored !== undefined && form !== undefined && !same(form, formFrom(stored));

  // Every change is kept on this device until it is saved.
  useEffect(() => {
    if (!stored || !form) return;
    if (!dirty) {
      clearDraft(reference);
      return;
    }
    const timer = setTimeout(() => {
      saveDraft({ version: 1, reference, base: stored, form, savedAt: new Date().toISOString() });
    }, 200);
    return () => clearTimeout(timer);
  }, [stored, form, dirty, reference]);

  const setForm = useCallback((update: (f: FormState) => FormState) => {
    setFormState((f) => (f ? update(f) : f));
    setSave((s) => (s.kind === 'saved' || s.kind === 'failed' ? { kind: 'idle' } : s));
  }, []);

  const saveWith = useCallback(
    async (f: FormState, base: Stored<Collaboration>) => {
      const candidate = candidateOf(f, { ...optionsRef.current, base: unstoredRecord(base) });
      setErrors(candidate.errors);
      if (!candidate.record) {
        setSave({ kind: 'invalid' });
        return;
      }
      setSave({ kind: 'saving' });
      const { history, by, today } = optionsRef.current;
      const r = await saveCollaboration(
        { collaborations: store, ...(history ? { history } : {}) },
        base,
        candidate.record,
        { today, by },
      );
      if (r.ok) {
        clearDraft(reference);
        setStored(r.value);
        setFormState(formFrom(r.value));
        setRestoredAt(undefined);
        setSave({ kind: 'saved' });
        setSavedCount((n) => n + 1);
        return;
      }
      if (r.error.code === 'conflict' && r.error.theirs) {
        setSave({ kind: 'conflict', theirs: r.error.theirs, mine: candidate.record, base: unstoredRecord(base) });
        return;
      }
      setSave({ kind: 'failed', error: r.error });
    },
    [store, reference],
  );

  const submit = useCallback(async () => {
    if (!form || !stored) return;
    await saveWith(form, stored);
  }, [form, stored, saveWith]);

  const merge = useCallback(
    async (choices: Readonly<Record<string, Choice>>) => {
      if (save.kind !== 'conflict') return;
      const { theirs, mine } = save;
      const merged: Record<string, unknown> = { ...unstoredRecord(theirs) };
      for (const field of changedFields(mine, unstoredRecord(theirs))) {
        if ((choices[field] ?? 'mine') !== 'mine') continue;
        if (mine[field] === undefined) delete merged[field];
        else merged[field] = mine[field];
      }
      const record = merged as Collaboration;
      // A status the merge keeps from "mine" is still a change along the life cycle from theirs.
      const next: FormState =
        record.status !== theirs.status
          ? { ...formFrom({ ...record, status: theirs.status }), targetStatus: record.status }
          : formFrom(record);
      setStored(theirs);
      setFormState(next);
      await saveWith(next, theirs);
    },
    [save, saveWith],
  );

  const cancelConflict = useCallback(() => setSave({ kind: 'idle' }), []);

  const discard = useCallback(() => {
    clearDraft(reference);
    setRestoredAt(undefined);
    setErrors([]);
    setSave({ kind: 'idle' });
    setAttempt((n) => n + 1);
  }, [reference]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    status,
    ...(loadError ? { loadError } : {}),
    ...(stored ? { stored } : {}),
    ...(form ? { form } : {}),
    dirty,
    errors,
    save,
    ...(restoredAt ? { restoredAt } : {}),
    savedCount,
    setForm,
    submit,
    merge,
    cancelConflict,
    discard,
    reload,
  };
}
