/**
 * Turns the domain's and the repositories' coded failures into the person's
 * language. Nothing else in the tab writes an error message.
 */
import type { TFunction } from 'i18next';
import type { DomainError, RepoError, RepoErrorCode } from '../../domain';

/** `errors.<code>`, with status codes in a transition message named in words. */
export function domainErrorMessage(t: TFunction, error: DomainError): string {
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  for (const key of ['from', 'to'] as const) {
    const v = params[key];
    if (typeof v === 'string') params[key] = t(`vocab.status.${v}`, { defaultValue: v });
  }
  return t(`errors.${error.code}`, params);
}

/** The first message for each field (`leadOfficer.id` is reported on `leadOfficer`). */
export function fieldMessages(t: TFunction, errors: readonly DomainError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const field = e.field.split('.')[0] ?? e.field;
    out[field] ??= domainErrorMessage(t, e);
  }
  return out;
}

/** A repository failure, said plainly (`tab.repoErrors.<code>`). */
export function repoErrorMessage(t: TFunction, error: Pick<RepoError, 'code'>): string {
  const code: RepoErrorCode = error.code;
  return t(`tab.repoErrors.${code}`);
}
