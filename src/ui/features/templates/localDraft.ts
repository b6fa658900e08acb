import { templateSchema, type AssessmentTemplate } from '../../../domain';

/**
 * A copy of the draft being edited, kept in this browser until it is saved,
 * so that nothing typed is lost on a reload, a network fault or a conflict.
 */
const PREFIX = 'collaboration-register.template-draft.';

export function localDraftKey(key: string): string {
  return `${PREFIX}${key}`;
}

export function loadLocalDraft(key: string): AssessmentTemplate | undefined {
  try {
    const raw = localStorage.getItem(localDraftKey(key));
    if (raw === null) return undefined;
    const parsed = templateSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.key === key && parsed.data.status === 'draft' ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveLocalDraft(template: AssessmentTemplate): void {
  try {
    localStorage.setItem(localDraftKey(template.key), JSON.stringify(template));
  } catch {
    // Storage full or blocked: the draft is still on screen.
  }
}

export function clearLocalDraft(key: string): void {
  try {
    localStorage.removeItem(localDraftKey(key));
  } catch {
    // Nothing to clear.
  }
}
