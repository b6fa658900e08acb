import type { SPFI } from '@pnp/sp';
import type { IsoDate } from '../../domain/dates';
import type { Review } from '../../domain/entities';
import type { RepoResult, ReviewStore, Stored } from '../../domain/ports';
import { reviewMapper } from '../mappers';
import { and } from '../odata';
import '@pnp/sp/security/index.js';
import '@pnp/sp/site-groups/index.js';
import type { IRoleDefinitions } from '@pnp/sp/security/index.js';
import { ACCESS_RANK, ROLES, type ItemAccess } from '../../domain/policy';
import { ROLE_GROUPS } from '../schema';
import { LEVEL_OF_ACCESS, panelGroupTitle } from '../schema/permissions';
import type { PermissionLevel } from '../schema/types';
import { toRepoError } from '../sp';
import { fail, ListRepository, ok } from './base';

/** SharePoint's built-in role types (locale-independent, unlike the levels' names). */
const ROLE_TYPE: Readonly<Record<PermissionLevel, number>> = { Read: 2, Contribute: 3, Edit: 6, FullControl: 5 };

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

  private groupIds?: Promise<Map<string, number>>;
  private roleDefs = new Map<PermissionLevel, Promise<number>>();

  private async groupId(title: string): Promise<number | undefined> {
    this.groupIds ??= this.sp.web.siteGroups
      .select('Id', 'Title')<{ Id: number; Title: string }[]>()
      .then((gs) => new Map(gs.map((g) => [g.Title, g.Id])));
    try {
      return (await this.groupIds).get(title);
    } catch (e) {
      this.groupIds = undefined;
      throw e;
    }
  }

  private roleDef(level: PermissionLevel): Promise<number> {
    let pending = this.roleDefs.get(level);
    if (!pending) {
      pending = this.sp.web.roleDefinitions
        .getByType(ROLE_TYPE[level] as Parameters<IRoleDefinitions['getByType']>[0])
        .select('Id')<{ Id: number }>()
        .then((d) => d.Id);
      pending.catch(() => this.roleDefs.delete(level));
      this.roleDefs.set(level, pending);
    }
    return pending;
  }

  async secure(reviewId: number, access: ItemAccess): Promise<RepoResult<void>> {
    try {
      const item = this.items().getById(reviewId);
      // Reset, then break without copying, so a repeat lands on the same assignments.
      await item.resetRoleInheritance();
      await item.breakRoleInheritance(false, true);
      const wanted: [string, ItemAccess['roles'][keyof ItemAccess['roles']]][] = ROLES.map((r) => [
        ROLE_GROUPS[r],
        access.roles[r],
      ]);
      if (access.panelMembers) wanted.push([panelGroupTitle(access.panelMembers.panel), access.panelMembers.access]);
      for (const [group, level] of wanted) {
        if (ACCESS_RANK[level] === 0 || level === 'none') continue;
        const principal = await this.groupId(group);
        // A panel without a group yet: its members are added by the governance team; nobody else gains.
        if (principal === undefined) continue;
        await item.roleAssignments.add(principal, await this.roleDef(LEVEL_OF_ACCESS[level]));
      }
      return ok(undefined);
    } catch (e) {
      return fail(toRepoError(e));
    }
  }
}
