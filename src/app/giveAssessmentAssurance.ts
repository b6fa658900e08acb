/**
 * Give a collaboration an assurance level from a submitted governance-arrangements check
 * (issue 18): the governance team only. The level is written on the assessment first (If-Match,
 * once: a retry finds it there and goes on), then on the record, read fresh each round so
 * nobody's other edits are lost, with the next review the policy's cadence sets; the change of
 * level goes in the record's history, keyed by the assessment, so a retry writes it once.
 */
import { assureRecord, giveAssurance, laterLevelStands } from '../domain/assessmentAssurance';
import type { Collaboration } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import type { Assessment } from '../domain/entities';
import type { Person } from '../domain/fields';
import { policyInForce } from '../domain/governancePolicy';
import { changesOf } from '../domain/history';
import { may, type Actor } from '../domain/policy';
import type {
  AssessmentStore,
  CollaborationStore,
  HistoryStore,
  PolicyStore,
  RepoError,
  Stored,
} from '../domain/ports';
import type { DomainError } from '../domain/result';
import type { AssuranceLevel } from '../domain/vocabulary';

export interface GiveAssurancePorts {
  readonly assessments: Pick<AssessmentStore, 'get' | 'update'>;
  readonly collaborations: Pick<CollaborationStore, 'get' | 'update'>;
  readonly history: Pick<HistoryStore, 'record'>;
  /** The published governance policies: the one in force sets the cadence (absent: the default cadence). */
  readonly policies?: Pick<PolicyStore, 'published'>;
}

export interface GiveAssuranceInput {
  readonly assessmentId: number;
  readonly level: AssuranceLevel | undefined;
  readonly reason: string;
  readonly actor: Actor;
  /** Who gives it, as the assessment and the history name them. */
  readonly by?: Person | undefined;
  readonly today: IsoDate;
}

export type GiveAssuranceResult =
  | {
      readonly ok: true;
      readonly assessment: Stored<Assessment>;
      readonly record: Stored<Collaboration>;
      /** The record keeps a level given after the check (a panel review since): the check's level is on the check only. */
      readonly laterLevelKept: boolean;
    }
  | { readonly ok: false; readonly forbidden: true }
  | { readonly ok: false; readonly invalid: readonly DomainError[] }
  /** A store failed; `assessment` is there when the level is on the assessment but not yet on the record (try again). */
  | { readonly ok: false; readonly error: RepoError; readonly assessment?: Stored<Assessment> };

const ROUNDS = 3;

export async function giveAssessmentAssurance(
  ports: GiveAssurancePorts,
  input: GiveAssuranceInput,
): Promise<GiveAssuranceResult> {
  if (!may(input.actor, { kind: 'giveAssurance' })) return { ok: false, forbidden: true };
  const given = {
    level: input.level,
    reason: input.reason,
    on: input.today,
    ...(input.by ? { by: input.by } : {}),
  };

  // 1. The assessment: the level once, If-Match the version read.
  let assessment: Stored<Assessment> | undefined;
  for (let round = 0; round < ROUNDS && !assessment; round += 1) {
    const fresh = await ports.assessments.get(input.assessmentId);
    if (!fresh.ok) return { ok: false, error: fresh.error };
    const checked = giveAssurance(fresh.value, given);
    if (!checked.ok) return { ok: false, invalid: checked.error };
    if (checked.value === fresh.value) {
      assessment = fresh.value;
      break;
    }
    const saved = await ports.assessments.update(checked.value);
    if (saved.ok) assessment = saved.value;
    else if (saved.error.code !== 'conflict') return { ok: false, error: saved.error };
  }
  if (!assessment) return { ok: false, error: { code: 'conflict', detail: 'the assessment kept changing' } };
  const level = assessment.assuranceLevel;
  const reason = assessment.assuranceReason;
  const on = assessment.assuranceGivenOn;
  if (level === undefined || reason === undefined || on === undefined)
    return { ok: false, error: { code: 'invalid', detail: 'the assessment was saved without its assurance' } };

  // 2. The record, read fresh each round: the level, reason, date and the next review.
  const versions = ports.policies ? await ports.policies.published() : undefined;
  if (versions && !versions.ok) return { ok: false, error: versions.error, assessment };
  const cadence = versions ? policyInForce(versions.value).assuranceCadence : undefined;
  for (let round = 0; round < ROUNDS; round += 1) {
    const fresh = await ports.collaborations.get(assessment.collaborationId);
    if (!fresh.ok) return { ok: false, error: fresh.error, assessment };
    const assured = assureRecord(
      fresh.value,
      { assuranceLevel: level, assuranceReason: reason, assuranceGivenOn: on },
      cadence,
    );
    if (assured === fresh.value)
      return { ok: true, assessment, record: fresh.value, laterLevelKept: laterLevelStands(fresh.value, on) };
    const saved = await ports.collaborations.update(assured);
    if (saved.ok) {
      const entries = changesOf(fresh.value, saved.value, {
        source: 'assessment',
        sourceKey: assessment.key,
        on,
        ...(assessment.assuranceGivenBy ? { by: assessment.assuranceGivenBy } : {}),
        reason,
      });
      const written = await ports.history.record(entries);
      if (!written.ok) return { ok: false, error: written.error, assessment };
      return { ok: true, assessment, record: saved.value, laterLevelKept: false };
    }
    if (saved.error.code !== 'conflict') return { ok: false, error: saved.error, assessment };
  }
  return {
    ok: false,
    error: { code: 'conflict', detail: 'the record changed three times while the level was given' },
    assessment,
  };
}
