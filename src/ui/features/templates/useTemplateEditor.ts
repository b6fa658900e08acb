import { useCallback, useEffect, useRef, useState } from 'react';
import {
  publishTemplateVersion,
  saveTemplateDraft,
  type TemplateWriteError,
} from '../../../app/publishTemplateVersion';
import {
  canRemoveQuestion,
  draftFrom,
  type AssessmentTemplate,
  type DomainError,
  type Question,
  type RepoError,
  type TemplateStore,
} from '../../../domain';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from './localDraft';

/** Someone else's version met on save or publish; `working` is what this person had typed. */
export interface TemplateConflict {
  readonly theirs: AssessmentTemplate;
  readonly working: AssessmentTemplate;
  /** What to do on "keep mine": publish after saving, or only save. */
  readonly then: 'save' | 'publish';
}

export type Notice = 'saved' | 'published' | 'restored' | undefined;

export interface TemplateEditor {
  readonly loading: boolean;
  readonly loadError?: RepoError;
  readonly notFound: boolean;
  /** The latest published version (what assessments are started against). */
  readonly latest?: AssessmentTemplate;
  /** The draft being edited, when there is one (unsaved edits included). */
  readonly working?: AssessmentTemplate;
  readonly dirty: boolean;
  readonly busy: boolean;
  /** The domain's reasons a publish or save was refused. */
  readonly errors: readonly DomainError[];
  readonly refused?: 'publish' | 'save';
  readonly saveError?: RepoError;
  readonly conflict?: TemplateConflict;
  readonly notice: Notice;
  readonly publishedVersion?: number;
  readonly reload: () => void;
  readonly startDraft: () => void;
  readonly update: (change: (draft: AssessmentTemplate) => AssessmentTemplate) => void;
  readonly removeQuestion: (key: string) => void;
  readonly discard: () => void;
  readonly save: () => Promise<void>;
  readonly publish: () => Promise<void>;
  readonly keepMine: () => Promise<void>;
  readonly takeTheirs: () => void;
  readonly closeConflict: () => void;
  /** Tries the last save or publish again (after a failure). */
  readonly retry: () => Promise<void>;
}

