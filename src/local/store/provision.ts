import { randomUUID } from 'node:crypto';
import { LISTS, REVIEWS, ROLE_GROUPS, type ListDef, type Role } from '../../data/schema';
import { LEVEL_OF_ACCESS, panelGroupTitle } from '../../data/schema/permissions';
import { reviewItemAccess, ROLES } from '../../domain/policy';
import { COUNCIL, DEMO_USERS } from '../users';
import { fieldFromSchema, roleByName, type GroupRecord, type ListRecord } from './model';
import { itemScope, nowIso, type SiteStore } from './site-store';

const FULL_CONTROL = 1073741829;

/**
 * A new site: its users, its default Owners / Members / Visitors groups and
 * their permissions on the web. Lists come from `provisionSchema`.
 */
export function seedSite(store: SiteStore, created = nowIso()): void {
  store.setMeta('siteId', randomUUID());
  store.setMeta('webId', randomUUID());
  store.setMeta('webTitle', 'Collaboration Register');
  store.setMeta('webDescription', `${COUNCIL.name} / ${COUNCIL.nameCy}`);
  store.setMeta('created', created);
  store.setMeta('nextPrincipalId', '20');
  syncUsers(store);
  const group = (Id: number, Title: string, Description: string): GroupRecord => ({
    kind: 'group',
    Id,
    Title,
    Description,
    OwnerTitle: 'Collaboration Register Owners',
    AllowMembersEditMembership: false,
    OnlyAllowMembersViewMembership: false,
  });
  const owners = group(3, 'Collaboration Register Owners', 'Site owners: full control.');
  const visitors = group(4, 'Collaboration Register Visitors', 'Everyone in the council who can open the site.');
  const members = group(5, 'Collaboration Register Members', 'Site members: can edit.');
  for (const g of [owners, visitors, members]) store.savePrincipal(g);
  store.setMeta('ownerGroupId', '3');
  store.setMeta('visitorGroupId', '4');
  store.setMeta('memberGroupId', '5');
  for (const u of DEMO_USERS) {
    if (u.roles.includes('governance')) store.addMember(owners.Id, u.Id);
    else store.addMember(visitors.Id, u.Id);
  }
  store.addAssignment('web', owners.Id, FULL_CONTROL);
  store.addAssignment('web', members.Id, roleByName('Edit')?.Id ?? 0);
  store.addAssignment('web', visitors.Id, roleByName('Read')?.Id ?? 0);
}

/** Keeps the demo users present and current (they are code, the file may be older). */
export function syncUsers(store: SiteStore): void {
  for (const u of DEMO_USERS) {
    store.savePrincipal({
      kind: 'user',
      Id: u.Id,
      Title: u.Title,
      Email: u.Email,
      LoginName: u.LoginName,
      JobTitle: u.JobTitle,
      Department: u.Department,
      IsSiteAdmin: u.IsSiteAdmin,
    });
  }
}

function provisionList(
  store: SiteStore,
  def: ListDef,
  groups: Record<Role, number>,
  ownersId: number | undefined,
): ListRecord {
  const created = nowIso();
  let list = store.createList({
    title: def.title,
    url: def.url,
    description: def.description,
    baseTemplate: 100,
    created,
  });
  list = { ...list, enableVersioning: def.versioning };
  store.saveList(list);
  const guidOf = (key: string) => store.lists().find((l) => LISTS.find((d) => d.key === key)?.title === l.title)?.guid;
  for (const fd of def.fields) {
    if (fd.internalName === 'Title') {
      const title = store.field(list, 'Title');
      if (title) {
        store.saveField(list, {
          ...title,
          title: fd.title,
          required: fd.required ?? true,
          maxLength: fd.maxLength ?? 255,
          indexed: (fd.indexed ?? false) || (fd.unique ?? false),
          unique: fd.unique ?? false,
        });
      }
      continue;
    }
    store.saveField(list, fieldFromSchema(fd, randomUUID(), guidOf));
  }
  for (const vd of def.views) {
    store.saveView(list, {
      id: randomUUID(),
      title: vd.title,
      defaultView: vd.default ?? false,
      personalView: false,
      hidden: false,
      viewQuery: vd.query ?? '',
      rowLimit: vd.rowLimit ?? 30,
      paged: vd.paged ?? true,
      fields: [...vd.fields],
      url: `${def.url}/${vd.title.replace(/[^A-Za-z0-9]/g, '')}.aspx`,
    });
  }
  // As `npm run provision` leaves a list: inheritance broken without copying, the site's Owners group
  // with Full Control, each role at its level, and no direct grant to whoever ran it (a site admin).
  list = { ...list, hasUniqueRoleAssignments: true };
  store.saveList(list);
  store.clearAssignments(list.guid);
  if (ownersId !== undefined) store.addAssignment(list.guid, ownersId, FULL_CONTROL);
  for (const [role, level] of Object.entries(def.permissions) as [Role, string][]) {
    const r = roleByName(level === 'FullControl' ? 'Full Control' : level);
    if (r) store.addAssignment(list.guid, groups[role], r.Id);
  }
  return list;
}

