/**
 * A submitted assessment's overall RAG and score go on its record (the register's "last
 * assessment" columns). Not typed by anyone: on a conflict the record is read again and the two
 * values put on top of whatever else changed, so nobody's edit is lost.
 */
import type { Collaboration } from '../domain/collaboration';
import type { Assessment } from '../domain/entities';
import type { CollaborationStore, RepoError, RepoResult, Stored } from '../domain/ports';

const ATTEMPTS = 4;

export async function putAssessmentOnRecord(
  collaborations: Pick<CollaborationStore, 'get' | 'update'>,
  submitted: Pick<Assessment, 'collaborationId' | 'overallRag' | 'score'>,
): Promise<RepoResult<Stored<Collaboration>>> {
  let last: RepoError = { code: 'unexpected' };
  for (let i = 0; i < ATTEMPTS; i++) {
    const current = await collaborations.get(submitted.collaborationId);
    if (!current.ok) return current;
    const { lastAssessmentRag: _r, lastAssessmentScore: _s, ...rest } = current.value;
    const r = await collaborations.update({
      ...rest,
      ...(submitted.overallRag !== undefined ? { lastAssessmentRag: submitted.overallRag } : {}),
      ...(submitted.score !== undefined ? { lastAssessmentScore: submitted.score } : {}),
    });
    if (r.ok) return r;
    last = r.error;
    if (r.error.code !== 'conflict') return { ok: false, error: r.error };
  }
  return { ok: false, error: last };
}
