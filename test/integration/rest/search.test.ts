/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- raw REST bodies are untyped JSON */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ACCEPT, Api, startApi, tempDir } from './helpers';
import { startListServer } from '../../../src/local/server';

/**
 * The embedded server's Search REST API, tested against Microsoft's documentation of it
 * ("SharePoint Search REST API overview" and the "Keyword Query Language (KQL) syntax
 * reference" on learn.microsoft.com):
 * - GET `/_api/search/query?querytext='…'` with the other parameters as URL options
 *   (`selectproperties='A,B'`, `rowlimit=n`, `startrow=n`);
 * - POST `/_api/search/postquery` with `{"request":{"Querytext":…}}`, arrays as plain JSON
 *   arrays (nometadata) or `{"results":[…]}` (verbose, with `__metadata`);
 * - the answer's rows at `PrimaryQueryResult.RelevantResults.Table.Rows`, each with `Cells`
 *   of `{Key, Value, ValueType}`, and `RowCount` and `TotalRows` beside them; under verbose
 *   every collection is `{results:[…]}` inside `d.query` / `d.postquery`.
 */
jest.setTimeout(60_000);

let api: Api;
let collaborationsId: string;
beforeAll(async () => {
  api = await startApi();
  const list = await api.call(`${api.list('Collaborations')}?$select=Id`, { accept: ACCEPT.none });
  collaborationsId = list.json.Id;
});
afterAll(async () => {
  await api.server.close();
});

/** A quoted GET option value: '…' with a quote doubled, URL-encoded. */
const quoted = (v: string) => encodeURIComponent(`'${v.replace(/'/g, "''")}'`);

function get(querytext: string, extra: Record<string, string> = {}, options: { user?: string; accept?: string } = {}) {
  const params = [`querytext=${quoted(querytext)}`];
  for (const [k, v] of Object.entries(extra)) params.push(`${k}=${v}`);
  return api.call(`/_api/search/query?${params.join('&')}`, { accept: ACCEPT.none, ...options });
}

function post(request: Record<string, unknown>, options: { user?: string; accept?: string } = {}) {
  return api.call('/_api/search/postquery', { body: { request }, accept: ACCEPT.none, ...options });
}

/** Rows as plain objects, from either shape. */
function rowsOf(body: any): Record<string, string | null>[] {
  const result = body.d ? (body.d.query ?? body.d.postquery) : body;
  const rows = result.PrimaryQueryResult.RelevantResults.Table.Rows;
  return (rows.results ?? rows).map((row: any) =>
    Object.fromEntries((row.Cells.results ?? row.Cells).map((c: any) => [c.Key, c.Value])),
  );
}

const relevant = (body: any) => (body.d ? (body.d.query ?? body.d.postquery) : body).PrimaryQueryResult.RelevantResults;
const inCollaborations = (text: string) => `ListId:${collaborationsId} ${text}`;

