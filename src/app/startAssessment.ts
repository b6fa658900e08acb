/**
 * Start an assessment, or come back to the one already started: the draft's
 * key is made from the collaboration, the template and the person starting it
 * (`ASM-COL-0003-wlga-principles-P12-1`), so opening the same "new assessment"
 * link twice, on this device or another, finds the person's draft rather than
 * making a second. A key whose assessment was submitted is passed over for the
 * next number; a discarded (deleted) draft frees its key. The unique key column
 * makes two starts at the same moment one item (the store's idempotent create).
 */
import type { Assessment, AssessmentTemplate } from '../domain/entities';
import { newAssessment } from '../domain/assessment';
import type { AssessmentStore, RepoResult, Stored } from '../domain/ports';
import { may, type Actor } from '../domain/policy';

export type StartPorts = Pick<AssessmentStore, 'getByKey' | 'create'>;

export interface StartInput {
  readonly reference: string;
  readonly collaborationId: number;
  readonly template: AssessmentTemplate;
  /** The person's SharePoint user id. */
  readonly authorId: number;
}

/** How many submitted assessments of one template by one person are passed over before giving up. */
export const START_LIMIT = 100;

/** The n-th assessment key of a person for a collaboration and template. */
export function assessmentKeyOf(
  input: Omit<StartInput, 'collaborationId' | 'template'> & { readonly templateKey: string },
  n: number,
): string {
  return `ASM-${input.reference}-${input.templateKey}-P${input.authorId}-${n}`;
}

export async function startAssessment(store: StartPorts, input: StartInput): Promise<RepoResult<Stored<Assessment>>> {
  for (let n = 1; n <= START_LIMIT; n += 1) {
    const key = assessmentKeyOf({ ...input, templateKey: input.template.key }, n);
    const existing = await store.getByKey(key);
    if (existing.ok) {
      if (existing.value.status === 'draft') return existing;
      continue;
    }
    if (existing.error.code !== 'notFound') return existing;
    const draft = newAssessment({ key, collaborationId: input.collaborationId, template: input.template });
    if (!draft.ok) return { ok: false, error: { code: 'invalid', detail: JSON.stringify(draft.error) } };
    const created = await store.create(draft.value);
    if (created.ok) return created;
    // Made a moment ago (this person, in another tab): look again, and open it when it is a draft.
    if (created.error.code !== 'duplicate') return created;
    const again = await store.getByKey(key);
    if (!again.ok || again.value.status === 'draft') return again;
  }
  return { ok: false, error: { code: 'duplicate' } };
}

/** The person who started a draft, from its key; undefined for a key made another way (older drafts). */
export function authorIdOfKey(key: string): number | undefined {
  const m = /-P(\d+)-\d+$/.exec(key);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/** A draft may be discarded by the person who started it (read from its key), or by the governance team. */
export function mayDiscard(assessment: Pick<Assessment, 'key' | 'status'>, actor: Actor): boolean {
  if (assessment.status !== 'draft') return false;
  const author = authorIdOfKey(assessment.key);
  return may(actor, { kind: 'discardDraft', ...(author !== undefined ? { author: { id: author } } : {}) });
}