/**
 * Creates the role groups and every list of the schema as provisioning would:
 * fields with their properties, indexes and unique columns, views, versioning,
 * and broken inheritance with each role's permission level.
 */
export function provisionSchema(store: SiteStore): void {
  const groups = {} as Record<Role, number>;
  const owners = store.meta('ownerGroupId');
  for (const [role, title] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
    const existing = store.groupByName(title);
    const id = existing?.Id ?? store.nextPrincipalId();
    store.savePrincipal({
      kind: 'group',
      Id: id,
      Title: title,
      Description: `The register's ${role} role.`,
      OwnerTitle: 'Collaboration Register Owners',
      AllowMembersEditMembership: false,
      OnlyAllowMembersViewMembership: false,
    });
    groups[role] = id;
    for (const u of DEMO_USERS) if (u.roles.includes(role)) store.addMember(id, u.Id);
  }
  for (const def of LISTS) {
    if (!store.listByTitle(def.title)) provisionList(store, def, groups, owners ? Number(owners) : undefined);
  }
}

/**
 * The demo council's panels: a group per panel (`panelGroupTitle`) with its members
 * (DEMO_USERS' `panels`), and every review given the permissions of its own the role
 * policy says (`reviewItemAccess`), as the tab and the reminder job give the reviews they
 * schedule: its panel's members contribute to an undecided review; a decided one is
 * read-only to all but the governance team.
 */
export function seedPanels(store: SiteStore, panelKeys: readonly string[]): void {
  store.transaction(() => {
    const groupOf = new Map<string, number>();
    for (const key of panelKeys) {
      const title = panelGroupTitle(key);
      const id = store.groupByName(title)?.Id ?? store.nextPrincipalId();
      store.savePrincipal({
        kind: 'group',
        Id: id,
        Title: title,
        Description: `Members of the review panel ${key}.`,
        OwnerTitle: 'Collaboration Register Owners',
        AllowMembersEditMembership: false,
        OnlyAllowMembersViewMembership: false,
      });
      groupOf.set(key, id);
      for (const u of DEMO_USERS) if (u.panels.includes(key)) store.addMember(id, u.Id);
    }
    const list = store.listByTitle(REVIEWS.title);
    if (!list) return;
    const rows = store
      .prepare(`SELECT id, data->>'$.Panel' AS panel, data->>'$.Outcome' AS outcome FROM items WHERE list_id=?`)
      .all(list.id) as {
      id: number;
      panel: string | null;
      outcome: string | null;
    }[];
    for (const r of rows) {
      const access = reviewItemAccess({
        ...(r.outcome ? { outcome: 'continue' as const } : {}),
        ...(r.panel ? { panel: r.panel } : {}),
      });
      const scope = itemScope(list, r.id);
      store.clearAssignments(scope);
      store.setItemUniqueRoles(list, r.id, true);
      for (const role of ROLES) {
        const level = access.roles[role];
        const group = store.groupByName(ROLE_GROUPS[role]);
        if (level !== 'none' && group) store.addAssignment(scope, group.Id, roleId(LEVEL_OF_ACCESS[level]));
      }
      const members = access.panelMembers;
      const group = members ? groupOf.get(members.panel) : undefined;
      if (members && group !== undefined && members.access !== 'none')
        store.addAssignment(scope, group, roleId(LEVEL_OF_ACCESS[members.access]));
    }
  });
}

function roleId(level: string): number {
  return roleByName(level === 'FullControl' ? 'Full Control' : level)?.Id ?? 0;
}
