/* eslint-disable @typescript-eslint/no-unsafe-assignment -- raw REST bodies are untyped JSON, checked property by property */
/**
 * PnPjs v4 against the embedded list server: the same code path the data layer
 * uses against SharePoint Online. In jest, @pnp is transformed to CommonJS by
 * jest.config.js; in tsx scripts import the same `/index.js` subpaths.
 */
import { spfi, SPBrowser, type SPFI } from '@pnp/sp/index.js';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/batching.js';
import '@pnp/sp/fields/index.js';
import '@pnp/sp/views/index.js';
import '@pnp/sp/security/index.js';
import '@pnp/sp/site-groups/index.js';
import '@pnp/sp/site-users/index.js';
import { InjectHeaders } from '@pnp/queryable/index.js';
import { startListServer, type RunningListServer } from '../../../src/local/server';

jest.setTimeout(60_000);

let server: RunningListServer;
let sp: SPFI;

/** What the data layer's createSp(config) is expected to compose: auth, user agent, SPBrowser (retry, parse). */
function connect(siteUrl: string, user = 'governance'): SPFI {
  return spfi(siteUrl).using(
    SPBrowser(),
    InjectHeaders({
      Authorization: `Bearer dev:${user}`,
      'User-Agent': 'NONISV|Council|CollaborationRegister/1.0',
    }),
  );
}

beforeAll(async () => {
  server = await startListServer({ port: 0, dataFile: ':memory:', retryAfterSeconds: 0 });
  sp = connect(server.siteUrl);
});
afterAll(async () => {
  await server.close();
});

interface ActionItem {
  Id: number;
  Title: string;
  ActionKey: string;
  Progress: number | null;
  'odata.etag': string;
}

