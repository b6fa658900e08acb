/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ACCEPT, startApi, tempDir, type Api } from './helpers';

jest.setTimeout(60_000);

describe('the data file survives a restart with nothing lost', () => {
  const tmp = tempDir();
  const dataFile = join(tmp.dir, 'nested', 'register.db');
  const open: Api[] = [];
  afterAll(async () => {
    for (const api of open) await api.server.close();
    tmp.cleanup();
  });

  it('keeps items, versions, lists, fields, groups and counters across a restart', async () => {
    const first = await startApi({ dataFile });
    open.push(first);
    expect(existsSync(dataFile)).toBe(true);
    expect(existsSync(`${dataFile}-wal`)).toBe(true);
    const created = await first.call(first.items('Partner Organisations'), {
      body: {
        Title: 'Cwmni Bysiau Tŷ Coch',
        PartnerKey: 'persist-1',
        NameCy: 'Cwmni Bysiau Tŷ Coch',
        Sector: 'Private sector',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.Id;
    await first.call(first.items('Partner Organisations', `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '"1"',
      body: { Website: 'https://bysiau.example' },
    });
    const list = await first.call('/_api/web/lists', {
      body: { Title: 'Persistence Check', BaseTemplate: 100, Description: 'kept' },
    });
    expect(list.status).toBe(201);
    await first.call("/_api/web/lists/getbytitle('Persistence Check')/fields", {
      body: { __metadata: { type: 'SP.FieldText' }, Title: 'Note', FieldTypeKind: 2, MaxLength: 50 },
      headers: { 'Content-Type': 'application/json;odata=verbose' },
      accept: 'application/json;odata=verbose',
    });
    const group = await first.call('/_api/web/sitegroups', { body: { Title: 'Persisted Group' } });
    const before = await first.call('/_api/web/lists?$select=Title,ItemCount', { accept: ACCEPT.none });
    await first.server.close();

    // A second start on the same file: no demo regeneration, everything still there.
    const second = await startApi({ dataFile, demo: { size: 10 } });
    open.push(second);
    const item = await second.call(second.items('Partner Organisations', `(${id})`));
    expect(item.status).toBe(200);
    expect(item.json.Title).toBe('Cwmni Bysiau Tŷ Coch');
    expect(item.json.Website).toBe('https://bysiau.example');
    expect(item.json['odata.etag']).toBe('"2"');
    const versions = await second.call(second.items('Partner Organisations', `(${id})/versions`));
    expect(versions.json.value.map((v: any) => v.VersionLabel)).toEqual(['2.0', '1.0']);
    const after = await second.call('/_api/web/lists?$select=Title,ItemCount', { accept: ACCEPT.none });
    expect(after.json.value).toEqual(before.json.value);
    const field = await second.call(
      "/_api/web/lists/getbytitle('Persistence Check')/fields/getbyinternalnameortitle('Note')",
    );
    expect(field.json.MaxLength).toBe(50);
    expect((await second.call(`/_api/web/sitegroups/getbyid(${group.json.Id})`)).json.Title).toBe('Persisted Group');
    const next = await second.call(second.items('Partner Organisations'), {
      body: { Title: 'After restart', PartnerKey: 'persist-2', Sector: 'Other' },
    });
    expect(next.json.Id).toBe(id + 1);
    const dup = await second.call(second.items('Partner Organisations'), {
      body: { Title: 'Dup', PartnerKey: 'PERSIST-1', Sector: 'Other' },
    });
    expect(dup.status).toBe(400);
    await second.server.close();
  });
});
