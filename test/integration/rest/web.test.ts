/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { ACCEPT, startApi, type Api } from './helpers';
import { DEMO_USERS } from '../../../src/local/users';
import { ROLE_GROUPS } from '../../../src/data/schema';

jest.setTimeout(60_000);

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.server.close();
});

describe('the web (Microsoft: "Complete basic operations using SharePoint REST endpoints")', () => {
  it('answers GET /_api/web with Title, Url, ServerRelativeUrl and Id in minimal metadata', async () => {
    const r = await api.call('/_api/web');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json;odata=minimalmetadata/);
    expect(r.json['odata.metadata']).toMatch(/\/_api\/\$metadata#SP\.ApiData\.Webs\/@Element$/);
    expect(r.json['odata.type']).toBe('SP.Web');
    expect(r.json.Title).toBe('Collaboration Register');
    expect(r.json.Url).toBe(api.siteUrl);
    expect(r.json.ServerRelativeUrl).toBe('/sites/council');
    expect(r.json.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers odata=verbose with {d: {...}} and __metadata', async () => {
    const r = await api.call('/_api/web', { accept: ACCEPT.verbose });
    expect(r.json.d.__metadata).toEqual({
      id: `${api.siteUrl}/_api/Web`,
      uri: `${api.siteUrl}/_api/Web`,
      type: 'SP.Web',
    });
    expect(r.json.d.Title).toBe('Collaboration Register');
  });

  it('answers odata=nometadata with the bare properties', async () => {
    const r = await api.call('/_api/web?$select=Title,Url', { accept: ACCEPT.none });
    expect(r.json).toEqual({ Title: 'Collaboration Register', Url: api.siteUrl });
  });

  it('treats plain application/json as minimal metadata', async () => {
    const r = await api.call('/_api/web?$select=Title', { accept: ACCEPT.json });
    expect(r.json['odata.type']).toBe('SP.Web');
  });

  it('rejects an unknown $select property with 400', async () => {
    const r = await api.call('/_api/web?$select=Nonsense');
    expect(r.status).toBe(400);
    expect(r.json['odata.error'].message.value).toBe("The field or property 'Nonsense' does not exist.");
  });
});

describe('contextinfo', () => {
  it('answers POST with flat JSON carrying FormDigestValue (what PnPjs reads)', async () => {
    const r = await api.call('/_api/contextinfo', { method: 'POST' });
    expect(r.status).toBe(200);
    expect(typeof r.json.FormDigestValue).toBe('string');
    expect(r.json.FormDigestTimeoutSeconds).toBe(1800);
    expect(r.json.WebFullUrl).toBe(api.siteUrl);
    expect(r.json.SupportedSchemaVersions).toEqual(['14.0.0.0', '15.0.0.0']);
  });

  it('answers verbose with d.GetContextWebInformation', async () => {
    const r = await api.call('/_api/contextinfo', { method: 'POST', accept: ACCEPT.verbose });
    const info = r.json.d.GetContextWebInformation;
    expect(info.__metadata.type).toBe('SP.ContextWebInformation');
    expect(info.SupportedSchemaVersions.results).toEqual(['14.0.0.0', '15.0.0.0']);
    expect(typeof info.FormDigestValue).toBe('string');
  });

  it('refuses GET', async () => {
    const r = await api.call('/_api/contextinfo');
    expect(r.status).toBe(405);
  });
});

describe('users', () => {
  it('web/currentuser is the user of the token (the tests default to the governance officer)', async () => {
    const r = await api.call('/_api/web/currentuser');
    expect(r.json.Title).toBe('Siân Powell');
    expect(r.json.LoginName).toBe('i:0#.f|membership|sian.powell@glanyrafon.example');
    expect(r.json.PrincipalType).toBe(1);
    expect(r.json.IsSiteAdmin).toBe(true);
  });

  it('chooses the user from Authorization: Bearer dev:<key> or dev:<email>', async () => {
    expect((await api.call('/_api/web/currentuser', { user: 'officer' })).json.Title).toBe('Rhys Davies');
    expect((await api.call('/_api/web/currentuser', { user: 'panel' })).json.Title).toBe('Eleri Morgan');
    expect((await api.call('/_api/web/currentuser', { user: 'dylan.obrien@glanyrafon.example' })).json.Title).toBe(
      "Dylan O'Brien",
    );
  });

  it('answers an unknown token with 401 and a SharePoint-like body', async () => {
    const r = await api.call('/_api/web', { headers: { Authorization: 'Bearer dev:nobody' } });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    expect(r.json.error_description).toMatch(/dev:/);
    const jwt = await api.call('/_api/web', { headers: { Authorization: 'Bearer eyJ0eXAi.real.token' } });
    expect(jwt.status).toBe(401);
  });

  it('lists site users, including someone with ŷ in their name', async () => {
    const r = await api.call('/_api/web/siteusers?$select=Id,Title,Email');
    const titles = r.json.value.map((u: any) => u.Title);
    expect(titles).toEqual(
      expect.arrayContaining(['Siân Powell', 'Rhys Davies', 'Eleri Morgan', "Dylan O'Brien", 'Llŷr Evans']),
    );
    expect(r.json.value).toHaveLength(DEMO_USERS.length);
  });

  it('gets a user by id both ways', async () => {
    const a = await api.call('/_api/web/siteusers/getbyid(7)');
    const b = await api.call('/_api/web/getuserbyid(7)');
    expect(a.json.Title).toBe('Rhys Davies');
    expect(b.json.Email).toBe('rhys.davies@glanyrafon.example');
    expect((await api.call('/_api/web/getuserbyid(999)')).status).toBe(404);
  });

  it('gets a user by login name through a parameter alias, as PnPjs sends it', async () => {
    const login = encodeURIComponent("'i:0#.f|membership|llyr.evans@glanyrafon.example'");
    const r = await api.call(`/_api/web/siteusers(@v)?@v=${login}`);
    expect(r.json.Title).toBe('Llŷr Evans');
  });

  it('ensureuser resolves a claims login or an e-mail, and answers an unknown one as SharePoint (500)', async () => {
    const r = await api.call('/_api/web/ensureuser', {
      body: { logonName: 'i:0#.f|membership|eleri.morgan@glanyrafon.example' },
    });
    expect(r.status).toBe(200);
    expect(r.json.Id).toBe(8);
    const byEmail = await api.call('/_api/web/ensureuser', { body: { logonName: 'nia.thomas@glanyrafon.example' } });
    expect(byEmail.json.Title).toBe('Nia Thomas');
    const unknown = await api.call('/_api/web/ensureuser', { body: { logonName: 'someone@elsewhere.example' } });
    expect(unknown.status).toBe(500);
    expect(unknown.json['odata.error'].message.value).toBe(
      'The specified user someone@elsewhere.example could not be found.',
    );
  });
});

describe('groups and role definitions', () => {
  it('lists the role groups of the schema with their members', async () => {
    const groups = await api.call('/_api/web/sitegroups?$select=Id,Title');
    const titles = groups.json.value.map((g: any) => g.Title);
    expect(titles).toEqual(expect.arrayContaining(Object.values(ROLE_GROUPS)));
    const officers = await api.call(
      `/_api/web/sitegroups/getbyname('${encodeURIComponent(ROLE_GROUPS.officers)}')/users?$select=Title`,
    );
    expect(officers.json.value.map((u: any) => u.Title)).toEqual(
      expect.arrayContaining(['Rhys Davies', "Dylan O'Brien"]),
    );
    expect(officers.json.value.map((u: any) => u.Title)).not.toContain('Eleri Morgan');
  });

  it('answers the role definitions SharePoint has, and one by name', async () => {
    const all = await api.call('/_api/web/roledefinitions?$select=Name,Id,RoleTypeKind');
    expect(all.json.value.map((r: any) => r.Name)).toEqual(
      expect.arrayContaining(['Full Control', 'Design', 'Edit', 'Contribute', 'Read']),
    );
    const contribute = await api.call("/_api/web/roledefinitions/getbyname('Contribute')");
    expect(contribute.json.Id).toBe(1073741827);
    expect(contribute.json.RoleTypeKind).toBe(3);
    expect(contribute.json.BasePermissions).toEqual({ High: '432', Low: '1011028719' });
  });

  it('creates a group (governance only) and adds a member', async () => {
    const denied = await api.call('/_api/web/sitegroups', { user: 'officer', body: { Title: 'Scrutiny Panel' } });
    expect(denied.status).toBe(403);
    const created = await api.call('/_api/web/sitegroups', {
      body: { Title: 'Scrutiny Panel', Description: 'Panel of the scrutiny committee' },
    });
    expect(created.status).toBe(201);
    expect(created.json.PrincipalType).toBe(8);
    const add = await api.call(`/_api/web/sitegroups(${created.json.Id})/users`, {
      body: { LoginName: 'i:0#.f|membership|bethan.lloyd@glanyrafon.example' },
    });
    expect(add.status).toBe(201);
    const members = await api.call(`/_api/web/sitegroups/getbyid(${created.json.Id})/users`);
    expect(members.json.value.map((u: any) => u.Title)).toEqual(['Bethan Lloyd']);
    const dup = await api.call('/_api/web/sitegroups', { body: { Title: 'Scrutiny Panel' } });
    expect(dup.status).toBe(400);
  });
});

describe('HTTP details', () => {
  it('answers OPTIONS sanely', async () => {
    const r = await api.call('/_api/web', { method: 'OPTIONS' });
    expect(r.status).toBe(200);
    expect(r.headers.get('allow')).toContain('MERGE');
  });

  it('answers an endpoint it does not implement with 501 in SharePoint error form', async () => {
    const r = await api.call('/_api/web/nonsense');
    expect(r.status).toBe(501);
    expect(r.json['odata.error'].code).toBe('-1, System.NotSupportedException');
  });

  it('does not serve paths outside the site API', async () => {
    const r = await fetch(`${api.server.url}/elsewhere`);
    expect(r.status).toBe(404);
  });
});
