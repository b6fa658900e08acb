/**
 * The runner's copy of a draft assessment on this device (localStorage), kept
 * on every change: a reload, a dropped network or a conflict never loses an
 * answer. Also the client-made key of an assessment being started, so a
 * retried or reloaded start never makes two.
 */
import type { Answer, Assessment, Stored } from '../../../domain';

export interface LocalAnswers {
  readonly version: 1;
  readonly key: string;
  /** The stored version the answers started from (its ETag is what a save sends). */
  readonly base: Stored<Assessment>;
  /** Everything the person gave, including answers still to correct. */
  readonly answers: Readonly<Record<string, Answer>>;
  /** ISO instant. */
  readonly savedAt: string;
}

const PREFIX = 'collaboration-register:assessment:';
const START_PREFIX = 'collaboration-register:assessment-start:';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function localKey(key: string): string {
  return `${PREFIX}${key}`;
}

export function loadLocal(key: string): LocalAnswers | undefined {
  const raw = storage()?.getItem(localKey(key));
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as Partial<LocalAnswers>;
    if (d.version !== 1 || d.key !== key || !d.base || typeof d.answers !== 'object' || d.answers === null)
      return undefined;
    return d as LocalAnswers;
  } catch {
    return undefined;
  }
}

/** False when the device would not keep it (storage full or blocked). */
export function saveLocal(value: LocalAnswers): boolean {
  try {
    storage()?.setItem(localKey(value.key), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearLocal(key: string): void {
  try {
    storage()?.removeItem(localKey(key));
  } catch {
    // nothing to clear
  }
}

function randomPart(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/**
 * The key for a new assessment of a collaboration against a template: made
 * once and kept until the start succeeds, so a retry sends the same key and
 * SharePoint's unique key column turns a second create into the first one.
 */
export function pendingStartKey(reference: string, templateKey: string): string {
  const slot = `${START_PREFIX}${reference}:${templateKey}`;
  const kept = storage()?.getItem(slot);
  if (kept) return kept;
  const key = `ASM-${reference}-${randomPart()}`;
  try {
    storage()?.setItem(slot, key);
  } catch {
    // an unkept key still works; only a retry after a reload would make a second draft
  }
  return key;
}

export function clearPendingStart(reference: string, templateKey: string): void {
  try {
    storage()?.removeItem(`${START_PREFIX}${reference}:${templateKey}`);
  } catch {
    // nothing to clear
  }
}