describe('GET /_api/search/query', () => {
  it('answers the documented nometadata shape: rows of Key/Value/ValueType cells, RowCount and TotalRows', async () => {
    const r = await get(inCollaborations('Safeguarding'), { selectproperties: quoted('Title,ListItemID,Path,ListId') });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.json).toMatchObject({
      ElapsedTime: expect.any(Number),
      PrimaryQueryResult: {
        RelevantResults: {
          RowCount: expect.any(Number),
          TotalRows: expect.any(Number),
          Table: { Rows: expect.any(Array) },
        },
      },
    });
    const cells = r.json.PrimaryQueryResult.RelevantResults.Table.Rows[0].Cells;
    for (const c of cells) {
      expect(Object.keys(c).sort()).toEqual(['Key', 'Value', 'ValueType']);
      expect(c.Value === null || typeof c.Value === 'string').toBe(true);
    }
    expect(cells.map((c: any) => c.Key)).toEqual(expect.arrayContaining(['Title', 'ListItemID', 'Path', 'ListId']));
    const rows = rowsOf(r.json);
    expect(rows.map((x) => x['Title'])).toContain('Gwent Safeguarding Board');
    const row = rows.find((x) => x['Title'] === 'Gwent Safeguarding Board') as Record<string, string>;
    expect(row['ListId']).toBe(collaborationsId.toLowerCase());
    expect(row['Path']).toBe(`${api.siteUrl}/Lists/Collaborations/DispForm.aspx?ID=${row['ListItemID']}`);
    expect(relevant(r.json).RowCount).toBe(rows.length);
  });

  it('answers odata=verbose with d.query and {results:[…]} collections', async () => {
    const r = await get(inCollaborations('Safeguarding'), {}, { accept: ACCEPT.verbose });
    expect(r.status).toBe(200);
    expect(r.json.d.query.__metadata.type).toBe('Microsoft.Office.Server.Search.REST.SearchResult');
    const table = r.json.d.query.PrimaryQueryResult.RelevantResults.Table;
    expect(Array.isArray(table.Rows.results)).toBe(true);
    expect(Array.isArray(table.Rows.results[0].Cells.results)).toBe(true);
    expect(table.Rows.results[0].Cells.results[0].__metadata.type).toBe('SP.KeyValue');
    expect(rowsOf(r.json).map((x) => x['Title'])).toContain('Gwent Safeguarding Board');
  });

  it('returns 10 rows unless rowlimit says otherwise; startrow pages on with no row twice', async () => {
    const first = await get(inCollaborations('Gwent'));
    expect(rowsOf(first.json)).toHaveLength(10);
    const total = relevant(first.json).TotalRows;
    expect(total).toBeGreaterThan(10);

    const seen: string[] = [];
    for (let start = 0; start < total; start += 4) {
      const page = await get(inCollaborations('Gwent'), {
        rowlimit: '4',
        startrow: String(start),
        selectproperties: quoted('ListItemID'),
      });
      expect(relevant(page.json).TotalRows).toBe(total);
      const ids = rowsOf(page.json).map((x) => x['ListItemID'] as string);
      expect(ids.length).toBe(Math.min(4, total - start));
      seen.push(...ids);
    }
    expect(new Set(seen).size).toBe(total);
    const past = await get(inCollaborations('Gwent'), { startrow: String(total) });
    expect(relevant(past.json).RowCount).toBe(0);
  });

  it('reads KQL: implicit AND, OR, NOT, "phrases", prefix*, Title: restrictions, case-insensitive', async () => {
    const titles = async (kql: string) =>
      rowsOf((await get(inCollaborations(kql), { rowlimit: '500', selectproperties: quoted('Title') })).json).map(
        (x) => x['Title'],
      );
    expect(await titles('safeguarding board')).toContain('Gwent Safeguarding Board');
    expect(await titles('"Board Safeguarding"')).not.toContain('Gwent Safeguarding Board');
    expect(await titles('"safeguarding board"')).toContain('Gwent Safeguarding Board');
    expect(await titles('safeg*')).toContain('Gwent Safeguarding Board');
    expect(await titles('"gwent safeg"*')).toContain('Gwent Safeguarding Board');
    expect(await titles('safeg')).not.toContain('Gwent Safeguarding Board');
    expect(await titles('Title:Safeguarding')).toEqual(['Gwent Safeguarding Board']);
    const gwent = await titles('Gwent');
    const notBoard = await titles('Gwent NOT board');
    expect(notBoard.length).toBeLessThan(gwent.length);
    expect(notBoard.every((t) => !/\bboard\b/i.test(t ?? ''))).toBe(true);
    const either = await titles('(Title:Safeguarding OR Title:"Flying Start")');
    expect(either.sort()).toEqual(['Flying Start Partnership', 'Gwent Safeguarding Board']);
    // Lower-case "or" is a word, not the operator: no title is both.
    expect(await titles('(Title:Safeguarding or Title:"Flying Start")')).toEqual([]);
  });

  it('scopes with ListId: and path:, as the register does', async () => {
    const everywhere = relevant((await get('Safeguarding')).json).TotalRows;
    const inList = relevant((await get(inCollaborations('Safeguarding'))).json).TotalRows;
    const byPath = relevant((await get(`path:"${api.siteUrl}/Lists/Collaborations" Safeguarding`)).json).TotalRows;
    expect(inList).toBeGreaterThan(0);
    expect(everywhere).toBeGreaterThan(inList);
    expect(byPath).toBe(inList);
    const none = await get('ListId:00000000-0000-0000-0000-000000000000 Safeguarding');
    expect(relevant(none.json).TotalRows).toBe(0);
  });

  it('matches Welsh letters with or without accents', async () => {
    const created = await api.call(api.items('Partner Organisations'), {
      body: { Title: 'Canolfan Tŷ Llŷr', PartnerKey: 'search-test-llyr', NameCy: 'Canolfan Ŵyl' },
    });
    expect(created.status).toBe(201);
    for (const word of ['Llŷr', 'llyr', 'LLYR', 'Wyl', 'ŵyl', 'ty']) {
      const r = await get(`${word} canolfan`, { selectproperties: quoted('Title') });
      expect(rowsOf(r.json).map((x) => x['Title'])).toContain('Canolfan Tŷ Llŷr');
    }
  });
});

