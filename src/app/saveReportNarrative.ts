/**
 * Save the governance team's narrative of a report (the annual report's introduction, key
 * messages and recommendations, in English and Welsh). The texts are checked first: one over
 * its limit is the person's error and nothing is written. The first save of a year creates
 * the item, later ones update it with the ETag it was read with; when someone else saved
 * first, the result is their version beside this person's, so nothing typed is lost.
 */
import { checkNarrative, type ReportNarrative } from '../domain/annualReport';
import { may, type Actor } from '../domain/policy';
import type { ReportNarrativeStore, Stored } from '../domain/ports';
import type { DomainError } from '../domain/result';
import { saveKeyed, type KeyedSave } from './saveKeyed';

export interface SaveNarrativeInput {
  readonly narrative: ReportNarrative;
  /** The version it was read as, or undefined when the year had none. */
  readonly base?: Stored<ReportNarrative>;
  readonly actor: Actor;
}

export type SaveNarrativeResult =
  | KeyedSave<ReportNarrative>
  | { readonly ok: false; readonly invalid: readonly DomainError[] }
  | { readonly ok: false; readonly forbidden: true };

export async function saveReportNarrative(
  store: Pick<ReportNarrativeStore, 'create' | 'update'>,
  input: SaveNarrativeInput,
): Promise<SaveNarrativeResult> {
  if (!may(input.actor, { kind: 'writeReportNarrative' })) return { ok: false, forbidden: true };
  const checked = checkNarrative(input.narrative);
  if (!checked.ok) return { ok: false, invalid: checked.error };
  return saveKeyed(store, checked.value, input.base);
}
