import type { SPFI } from '@pnp/sp';
import type { IsoDate } from '../../domain/dates';
import type { Action } from '../../domain/entities';
import type { ActionStore, RepoResult, Stored } from '../../domain/ports';
import { actionMapper } from '../mappers';
import { and } from '../odata';
import { ListRepository } from './base';

export class ActionRepository extends ListRepository<Action> implements ActionStore {
  constructor(sp: SPFI) {
    super(sp, actionMapper);
  }

  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({ filter: this.f.eq('CollaborationId', collaborationId), orderBy: [['DueDate', true]] });
  }

  forOwner(ownerId: number): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({ filter: this.f.eq('OwnerId', ownerId), orderBy: [['DueDate', true]] });
  }

  /** Not completed (CompletedOn empty) and due on or before the date; both columns indexed. */
  openDueOnOrBefore(date: IsoDate): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({
      filter: and(this.f.onDate('DueDate', 'le', date), this.f.isNull('CompletedOn')),
      orderBy: [['DueDate', true]],
    });
  }
}