const same = (a: AssessmentTemplate | undefined, b: AssessmentTemplate | undefined): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Questions numbered in the order they stand, section by section. */
export function renumber(t: AssessmentTemplate): AssessmentTemplate {
  const sectionIndex = new Map(t.sections.map((s, i) => [s.key, i]));
  const sorted = t.questions
    .map((q, i) => ({ q, i }))
    .sort(
      (a, b) =>
        (sectionIndex.get(a.q.sectionKey) ?? Number.MAX_SAFE_INTEGER) -
          (sectionIndex.get(b.q.sectionKey) ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map(({ q }, i): Question => (q.order === i + 1 ? q : { ...q, order: i + 1 }));
  return { ...t, questions: sorted };
}

/**
 * The template editor's state: the published versions of one template key
 * (read only), and a draft of the next version that the governance team
 * edits, saves and publishes through the TemplateStore. Before each write the
 * stored version is read again; a change made meanwhile by someone else is a
 * conflict shown to the person, never overwritten silently. Unsaved edits are
 * kept in this browser until saved.
 */
export function useTemplateEditor(store: TemplateStore, key: string): TemplateEditor {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<RepoError>();
  const [notFound, setNotFound] = useState(false);
  const [versions, setVersions] = useState<AssessmentTemplate[]>([]);
  const [stored, setStored] = useState<AssessmentTemplate>();
  const [working, setWorking] = useState<AssessmentTemplate>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly DomainError[]>([]);
  const [refused, setRefused] = useState<'publish' | 'save'>();
  const [saveError, setSaveError] = useState<RepoError>();
  const [conflict, setConflict] = useState<TemplateConflict>();
  const [notice, setNotice] = useState<Notice>();
  const [publishedVersion, setPublishedVersion] = useState<number>();
  const [attempt, setAttempt] = useState(0);
  const [lastOp, setLastOp] = useState<'save' | 'publish'>('save');
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setLoadError(undefined);
    void (async () => {
      const all = await store.published();
      if (!current) return;
      if (!all.ok) {
        setLoadError(all.error);
        setLoading(false);
        return;
      }
      const mine = all.value.filter((t) => t.key === key).sort((a, b) => a.version - b.version);
      const latest = mine.at(-1);
      const nextVersion = (latest?.version ?? 0) + 1;
      const next = await store.version(key, nextVersion);
      if (!current) return;
      if (!next.ok && next.error.code !== 'notFound') {
        setLoadError(next.error);
        setLoading(false);
        return;
      }
      const draft = next.ok && next.value.status === 'draft' ? next.value : undefined;
      const local = loadLocalDraft(key);
      setVersions(mine);
      setStored(draft);
      setNotFound(!latest && !draft);
      if (local && local.version === nextVersion && !same(local, draft)) {
        setWorking(local);
        setNotice('restored');
      } else {
        if (local) clearLocalDraft(key);
        setWorking(draft);
      }
      setLoading(false);
    })();
    return () => {
      current = false;
    };
  }, [store, key, attempt]);

  const latest = versions.at(-1);

  const edit = useCallback((next: AssessmentTemplate) => {
    const numbered = renumber(next);
    setWorking(numbered);
    saveLocalDraft(numbered);
    setNotice((n) => (n === 'restored' ? n : undefined));
  }, []);

  const startDraft = useCallback(() => {
    if (!latest) return;
    setErrors([]);
    setRefused(undefined);
    edit(draftFrom(latest));
  }, [latest, edit]);

  // Functional updates keep these callbacks stable, so each question's editor re-renders only when it changes.
  const update = useCallback((change: (draft: AssessmentTemplate) => AssessmentTemplate) => {
    setWorking((prev) => {
      if (!prev) return prev;
      const next = renumber(change(prev));
      saveLocalDraft(next);
      return next;
    });
    setNotice((n) => (n === 'restored' ? n : undefined));
  }, []);

  const removeQuestion = useCallback(
    (questionKey: string) =>
      update((d) => (canRemoveQuestion(d) ? { ...d, questions: d.questions.filter((q) => q.key !== questionKey) } : d)),
    [update],
  );

  const discard = useCallback(() => {
    clearLocalDraft(key);
    setWorking(stored);
    setErrors([]);
    setRefused(undefined);
    setSaveError(undefined);
    setNotice(undefined);
  }, [key, stored]);

  /** The use case's refusal, conflict or failure, shown to the person. */
  const refusedBy = useCallback((error: TemplateWriteError, draft: AssessmentTemplate, then: 'save' | 'publish') => {
    if (error.code === 'invalid') {
      setErrors(error.errors);
      setRefused(then);
    } else if (error.code === 'conflict') setConflict({ theirs: error.theirs, working: draft, then });
    else setSaveError(error.error);
  }, []);

  const clearOutcome = () => {
    setErrors([]);
    setRefused(undefined);
    setSaveError(undefined);
    setNotice(undefined);
  };

  const doSave = useCallback(
    async (draft: AssessmentTemplate, base: AssessmentTemplate | undefined) => {
      clearOutcome();
      const r = await saveTemplateDraft(store, { draft, base, published: versions, onWriting: () => setBusy(true) });
      if (!live.current) return;
      setBusy(false);
      if (!r.ok) return refusedBy(r.error, draft, 'save');
      const saved = r.value;
      clearLocalDraft(draft.key);
      setStored(saved);
      setWorking(saved);
      setNotice('saved');
    },
    [store, versions, refusedBy],
  );

  const doPublish = useCallback(
    async (draft: AssessmentTemplate, base: AssessmentTemplate | undefined) => {
      clearOutcome();
      const r = await publishTemplateVersion(store, {
        draft,
        base,
        published: versions,
        onWriting: () => setBusy(true),
      });
      if (!live.current) return;
      setBusy(false);
      if (!r.ok) return refusedBy(r.error, draft, 'publish');
      const saved = r.value;
      clearLocalDraft(draft.key);
      setVersions((v) => [...v.filter((x) => x.version !== saved.version), saved]);
      setStored(undefined);
      setWorking(undefined);
      setPublishedVersion(saved.version);
      setNotice('published');
    },
    [store, versions, refusedBy],
  );

  const save = useCallback(() => {
    setLastOp('save');
    return working ? doSave(working, stored) : Promise.resolve();
  }, [working, stored, doSave]);
  const publish = useCallback(() => {
    setLastOp('publish');
    return working ? doPublish(working, stored) : Promise.resolve();
  }, [working, stored, doPublish]);

  const keepMine = useCallback(async () => {
    if (!conflict) return;
    const { theirs, then } = conflict;
    setConflict(undefined);
    if (theirs.status === 'draft') {
      // Theirs becomes the base: mine is written over it, as the person chose.
      setStored(theirs);
      const draft = conflict.working;
      await (then === 'publish' ? doPublish(draft, theirs) : doSave(draft, theirs));
      return;
    }
    // They published this version: mine becomes a draft of the next one.
    const moved = renumber({ ...conflict.working, version: theirs.version + 1 });
    setVersions((v) => [...v.filter((x) => x.version !== theirs.version), theirs]);
    setStored(undefined);
    setWorking(moved);
    saveLocalDraft(moved);
  }, [conflict, doPublish, doSave]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const { theirs } = conflict;
    setConflict(undefined);
    clearLocalDraft(theirs.key);
    if (theirs.status === 'draft') {
      setStored(theirs);
      setWorking(theirs);
    } else {
      setVersions((v) => [...v.filter((x) => x.version !== theirs.version), theirs]);
      setStored(undefined);
      setWorking(undefined);
    }
  }, [conflict]);

  return {
    loading,
    ...(loadError ? { loadError } : {}),
    notFound,
    ...(latest ? { latest } : {}),
    ...(working ? { working } : {}),
    dirty: working !== undefined && !same(working, stored),
    busy,
    errors,
    ...(refused ? { refused } : {}),
    ...(saveError ? { saveError } : {}),
    ...(conflict ? { conflict } : {}),
    notice,
    ...(publishedVersion !== undefined ? { publishedVersion } : {}),
    reload: () => setAttempt((n) => n + 1),
    startDraft,
    update,
    removeQuestion,
    discard,
    save,
    publish,
    keepMine,
    takeTheirs,
    closeConflict: () => setConflict(undefined),
    retry: () => (lastOp === 'publish' ? publish() : save()),
  };
}
