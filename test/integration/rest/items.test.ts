/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { ACCEPT, startApi, type Api } from './helpers';

jest.setTimeout(60_000);

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.server.close();
});

const COLLABS = 'Collaborations';
let counter = 9000;

/** A valid new collaboration (required fields and choices as the schema has them). */
function collaboration(extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    Title: `Test collaboration ${counter}`,
    Reference: `COL-${counter}`,
    Kind: 'Collaboration',
    Model: 'Joint committee',
    Purpose: 'To test the embedded list server.',
    Basis: 'Local decision',
    Footprint: 'Gwent-wide',
    LeadOrganisation: 'Glan-yr-Afon County Borough Council',
    Directorate: 'Corporate Services',
    ReviewFrequency: 'Annual',
    ...extra,
  };
}

async function count(list: string): Promise<number> {
  return (await api.call(`${api.list(list)}?$select=ItemCount`)).json.ItemCount as number;
}

describe('create, read, update, delete (Microsoft: "Working with lists and list items with REST")', () => {
  it('creates an item with POST: 201, the item, its ETag header and "1" etag', async () => {
    const r = await api.call(api.items(COLLABS), { body: collaboration({ PartnersId: [1, 2], LeadOfficerId: 7 }) });
    expect(r.status).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.json['odata.type']).toBe('SP.Data.CollaborationsListItem');
    expect(r.json['odata.etag']).toBe('"1"');
    expect(r.json['odata.editLink']).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(\d+\)$/);
    expect(r.json.Id).toBe(r.json.ID);
    expect(r.json.AuthorId).toBe(6);
    expect(r.json.EditorId).toBe(6);
    expect(r.json.OData__UIVersionString).toBe('1.0');
    expect(r.json.GUID).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // defaults from the schema
    expect(r.json.Status).toBe('Proposed');
    expect(r.json.InScope).toBe(true);
    expect(r.json.CouncilLeads).toBe(false);
    expect(r.json.ServiceRisk).toBe('Medium');
  });

  it('answers the three metadata modes for create and read', async () => {
    const verbose = await api.call(api.items(COLLABS), { body: collaboration(), accept: ACCEPT.verbose });
    expect(verbose.status).toBe(201);
    expect(verbose.json.d.__metadata).toEqual({
      id: verbose.json.d.GUID,
      uri: `${api.siteUrl}/_api/Web/Lists(guid'${verbose.json.d.__metadata.uri.match(/guid'([^']+)'/)[1]}')/Items(${verbose.json.d.Id})`,
      etag: '"1"',
      type: 'SP.Data.CollaborationsListItem',
    });
    const id = verbose.json.d.Id;
    const none = await api.call(api.items(COLLABS, `(${id})`), { accept: ACCEPT.none });
    expect(none.json['odata.type']).toBeUndefined();
    expect(none.json.__metadata).toBeUndefined();
    expect(none.json.Id).toBe(id);
    const minimal = await api.call(api.items(COLLABS, `(${id})`));
    expect(minimal.json['odata.metadata']).toMatch(/#SP\.ListData\.CollaborationsListItems\/@Element$/);
    expect(minimal.headers.get('etag')).toBe('"1"');
  });

  it('returns field values in SharePoint shapes (minimal) and collections as {results} (verbose)', async () => {
    const created = await api.call(api.items(COLLABS), {
      body: collaboration({
        PartnersId: [3, 5],
        LeadOfficerId: 9,
        Reasons: ['Add value', 'Value for money'],
        NextReviewDue: '2027-03-31',
        AnnualCost: 125000.5,
        CouncilLeads: true,
      }),
    });
    const id = created.json.Id;
    const m = (await api.call(api.items(COLLABS, `(${id})`))).json;
    expect(m.PartnersId).toEqual([3, 5]);
    expect(m.LeadOfficerId).toBe(9);
    expect(m.LeadOfficerStringId).toBe('9');
    expect(m.HeadOfServiceId).toBeNull();
    expect(m.Reasons).toEqual(['Add value', 'Value for money']);
    expect(m.NextReviewDue).toBe('2027-03-31T00:00:00Z');
    expect(m.AnnualCost).toBe(125000.5);
    expect(m.CouncilLeads).toBe(true);
    expect(m.EndDate).toBeNull();
    const v = (await api.call(api.items(COLLABS, `(${id})`), { accept: ACCEPT.verbose })).json.d;
    expect(v.PartnersId).toEqual({ __metadata: { type: 'Collection(Edm.Int32)' }, results: [3, 5] });
    expect(v.Reasons).toEqual({
      __metadata: { type: 'Collection(Edm.String)' },
      results: ['Add value', 'Value for money'],
    });
  });

  it('accepts verbose-style {results: [...]} bodies for multi-valued fields', async () => {
    const r = await api.call(api.items(COLLABS), {
      body: collaboration({ __metadata: { type: 'SP.Data.CollaborationsListItem' }, PartnersId: { results: [4] } }),
      headers: { 'Content-Type': 'application/json;odata=verbose' },
      accept: ACCEPT.verbose,
    });
    expect(r.status).toBe(201);
    expect(r.json.d.PartnersId.results).toEqual([4]);
  });

  it('stores URL, user-multi and lookup values (Reviews)', async () => {
    const r = await api.call(api.items('Reviews'), {
      body: {
        Title: 'A review',
        ReviewKey: 'REV-T-1',
        CollaborationId: 1,
        ReviewKind: 'Annual review',
        DueDate: '2026-12-01T00:00:00Z',
        AttendeesId: [8, 17],
        ConversationUrl: { Url: 'https://teams.microsoft.com/l/message/x', Description: 'Thread' },
      },
    });
    expect(r.status).toBe(201);
    expect(r.json.CollaborationId).toBe(1);
    expect(r.json.AttendeesId).toEqual([8, 17]);
    expect(r.json.AttendeesStringId).toEqual(['8', '17']);
    expect(r.json.ConversationUrl).toEqual({ Description: 'Thread', Url: 'https://teams.microsoft.com/l/message/x' });
    const v = await api.call(api.items('Reviews', `(${r.json.Id})`), { accept: ACCEPT.verbose });
    expect(v.json.d.ConversationUrl).toEqual({
      __metadata: { type: 'SP.FieldUrlValue' },
      Description: 'Thread',
      Url: 'https://teams.microsoft.com/l/message/x',
    });
  });

  it('updates with MERGE and If-Match, answering 204 and the new ETag', async () => {
    const created = await api.call(api.items(COLLABS), { body: collaboration() });
    const id = created.json.Id;
    const r = await api.call(api.items(COLLABS, `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"1"',
      body: { Status: 'Active' },
    });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers.get('etag')).toBe('"2"');
    const after = (await api.call(api.items(COLLABS, `(${id})`))).json;
    expect(after.Status).toBe('Active');
    expect(after.Title).toBe(created.json.Title);
    expect(after['odata.etag']).toBe('"2"');
    expect(after.OData__UIVersionString).toBe('2.0');
    const star = await api.call(api.items(COLLABS, `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { Status: 'Under review' },
    });
    expect(star.headers.get('etag')).toBe('"3"');
  });

  it('answers a stale ETag with 412 and SharePoint exact body, changing nothing', async () => {
    const created = await api.call(api.items(COLLABS), { body: collaboration() });
    const id = created.json.Id;
    await api.call(api.items(COLLABS, `(${id})`), { xMethod: 'MERGE', ifMatch: '"1"', body: { Status: 'Active' } });
    const r = await api.call(api.items(COLLABS, `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"1"',
      body: { Status: 'Closed' },
    });
    expect(r.status).toBe(412);
    expect(r.json).toEqual({
      'odata.error': {
        code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
        message: { lang: 'en-US', value: `The request ETag value '"1"' does not match the object's ETag value '"2"'.` },
      },
    });
    const verbose = await api.call(api.items(COLLABS, `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"1"',
      body: { Status: 'Closed' },
      accept: ACCEPT.verbose,
    });
    expect(verbose.json.error.code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
    expect(verbose.json['odata.error']).toBeUndefined();
    expect((await api.call(api.items(COLLABS, `(${id})`))).json.Status).toBe('Active');
  });

  it('requires If-Match on MERGE and DELETE', async () => {
    const created = await api.call(api.items(COLLABS), { body: collaboration() });
    const r = await api.call(api.items(COLLABS, `(${created.json.Id})`), {
      xMethod: 'MERGE',
      body: { Status: 'Active' },
    });
    expect(r.status).toBe(400);
    expect(r.json['odata.error'].message.value).toBe('The If-Match header must be specified for this kind of request.');
  });

  it('deletes with X-HTTP-Method DELETE and If-Match; then the item is 404', async () => {
    const created = await api.call(api.items(COLLABS), { body: collaboration() });
    const id = created.json.Id;
    const stale = await api.call(api.items(COLLABS, `(${id})`), { xMethod: 'DELETE', ifMatch: '"7"' });
    expect(stale.status).toBe(412);
    const r = await api.call(api.items(COLLABS, `(${id})`), { xMethod: 'DELETE', ifMatch: '"1"' });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const gone = await api.call(api.items(COLLABS, `(${id})`));
    expect(gone.status).toBe(404);
    expect(gone.json['odata.error'].message.value).toBe(
      'Item does not exist. It may have been deleted by another user.',
    );
    const del = await api.call(api.items(COLLABS, `(${id})`), { method: 'DELETE', ifMatch: '*' });
    expect(del.status).toBe(404);
  });

  it('never reuses an id after a delete', async () => {
    const a = await api.call(api.items(COLLABS), { body: collaboration() });
    await api.call(api.items(COLLABS, `(${a.json.Id})`), { xMethod: 'DELETE', ifMatch: '*' });
    const b = await api.call(api.items(COLLABS), { body: collaboration() });
    expect(b.json.Id).toBe(a.json.Id + 1);
  });

  it('gets an item by string id, and by items/getbyid', async () => {
    expect((await api.call(`${api.list(COLLABS)}/getitembystringid('3')?$select=Reference`)).json.Reference).toBe(
      'COL-0003',
    );
    expect((await api.call(`${api.list(COLLABS)}/items/getbyid(4)?$select=Reference`)).json.Reference).toBe('COL-0004');
  });

  it('keeps versions: VersionLabel 1.0, 2.0..., each with its values, Created and Editor', async () => {
    const created = await api.call(api.items(COLLABS), { body: collaboration({ Status: 'Proposed' }) });
    const id = created.json.Id;
    await api.call(api.items(COLLABS, `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"1"',
      body: { Status: 'Active' },
      user: 'officer',
    });
    await api.call(api.items(COLLABS, `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"2"',
      body: { Status: 'Under review' },
    });
    const r = await api.call(api.items(COLLABS, `(${id})/versions`));
    expect(r.status).toBe(200);
    const versions = r.json.value;
    expect(versions.map((v: any) => v.VersionLabel)).toEqual(['3.0', '2.0', '1.0']);
    expect(versions.map((v: any) => v.Status)).toEqual(['Under review', 'Active', 'Proposed']);
    expect(versions.map((v: any) => v.IsCurrentVersion)).toEqual([true, false, false]);
    expect(versions[1].Editor).toEqual({
      LookupId: 7,
      LookupValue: 'Rhys Davies',
      Email: 'rhys.davies@glanyrafon.example',
    });
    expect(versions[0].VersionId).toBe(1536);
    expect(versions[2].Created).toMatch(/Z$/);
    const one = await api.call(api.items(COLLABS, `(${id})/versions(1024)`));
    expect(one.json.Status).toBe('Active');
  });

  it('keeps no history on a list without versioning (Reminder Log), but still moves the ETag', async () => {
    const created = await api.call(api.items('Reminder Log'), {
      body: {
        Title: 'r',
        ReminderKey: 'k-1',
        ReminderKind: 'Review due soon',
        ItemRef: 'COL-0001',
        DueDate: '2026-12-01',
        ChannelKey: 'cgrp',
      },
    });
    const id = created.json.Id;
    const up = await api.call(api.items('Reminder Log', `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"1"',
      body: { ReminderState: 'Posted' },
    });
    expect(up.headers.get('etag')).toBe('"2"');
    const versions = await api.call(api.items('Reminder Log', `(${id})/versions`));
    expect(versions.json.value.map((v: any) => v.VersionLabel)).toEqual(['1.0']);
    expect(versions.json.value[0].ReminderState).toBe('Posted');
  });
});

