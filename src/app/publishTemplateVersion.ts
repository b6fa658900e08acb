/**
 * Save and publish a template version (the governance team's editor). The
 * draft of the next version is checked by the domain (publishTemplate), then
 * written through the TemplateStore only if what is stored under that version
 * is still what the editor read: a draft someone else saved meanwhile, or the
 * version published by someone else, is a `conflict` with their template,
 * never overwritten silently.
 */
import { publishTemplate } from '../domain/assessment';
import type { AssessmentTemplate } from '../domain/entities';
import type { RepoError, TemplateStore } from '../domain/ports';
import type { DomainError } from '../domain/result';

export type TemplatePorts = Pick<TemplateStore, 'version' | 'save'>;

export interface TemplateWriteInput {
  /** The draft being written (its version is the next one). */
  readonly draft: AssessmentTemplate;
  /** The stored draft the editor started from (undefined when there was none). */
  readonly base: AssessmentTemplate | undefined;
  /** The template's published (and retired) versions. */
  readonly published: readonly AssessmentTemplate[];
  /** Called when the checks passed and the write begins. */
  readonly onWriting?: () => void;
}

export type TemplateWriteError =
  /** The domain's reasons; nothing was written. */
  | { readonly code: 'invalid'; readonly errors: readonly DomainError[] }
  /** Someone else saved or published this version since it was read. */
  | { readonly code: 'conflict'; readonly theirs: AssessmentTemplate }
  | { readonly code: 'failed'; readonly error: RepoError };

export type TemplateWriteResult =
  | { readonly ok: true; readonly value: AssessmentTemplate }
  | { readonly ok: false; readonly error: TemplateWriteError };

const same = (a: AssessmentTemplate | undefined, b: AssessmentTemplate | undefined): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * What storage needs before a draft can be kept: each question's text in both
 * languages and unique keys (the domain's publish check names the fields).
 */
export function storageProblems(draft: AssessmentTemplate, published: readonly AssessmentTemplate[]): DomainError[] {
  const check = publishTemplate(draft, published);
  if (check.ok) return [];
  return check.error.filter(
    (e) =>
      (e.code === 'required' && (e.field === 'titleEn' || /\.text(En|Cy)$/.test(e.field))) || e.code === 'duplicateKey',
  );
}

/** Writes `draft` unless someone else changed what is stored since `base` was read. */
async function write(
  store: TemplatePorts,
  draft: AssessmentTemplate,
  base: AssessmentTemplate | undefined,
): Promise<TemplateWriteResult> {
  const now = await store.version(draft.key, draft.version);
  if (!now.ok && now.error.code !== 'notFound') return { ok: false, error: { code: 'failed', error: now.error } };
  const theirs = now.ok ? now.value : undefined;
  if (theirs && (theirs.status !== 'draft' || !same(theirs, base))) {
    return { ok: false, error: { code: 'conflict', theirs } };
  }
  const saved = await store.save(draft);
  if (!saved.ok) return { ok: false, error: { code: 'failed', error: saved.error } };
  return { ok: true, value: saved.value };
}

/** Keeps a draft of the next version (not yet published). */
export async function saveTemplateDraft(store: TemplatePorts, input: TemplateWriteInput): Promise<TemplateWriteResult> {
  const problems = storageProblems(input.draft, input.published);
  if (problems.length > 0) return { ok: false, error: { code: 'invalid', errors: problems } };
  input.onWriting?.();
  return write(store, input.draft, input.base);
}

/** Publishes the draft as its version: assessments started from now on are answered against it. */
export async function publishTemplateVersion(
  store: TemplatePorts,
  input: TemplateWriteInput,
): Promise<TemplateWriteResult> {
  const checked = publishTemplate(input.draft, input.published);
  if (!checked.ok) return { ok: false, error: { code: 'invalid', errors: checked.error } };
  // The version publishing gives must be the draft's: otherwise its number moved under it.
  const next = checked.value;
  input.onWriting?.();
  return write(
    store,
    next.version === input.draft.version ? next : { ...next, version: input.draft.version },
    input.base,
  );
}
