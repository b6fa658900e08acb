/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- raw REST bodies are untyped JSON, checked property by property */
import { ACCEPT, startApi, type Api } from './helpers';

jest.setTimeout(60_000);

/** The bodies below are what PnPjs v4 sends for lists.add, fields.add*, createFieldAsXml, views.add... */
const VERBOSE = { 'Content-Type': 'application/json;odata=verbose' };

describe('creating lists, fields, views and permissions on an empty site', () => {
  let api: Api;
  let parentId: string;
  let groupId: number;
  const list = "Governance's Register";
  const base = `/_api/web/lists/getbytitle('${encodeURIComponent("Governance''s Register")}')`;

  beforeAll(async () => {
    api = await startApi({ empty: true });
  });
  afterAll(async () => {
    await api.server.close();
  });

  it('starts with a site and no lists', async () => {
    const r = await api.call('/_api/web/lists');
    expect(r.status).toBe(200);
    expect(r.json.value).toEqual([]);
    expect((await api.call('/_api/web')).json.Title).toBe('Collaboration Register');
  });

  it('creates a list as lists.add sends it: 201 with the list', async () => {
    const parent = await api.call('/_api/web/lists', {
      body: {
        AllowContentTypes: false,
        BaseTemplate: 100,
        ContentTypesEnabled: false,
        Description: 'Parents',
        Title: 'Parents',
      },
    });
    expect(parent.status).toBe(201);
    parentId = parent.json.Id;
    const r = await api.call('/_api/web/lists', {
      body: {
        AllowContentTypes: false,
        BaseTemplate: 100,
        ContentTypesEnabled: false,
        Description: 'A test register',
        Title: list,
      },
    });
    expect(r.status).toBe(201);
    expect(r.json['odata.type']).toBe('SP.List');
    expect(r.json.Title).toBe(list);
    expect(r.json.ItemCount).toBe(0);
    expect(r.json.ListItemEntityTypeFullName).toBe('SP.Data.Governance_x0027_s_x0020_RegisterListItem');
    const dup = await api.call('/_api/web/lists', { body: { BaseTemplate: 100, Title: 'parents' } });
    expect(dup.status).toBe(500);
    expect(dup.json['odata.error'].message.value).toMatch(/already exists/);
  });

  it('finds a list by title (case-insensitive, quotes doubled) and by id both ways', async () => {
    expect((await api.call(base)).json.Title).toBe(list);
    expect(
      (await api.call(`/_api/web/lists/GetByTitle('${encodeURIComponent("GOVERNANCE''S REGISTER")}')`)).json.Title,
    ).toBe(list);
    expect((await api.call(`/_api/web/lists(guid'${parentId}')`)).json.Title).toBe('Parents');
    expect((await api.call(`/_api/web/lists('${parentId}')`)).json.Title).toBe('Parents');
    expect((await api.call(`/_api/web/lists/getbyid('${parentId}')`)).json.Title).toBe('Parents');
    expect((await api.call(`/_api/web/lists?$filter=Title eq 'Parents'&$select=Title`)).json.value).toHaveLength(1);
    const root = await api.call(
      "/_api/web/lists/getbytitle('Parents')?$select=RootFolder/ServerRelativeUrl&$expand=RootFolder",
    );
    expect(root.json.RootFolder.ServerRelativeUrl).toBe('/sites/council/Lists/Parents');
    expect((await api.call("/_api/web/lists/getbytitle('Parents')?$select=RootFolder/ServerRelativeUrl")).status).toBe(
      400,
    );
    expect((await api.call("/_api/web/lists/getbytitle('Parents')/rootfolder")).json.Name).toBe('Parents');
  });

  it('updates a list with MERGE (EnableVersioning, Description)', async () => {
    const r = await api.call(base, {
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { EnableVersioning: true, Description: 'Versioned' },
    });
    expect(r.status).toBe(204);
    const after = await api.call(`${base}?$select=EnableVersioning,Description,HasUniqueRoleAssignments`);
    expect(after.json).toMatchObject({
      EnableVersioning: true,
      Description: 'Versioned',
      HasUniqueRoleAssignments: false,
    });
    const bad = await api.call(base, { xMethod: 'MERGE', ifMatch: '*', body: { Colour: 'red' } });
    expect(bad.status).toBe(400);
  });

  it('has the built-in columns, filterable and selectable', async () => {
    const r = await api.call(
      `${base}/fields?$filter=Hidden eq false and ReadOnlyField eq false&$select=InternalName,TypeAsString`,
    );
    expect(r.json.value).toEqual([expect.objectContaining({ InternalName: 'Title', TypeAsString: 'Text' })]);
    const id = await api.call(`${base}/fields/getbyinternalnameortitle('ID')`);
    expect(id.json.FieldTypeKind).toBe(5);
  });

  it('adds typed fields as fields.addText / addChoice / addNumber / addDateTime / addBoolean send them', async () => {
    const text = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      accept: ACCEPT.verbose,
      body: {
        __metadata: { type: 'SP.FieldText' },
        Title: 'Reference',
        FieldTypeKind: 2,
        MaxLength: 20,
        Required: true,
      },
    });
    expect(text.status).toBe(201);
    expect(text.json.d.InternalName).toBe('Reference');
    expect(text.json.d.__metadata.type).toBe('SP.FieldText');
    const choice = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      accept: ACCEPT.verbose,
      body: {
        __metadata: { type: 'SP.FieldChoice' },
        Title: 'Stage',
        FieldTypeKind: 6,
        Choices: { results: ['Draft', 'Final'] },
      },
    });
    expect(choice.json.d.Choices.results).toEqual(['Draft', 'Final']);
    const number = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      body: {
        __metadata: { type: 'SP.FieldNumber' },
        Title: 'Score',
        FieldTypeKind: 9,
        MinimumValue: 0,
        MaximumValue: 100,
      },
    });
    expect(number.status).toBe(201);
    const date = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      body: {
        __metadata: { type: 'SP.FieldDateTime' },
        Title: 'Due Date',
        FieldTypeKind: 4,
        DisplayFormat: 0,
        DateTimeCalendarType: 1,
        FriendlyDisplayFormat: 0,
      },
    });
    expect(date.json.InternalName).toBe('Due_x0020_Date');
    const bool = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      body: { __metadata: { type: 'SP.Field' }, Title: 'Done', FieldTypeKind: 8, DefaultValue: '0' },
    });
    expect(bool.json.TypeAsString).toBe('Boolean');
    const again = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      body: { __metadata: { type: 'SP.FieldText' }, Title: 'Reference', FieldTypeKind: 2 },
    });
    expect(again.json.InternalName).toBe('Reference0');
    const unknown = await api.call(`${base}/fields`, {
      headers: VERBOSE,
      body: { __metadata: { type: 'SP.FieldText' }, Title: 'X', FieldTypeKind: 2, Colour: 'red' },
    });
    expect(unknown.status).toBe(400);
  });

  it('adds a lookup with fields/addfield (fields.addLookup)', async () => {
    const r = await api.call(`${base}/fields/AddField`, {
      body: { parameters: { Title: 'Parent', FieldTypeKind: 7, LookupListId: parentId, LookupFieldName: 'Title' } },
    });
    expect(r.status).toBe(200);
    expect(r.json.TypeAsString).toBe('Lookup');
    expect(r.json.LookupList).toBe(`{${parentId}}`);
  });

  it('adds a people column whose CAML names the site user list (List="UserInfo"), as SharePoint accepts', async () => {
    const r = await api.call(`${base}/fields/createfieldasxml`, {
      body: {
        parameters: {
          SchemaXml:
            '<Field Type="User" Name="Sponsor" StaticName="Sponsor" DisplayName="Sponsor" List="UserInfo" ShowField="ImnName" UserSelectionMode="PeopleOnly" />',
          Options: 8,
        },
      },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ InternalName: 'Sponsor', TypeAsString: 'User' });
  });

  it('lets $select ask a list collection for HasUniqueRoleAssignments, as SharePoint does', async () => {
    const r = await api.call('/_api/web/lists?$select=Title,HasUniqueRoleAssignments');
    expect(r.status).toBe(200);
    const lists = r.json.value as { Title: string; HasUniqueRoleAssignments: boolean }[];
    expect(lists.length).toBeGreaterThan(0);
    for (const l of lists) expect(typeof l.HasUniqueRoleAssignments).toBe('boolean');
    const plain = await api.call('/_api/web/lists');
    expect(Object.keys((plain.json.value as object[])[0] ?? {})).not.toContain('HasUniqueRoleAssignments');
  });

  it('adds fields from CAML with createfieldasxml: the internal name follows DisplayName unless AddFieldInternalNameHint (8)', async () => {
    const noHint = await api.call(`${base}/fields/createfieldasxml`, {
      body: {
        parameters: {
          SchemaXml: '<Field Type="Note" Name="DecisionNote" DisplayName="Decision note" RichText="FALSE" />',
        },
      },
    });
    expect(noHint.status).toBe(200);
    expect(noHint.json.InternalName).toBe('Decision_x0020_note');
    const hint = await api.call(`${base}/fields/createfieldasxml`, {
      body: {
        parameters: {
          SchemaXml:
            '<Field Type="Choice" Name="Rag" StaticName="Rag" DisplayName="RAG &amp; status" Required="TRUE" Indexed="TRUE"><Default>Green</Default><CHOICES><CHOICE>Red</CHOICE><CHOICE>Amber</CHOICE><CHOICE>Green</CHOICE></CHOICES></Field>',
          Options: 8,
        },
      },
    });
    expect(hint.json).toMatchObject({
      InternalName: 'Rag',
      Title: 'RAG & status',
      Required: true,
      Indexed: true,
      DefaultValue: 'Green',
      Choices: ['Red', 'Amber', 'Green'],
    });
    const people = await api.call(`${base}/fields/createfieldasxml`, {
      body: {
        parameters: {
          SchemaXml:
            '<Field Type="UserMulti" Name="Owners" DisplayName="Owners" Mult="TRUE" UserSelectionMode="PeopleOnly" />',
          Options: 8,
        },
      },
    });
    expect(people.json).toMatchObject({ TypeAsString: 'UserMulti', AllowMultipleValues: true, SelectionMode: 0 });
    const dup = await api.call(`${base}/fields/createfieldasxml`, {
      body: { parameters: { SchemaXml: '<Field Type="Text" Name="Rag" DisplayName="Rag" />', Options: 8 } },
    });
    expect(dup.status).toBe(400);
    const unsafe = await api.call(`${base}/fields/createfieldasxml`, {
      body: {
        parameters: { SchemaXml: `<Field Type="Text" Name="a'); DROP TABLE items; --" DisplayName="x" />`, Options: 8 },
      },
    });
    expect(unsafe.status).toBe(400);
  });

  it('updates a field with MERGE (Indexed, EnforceUniqueValues, Required, Choices, Title) after field.update reads FieldTypeKind', async () => {
    const field = `${base}/fields/getbyinternalnameortitle('Reference')`;
    expect((await api.call(`${field}?$select=FieldTypeKind`)).json.FieldTypeKind).toBe(2);
    const notIndexed = await api.call(field, { xMethod: 'MERGE', body: { EnforceUniqueValues: true } });
    expect(notIndexed.status).toBe(400);
    const r = await api.call(field, {
      xMethod: 'MERGE',
      body: { Indexed: true, EnforceUniqueValues: true, Title: 'Reference number' },
    });
    expect(r.status).toBe(204);
    expect((await api.call(field)).json).toMatchObject({
      Indexed: true,
      EnforceUniqueValues: true,
      Title: 'Reference number',
      InternalName: 'Reference',
    });
    const stage = `${base}/fields/getbyinternalnameortitle('Stage')`;
    await api.call(stage, { xMethod: 'MERGE', body: { Choices: ['Draft', 'Review', 'Final'], Required: true } });
    expect((await api.call(stage)).json).toMatchObject({ Choices: ['Draft', 'Review', 'Final'], Required: true });
    const title = `${base}/fields/getbyinternalnameortitle('Title')`;
    expect((await api.call(title, { xMethod: 'MERGE', body: { Title: 'Name' } })).status).toBe(204);
    expect((await api.call(`${base}/fields/getbytitle('Name')?$select=InternalName`)).json.InternalName).toBe('Title');
    const parentTitle = "/_api/web/lists/getbytitle('Parents')/fields/getbyinternalnameortitle('Title')";
    expect(
      (await api.call(parentTitle, { xMethod: 'MERGE', body: { Indexed: true, EnforceUniqueValues: true } })).status,
    ).toBe(204);
    expect((await api.call(parentTitle)).json).toMatchObject({ Indexed: true, EnforceUniqueValues: true });
  });

  it('writes items against the new columns, enforcing them', async () => {
    const parent = await api.call("/_api/web/lists/getbytitle('Parents')/items", { body: { Title: 'Parent one' } });
    const twin = await api.call("/_api/web/lists/getbytitle('Parents')/items", { body: { Title: 'PARENT ONE' } });
    expect(twin.status).toBe(400);
    const ok = await api.call(`${base}/items`, {
      body: {
        Title: 'First',
        Reference: 'R-1',
        Stage: 'Draft',
        ParentId: parent.json.Id,
        Rag: 'Amber',
        OwnersId: [7, 9],
        Due_x0020_Date: '2027-01-31',
        Score: 5,
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({
      Reference: 'R-1',
      Rag: 'Amber',
      OwnersId: [7, 9],
      Due_x0020_Date: '2027-01-31T00:00:00Z',
      Done: false,
    });
    const dup = await api.call(`${base}/items`, {
      body: { Title: 'Second', Reference: 'r-1', Stage: 'Draft', Rag: 'Red' },
    });
    expect(dup.status).toBe(400);
    expect(dup.json['odata.error'].code).toBe('-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException');
    const range = await api.call(`${base}/items`, {
      body: { Title: 'Third', Reference: 'R-3', Stage: 'Draft', Rag: 'Red', Score: 101 },
    });
    expect(range.status).toBe(400);
    const expanded = await api.call(`${base}/items?$select=Title,Parent/Title,Owners/Title&$expand=Parent,Owners`, {
      accept: ACCEPT.none,
    });
    expect(expanded.json.value[0]).toEqual({
      Title: 'First',
      Parent: { Title: 'Parent one' },
      Owners: [{ Title: 'Rhys Davies' }, { Title: "Dylan O'Brien" }],
    });
  });

  it('adds a view, sets its fields and reads them back', async () => {
    const created = await api.call(`${base}/views`, {
      body: {
        PersonalView: false,
        Title: 'Open items',
        ViewQuery: '<OrderBy><FieldRef Name="Reference"/></OrderBy>',
        RowLimit: 50,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ Title: 'Open items', RowLimit: 50, DefaultView: false });
    const view = `${base}/views/getbytitle('Open%20items')`;
    expect((await api.call(`${view}/viewfields/removeallviewfields`, { method: 'POST' })).status).toBe(200);
    for (const f of ['Reference', 'LinkTitle', 'Stage']) {
      expect((await api.call(`${view}/viewfields/addviewfield('${f}')`, { method: 'POST' })).status).toBe(200);
    }
    expect((await api.call(`${view}/viewfields/addviewfield('Nope')`, { method: 'POST' })).status).toBe(400);
    const fields = await api.call(`${view}/viewfields`);
    expect(fields.json.Items).toEqual(['Reference', 'LinkTitle', 'Stage']);
    expect(fields.json.SchemaXml).toBe(
      '<FieldRef Name="Reference" /><FieldRef Name="LinkTitle" /><FieldRef Name="Stage" />',
    );
    expect((await api.call(view, { xMethod: 'MERGE', body: { DefaultView: true } })).status).toBe(204);
    expect((await api.call(`${base}/defaultview?$select=Title`)).json.Title).toBe('Open items');
    const all = await api.call(`${base}/views?$select=Title,DefaultView`, { accept: ACCEPT.none });
    expect(all.json.value).toEqual([
      { Title: 'All Items', DefaultView: false },
      { Title: 'Open items', DefaultView: true },
    ]);
  });

  it('creates a group, breaks inheritance and grants it Contribute, as provisioning does', async () => {
    const group = await api.call('/_api/web/sitegroups', { body: { Title: 'Register Officers' } });
    groupId = group.json.Id;
    await api.call(`/_api/web/sitegroups(${groupId})/users`, {
      body: { LoginName: 'i:0#.f|membership|rhys.davies@glanyrafon.example' },
    });
    // Before: inherited from the web, where officers can only read.
    expect(
      (
        await api.call(`${base}/items`, {
          user: 'officer',
          body: { Title: 'x', Reference: 'R-9', Stage: 'Draft', Rag: 'Red' },
        })
      ).status,
    ).toBe(403);
    const denied = await api.call(`${base}/breakroleinheritance(copyRoleAssignments=false, clearSubscopes=true)`, {
      method: 'POST',
      user: 'officer',
    });
    expect(denied.status).toBe(403);
    const broke = await api.call(`${base}/breakroleinheritance(copyRoleAssignments=false, clearSubscopes=true)`, {
      method: 'POST',
    });
    expect(broke.status).toBe(200);
    expect((await api.call(`${base}?$select=HasUniqueRoleAssignments`)).json.HasUniqueRoleAssignments).toBe(true);
    const contribute = (await api.call("/_api/web/roledefinitions/getbyname('Contribute')")).json.Id;
    const add = await api.call(
      `${base}/roleassignments/addroleassignment(principalid=${groupId}, roledefid=${contribute})`,
      { method: 'POST' },
    );
    expect(add.status).toBe(200);
    const assignments = await api.call(`${base}/roleassignments?$expand=Member,RoleDefinitionBindings`, {
      accept: ACCEPT.none,
    });
    expect(assignments.json.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          PrincipalId: groupId,
          Member: expect.objectContaining({ Title: 'Register Officers' }),
          RoleDefinitionBindings: [expect.objectContaining({ Name: 'Contribute' })],
        }),
        // As in SharePoint, breaking inheritance without copying leaves the user who did it with Full Control.
        expect.objectContaining({
          PrincipalId: 6,
          RoleDefinitionBindings: [expect.objectContaining({ Name: 'Full Control' })],
        }),
      ]),
    );
    const officer = await api.call(`${base}/items`, {
      user: 'officer',
      body: { Title: 'By Rhys', Reference: 'R-10', Stage: 'Draft', Rag: 'Green' },
    });
    expect(officer.status).toBe(201);
    expect((await api.call(`${base}/items`, { user: 'panel' })).status).toBe(403);
  });

  it('deletes a field and a list', async () => {
    const del = await api.call(`${base}/fields/getbyinternalnameortitle('Done')`, { xMethod: 'DELETE' });
    expect(del.status).toBe(200);
    expect((await api.call(`${base}/fields/getbyinternalnameortitle('Done')`)).status).toBe(404);
    expect((await api.call(`${base}/fields/getbyinternalnameortitle('ID')`, { xMethod: 'DELETE' })).status).toBe(400);
    const dropped = await api.call("/_api/web/lists/getbytitle('Parents')", { xMethod: 'DELETE', ifMatch: '*' });
    expect(dropped.status).toBe(200);
    expect((await api.call("/_api/web/lists/getbytitle('Parents')")).status).toBe(404);
  });
});
