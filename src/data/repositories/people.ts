import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/site-users/web.js';
import type { Person } from '../../domain/collaboration';
import type { RepoResult } from '../../domain/ports';
import { odataString } from '../odata';
import { ROLE_GROUPS } from '../schema';
import { panelOfGroup } from '../schema/permissions';
import { toRepoError } from '../sp';
import { fail, ok } from './base';

/**
 * The site's people, for the tab's people pickers (lead officer, Head of
 * Service) and for "who am I" (the person's own items first on Home). Site
 * users are SharePoint's, not a list of ours, so this is a small store of its
 * own rather than a ListRepository.
 */
export interface PeopleStore {
  /** People whose name or e-mail starts with `text` (or whose name contains it), at most `limit`. */
  search(text: string, limit?: number): Promise<RepoResult<Person[]>>;
  /** The signed-in person. */
  current(): Promise<RepoResult<Person>>;
  /** The register's roles the signed-in person holds (membership of the groups provisioning made). */
  roles(): Promise<RepoResult<Role[]>>;
  /** Their roles and the keys of the panels they sit on (membership of each panel's group), in one read. */
  memberships(): Promise<RepoResult<{ roles: Role[]; panels: string[] }>>;
}

/** A role of the register: which of provisioning's SharePoint groups a person is in. */
export type Role = keyof typeof ROLE_GROUPS;

interface SiteUserJson {
  readonly Id: number;
  readonly Title?: string;
  readonly Email?: string;
  readonly PrincipalType?: number;
}

/** SharePoint's PrincipalType for a person (1); groups and claims are not people. */
const USER = 1;

function toPerson(u: SiteUserJson): Person {
  return u.Email
    ? { id: u.Id, displayName: u.Title ?? u.Email, email: u.Email }
    : { id: u.Id, displayName: u.Title ?? '' };
}

export class PeopleRepository implements PeopleStore {
  constructor(private readonly sp: SPFI) {}

  async search(text: string, limit = 20): Promise<RepoResult<Person[]>> {
    const q = text.trim().slice(0, 100);
    try {
      let users = this.sp.web.siteUsers.select('Id', 'Title', 'Email', 'PrincipalType');
      if (q !== '') {
        // Values are OData string literals (quotes doubled): O'Brien searches safely.
        const v = odataString(q);
        users = users.filter(
          `PrincipalType eq ${USER} and (startswith(Title,${v}) or startswith(Email,${v}) or substringof(${v},Title))`,
        );
      } else {
        users = users.filter(`PrincipalType eq ${USER}`);
      }
      const found = await users.top(Math.max(1, Math.min(limit, 200)))<SiteUserJson[]>();
      return ok(found.filter((u) => u.PrincipalType === undefined || u.PrincipalType === USER).map(toPerson));
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  async current(): Promise<RepoResult<Person>> {
    try {
      const u = await this.sp.web.currentUser.select('Id', 'Title', 'Email')<SiteUserJson>();
      return ok(toPerson(u));
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  async roles(): Promise<RepoResult<Role[]>> {
    const m = await this.memberships();
    return m.ok ? ok(m.value.roles) : m;
  }

  async memberships(): Promise<RepoResult<{ roles: Role[]; panels: string[] }>> {
    try {
      const groups = await this.sp.web.currentUser.groups.select('Title')<{ Title: string }[]>();
      const titles = new Set(groups.map((g) => g.Title));
      return ok({
        roles: (Object.keys(ROLE_GROUPS) as Role[]).filter((role) => titles.has(ROLE_GROUPS[role])),
        panels: [...titles].flatMap((t) => panelOfGroup(t) ?? []),
      });
    } catch (e) {
      return fail(toRepoError(e));
    }
  }
}
