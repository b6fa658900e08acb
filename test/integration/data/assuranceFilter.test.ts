import { collaboration } from './fixtures';
import { reposAs, startServer, unique, type ListServer } from './helpers';
import type { Repositories } from '../../../src/data/repositories';
import type { Collaboration } from '../../../src/domain/collaboration';
import type { CollaborationQuery } from '../../../src/domain/ports';

/**
 * The register's filter by assurance level, run by the server (PnPjs over HTTP to the embedded
 * server): a level is its choice word (`AssuranceLevel eq 'Limited'`), "not yet given" the empty
 * column (`AssuranceLevel eq null`), several of them an `or` group; with the other filters and
 * with search. The column is indexed, so past the list view threshold a level still filters.
 */
jest.setTimeout(60_000);

/** Repositories whose every request URL is noted (decoded), to see the `$filter` sent. */
function recorded(server: ListServer, user = 'officer'): { repos: Repositories; urls: string[] } {
  const urls: string[] = [];
  const spy: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(decodeURIComponent(url.replace(/\+/g, ' ')));
    return fetch(input, init);
  };
  return { repos: reposAs(server, user, { fetch: spy }), urls };
}

/** Seeds one record per entry, all in one new directorate; returns each one's reference by name. */
async function seed(
  repos: Repositories,
  directorate: string,
  records: Readonly<Record<string, Partial<Collaboration>>>,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, extra] of Object.entries(records)) {
    const next = await repos.collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.detail);
    const created = await repos.collaborations.create(
      collaboration(next.value, { directorate, title: `${directorate} ${name}`, ...extra }),
    );
    if (!created.ok) throw new Error(`${created.error.code} ${created.error.detail ?? ''}`);
    out[name] = created.value.reference;
  }
  return out;
}

const RECORDS = {
  substantial: { assuranceLevel: 'substantial', assuranceDate: '2025-10-01' },
  limited: { assuranceLevel: 'limited', assuranceDate: '2025-10-02' },
  limitedProposed: { assuranceLevel: 'limited', status: 'proposed' },
  reasonable: { assuranceLevel: 'reasonable' },
  // "No assurance" is a level a panel gave: not the same as none given yet.
  noAssurance: { assuranceLevel: 'none' },
  notGiven: {},
  notGivenProposed: { status: 'proposed' },
} as const satisfies Record<string, Partial<Collaboration>>;

describe('the assurance filter within the list view threshold', () => {
  let server: ListServer;
  let officer: Repositories;
  let urls: string[];
  let directorate: string;
  let ref: Record<string, string>;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    ({ repos: officer, urls } = recorded(server));
    directorate = unique('Assurance');
    ref = await seed(reposAs(server, 'governance'), directorate, RECORDS);
  });
  afterAll(async () => {
    await server.close();
  });

  const refs = async (q: CollaborationQuery): Promise<string[]> => {
    const r = await officer.collaborations.all({ directorate, ...q });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
    return r.value.map((c) => c.reference).sort();
  };
  const of = (...names: (keyof typeof RECORDS)[]) => names.map((n) => ref[n] as string).sort();

  it('keeps exactly the records given a level, or any of several levels', async () => {
    expect(await refs({ assurance: ['substantial'] })).toEqual(of('substantial'));
    expect(await refs({ assurance: ['limited'] })).toEqual(of('limited', 'limitedProposed'));
    expect(await refs({ assurance: ['none'] })).toEqual(of('noAssurance'));
    expect(await refs({ assurance: ['substantial', 'limited'] })).toEqual(
      of('substantial', 'limited', 'limitedProposed'),
    );
  });

  it('"not yet given" keeps the records with the column empty, alone or with a level', async () => {
    expect(await refs({ assurance: ['notGiven'] })).toEqual(of('notGiven', 'notGivenProposed'));
    expect(await refs({ assurance: ['notGiven', 'limited'] })).toEqual(
      of('notGiven', 'notGivenProposed', 'limited', 'limitedProposed'),
    );
    expect(await refs({ assurance: ['substantial', 'limited', 'notGiven'] })).toEqual(
      of('substantial', 'limited', 'limitedProposed', 'notGiven', 'notGivenProposed'),
    );
    // Nothing asked for is no filter.
    expect(await refs({ assurance: [] })).toEqual(of(...(Object.keys(RECORDS) as (keyof typeof RECORDS)[])));
  });

  it('combines with the status filter (one status, and several)', async () => {
    expect(await refs({ assurance: ['notGiven', 'limited'], status: ['active'] })).toEqual(of('notGiven', 'limited'));
    expect(await refs({ assurance: ['notGiven', 'limited'], status: ['proposed'] })).toEqual(
      of('notGivenProposed', 'limitedProposed'),
    );
    expect(await refs({ assurance: ['limited'], status: ['active', 'proposed'] })).toEqual(
      of('limited', 'limitedProposed'),
    );
    expect(await refs({ assurance: ['substantial'], status: ['proposed'] })).toEqual([]);
  });

  it('combines with search, as the other filters do', async () => {
    // The directorate is in every title: search alone finds all seven, the filter narrows them.
    const searched = async (q: CollaborationQuery) => {
      const r = await officer.collaborations.all({ search: directorate, ...q });
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
      return r.value.map((c) => c.reference).sort();
    };
    expect(await searched({})).toHaveLength(Object.keys(RECORDS).length);
    expect(await searched({ assurance: ['notGiven', 'substantial'] })).toEqual(
      of('notGiven', 'notGivenProposed', 'substantial'),
    );
    expect(await searched({ assurance: ['limited'], status: ['proposed'] })).toEqual(of('limitedProposed'));
  });

  it("sends the level's choice word and `eq null` in one `or` group of the `$filter`", async () => {
    urls.length = 0;
    await refs({ assurance: ['substantial', 'limited', 'notGiven'] });
    const filters = urls.filter((u) => u.includes('/items') && u.includes('$filter='));
    expect(filters).toHaveLength(1);
    expect(filters[0]).toContain(
      "(AssuranceLevel eq 'Substantial' or AssuranceLevel eq 'Limited' or AssuranceLevel eq null)",
    );
  });

  it('pages with the filter: the next page carries it', async () => {
    const q: CollaborationQuery = { directorate, assurance: ['notGiven', 'limited'], pageSize: 2 };
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await officer.collaborations.query(q, token);
      if (!page.ok) throw new Error(`${page.error.code} ${page.error.detail ?? ''}`);
      expect(page.value.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.value.items.map((c) => c.reference));
      token = page.value.next;
    } while (token !== undefined);
    expect(seen.sort()).toEqual(of('notGiven', 'notGivenProposed', 'limited', 'limitedProposed'));
  });
});

