/**
 * Unsaved edits of a record, kept on this device (localStorage) under its
 * reference, so a reload, a crash, a throttled request or a dropped network
 * never loses what the person typed. A draft is cleared when the record saves.
 */
import type { Collaboration, Stored } from '../../../domain';
import type { FormState } from '../../components/formState';

export interface Draft {
  readonly version: 1;
  readonly reference: string;
  /** The stored version the edits started from (its ETag is what a save sends). */
  readonly base: Stored<Collaboration>;
  readonly form: FormState;
  /** ISO instant. */
  readonly savedAt: string;
}

const PREFIX = 'collaboration-register:draft:';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function draftKey(reference: string): string {
  return `${PREFIX}${reference}`;
}

export function loadDraft(reference: string): Draft | undefined {
  const raw = storage()?.getItem(draftKey(reference));
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (d.version !== 1 || d.reference !== reference || !d.base || !d.form?.draft) return undefined;
    return d as Draft;
  } catch {
    return undefined;
  }
}

/** False when the device would not keep it (storage full or blocked). */
export function saveDraft(draft: Draft): boolean {
  try {
    storage()?.setItem(draftKey(draft.reference), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(reference: string): void {
  try {
    storage()?.removeItem(draftKey(reference));
  } catch {
    // nothing to clear
  }
}
