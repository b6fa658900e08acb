import type { SPFI } from '@pnp/sp';
import type { IsoDate } from '../../domain/dates';
import type { Review } from '../../domain/entities';
import type { RepoResult, ReviewStore, Stored } from '../../domain/ports';
import { reviewMapper } from '../mappers';
import { and } from '../odata';
import { ListRepository } from './base';

export class ReviewRepository extends ListRepository<Review> implements ReviewStore {
  constructor(sp: SPFI) {
    super(sp, reviewMapper);
  }

  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Review>[]>> {
    return this.readAll({ filter: this.f.eq('CollaborationId', collaborationId), orderBy: [['DueDate', true]] });
  }

  dueBetween(from: IsoDate, to: IsoDate): Promise<RepoResult<Stored<Review>[]>> {
    return this.readAll({
      filter: and(this.f.onDate('DueDate', 'ge', from), this.f.onDate('DueDate', 'le', to)),
      orderBy: [['DueDate', true]],
    });
  }

  get(id: number): Promise<RepoResult<Stored<Review>>> {
    return this.getById(id);
  }
}
