import { NARRATIVE_FIELDS, type NarrativeField } from '../../../domain';

/**
 * A copy of the narrative being written, kept in this browser until it is saved, so that
 * nothing typed is lost on a reload, a change of year, a network fault or a conflict. The
 * ETag of the version it was written over is kept with it: a draft restored after someone
 * else saved meets their version in the conflict dialog, never overwrites it.
 */
const PREFIX = 'collaboration-register.narrative-draft.';

export interface NarrativeDraft {
  readonly texts: Readonly<Record<NarrativeField, string>>;
  /** The ETag of the stored version the texts were written over; absent when there was none. */
  readonly etag?: string;
}

export function loadNarrativeDraft(key: string): NarrativeDraft | undefined {
  try {
    const raw = localStorage.getItem(`${PREFIX}${key}`);
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as { texts?: Record<string, unknown>; etag?: unknown };
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.texts !== 'object' || parsed.texts === null)
      return undefined;
    const source = parsed.texts;
    const texts = Object.fromEntries(
      NARRATIVE_FIELDS.map((f) => [f, typeof source[f] === 'string' ? source[f] : '']),
    ) as Record<NarrativeField, string>;
    return { texts, ...(typeof parsed.etag === 'string' ? { etag: parsed.etag } : {}) };
  } catch {
    return undefined;
  }
}

export function saveNarrativeDraft(key: string, draft: NarrativeDraft): void {
  try {
    localStorage.setItem(`${PREFIX}${key}`, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft is still on screen.
  }
}

export function clearNarrativeDraft(key: string): void {
  try {
    localStorage.removeItem(`${PREFIX}${key}`);
  } catch {
    // Nothing to clear.
  }
}
