import { previewImport, type ImportInput } from '../../../src/app/importRegister';
import { createImportTarget } from '../../../src/data/import/target';
import type { Repositories } from '../../../src/data/repositories';
import { importVocabulary, suggestMapping } from '../../../src/domain/import';
import { CATALOGUES } from '../../../src/i18n';
import { readTable } from '../../../src/transfer/table';
import { reposAs, spAs, startServer, type ListServer } from './helpers';

/**
 * Partners the governance team adds in SharePoint directly, where nothing checks them as the
 * tab does: Sector left blank, Sector typed by hand (the column set to allow fill-in values),
 * even the key column made optional. Added here with bare REST, past the mappers.
 */
let server: ListServer;
let governance: Repositories;
const LIST = `/_api/web/lists/getbytitle('Partner%20Organisations')`;

async function rest(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const r = await fetch(`${server.siteUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json;odata=nometadata',
      'Content-Type': 'application/json;charset=utf-8',
      Authorization: 'Bearer dev:governance',
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${r.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
}

const addPartner = async (body: Record<string, unknown>) =>
  (await rest(`${LIST}/items`, { method: 'POST', body }))?.['Id'] as number;
const setField = (name: string, body: Record<string, unknown>) =>
  rest(`${LIST}/fields/getbyinternalnameortitle('${name}')`, {
    method: 'POST',
    body,
    headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' },
  });

let blankId: number;
let typedId: number;
let keylessId: number;

beforeAll(async () => {
  server = await startServer();
  governance = reposAs(server, 'governance');
  blankId = await addPartner({ Title: 'Torfaen CBC', PartnerKey: 'sp-torfaen-cbc' });
  await setField('Sector', { FillInChoice: true });
  typedId = await addPartner({
    Title: 'Bron Afon Community Housing',
    PartnerKey: 'sp-bron-afon',
    Sector: 'Housing association',
  });
  await setField('PartnerKey', { Required: false, EnforceUniqueValues: false });
  keylessId = await addPartner({ Title: 'Added without a key' });
});
afterAll(async () => {
  await server.close();
});

describe('partners added in SharePoint directly', () => {
  it('are read with a blank or hand-typed Sector; an item with no key is named and the rest go on', async () => {
    const list = await governance.partners.list();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const byId = new Map(list.value.partners.map((p) => [p.id, p]));
    expect(byId.get(blankId)).toMatchObject({ name: 'Torfaen CBC' });
    expect(byId.get(blankId)?.sector).toBeUndefined();
    expect(byId.get(typedId)).toMatchObject({ otherSector: 'Housing association' });
    expect(byId.has(keylessId)).toBe(false);
    expect(list.value.unreadable).toEqual([
      expect.objectContaining({ code: 'invalid', itemId: keylessId, field: 'PartnerKey' }),
    ]);
    const all = await governance.partners.all();
    if (!all.ok) throw new Error(all.error.detail);
    const ids = all.value.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([blankId, typedId]));
    expect(ids).not.toContain(keylessId);
  });

  it('saving one keeps the Sector word typed by hand', async () => {
    const read = await governance.partners.get(typedId);
    if (!read.ok) throw new Error(read.error.detail);
    const saved = await governance.partners.update({ ...read.value, nameCy: 'Tai Cymunedol Bron Afon' });
    expect(saved.ok).toBe(true);
    const raw = await rest(`${LIST}/items(${typedId})?$select=Sector,NameCy`);
    expect(raw).toMatchObject({ Sector: 'Housing association', NameCy: 'Tai Cymunedol Bron Afon' });
  });

  it('the import preview still runs, and finds the partner with a blank Sector by its name', async () => {
    const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
    const csv = 'Title,Partners\nShared waste service,Torfaen CBC; Cwmbrân Community Trust\n';
    const table = await readTable(new TextEncoder().encode(csv));
    if (!table.ok) throw new Error(table.error.code);
    const input: ImportInput = {
      rows: table.value.rows,
      mapping: suggestMapping(table.value.headers, vocabulary),
      vocabulary,
    };
    const preview = await previewImport(createImportTarget(spAs(server, 'governance')), input);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.newPartners).toEqual(['Cwmbrân Community Trust']);
  });
});
