import type { SPFI } from '@pnp/sp';
import type { Assessment } from '../../domain/entities';
import type { AssessmentStore, RepoResult, Stored } from '../../domain/ports';
import { assessmentMapper } from '../mappers';
import { choiceValue } from '../schema';
import { toRepoError } from '../sp';
import { fail, ListRepository, ok } from './base';

export class AssessmentRepository extends ListRepository<Assessment> implements AssessmentStore {
  constructor(sp: SPFI) {
    super(sp, assessmentMapper);
  }

  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Assessment>[]>> {
    return this.readAll({ filter: this.f.eq('CollaborationId', collaborationId) });
  }

  drafts(): Promise<RepoResult<Stored<Assessment>[]>> {
    return this.readAll({ filter: this.f.eq('AssessmentStatus', choiceValue('assessmentStatus', 'draft')) });
  }

  get(id: number): Promise<RepoResult<Stored<Assessment>>> {
    return this.getById(id);
  }

  /**
   * Deletes a discarded draft, sending If-Match with the ETag read: a draft
   * someone changed meanwhile is a `conflict`, never deleted unseen. A draft
   * already gone counts as deleted (a retry after a lost response).
   */
  async delete(id: number, etag: string): Promise<RepoResult<void>> {
    try {
      await this.items().getById(id).delete(etag);
      return ok(undefined);
    } catch (e) {
      const error = toRepoError(e);
      return error.code === 'notFound' ? ok(undefined) : fail(error);
    }
  }
}