describe('POST /_api/search/postquery', () => {
  it('takes the request as PnPjs sends it (plain arrays) and answers nometadata', async () => {
    const r = await post({
      Querytext: inCollaborations('Safeguarding'),
      RowLimit: 5,
      StartRow: 0,
      SelectProperties: ['Title', 'ListItemID'],
      TrimDuplicates: false,
      HitHighlightedProperties: [],
      Properties: [],
      RefinementFilters: [],
      ReorderingRules: [],
      SortList: [],
    });
    expect(r.status).toBe(200);
    expect(rowsOf(r.json).map((x) => x['Title'])).toContain('Gwent Safeguarding Board');
    expect(relevant(r.json).RowCount).toBeLessThanOrEqual(5);
  });

  it('takes the documented verbose request ({__metadata}, {results:[…]}, numbers as strings) and answers d.postquery', async () => {
    const r = await post(
      {
        __metadata: { type: 'Microsoft.Office.Server.Search.REST.SearchRequest' },
        Querytext: inCollaborations('Gwent'),
        RowLimit: '3',
        StartRow: '3',
        SelectProperties: { results: ['Title', 'ListItemID'] },
        SortList: { results: [{ Property: 'Rank', Direction: '1' }] },
      },
      { accept: ACCEPT.verbose },
    );
    expect(r.status).toBe(200);
    expect(r.json.d.postquery.PrimaryQueryResult.RelevantResults.RowCount).toBe(3);
    expect(rowsOf(r.json)).toHaveLength(3);
  });

  it('orders by Rank, best first, and by DocId when SortList asks', async () => {
    const ranked = rowsOf((await post({ Querytext: inCollaborations('Gwent'), RowLimit: 50 })).json);
    const ranks = ranked.map((x) => Number(x['Rank']));
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const byDoc = rowsOf(
      (
        await post({
          Querytext: inCollaborations('Gwent'),
          RowLimit: 50,
          SortList: [{ Property: 'DocId', Direction: 0 }],
        })
      ).json,
    ).map((x) => Number(x['DocId']));
    expect([...byDoc].sort((a, b) => a - b)).toEqual(byDoc);
  });
});

describe('quotes in the query text', () => {
  it('takes a single quote doubled on GET and as it is in a POST', async () => {
    const created = await api.call(api.items('Partner Organisations'), {
      body: { Title: "O'Farrelly Xylophone Trust", PartnerKey: 'search-test-quote' },
    });
    expect(created.status).toBe(201);
    const viaGet = await get(`"O'Farrelly Xylophone"`, { selectproperties: quoted('Title') });
    expect(viaGet.status).toBe(200);
    expect(rowsOf(viaGet.json).map((x) => x['Title'])).toEqual(["O'Farrelly Xylophone Trust"]);
    const viaPost = await post({ Querytext: `O'Farrelly xylophone`, SelectProperties: ['Title'] });
    expect(rowsOf(viaPost.json).map((x) => x['Title'])).toEqual(["O'Farrelly Xylophone Trust"]);
  });
});

describe('a data file made before the search index', () => {
  it('is indexed when the server opens it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'register.db');
      const first = await startListServer({ port: 0, dataFile: file, today: '2026-11-23' });
      await first.close();
      const db = new Database(file);
      db.exec(`DROP TABLE search_fts; DELETE FROM meta WHERE key = 'searchIndexVersion'`);
      db.close();
      const again = new Api(await startListServer({ port: 0, dataFile: file, today: '2026-11-23' }));
      try {
        const r = await again.call(`/_api/search/query?querytext=${quoted('Safeguarding Board')}`, {
          accept: ACCEPT.none,
        });
        expect(r.status).toBe(200);
        expect(rowsOf(r.json).map((x) => x['Title'])).toContain('Gwent Safeguarding Board');
      } finally {
        await again.server.close();
      }
    } finally {
      cleanup();
    }
  });
});

