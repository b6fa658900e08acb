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
import type { AssuranceStatementStore, Stored } from '../domain/ports';
import type { DomainError } from '../domain/result';
import { saveKeyed, type KeyedSave } from './saveKeyed';

export interface ConfirmStatementInput {
  readonly statement: StatementInput;
  /** The version it was read as, or undefined when the directorate had none this year. */
  readonly base?: Stored<AssuranceStatement>;
  readonly actor: Actor;
  /** The register's records, to tell whether the actor heads one of the directorate's. */
  readonly records: readonly Pick<Collaboration, 'directorate' | 'headOfService'>[];
}

export type ConfirmStatementResult =
  | KeyedSave<AssuranceStatement>
  | { readonly ok: false; readonly invalid: readonly DomainError[] }
  | { readonly ok: false; readonly forbidden: true };

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
  return saveKeyed(store, checked.value, input.base);
}
