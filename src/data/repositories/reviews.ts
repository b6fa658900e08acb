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

  // getByKey: ListRepository's (on the unique, indexed ReviewKey column).

  /** Reviews held from `from` to `to` inclusive, on the indexed HeldOn column (the reports'). */
  heldBetween(from: IsoDate, to: IsoDate): Promise<RepoResult<Stored<Review>[]>> {
    return this.readAll({
      filter: and(this.f.onDate('HeldOn', 'ge', from), this.f.onDate('HeldOn', 'le', to)),
      orderBy: [['HeldOn', true]],
    });
  }

  /** Every review, in pages of 5,000 in ID order (the reports'). */
  all(): Promise<RepoResult<Stored<Review>[]>> {
    return this.readAll({ orderBy: [['ID', true]] });
  }
}
