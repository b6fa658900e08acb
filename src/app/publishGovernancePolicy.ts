/**
 * Publish a new version of the governance policy (issue 18, "Significance as policy"), and
 * work every record's significance tier out again under it. In this order:
 *   1. the role policy (`editGovernancePolicy`: the governance team) and the domain's checks
 *      (validatePolicy, and a change note): a refusal or a wrong number writes nothing;
 *   2. the version: the highest published + 1, with who published it, when and why. When
 *      someone published a version since the editor read the policy, nothing is written and
 *      the result is theirs (a `conflict`), never a policy built on numbers now out of date;
 *   3. the register (`applyGovernancePolicy`): each record whose tier the new weights change
 *      is saved with If-Match on the ETag it was read with (a conflict is read again once and
 *      tried on the version stored now), and one history entry per changed record is written,
 *      keyed by the record and the version (`v<version>`), so running it again writes none twice.
 * Nothing is lost silently: the summary names each record that could not be saved, each whose
 * history could not be written, and a register that could not be read. Running
 * `applyGovernancePolicy` again with the same policy finishes what a failure left.
 */
import type { Collaboration, Person } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import {
  policyInForce,
  POLICY_NOTE_MAX_LENGTH,
  tierChanges,
  validatePolicy,
  type GovernancePolicy,
  type TierChange,
} from '../domain/governancePolicy';
import { changesOf, type HistoryEntry } from '../domain/history';
import { may, type Actor } from '../domain/policy';
import type { CollaborationStore, HistoryStore, PolicyStore, RepoError, Stored } from '../domain/ports';
import { deriveFields } from '../domain/prepare';
import { err, type DomainError } from '../domain/result';

export interface PublishPolicyPorts {
  readonly policies: Pick<PolicyStore, 'published' | 'publish'>;
  readonly collaborations: Pick<CollaborationStore, 'all' | 'get' | 'update'>;
  readonly history: Pick<HistoryStore, 'record'>;
}

export type ApplyPolicyPorts = Omit<PublishPolicyPorts, 'policies'>;

/** The numbers the governance team edits; the version, date and publisher are the use case's. */
export type PolicyDraft = Pick<GovernancePolicy, 'significance' | 'assuranceCadence'>;

export interface PublishPolicyInput {
  readonly draft: PolicyDraft;
  /** What changed and why: required, at most POLICY_NOTE_MAX_LENGTH characters. */
  readonly note: string;
  readonly actor: Actor;
  /** The person publishing, as the version and the history name them. */
  readonly by: Person;
  readonly today: IsoDate;
  /**
   * The version in force when the editor read the policy. When another version has been
   * published since, nothing is written (`conflict`). Absent: not checked.
   */
  readonly basedOn?: number;
}

export type PublishPolicyError =
  /** The role policy does not let this person publish the governance policy; nothing was written. */
  | { readonly code: 'forbidden' }
  /** The domain's reasons, by field (`significance.tiers.high`, `note`...); nothing was written. */
  | { readonly code: 'invalid'; readonly errors: readonly DomainError[] }
  /** Someone published a version since the editor read the policy; nothing was written. */
  | { readonly code: 'conflict'; readonly theirs: GovernancePolicy }
  /** The versions could not be read, or the version could not be written; nothing was written. */
  | { readonly code: 'failed'; readonly error: RepoError };

/** A record the run could not finish, by its reference. */
export interface UnsavedRecord {
  readonly id: number;
  readonly reference: string;
  readonly error: RepoError;
}

export interface PolicyApplySummary {
  /** The policy's version. */
  readonly version: number;
  /** The records this run moved to another tier (saved, with their history). */
  readonly changed: readonly (TierChange & { readonly reference: string })[];
  /** Records whose tier should change but could not be saved (a conflict twice, a failure): a rerun tries them again. */
  readonly unsaved: readonly UnsavedRecord[];
  /**
   * Records saved in their new tier whose history entry could not be written, by reference:
   * their change is not in the history (a rerun does not see it, as the tier is already new).
   */
  readonly historyUnwritten: readonly string[];
  /** The register could not be read: no tier was worked out again (run it again). */
  readonly registerError?: RepoError;
}

