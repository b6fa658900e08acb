/**
 * Confirm a directorate's annual assurance statement: "complete and correct", or "not yet"
 * with a comment saying what is missing. Only the governance team or an officer heading one
 * of the directorate's records may (the list lets every officer contribute, so the tab asks
 * the policy first). The first confirmation of a year creates the item, a later one updates
 * it with the ETag it was read with; when someone else confirmed first, the result is their
 * statement beside this person's, so neither is silently overwritten.
 */
import { checkStatement, type AssuranceStatement, type StatementInput } from '../domain/assuranceStatement';
import type { Collaboration } from '../domain/collaboration';
import { may, type Actor } from '../domain/policy';
import type { AssuranceStatementStore, RepoError, Stored } from '../domain/ports';
import type { DomainError } from '../domain/result';

export interface ConfirmStatementInput {
  readonly statement: StatementInput;
  /** The version it was read as, or undefined when the directorate had none this year. */
  readonly base?: Stored<AssuranceStatement>;
  readonly actor: Actor;
  /** The register's records, to tell whether the actor heads one of the directorate's. */
  readonly records: readonly Pick<Collaboration, 'directorate' | 'headOfService'>[];
}

export type ConfirmStatementResult =
  | { readonly ok: true; readonly value: Stored<AssuranceStatement> }
  | { readonly ok: false; readonly invalid: readonly DomainError[] }
  | { readonly ok: false; readonly forbidden: true }
  | {
      readonly ok: false;
      readonly conflict: { readonly mine: AssuranceStatement; readonly theirs?: Stored<AssuranceStatement> };
    }
  | { readonly ok: false; readonly error: RepoError };

export async function confirmStatement(
  store: Pick<AssuranceStatementStore, 'create' | 'update'>,
  input: ConfirmStatementInput,
): Promise<ConfirmStatementResult> {
  const capability = {
    kind: 'confirmStatement',
    directorate: input.statement.directorate,
    records: input.records,
  } as const;
  if (!may(input.actor, capability)) return { ok: false, forbidden: true };
  const checked = checkStatement(input.statement);
  if (!checked.ok) return { ok: false, invalid: checked.error };
  const mine = checked.value;
  const r = input.base
    ? await store.update({ ...mine, id: input.base.id, etag: input.base.etag })
    : await store.create(mine);
  if (r.ok) return r;
  if (r.error.code === 'conflict' || r.error.code === 'duplicate') {
    return { ok: false, conflict: { mine, ...(r.error.theirs ? { theirs: r.error.theirs } : {}) } };
  }
  return { ok: false, error: r.error };
}
