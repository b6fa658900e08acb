/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- raw REST bodies are untyped JSON */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LISTS, ROLE_GROUPS } from '../../../src/data/schema';
import { LEVEL_OF_ACCESS } from '../../../src/data/schema/permissions';
import { ROLES, STORE_ACCESS } from '../../../src/domain/policy';
import { startApi, type Api } from './helpers';

/**
 * Item-level permissions as SharePoint has them ("Break role inheritance on a list item",
 * SP.ListItem.breakRoleInheritance, roleassignments/addroleassignment): a review's own
 * permissions decide who may change it, whatever the list grants.
 */
jest.setTimeout(60_000);

let api: Api;
beforeAll(async () => {
  api = await startApi({ today: '2026-11-23' });
});
afterAll(async () => {
  await api.server.close();
});

const REVIEWS = 'Reviews';

async function firstReview(filter: string): Promise<{ Id: number; etag: string; Panel: string }> {
  const r = await api.call(
    api.items(REVIEWS, `?$select=Id,Panel,Outcome&$filter=${encodeURIComponent(filter)}&$top=1`),
    {
      accept: 'application/json;odata=verbose',
    },
  );
  const item = r.json.d.results[0];
  return { Id: item.Id, etag: item.__metadata.etag, Panel: item.Panel };
}

const merge = (id: number, user: string, body: Record<string, unknown>) =>
  api.call(api.items(REVIEWS, `(${id})`), { user, xMethod: 'MERGE', ifMatch: '*', body });