describe('the assurance filter past the list view threshold (lowered to 20 over the 60-item demo register)', () => {
  let server: ListServer;
  let officer: Repositories;
  let directorate: string;
  let ref: Record<string, string>;

  beforeAll(async () => {
    server = await startServer({ demo: true, threshold: 20 });
    officer = reposAs(server, 'officer');
    directorate = unique('Threshold');
    ref = await seed(reposAs(server, 'governance'), directorate, RECORDS);
  });
  afterAll(async () => {
    await server.close();
  });

  const status = async (filter: string): Promise<number> => {
    const r = await fetch(
      `${server.siteUrl}/_api/web/lists/getByTitle('Collaborations')/items?$select=Id&$top=100&$filter=${encodeURIComponent(filter)}`,
      { headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:officer' } },
    );
    return r.status;
  };

  it('the server lets a level through because the column is indexed, and refuses a choice column that is not', async () => {
    expect(await status("AssuranceLevel eq 'Limited'")).toBe(200);
    // Last assessment RAG is a choice column too, but not indexed: SharePoint refuses it.
    expect(await status("LastAssessmentRag eq 'Red'")).toBe(500);
    // Empty checks and `or` groups cannot seek the index: first, they are refused as SharePoint refuses them.
    expect(await status('AssuranceLevel eq null')).toBe(500);
    expect(await status("(AssuranceLevel eq 'Limited' or AssuranceLevel eq null)")).toBe(500);
  });

  it('filters by one level alone, and with a status and search', async () => {
    const limited = await officer.collaborations.all({ assurance: ['limited'] });
    if (!limited.ok) throw new Error(`${limited.error.code} ${limited.error.detail ?? ''}`);
    expect(limited.value.map((c) => c.reference).sort()).toEqual([ref.limited, ref.limitedProposed].sort());

    const page = await officer.collaborations.query({ assurance: ['limited'], status: ['active', 'proposed'] });
    if (!page.ok) throw new Error(`${page.error.code} ${page.error.detail ?? ''}`);
    expect(page.value.items.map((c) => c.reference).sort()).toEqual([ref.limited, ref.limitedProposed].sort());

    // Past the threshold search answers, and each record found is read with the filters (`Id eq n and …`).
    const found = await officer.collaborations.all({ search: directorate, assurance: ['notGiven', 'limited'] });
    if (!found.ok) throw new Error(`${found.error.code} ${found.error.detail ?? ''}`);
    expect(found.value.map((c) => c.reference).sort()).toEqual(
      [ref.notGiven, ref.notGivenProposed, ref.limited, ref.limitedProposed].sort(),
    );
  });

  it('"not yet given" (or several levels) needs a selective indexed filter beside it, as in SharePoint', async () => {
    const alone = await officer.collaborations.query({ assurance: ['notGiven', 'limited'] });
    expect(!alone.ok && alone.error.code).toBe('threshold');
    const narrowed = await officer.collaborations.all({ directorate, assurance: ['notGiven', 'limited'] });
    if (!narrowed.ok) throw new Error(`${narrowed.error.code} ${narrowed.error.detail ?? ''}`);
    expect(narrowed.value.map((c) => c.reference).sort()).toEqual(
      [ref.notGiven, ref.notGivenProposed, ref.limited, ref.limitedProposed].sort(),
    );
  });
});