export interface PublishPolicySummary extends PolicyApplySummary {
  readonly policy: Stored<GovernancePolicy>;
}

export type PublishPolicyResult =
  | { readonly ok: true; readonly value: PublishPolicySummary }
  | { readonly ok: false; readonly error: PublishPolicyError };

/** The history's event key of a version (`v3`). */
export const policySourceKey = (version: number): string => `v${version}`;

/**
 * Everything wrong with a draft, every problem at once, by field: validatePolicy's checks
 * of the numbers, and the change note (required, within its limit). Empty when it may be published.
 */
export function policyDraftProblems(draft: PolicyDraft, note: string): DomainError[] {
  const trimmed = note.trim();
  const checked = validatePolicy({
    version: 0,
    significance: draft.significance,
    assuranceCadence: draft.assuranceCadence,
    ...(trimmed ? { note: trimmed } : {}),
  });
  const errors: DomainError[] = checked.ok ? [] : [...checked.error];
  if (trimmed === '') errors.push(err('note', 'required'));
  return errors.map((e) =>
    e.field === 'note' && e.code === 'tooLong' ? err('note', 'tooLong', { max: POLICY_NOTE_MAX_LENGTH }) : e,
  );
}

export type PolicyPreview =
  | { readonly ok: true; readonly value: { readonly changes: readonly TierChange[]; readonly records: number } }
  | { readonly ok: false; readonly error: Extract<PublishPolicyError, { code: 'invalid' | 'failed' }> };

/** What publishing the draft would change: the register's records whose tier differs under its weights. Writes nothing. */
export async function previewGovernancePolicy(
  ports: { readonly collaborations: Pick<CollaborationStore, 'all'> },
  draft: PolicyDraft,
  note: string,
): Promise<PolicyPreview> {
  const problems = policyDraftProblems(draft, note);
  if (problems.length > 0) return { ok: false, error: { code: 'invalid', errors: problems } };
  const records = await ports.collaborations.all({});
  if (!records.ok) return { ok: false, error: { code: 'failed', error: records.error } };
  return {
    ok: true,
    value: { changes: tierChanges(records.value, draft.significance), records: records.value.length },
  };
}

export async function publishGovernancePolicy(
  ports: PublishPolicyPorts,
  input: PublishPolicyInput,
): Promise<PublishPolicyResult> {
  if (!may(input.actor, { kind: 'editGovernancePolicy' })) return { ok: false, error: { code: 'forbidden' } };
  const problems = policyDraftProblems(input.draft, input.note);
  if (problems.length > 0) return { ok: false, error: { code: 'invalid', errors: problems } };

  const published = await ports.policies.published();
  if (!published.ok) return { ok: false, error: { code: 'failed', error: published.error } };
  const inForce = policyInForce(published.value);
  if (input.basedOn !== undefined && inForce.version !== input.basedOn)
    return { ok: false, error: { code: 'conflict', theirs: inForce } };

  const checked = validatePolicy({
    version: inForce.version + 1,
    significance: input.draft.significance,
    assuranceCadence: input.draft.assuranceCadence,
    publishedOn: input.today,
    publishedBy: { id: input.by.id, displayName: input.by.displayName },
    note: input.note.trim(),
  });
  if (!checked.ok) return { ok: false, error: { code: 'invalid', errors: checked.error } };
  const stored = await ports.policies.publish(checked.value);
  if (!stored.ok) {
    // Someone published the same version number first: theirs stands, ours is not written.
    if (stored.error.code === 'duplicate')
      return { ok: false, error: { code: 'conflict', theirs: stored.error.theirs ?? inForce } };
    return { ok: false, error: { code: 'failed', error: stored.error } };
  }
  const applied = await applyGovernancePolicy(ports, {
    policy: stored.value,
    actor: input.actor,
    by: input.by,
    today: input.today,
  });
  if (!applied.ok) return { ok: false, error: applied.error };
  return { ok: true, value: { ...applied.value, policy: stored.value } };
}

