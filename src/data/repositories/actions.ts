import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web.js';
import type { IsoDate } from '../../domain/dates';
import type { Action } from '../../domain/entities';
import type { ActionStore, RepoResult, Stored } from '../../domain/ports';
import { actionMapper } from '../mappers';
import { and, or } from '../odata';
import { toRepoError } from '../sp';
import { fail, ListRepository, ok } from './base';

/**
 * Actions of every plan. An owner must be one of the site's users: SharePoint
 * would otherwise make one up from an id or refuse with a bare 400, so the
 * owner is looked up first and a stranger is `invalid` on `owner` (the tab says
 * "choose them from the list"), with nothing written.
 */
export class ActionRepository extends ListRepository<Action> implements ActionStore {
  /** Site users already confirmed, by id (a person does not stop being one within a session). */
  private readonly knownUsers = new Set<number>();

  constructor(sp: SPFI) {
    super(sp, actionMapper);
  }

  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({ filter: this.f.eq('CollaborationId', collaborationId), orderBy: [['DueDate', true]] });
  }

  forOwner(ownerId: number): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({ filter: this.f.eq('OwnerId', ownerId), orderBy: [['DueDate', true]] });
  }

  forReview(reviewId: number): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({ filter: this.f.eq('ReviewId', reviewId), orderBy: [['DueDate', true]] });
  }

  /** Due on or after `from` (or with no due date) on the indexed DueDate; the start is checked here. */
  async forPlan(from: IsoDate, to: IsoDate): Promise<RepoResult<Stored<Action>[]>> {
    const r = await this.readAll({
      filter: or(this.f.onDate('DueDate', 'ge', from), this.f.isNull('DueDate')),
      orderBy: [['DueDate', true]],
    });
    if (!r.ok) return r;
    return ok(r.value.filter((a) => a.startDate === undefined || a.startDate <= to));
  }

  /** Not completed (CompletedOn empty) and due on or before the date; both columns indexed. */
  openDueOnOrBefore(date: IsoDate): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({
      filter: and(this.f.onDate('DueDate', 'le', date), this.f.isNull('CompletedOn')),
      orderBy: [['DueDate', true]],
    });
  }

  /** Every action, in pages of 5,000 in ID order (the reports'). */
  all(): Promise<RepoResult<Stored<Action>[]>> {
    return this.readAll({ orderBy: [['ID', true]] });
  }

  /** Undefined when every owner named is a site user; otherwise the coded refusal. */
  private async checkOwners(actions: readonly Action[]): Promise<RepoResult<void>> {
    const ids = [...new Set(actions.flatMap((a) => (a.owner ? [a.owner.id] : [])))].filter(
      (id) => !this.knownUsers.has(id),
    );
    for (const id of ids) {
      try {
        await this.sp.web.siteUsers.getById(id).select('Id')();
        this.knownUsers.add(id);
      } catch (e) {
        const error = toRepoError(e);
        if (error.code === 'notFound') {
          return fail({ code: 'invalid', field: 'owner', detail: `Actions: owner ${id} is not a site user` });
        }
        return fail(error);
      }
    }
    return ok(undefined);
  }

  override async create(action: Action): Promise<RepoResult<Stored<Action>>> {
    const owners = await this.checkOwners([action]);
    if (!owners.ok) return owners;
    return super.create(action);
  }

  override async createMany(actions: readonly Action[], rounds?: number): Promise<RepoResult<Stored<Action>>[]> {
    const owners = await this.checkOwners(actions);
    if (!owners.ok) return actions.map(() => fail(owners.error));
    return super.createMany(actions, rounds);
  }

  override async update(action: Stored<Action>): Promise<RepoResult<Stored<Action>, Action>> {
    const owners = await this.checkOwners([action]);
    if (!owners.ok) return fail(owners.error as never);
    return super.update(action);
  }

  /** Deletes an action with If-Match on its ETag: a 412 is `conflict` with the stored version as `theirs`. */
  delete(id: number, etag: string): Promise<RepoResult<void, Action>> {
    return this.deleteWithEtag(id, etag);
  }
}
