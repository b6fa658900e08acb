import { collaboration } from './fixtures';
import { reposAs, startServer, type ListServer } from './helpers';
import type { Repositories } from '../../../src/data/repositories';

/**
 * The register's search through the repository (PnPjs over HTTP to the embedded server):
 * a word anywhere in the name (English or Welsh), reference, council reference, purpose,
 * lead organisation or partners finds the record, within the list view threshold by
 * `$filter` (plus search for what a filter cannot read) and past it through SharePoint
 * search (issue 16).
 */
jest.setTimeout(60_000);

/** Repositories whose every request URL is noted, to see which API answered. */
function recorded(server: ListServer, user = 'officer'): { repos: Repositories; urls: string[] } {
  const urls: string[] = [];
  const spy: typeof fetch = (input, init) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fetch(input, init);
  };
  return { repos: reposAs(server, user, { fetch: spy }), urls };
}

const titles = (items: readonly { title: string }[]) => items.map((c) => c.title);

async function partnerNamed(server: ListServer, name: string): Promise<{ Id: number; NameCy: string }> {
  // Every partner in ID order (a filter on the name would meet the threshold of the second server).
  const r = await fetch(
    `${server.siteUrl}/_api/web/lists/getbytitle('Partner%20Organisations')/items?$select=Id,Title,NameCy&$top=5000`,
    { headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' } },
  );
  const json = (await r.json()) as { value: { Id: number; Title: string; NameCy: string }[] };
  const p = json.value.find((x) => x.Title === name);
  if (!p) throw new Error(`no partner ${name}`);
  return p;
}

describe('search within the list view threshold', () => {
  let server: ListServer;
  let officer: Repositories;
  beforeAll(async () => {
    server = await startServer({ today: '2026-11-23' });
    officer = reposAs(server, 'officer');
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds "Gwent Safeguarding Board" by a word in the middle of its name, in any case', async () => {
    for (const text of ['Safeguarding', 'safeguard', 'SAFEGUARDING BOARD']) {
      const r = await officer.collaborations.query({ search: text });
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
      expect(titles(r.value.items)).toContain('Gwent Safeguarding Board');
    }
  });

  it('finds by the Welsh name, the council reference and the lead organisation', async () => {
    const cy = await officer.collaborations.query({ search: 'Diogelu' });
    expect(cy.ok && titles(cy.value.items)).toContain('Gwent Safeguarding Board');
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await officer.collaborations.create(
      collaboration(next.value, {
        title: 'Shared legal service',
        councilReference: 'CP/77-Q',
        leadOrganisation: 'Cyngor Sir Fynwy Zephyrine',
      }),
    );
    expect(created.ok).toBe(true);
    const councilRef = await officer.collaborations.query({ search: 'cp/77' });
    expect(councilRef.ok && titles(councilRef.value.items)).toEqual(['Shared legal service']);
    const reference = await officer.collaborations.query({ search: next.value });
    expect(reference.ok && titles(reference.value.items)).toEqual(['Shared legal service']);
    const lead = await officer.collaborations.query({ search: 'zephyrine' });
    expect(lead.ok && titles(lead.value.items)).toEqual(['Shared legal service']);
  });

  it('finds by a word of the purpose (a multiple-lines column no $filter can read: search finds it)', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await officer.collaborations.create(
      collaboration(next.value, {
        title: 'Coastal path wardens',
        purpose: 'Keeps the Wales Coast Path open with volunteer quillwort surveys.',
      }),
    );
    expect(created.ok).toBe(true);
    const { repos, urls } = recorded(server);
    const r = await repos.collaborations.query({ search: 'quillwort' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
    expect(titles(r.value.items)).toEqual(['Coastal path wardens']);
    // One list query answered it: the filter with the record search found (and search was asked).
    expect(urls.some((u) => u.includes('/_api/search/postquery'))).toBe(true);
    expect(urls.some((u) => /\/items\?.*substringof/.test(decodeURIComponent(u)))).toBe(true);
  });

  it('finds by a partner organisation’s name, in English or Welsh', async () => {
    const partner = await partnerNamed(server, 'Newport City Council');
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await officer.collaborations.create(
      collaboration(next.value, { title: 'Harbour ferry board', partnerIds: [partner.Id] }),
    );
    expect(created.ok).toBe(true);
    const en = await officer.collaborations.all({ search: 'Newport' });
    expect(en.ok && titles(en.value)).toContain('Harbour ferry board');
    const welshWord = partner.NameCy.split(' ').find((w) => w.length > 4) as string;
    const cy = await officer.collaborations.all({ search: `ferry ${welshWord}` });
    expect(cy.ok && titles(cy.value)).toEqual(['Harbour ferry board']);
  });

  it('matches Welsh letters with or without their accents (ŵ, ŷ, â)', async () => {
    const next = await officer.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await officer.collaborations.create(
      collaboration(next.value, { title: 'Gwasanaethau Tŷ Llŷr a’r Ŵyl Gân' }),
    );
    expect(created.ok).toBe(true);
    for (const text of ['Llŷr', 'Llyr', 'Wyl', 'gan', 'tŷ llŷr']) {
      const r = await officer.collaborations.all({ search: text });
      expect(r.ok && titles(r.value)).toContain('Gwasanaethau Tŷ Llŷr a’r Ŵyl Gân');
    }
  });

  it('combines with the other filters (a status)', async () => {
    const all = await officer.collaborations.all({ search: 'Gwent' });
    const active = await officer.collaborations.all({ search: 'Gwent', status: ['active'] });
    if (!all.ok || !active.ok) throw new Error('search failed');
    expect(active.value.length).toBeGreaterThan(0);
    expect(active.value.length).toBeLessThan(all.value.length);
    for (const c of active.value) expect(c.status).toBe('active');
    expect(active.value.every((c) => all.value.some((a) => a.id === c.id))).toBe(true);
  });

  it('what a person types cannot change the query: KQL and OData in the box are words', async () => {
    const list = await fetch(`${server.siteUrl}/_api/web/lists/getbytitle('Collaborations')?$select=Id`, {
      headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' },
    });
    const { Id } = (await list.json()) as { Id: string };
    for (const text of [
      `Safeguarding OR ListId:${Id}`,
      `zzqx" OR "Gwent`,
      `zzqx') or (Title ne '`,
      `zzqx OR Title:Gwent*`,
    ]) {
      const r = await officer.collaborations.all({ search: text });
      if (!r.ok) throw new Error(`${text}: ${r.error.code} ${r.error.detail ?? ''}`);
      expect(titles(r.value)).toEqual([]);
    }
  });
});

describe('search past the list view threshold', () => {
  let server: ListServer;
  beforeAll(async () => {
    // 60 demo collaborations over a threshold of 50.
    server = await startServer({ threshold: 50, today: '2026-11-23' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a substringof $filter is refused there, so the search goes through SharePoint search', async () => {
    const raw = await fetch(
      `${server.siteUrl}/_api/web/lists/getbytitle('Collaborations')/items?$filter=${encodeURIComponent("substringof('Safeguarding',Title)")}`,
      { headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:officer' } },
    );
    expect(raw.status).toBe(500);

    const { repos, urls } = recorded(server);
    const r = await repos.collaborations.query({ search: 'Safeguarding' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
    expect(titles(r.value.items)).toContain('Gwent Safeguarding Board');
    expect(urls.some((u) => u.includes('/_api/search/postquery'))).toBe(true);
    expect(urls.some((u) => u.includes('/_api/$batch'))).toBe(true);

    // The second search goes to search at once (no refused $filter first).
    urls.length = 0;
    const again = await repos.collaborations.query({ search: 'Diogelu' });
    expect(again.ok && titles(again.value.items)).toContain('Gwent Safeguarding Board');
    expect(urls.some((u) => /substringof/.test(decodeURIComponent(u)))).toBe(false);
  });

  it('finds by a word of the purpose and a partner’s name there too', async () => {
    const repos = reposAs(server, 'officer');
    const next = await repos.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const partner = await partnerNamed(server, 'Newport City Council');
    const created = await repos.collaborations.create(
      collaboration(next.value, {
        title: 'Estuary birds forum',
        purpose: 'Counts wintering avocets on the estuary.',
        partnerIds: [partner.Id],
      }),
    );
    expect(created.ok).toBe(true);
    const purpose = await repos.collaborations.query({ search: 'avocets' });
    expect(purpose.ok && titles(purpose.value.items)).toEqual(['Estuary birds forum']);
    const byPartner = await repos.collaborations.all({ search: 'Newport birds' });
    expect(byPartner.ok && titles(byPartner.value)).toEqual(['Estuary birds forum']);
  });

  it('combines with a status filter and pages with its own token, no record twice', async () => {
    const repos = reposAs(server, 'officer');
    const every = await repos.collaborations.all({ search: 'Gwent', status: ['active'] });
    if (!every.ok) throw new Error(`${every.error.code} ${every.error.detail ?? ''}`);
    expect(every.value.length).toBeGreaterThan(2);
    for (const c of every.value) expect(c.status).toBe('active');

    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await repos.collaborations.query({ search: 'Gwent', status: ['active'], pageSize: 2 }, token);
      if (!page.ok) throw new Error(`${page.error.code} ${page.error.detail ?? ''}`);
      seen.push(...page.value.items.map((c) => c.id));
      token = page.value.next;
      pages++;
    } while (token !== undefined && pages < 50);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(every.value.map((c) => c.id).sort((a, b) => a - b));
  });
});