describe('writes are validated and a rejected write changes nothing', () => {
  it('rejects an unknown field with SharePoint message', async () => {
    const before = await count(COLLABS);
    const r = await api.call(api.items(COLLABS), { body: collaboration({ Colour: 'red' }) });
    expect(r.status).toBe(400);
    expect(r.json['odata.error']).toEqual({
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: {
        lang: 'en-US',
        value:
          "The property 'Colour' does not exist on type 'SP.Data.CollaborationsListItem'. Make sure to only use property names that are defined by the type.",
      },
    });
    expect(await count(COLLABS)).toBe(before);
  });

  it('rejects the wrong type', async () => {
    const r = await api.call(api.items(COLLABS), { body: collaboration({ AnnualCost: 'lots' }) });
    expect(r.status).toBe(400);
    expect(r.json['odata.error'].message.value).toMatch(
      /^Cannot convert a primitive value to the expected type 'Edm.Double'/,
    );
    const b = await api.call(api.items(COLLABS), { body: collaboration({ CouncilLeads: 'yes' }) });
    expect(b.status).toBe(400);
    const d = await api.call(api.items(COLLABS), { body: collaboration({ StartDate: '31/03/2026' }) });
    expect(d.status).toBe(400);
  });

  it('rejects a missing required field, a choice that is not a choice, and text over MaxLength', async () => {
    const before = await count(COLLABS);
    const body = collaboration();
    delete body.Purpose;
    const missing = await api.call(api.items(COLLABS), { body });
    expect(missing.status).toBe(400);
    expect(missing.json['odata.error'].message.value).toMatch(/Purpose/);
    const choice = await api.call(api.items(COLLABS), { body: collaboration({ Status: 'Finished' }) });
    expect(choice.status).toBe(400);
    const long = await api.call(api.items(COLLABS), { body: collaboration({ Title: 'x'.repeat(256) }) });
    expect(long.status).toBe(400);
    expect(await count(COLLABS)).toBe(before);
  });

  it('rejects clearing a required field on update', async () => {
    const created = await api.call(api.items(COLLABS), { body: collaboration() });
    const r = await api.call(api.items(COLLABS, `(${created.json.Id})`), {
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { Purpose: '' },
    });
    expect(r.status).toBe(400);
    expect((await api.call(api.items(COLLABS, `(${created.json.Id})`))).json['odata.etag']).toBe('"1"');
  });

  it('rejects a lookup to a missing item and a person who is not a site user', async () => {
    const lookup = await api.call(api.items(COLLABS), { body: collaboration({ PartnersId: [99999] }) });
    expect(lookup.status).toBe(400);
    const person = await api.call(api.items(COLLABS), { body: collaboration({ LeadOfficerId: 4242 }) });
    expect(person.status).toBe(400);
    expect(person.json['odata.error'].message.value).toBe('The user does not exist or is not unique.');
  });

  it('refuses read-only properties', async () => {
    const r = await api.call(api.items(COLLABS), { body: collaboration({ Id: 5 }) });
    expect(r.status).toBe(400);
  });

  it('answers a duplicate on a unique column with SPDuplicateValuesFoundException (case-insensitive), writing nothing', async () => {
    const before = await count(COLLABS);
    const r = await api.call(api.items(COLLABS), { body: collaboration({ Reference: 'col-0001' }) });
    expect(r.status).toBe(400);
    expect(r.json['odata.error']).toEqual({
      code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
      message: {
        lang: 'en-US',
        value:
          'The list item could not be added or updated because duplicate values were found in one or more fields in the list.',
      },
    });
    expect(await count(COLLABS)).toBe(before);
    const other = await api.call(api.items(COLLABS), { body: collaboration() });
    const upd = await api.call(api.items(COLLABS, `(${other.json.Id})`), {
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { Reference: 'COL-0002' },
    });
    expect(upd.status).toBe(400);
    const same = await api.call(api.items(COLLABS, `(${other.json.Id})`), {
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { Reference: other.json.Reference },
    });
    expect(same.status).toBe(204);
  });

  it('rejects invalid JSON', async () => {
    const r = await api.call(api.items(COLLABS), { body: '{"Title": ' });
    expect(r.status).toBe(400);
    expect(r.json['odata.error'].message.value).toBe('Invalid JSON. A token was not recognized in the JSON content.');
  });

  it('answers an unknown list with 404 and SharePoint message', async () => {
    const r = await api.call(api.items('Nope'));
    expect(r.status).toBe(404);
    expect(r.json['odata.error']).toEqual({
      code: '-1, System.ArgumentException',
      message: { lang: 'en-US', value: `List 'Nope' does not exist at site with URL '${api.siteUrl}'.` },
    });
    const verbose = await api.call(api.items('Nope'), { accept: ACCEPT.verbose });
    expect(verbose.json.error.code).toBe('-1, System.ArgumentException');
  });
});