export interface ApplyPolicyInput {
  /** The published version to apply. */
  readonly policy: GovernancePolicy;
  readonly actor: Actor;
  readonly by: Person;
  readonly today: IsoDate;
}

export type ApplyPolicyResult =
  | { readonly ok: true; readonly value: PolicyApplySummary }
  | { readonly ok: false; readonly error: { readonly code: 'forbidden' } };

/** How often a record is tried: once as read with the register, once more as read again after a conflict. */
const ATTEMPTS = 2;

/**
 * Works every record's tier out under a published policy, and saves the ones it changes with
 * their history. Safe to run again: a record already in its new tier is left alone, and a
 * history entry already written (the same record and version) is the same entry.
 */
export async function applyGovernancePolicy(
  ports: ApplyPolicyPorts,
  input: ApplyPolicyInput,
): Promise<ApplyPolicyResult> {
  if (!may(input.actor, { kind: 'editGovernancePolicy' })) return { ok: false, error: { code: 'forbidden' } };
  const { policy } = input;
  const weights = policy.significance;
  const context = {
    source: 'policy' as const,
    sourceKey: policySourceKey(policy.version),
    on: input.today,
    by: input.by,
    ...(policy.note ? { reason: policy.note } : {}),
  };
  const records = await ports.collaborations.all({});
  if (!records.ok)
    return {
      ok: true,
      value: { version: policy.version, changed: [], unsaved: [], historyUnwritten: [], registerError: records.error },
    };
  const byId = new Map(records.value.map((r) => [r.id, r]));
  const changed: (TierChange & { reference: string })[] = [];
  const unsaved: UnsavedRecord[] = [];
  const entries: HistoryEntry[] = [];

  for (const change of tierChanges(records.value, weights)) {
    let current = byId.get(change.id);
    for (let attempt = 0; current && attempt < ATTEMPTS; attempt++) {
      // The one prepare-for-save derivation, on the version read: only the tier follows from the new weights.
      const prepared = deriveFields(current, { base: current, significance: weights });
      if (prepared.significance === current.significance) break; // already in its new tier (someone got there first)
      const saved = await ports.collaborations.update({ ...prepared, id: current.id, etag: current.etag });
      if (saved.ok) {
        changed.push({
          id: current.id,
          reference: current.reference,
          ...(current.significance ? { from: current.significance } : {}),
          to: saved.value.significance ?? change.to,
        });
        entries.push(...changesOf(current, saved.value, context).filter((e) => e.aspect === 'significance'));
        break;
      }
      const last = attempt === ATTEMPTS - 1;
      if (saved.error.code !== 'conflict' || last) {
        unsaved.push({ id: current.id, reference: current.reference, error: saved.error });
        break;
      }
      // Someone saved the record meanwhile: their version, read again, gets the tier instead.
      const fresh = await ports.collaborations.get(current.id);
      if (!fresh.ok) {
        unsaved.push({ id: current.id, reference: current.reference, error: fresh.error });
        break;
      }
      current = fresh.value;
    }
  }

  const historyUnwritten = await writeHistory(ports, entries, byId);
  return { ok: true, value: { version: policy.version, changed, unsaved, historyUnwritten } };
}

/** Writes the entries (tried twice: an entry already there is the same entry); the references of any not written. */
async function writeHistory(
  ports: ApplyPolicyPorts,
  entries: readonly HistoryEntry[],
  byId: ReadonlyMap<number, Stored<Collaboration>>,
): Promise<string[]> {
  if (entries.length === 0) return [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const written = await ports.history.record(entries);
    if (written.ok) return [];
  }
  return entries.map((e) => byId.get(e.collaborationId)?.reference ?? String(e.collaborationId));
}