describe('the index follows every write (no crawl delay here)', () => {
  it('finds a new item at once, its new words after an update, and nothing after a delete', async () => {
    const created = await api.call(api.items('Partner Organisations'), {
      body: { Title: 'Quokkaville Trust', PartnerKey: 'search-test-quokka' },
      accept: ACCEPT.none,
    });
    expect(created.status).toBe(201);
    const id = created.json.Id;
    const count = async (word: string) => relevant((await get(word)).json).TotalRows;
    expect(await count('quokkaville')).toBe(1);

    const updated = await api.call(api.items('Partner Organisations', `(${id})`), {
      xMethod: 'MERGE',
      ifMatch: '*',
      body: { Title: 'Wombatton Trust' },
    });
    expect(updated.status).toBe(204);
    expect(await count('quokkaville')).toBe(0);
    expect(await count('wombatton')).toBe(1);

    const deleted = await api.call(api.items('Partner Organisations', `(${id})`), { xMethod: 'DELETE', ifMatch: '*' });
    expect(deleted.status).toBe(200);
    expect(await count('wombatton')).toBe(0);
  });
});

describe('security trimming', () => {
  it('leaves out an item whose own permissions give the user nothing, from the rows and TotalRows', async () => {
    const created = await api.call(api.items('Partner Organisations'), {
      body: { Title: 'Zanzibarine Secret Trust', PartnerKey: 'search-test-secret' },
      accept: ACCEPT.none,
    });
    const id = created.json.Id;
    const word = 'zanzibarine';
    expect(relevant((await get(word, {}, { user: 'officer' })).json).TotalRows).toBe(1);
    const broke = await api.call(
      `${api.items('Partner Organisations', `(${id})`)}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
      { method: 'POST' },
    );
    expect(broke.status).toBe(200);
    // The officer can no longer read the item, nor find it.
    expect((await api.call(api.items('Partner Organisations', `(${id})`), { user: 'officer' })).status).toBe(404);
    const asOfficer = await get(word, {}, { user: 'officer' });
    expect(asOfficer.status).toBe(200);
    expect(relevant(asOfficer.json).TotalRows).toBe(0);
    expect(rowsOf(asOfficer.json)).toEqual([]);
    // The governance officer (who broke it, with Full Control) still finds it.
    expect(relevant((await get(word, {}, { user: 'governance' })).json).TotalRows).toBe(1);
  });

  it('answers 401 without a token, as the rest of the API', async () => {
    const r = await get('Gwent', {}, { user: null as unknown as string });
    expect(r.status).toBe(401);
  });
});

describe('malformed queries', () => {
  it.each([
    ['an empty query', ''],
    ['only white space', '   '],
    ['only an operator', 'AND'],
    ['an operator with nothing after it', 'Gwent AND'],
    ['NOT with nothing before it', 'NOT Gwent'],
    ['an unclosed quotation mark', '"Gwent Safeguarding'],
    ['an unclosed parenthesis', '(Gwent OR Newport'],
    ['a closing parenthesis too many', 'Gwent)'],
    ['a property restriction with an empty quoted value', 'Title:""'],
    ['a wildcard before a word', '*guarding'],
  ])('%s is 400 with SharePoint’s "query is malformed" error', async (_name, kql) => {
    for (const r of [await get(kql), await post({ Querytext: kql })]) {
      expect(r.status).toBe(400);
      expect(r.json['odata.error']).toEqual({
        code: '-1, Microsoft.Office.Server.Search.Query.QueryMalformedException',
        message: { lang: 'en-US', value: 'Your query is malformed. Please rephrase your query.' },
      });
    }
  });

  it('a GET without a quoted querytext is 400, as is a POST without a request', async () => {
    const missing = await api.call('/_api/search/query?rowlimit=5', { accept: ACCEPT.none });
    expect(missing.status).toBe(400);
    expect(missing.json['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    const unquoted = await api.call('/_api/search/query?querytext=Gwent', { accept: ACCEPT.none });
    expect(unquoted.status).toBe(400);
    const noRequest = await api.call('/_api/search/postquery', { body: { Querytext: 'Gwent' }, accept: ACCEPT.none });
    expect(noRequest.status).toBe(400);
    const badRowLimit = await get('Gwent', { rowlimit: '-1' });
    expect(badRowLimit.status).toBe(400);
  });

  it('a GET of postquery, or a POST of query, is 405', async () => {
    expect((await api.call('/_api/search/postquery', { accept: ACCEPT.none })).status).toBe(405);
    expect((await api.call(`/_api/search/query?querytext=${quoted('x')}`, { method: 'POST', body: {} })).status).toBe(
      405,
    );
  });
});