describe('permissions per the schema', () => {
  it('lets an officer read Partner Organisations but not add to it (403, access denied body)', async () => {
    const read = await api.call(api.items('Partner Organisations', '?$top=1'), { user: 'officer' });
    expect(read.status).toBe(200);
    const before = await count('Partner Organisations');
    const r = await api.call(api.items('Partner Organisations'), {
      user: 'officer',
      body: { Title: 'New body', PartnerKey: 'new-body', Sector: 'Other' },
    });
    expect(r.status).toBe(403);
    expect(r.json['odata.error']).toEqual({
      code: '-2147024891, System.UnauthorizedAccessException',
      message: {
        lang: 'en-US',
        value: 'Access denied. You do not have permission to perform this action or access this resource.',
      },
    });
    expect(await count('Partner Organisations')).toBe(before);
  });

  it('lets an officer contribute to Collaborations, but a panel member only read', async () => {
    expect((await api.call(api.items(COLLABS), { user: 'officer', body: collaboration() })).status).toBe(201);
    expect((await api.call(api.items(COLLABS), { user: 'panel', body: collaboration() })).status).toBe(403);
    expect((await api.call(api.items(COLLABS, '?$top=1'), { user: 'panel' })).status).toBe(200);
  });

  it('lets officers contribute to Actions and the panel only read them (the role policy)', async () => {
    const body = { Title: 'Ask for the annual report', ActionKey: 'ACT-P-1', ActionScope: 'Programme' };
    const refused = await api.call(api.items('Actions'), { user: 'panel', body });
    expect(refused.status).toBe(403);
    const r = await api.call(api.items('Actions'), { user: 'officer', body });
    expect(r.status).toBe(201);
    expect(r.json.AuthorId).toBe(7);
  });

  it('lets nobody but governance read Reminder Channel Settings or Reminder Log', async () => {
    for (const list of ['Reminder Channel Settings', 'Reminder Log']) {
      for (const user of ['officer', 'panel', 'dylan']) {
        const r = await api.call(api.items(list), { user });
        expect(r.status).toBe(403);
        expect(r.json['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
      }
      expect((await api.call(api.items(list), { user: 'governance' })).status).toBe(200);
      expect((await api.call(api.items(list), { user: 'huw' })).status).toBe(200);
    }
  });

  it('hides lists a user cannot read from web/lists', async () => {
    const officer = await api.call('/_api/web/lists?$select=Title', { user: 'officer' });
    const titles = officer.json.value.map((l: any) => l.Title);
    expect(titles).toContain('Collaborations');
    expect(titles).not.toContain('Reminder Log');
    const gov = await api.call('/_api/web/lists?$select=Title');
    expect(gov.json.value.map((l: any) => l.Title)).toContain('Reminder Log');
  });

  it('reports effective permissions as SharePoint base permission masks', async () => {
    const officer = await api.call(`${api.list('Partner Organisations')}/EffectiveBasePermissions`, {
      user: 'officer',
    });
    expect(officer.json).toMatchObject({ High: '176', Low: '138612833' });
    const contribute = await api.call(`${api.list(COLLABS)}/EffectiveBasePermissions`, { user: 'officer' });
    expect(contribute.json).toMatchObject({ High: '432', Low: '1011028719' });
  });
});