describe('a review’s own permissions (the demo site, as provisioning and the tab leave them)', () => {
  it('lets a member of the review’s panel record on it, and refuses an officer on no panel and another panel’s member', async () => {
    const open = await firstReview("Panel eq 'panel-cgrp' and Outcome eq null");
    expect(open.Panel).toBe('panel-cgrp');
    expect((await api.call(api.items(REVIEWS, `(${open.Id})/HasUniqueRoleAssignments`))).json.value).toBe(true);
    expect((await merge(open.Id, 'dylan', { DecisionNote: 'An officer on no panel' })).status).toBe(403);
    expect((await merge(open.Id, 'bethan', { DecisionNote: 'A member of another panel' })).status).toBe(403);
    expect((await merge(open.Id, 'panel', { DecisionNote: 'The panel member' })).status).toBe(204);
    // Everyone may still read it.
    expect((await api.call(api.items(REVIEWS, `(${open.Id})`), { user: 'dylan' })).status).toBe(200);
  });

  it('keeps a decided review read-only to all but the governance team, who may change and delete it', async () => {
    const decided = await firstReview("Panel eq 'panel-cgrp' and Outcome ne null");
    for (const user of ['panel', 'officer', 'bethan']) {
      expect((await merge(decided.Id, user, { DecisionNote: 'changed' })).status).toBe(403);
      const del = await api.call(api.items(REVIEWS, `(${decided.Id})`), { user, xMethod: 'DELETE', ifMatch: '*' });
      expect(del.status).toBe(403);
    }
    expect((await merge(decided.Id, 'huw', { DecisionNote: 'Corrected by the governance team' })).status).toBe(204);
    const del = await api.call(api.items(REVIEWS, `(${decided.Id})`), { user: 'huw', xMethod: 'DELETE', ifMatch: '*' });
    expect(del.status).toBe(200);
  });

  it('refuses a panel member anything at list level: no new review, no record change', async () => {
    const created = await api.call(api.items(REVIEWS), {
      user: 'panel',
      body: {
        Title: 'Mine',
        ReviewKey: 'REV-P-1',
        CollaborationId: 1,
        ReviewKind: 'Annual review',
        DueDate: '2027-01-04T00:00:00Z',
      },
    });
    expect(created.status).toBe(403);
    const record = await api.call(api.items('Collaborations', '(1)'), {
      user: 'panel',
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { Purpose: 'x' },
    });
    expect(record.status).toBe(403);
  });

  it('breaks, grants, trims and resets as SharePoint does', async () => {
    const open = await firstReview("Panel eq 'panel-gac'");
    const item = api.items(REVIEWS, `(${open.Id})`);
    expect((await api.call(`${item}/resetroleinheritance`, { method: 'POST' })).status).toBe(200);
    expect((await api.call(`${item}/HasUniqueRoleAssignments`)).json.value).toBe(false);
    // Only someone who may manage permissions may break inheritance.
    expect(
      (
        await api.call(`${item}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`, {
          method: 'POST',
          user: 'panel',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call(`${item}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`, {
          method: 'POST',
          user: 'huw',
        })
      ).status,
    ).toBe(200);
    // Not copied: only the one who broke it (Full Control) is left; the item is hidden from the rest.
    const assignments = await api.call(`${item}/roleassignments`);
    expect(assignments.json.value.map((a: any) => a.PrincipalId)).toEqual([18]);
    expect((await api.call(item, { user: 'officer' })).status).toBe(404);
    const listed = await api.call(api.items(REVIEWS, `?$select=Id&$filter=Id eq ${open.Id}`), { user: 'officer' });
    expect(listed.json.value).toEqual([]);
    const officers = await api.call(`/_api/web/sitegroups/getbyname('${ROLE_GROUPS.officers}')?$select=Id`);
    const read = await api.call(`/_api/web/roledefinitions/getbytype(2)?$select=Id`);
    const add = `${item}/roleassignments/addroleassignment(principalid=${officers.json.Id},roledefid=${read.json.Id})`;
    expect((await api.call(add, { method: 'POST' })).status).toBe(200);
    expect((await api.call(item, { user: 'officer' })).status).toBe(200);
    expect((await merge(open.Id, 'officer', { DecisionNote: 'x' })).status).toBe(403);
  });
});

describe('the PnP template carries the role policy', () => {
  it('gives each list exactly the roles and levels the policy says', () => {
    const xml = readFileSync(path.join(__dirname, '../../../sharepoint/collaboration-register.xml'), 'utf8');
    // Each ListInstance, by its title, with the role assignments under its Security element.
    const lists = [...xml.matchAll(/<pnp:ListInstance Title="([^"]+)"[\s\S]*?<\/pnp:ListInstance>/g)].map((m) => ({
      Title: m[1],
      assignments: [...m[0].matchAll(/<pnp:RoleAssignment Principal="([^"]+)" RoleDefinition="([^"]+)" \/>/g)].map(
        (a) => ({ Principal: a[1], RoleDefinition: a[2] }),
      ),
    }));
    expect(lists).toHaveLength(LISTS.length);
    const token: Record<string, string> = {
      Read: '{roledefinition:Reader}',
      Contribute: '{roledefinition:Contributor}',
      Edit: '{roledefinition:Editor}',
      FullControl: '{roledefinition:Administrator}',
    };
    for (const def of LISTS) {
      const instance = lists.find((l) => l.Title === def.title);
      expect(instance).toBeDefined();
      const got = (instance?.assignments ?? [])
        .filter((a: any) => a.Principal !== '{associatedownergroup}')
        .map((a: any) => `${a.Principal} ${a.RoleDefinition}`)
        .sort();
      const wanted = ROLES.flatMap((role) => {
        const access = STORE_ACCESS[def.key][role];
        return access === 'none' ? [] : [`${ROLE_GROUPS[role]} ${token[LEVEL_OF_ACCESS[access]]}`];
      }).sort();
      expect(got).toEqual(wanted);
    }
    // Panels contribute to no list as a whole; Reviews are managed by the governance team.
    expect(STORE_ACCESS.reviews).toEqual({ governance: 'manage', officers: 'read', panel: 'read' });
    expect(ROLES.every((r) => r === 'governance' || ['read', 'none'].includes(STORE_ACCESS.reminderLog[r]))).toBe(true);
  });
});