describe('PnPjs v4 smoke test', () => {
  it('reads web()', async () => {
    const web = await sp.web.select('Title', 'Url')();
    expect(web.Title).toBe('Collaboration Register');
    expect(web.Url).toBe(server.siteUrl);
  });

  it('adds an item, reads it, updates it with its ETag, and gets a 412 for a stale one', async () => {
    const list = sp.web.lists.getByTitle('Actions');
    const added = (await list.items.add({
      Title: 'Smoke test action',
      ActionKey: 'PNP-1',
      ActionScope: 'Programme',
    })) as ActionItem;
    expect(added.Id).toBeGreaterThan(0);
    const item = list.items.getById(added.Id);
    const read = await item<ActionItem>();
    expect(read['odata.etag']).toBe('"1"');
    const updated = await item.update({ Progress: 40 }, read['odata.etag']);
    expect(updated).toEqual({ etag: '"2"' });
    await expect(item.update({ Progress: 50 }, read['odata.etag'])).rejects.toMatchObject({ status: 412 });
    expect((await item.select('Progress')<ActionItem>()).Progress).toBe(40);
  });

  it('pages through items with the async iterator (odata.nextLink)', async () => {
    let items = 0;
    let pages = 0;
    for await (const page of sp.web.lists.getByTitle('Partner Organisations').items.select('Id', 'Title').top(50)) {
      items += (page as unknown[]).length;
      pages += 1;
    }
    expect(items).toBe(146);
    expect(pages).toBe(3);
  });

  it('filters with a doubled quote and orders', async () => {
    const rows = await sp.web.lists
      .getByTitle('Partner Organisations')
      .items.select('Title')
      .filter(`Title eq 'Barnardo''s Cymru'`)
      .orderBy('Title', false)<{ Title: string }[]>();
    expect(rows).toEqual([expect.objectContaining({ Title: "Barnardo's Cymru" })]);
  });

  it('batches two creates with createBatch and resolves each', async () => {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Actions');
    const results: ActionItem[] = [];
    void list.items
      .add({ Title: 'Batched one', ActionKey: 'PNP-B1', ActionScope: 'Programme' })
      .then((r: ActionItem) => results.push(r));
    void list.items
      .add({ Title: 'Batched two', ActionKey: 'PNP-B2', ActionScope: 'Programme' })
      .then((r: ActionItem) => results.push(r));
    await execute();
    expect(results.map((r) => r.ActionKey).sort()).toEqual(['PNP-B1', 'PNP-B2']);
  });

  it('surfaces permissions as HttpRequestError 403 for an officer writing Partner Organisations', async () => {
    const officer = connect(server.siteUrl, 'officer');
    await expect(
      officer.web.lists
        .getByTitle('Partner Organisations')
        .items.add({ Title: 'x', PartnerKey: 'pnp-x', Sector: 'Other' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('retries injected 429/503 as SharePoint throttling, then gives up with the status', async () => {
    await fetch(`${server.url}/_dev/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rate: 1, retryAfterSeconds: 0 }),
    });
    try {
      await expect(sp.web.select('Title')()).rejects.toMatchObject({ status: expect.any(Number) as number });
    } finally {
      await fetch(`${server.url}/_dev/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rate: 0 }),
      });
    }
    expect((await sp.web.select('Title')()).Title).toBe('Collaboration Register');
  });
});

describe('PnPjs v4 provisioning calls on an empty site', () => {
  let empty: RunningListServer;
  let pnp: SPFI;
  beforeAll(async () => {
    empty = await startListServer({ port: 0, dataFile: ':memory:', empty: true });
    pnp = connect(empty.siteUrl);
  });
  afterAll(async () => {
    await empty.close();
  });

  it('creates a list, fields, a view, a group and permissions, then writes an item', async () => {
    const list = await pnp.web.lists.add('Smoke Register', 'Created by PnPjs', 100, false);
    expect(list.Title).toBe('Smoke Register');
    const register = pnp.web.lists.getByTitle('Smoke Register');
    await register.update({ EnableVersioning: true });
    await register.fields.addText('RegisterKey', { MaxLength: 255, Required: true });
    await register.fields
      .getByInternalNameOrTitle('RegisterKey')
      .update({ Indexed: true, EnforceUniqueValues: true, Title: 'Register key' });
    await register.fields.addChoice('Stage', { Choices: ['Draft', 'Final'], Required: true });
    await register.fields.addNumber('Score', { MinimumValue: 0, MaximumValue: 100 });
    await register.fields.addDateTime('DueDate');
    await register.fields.addBoolean('Done');
    await register.fields.getByInternalNameOrTitle('Done').update({ DefaultValue: '0' });
    await register.fields.addUser('Owner', { SelectionMode: 0 });
    await register.fields.createFieldAsXml({
      SchemaXml: '<Field Type="Note" Name="Notes" StaticName="Notes" DisplayName="Notes (long)" RichText="FALSE" />',
      Options: 8,
    });
    const parents = await pnp.web.lists.add('Smoke Parents', '', 100, false);
    await register.fields.addLookup('Parent', { LookupListId: parents.Id, LookupFieldName: 'Title' });
    const fields = await register.fields.filter('Hidden eq false and ReadOnlyField eq false').select('InternalName')<
      { InternalName: string }[]
    >();
    expect(fields.map((f) => f.InternalName)).toEqual([
      'Title',
      'RegisterKey',
      'Stage',
      'Score',
      'DueDate',
      'Done',
      'Owner',
      'Notes',
      'Parent',
    ]);

    const view = await register.views.add('By key', false, {
      RowLimit: 50,
      ViewQuery: '<OrderBy><FieldRef Name="RegisterKey"/></OrderBy>',
    });
    expect(view.Title).toBe('By key');
    const byKey = register.views.getByTitle('By key');
    await byKey.fields.removeAll();
    await byKey.fields.add('RegisterKey');
    await byKey.fields.add('LinkTitle');
    expect(((await byKey.fields()) as unknown as { Items: string[] }).Items).toEqual(['RegisterKey', 'LinkTitle']);

    const group = await pnp.web.siteGroups.add({ Title: 'Smoke Officers' });
    await pnp.web.siteGroups.getById(group.Id).users.add('i:0#.f|membership|rhys.davies@glanyrafon.example');
    await register.breakRoleInheritance(false, true);
    const contribute = await pnp.web.roleDefinitions.getByName('Contribute')<{ Id: number }>();
    await register.roleAssignments.add(group.Id, contribute.Id);
    const unique = await register.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>();
    expect(unique.HasUniqueRoleAssignments).toBe(true);

    const officer = connect(empty.siteUrl, 'officer');
    const added = (await officer.web.lists
      .getByTitle('Smoke Register')
      .items.add({ Title: 'First', RegisterKey: 'K-1', Stage: 'Draft', OwnerId: 7, DueDate: '2027-01-31' })) as {
      Id: number;
      Done: boolean;
    };
    expect(added.Done).toBe(false);
    await expect(
      officer.web.lists.getByTitle('Smoke Register').items.add({ Title: 'Again', RegisterKey: 'k-1', Stage: 'Draft' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
