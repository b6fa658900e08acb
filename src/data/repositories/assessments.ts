import type { SPFI } from '@pnp/sp';
import type { Assessment } from '../../domain/entities';
import type { AssessmentStore, RepoResult, Stored } from '../../domain/ports';
import { assessmentMapper } from '../mappers';
import { choiceValue } from '../schema';
import { ListRepository } from './base';

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
}
