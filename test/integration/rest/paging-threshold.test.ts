/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { ACCEPT, q, startApi, type Api } from './helpers';

jest.setTimeout(120_000);

const THROTTLED = {
  'odata.error': {
    code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    message: {
      lang: 'en-US',
      value: 'The attempted operation is prohibited because it exceeds the list view threshold.',
    },
  },
};

/** Follows odata.nextLink (minimal, nometadata) or d.__next (verbose), as PnPjs does. */
async function pageAll(
  api: Api,
  first: string,
  accept: string = ACCEPT.minimal,
): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  let next: string | undefined = first;
  while (next) {
    const r: { status: number; json: any } = await api.call(next, { accept });
    expect(r.status).toBe(200);
    pages += 1;
    if (accept === ACCEPT.verbose) {
      items.push(...r.json.d.results);
      next = r.json.d.__next;
    } else {
      items.push(...r.json.value);
      next = r.json['odata.nextLink'];
    }
  }
  return { items, pages };
}

describe('paging past 5,000 items (a list above the default threshold)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ demo: { size: 5200 } });
  });
  afterAll(async () => {
    await api.server.close();
  });

  it('holds 5,200 collaborations', async () => {
    const r = await api.call(`${api.list('Collaborations')}?$select=ItemCount`);
    expect(r.json.ItemCount).toBe(5200);
  });

  it('pages by ID with $top=5000 and odata.nextLink carrying $skiptoken=Paged=TRUE&p_ID=', async () => {
    const first = await api.call(api.items('Collaborations', '?$select=Id,Reference&$top=5000'));
    expect(first.json.value).toHaveLength(5000);
    const next: string = first.json['odata.nextLink'];
    expect(next.startsWith(`${api.siteUrl}/_api/web/lists/getbytitle(`)).toBe(true);
    expect(new URL(next).searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=5000');
    expect(new URL(next).searchParams.get('$select')).toBe('Id,Reference');
    const second = await api.call(next);
    expect(second.json.value).toHaveLength(200);
    expect(second.json.value[0].Id).toBe(5001);
    expect(second.json['odata.nextLink']).toBeUndefined();
  });

  it('pages in verbose mode with d.__next', async () => {
    const { items, pages } = await pageAll(api, api.items('Collaborations', '?$select=Id&$top=2000'), ACCEPT.verbose);
    expect(pages).toBe(3);
    expect(items).toHaveLength(5200);
    expect(new Set(items.map((i) => i.Id)).size).toBe(5200);
  });

  it('pages in nometadata mode too', async () => {
    const { items, pages } = await pageAll(api, api.items('Collaborations', '?$select=Id&$top=5000'), ACCEPT.none);
    expect(pages).toBe(2);
    expect(items).toHaveLength(5200);
  });

  it('pages in the order of an indexed column (descending: nulls last), each item exactly once', async () => {
    const { items, pages } = await pageAll(
      api,
      api.items('Collaborations', q({ $select: 'Id,NextReviewDue', $orderby: 'NextReviewDue desc', $top: '700' })),
    );
    expect(pages).toBe(8);
    expect(new Set(items.map((i) => i.Id)).size).toBe(5200);
    const dates = items.map((i) => i.NextReviewDue);
    const firstNull = dates.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    const nonNull = dates.slice(0, firstNull);
    expect([...nonNull].sort().reverse()).toEqual(nonNull);
  });

  it('pages a filtered query on an indexed column', async () => {
    const { items } = await pageAll(
      api,
      api.items('Collaborations', q({ $select: 'Id,Status', $filter: "Status eq 'Active'", $top: '1000' })),
    );
    expect(items.length).toBeGreaterThan(1000);
    expect(items.every((i) => i.Status === 'Active')).toBe(true);
    expect(new Set(items.map((i) => i.Id)).size).toBe(items.length);
  });

  it('ignores $skip on items, as SharePoint does', async () => {
    const r = await api.call(api.items('Collaborations', '?$select=Id&$top=2&$skip=10'));
    expect(r.json.value.map((i: any) => i.Id)).toEqual([1, 2]);
  });

  it('refuses a non-indexed filter on this list with the threshold error (HTTP 500)', async () => {
    const r = await api.call(api.items('Collaborations', q({ $filter: "TitleCy eq 'x'" })));
    expect(r.status).toBe(500);
    expect(r.json).toEqual(THROTTLED);
  });

  it('refuses $top above 5000 on a list above the threshold', async () => {
    const r = await api.call(api.items('Collaborations', '?$select=Id&$top=6000'));
    expect(r.status).toBe(500);
  });
});

describe('the list view threshold, lowered to 20 over the 60-item demo register', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ threshold: 20 });
  });
  afterAll(async () => {
    await api.server.close();
  });

  const status = async (params: Record<string, string>) =>
    (await api.call(api.items('Collaborations', q({ $select: 'Id', ...params })))).status;

  it('fails a filter whose first condition is on a non-indexed column, in SharePoint error form', async () => {
    const r = await api.call(api.items('Collaborations', q({ $filter: "TitleCy eq 'Bwrdd Diogelu Gwent'" })));
    expect(r.status).toBe(500);
    expect(r.json).toEqual(THROTTLED);
    const verbose = await api.call(api.items('Collaborations', q({ $filter: "TitleCy eq 'x'" })), {
      accept: ACCEPT.verbose,
    });
    expect(verbose.json.error.code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
  });

  it('succeeds when the first condition is on an indexed column and selective enough', async () => {
    expect(await status({ $filter: "Reference eq 'COL-0007'" })).toBe(200);
    expect(await status({ $filter: "Status eq 'Proposed'" })).toBe(200);
    expect(await status({ $filter: "Reference eq 'COL-0007' and TitleCy eq 'x'" })).toBe(200);
    expect(await status({ $filter: 'LeadOfficerId eq 9' })).toBe(200);
  });

  it('fails when the indexed first condition matches more items than the threshold', async () => {
    expect(await status({ $filter: "Kind eq 'Collaboration'" })).toBe(500);
  });

  it('judges only the leftmost AND-ed condition, and an OR first is not selective', async () => {
    expect(await status({ $filter: "TitleCy eq 'x' and Reference eq 'COL-0007'" })).toBe(500);
    expect(await status({ $filter: "Reference eq 'COL-0007' or TitleCy eq 'x'" })).toBe(500);
    expect(await status({ $filter: "Reference ne 'COL-0007'" })).toBe(500);
  });

  it('without a filter allows ordering by ID or an indexed column, not by another column', async () => {
    expect(await status({ $orderby: 'ID desc' })).toBe(200);
    expect(await status({ $orderby: 'Reference' })).toBe(200);
    expect(await status({})).toBe(200);
    expect(await status({ $orderby: 'TitleCy' })).toBe(500);
  });

  it('does not apply to a list at or below the threshold', async () => {
    const r = await api.call(
      api.items('Channel Mappings', q({ $filter: "ChannelName eq 'Governance and Audit Committee'" })),
    );
    expect(r.status).toBe(200);
    expect(r.json.value).toHaveLength(1);
  });
});
