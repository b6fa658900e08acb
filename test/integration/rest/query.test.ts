/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { ACCEPT, odataString, q, startApi, type Api } from './helpers';

jest.setTimeout(60_000);

let api: Api;
const PARTNERS = 'Partner Organisations';
const NAMES = [
  "O'Brien & Daughters",
  '100% Recycled Cymru',
  'Ysgol #1 Abercoed',
  'Cymdeithas Tŷ Hŵyl',
  'CYMDEITHAS TŶ HŴYL ARALL',
  'Âber Trust',
  'Aber Trust',
  'Bach Trust',
  'Path/With?Query&Chars',
];

beforeAll(async () => {
  api = await startApi();
  let n = 0;
  for (const name of NAMES) {
    n += 1;
    const r = await api.call(api.items(PARTNERS), { body: { Title: name, PartnerKey: `q-${n}`, Sector: 'Other' } });
    expect(r.status).toBe(201);
  }
});
afterAll(async () => {
  await api.server.close();
});

async function titles(list: string, params: Record<string, string>): Promise<string[]> {
  const r = await api.call(api.items(list, q({ $select: 'Title', $top: '500', ...params })));
  expect(r.status).toBe(200);
  return r.json.value.map((i: any) => i.Title);
}

async function values(list: string, params: Record<string, string>): Promise<any[]> {
  const r = await api.call(api.items(list, q({ $top: '500', ...params })));
  if (r.status !== 200) throw new Error(r.text);
  return r.json.value;
}

describe('$filter (Microsoft: "Use OData query operations in SharePoint REST requests")', () => {
  it("matches O'Brien with the quote doubled, and the quote does not change the query", async () => {
    expect(await titles(PARTNERS, { $filter: `Title eq ${odataString("O'Brien & Daughters")}` })).toEqual([
      "O'Brien & Daughters",
    ]);
    expect(await titles(PARTNERS, { $filter: `Title eq 'O''Brien' or Title eq 'x'` })).toEqual([]);
  });

  it('a quote that is not doubled is a bad filter (400), never a different query', async () => {
    const r = await api.call(api.items(PARTNERS, q({ $filter: "Title eq 'O'Brien'" })));
    expect(r.status).toBe(400);
    expect(r.json['odata.error'].message.value).toBe(`The expression "Title eq 'O'Brien'" is not valid.`);
  });

  it('carries %, #, & / ? and Welsh letters (ŵ ŷ â) unharmed', async () => {
    expect(await titles(PARTNERS, { $filter: "Title eq '100% Recycled Cymru'" })).toEqual(['100% Recycled Cymru']);
    expect(await titles(PARTNERS, { $filter: "Title eq 'Ysgol #1 Abercoed'" })).toEqual(['Ysgol #1 Abercoed']);
    expect(await titles(PARTNERS, { $filter: "Title eq 'Path/With?Query&Chars'" })).toEqual(['Path/With?Query&Chars']);
    expect(await titles(PARTNERS, { $filter: "Title eq 'Âber Trust'" })).toEqual(['Âber Trust']);
    expect(await titles(PARTNERS, { $filter: "Title eq 'Cymdeithas Tŷ Hŵyl'" })).toEqual(['Cymdeithas Tŷ Hŵyl']);
  });

  it('compares text case-insensitively, Welsh capitals included, as SharePoint does', async () => {
    expect(await titles(PARTNERS, { $filter: "Title eq 'cymdeithas tŷ hŵyl arall'" })).toEqual([
      'CYMDEITHAS TŶ HŴYL ARALL',
    ]);
  });

  it('startswith and substringof', async () => {
    expect(await titles(PARTNERS, { $filter: "startswith(Title,'cymdeithas tŷ')", $orderby: 'ID' })).toEqual([
      'Cymdeithas Tŷ Hŵyl',
      'CYMDEITHAS TŶ HŴYL ARALL',
    ]);
    expect(await titles(PARTNERS, { $filter: "substringof('ŵyl',Title)", $orderby: 'ID' })).toEqual([
      'Cymdeithas Tŷ Hŵyl',
      'CYMDEITHAS TŶ HŴYL ARALL',
    ]);
    expect(await titles(PARTNERS, { $filter: "startswith(Title, '100%')" })).toEqual(['100% Recycled Cymru']);
  });

  it('and, or, not, parentheses', async () => {
    const r = await titles(PARTNERS, {
      $filter: "(Title eq 'Aber Trust' or Title eq 'Bach Trust') and not (Title eq 'Bach Trust')",
    });
    expect(r).toEqual(['Aber Trust']);
  });

  it('booleans as 1 or true, and their negation', async () => {
    const a = await values('Collaborations', { $filter: 'CouncilLeads eq 1', $select: 'CouncilLeads' });
    const b = await values('Collaborations', { $filter: 'CouncilLeads eq true', $select: 'CouncilLeads' });
    expect(a).toHaveLength(8);
    expect(b).toHaveLength(8);
    expect(a.every((i) => i.CouncilLeads === true)).toBe(true);
    const c = await values('Collaborations', { $filter: 'CouncilLeads eq 0', $select: 'CouncilLeads' });
    expect(c.length + a.length).toBe(60);
  });

  it('null and not null', async () => {
    const closed = await values('Collaborations', { $filter: 'EndDate ne null', $select: 'EndDate,Status' });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((i) => i.EndDate !== null && i.Status === 'Closed')).toBe(true);
    const open = await values('Collaborations', { $filter: 'EndDate eq null', $select: 'EndDate' });
    expect(open.length + closed.length).toBe(60);
  });

  it('datetimes as datetime literals or plain ISO dates', async () => {
    const a = await values('Collaborations', {
      $filter: "NextReviewDue lt datetime'2026-12-01T00:00:00Z' and NextReviewDue ne null",
      $select: 'NextReviewDue',
    });
    const b = await values('Collaborations', {
      $filter: "NextReviewDue lt '2026-12-01' and NextReviewDue ne null",
      $select: 'NextReviewDue',
    });
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
    expect(a.every((i) => i.NextReviewDue < '2026-12-01T00:00:00Z')).toBe(true);
    const bad = await api.call(api.items('Collaborations', q({ $filter: "NextReviewDue lt 'next week'" })));
    expect(bad.status).toBe(400);
  });

  it('numbers and ranges', async () => {
    const r = await values('Collaborations', {
      $filter: 'AnnualCost ge 500000 and AnnualCost lt 1000000',
      $select: 'AnnualCost',
    });
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((i) => i.AnnualCost >= 500000 && i.AnnualCost < 1000000)).toBe(true);
  });

  it('person ids (LeadOfficerId eq 9) and lookup ids (CollaborationId eq 1, Collaboration/Id eq 1)', async () => {
    const dylan = await values('Collaborations', { $filter: 'LeadOfficerId eq 9', $select: 'LeadOfficerId' });
    expect(dylan.length).toBeGreaterThan(0);
    expect(dylan.every((i) => i.LeadOfficerId === 9)).toBe(true);
    const a = await values('Actions', { $filter: 'CollaborationId eq 1', $select: 'Id,CollaborationId' });
    const b = await values('Actions', {
      $filter: 'Collaboration/Id eq 1',
      $select: 'Id,CollaborationId',
      $expand: 'Collaboration',
    });
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('a multi-valued lookup "eq" means "contains"', async () => {
    const r = await values('Collaborations', { $filter: 'PartnersId eq 5', $select: 'PartnersId' });
    expect(r.every((i) => i.PartnersId.includes(5))).toBe(true);
  });

  it('filters on a projected lookup field when it is expanded', async () => {
    const r = await values('Reviews', {
      $filter: "Collaboration/Title eq 'Gwent Regional Partnership Board'",
      $select: 'Title,Collaboration/Title',
      $expand: 'Collaboration',
    });
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((i) => i.Collaboration.Title === 'Gwent Regional Partnership Board')).toBe(true);
    const noExpand = await api.call(api.items('Reviews', q({ $filter: "Collaboration/Title eq 'x'" })));
    expect(noExpand.status).toBe(400);
  });

  it('rejects bad filters, unknown columns and multi-line text columns with 400', async () => {
    for (const f of ['Title eq', "Title equals 'x'", "(Title eq 'x'", 'eq eq eq']) {
      const r = await api.call(api.items(PARTNERS, q({ $filter: f })));
      expect(r.status).toBe(400);
      expect(r.json['odata.error'].message.value).toBe(`The expression "${f}" is not valid.`);
    }
    const unknown = await api.call(api.items(PARTNERS, q({ $filter: "Colour eq 'red'" })));
    expect(unknown.status).toBe(400);
    expect(unknown.json['odata.error'].message.value).toBe(
      "Column 'Colour' does not exist. It may have been deleted by another user.",
    );
    const note = await api.call(api.items('Collaborations', q({ $filter: "Purpose eq 'x'" })));
    expect(note.status).toBe(400);
    expect(note.json['odata.error'].message.value).toBe(
      "The field 'Purpose' of type 'Note' cannot be used in the query filter expression.",
    );
  });
});

describe('$orderby, $top, $select, $expand', () => {
  it('orders by several columns, ascending and descending', async () => {
    const r = await values('Collaborations', { $orderby: 'Directorate asc,Title desc', $select: 'Directorate,Title' });
    const keys = r.map((i) => [i.Directorate.toLowerCase(), i.Title.toLowerCase()]);
    for (let n = 1; n < keys.length; n += 1) {
      const [d0, t0] = keys[n - 1] as [string, string];
      const [d1, t1] = keys[n] as [string, string];
      expect(d0 < d1 || (d0 === d1 && t0 >= t1)).toBe(true);
    }
  });

  it('sorts accented letters beside their base letter and ignores case', async () => {
    const r = await titles(PARTNERS, {
      $filter: "startswith(PartnerKey,'q-') and substringof('Trust',Title)",
      $orderby: 'Title',
    });
    expect(r).toEqual(['Aber Trust', 'Âber Trust', 'Bach Trust']);
  });

  it('defaults to 100 items and honours $top', async () => {
    const all = await api.call(api.items(PARTNERS, '?$select=Id'));
    expect(all.json.value).toHaveLength(100);
    expect(all.json['odata.nextLink']).toContain('skiptoken');
    const three = await api.call(api.items(PARTNERS, '?$select=Id&$top=3'));
    expect(three.json.value.map((i: any) => i.Id)).toEqual([1, 2, 3]);
  });

  it('$select returns only the named properties', async () => {
    const r = await api.call(api.items('Collaborations', '?$select=Reference,Title&$top=1'), { accept: ACCEPT.none });
    expect(r.json.value[0]).toEqual({ Reference: 'COL-0001', Title: 'Gwent Regional Partnership Board' });
  });

  it('$expand of person and lookup columns, single and multi-valued', async () => {
    const r = await api.call(
      api.items(
        'Collaborations',
        q({
          $select: 'Reference,LeadOfficer/Title,LeadOfficer/EMail,Partners/Title,Author/Title',
          $expand: 'LeadOfficer,Partners,Author',
          $filter: "Reference eq 'COL-0004'",
        }),
      ),
      { accept: ACCEPT.none },
    );
    const item = r.json.value[0];
    expect(item.Reference).toBe('COL-0004');
    expect(typeof item.LeadOfficer.Title).toBe('string');
    expect(item.LeadOfficer.EMail).toMatch(/@glanyrafon\.example$/);
    expect(item.Author).toEqual({ Title: 'Siân Powell' });
    expect(Array.isArray(item.Partners)).toBe(true);
    expect(item.Partners.length).toBeGreaterThan(1);
    expect(Object.keys(item.Partners[0])).toEqual(['Title']);
    const verbose = await api.call(
      api.items(
        'Collaborations',
        q({ $select: 'Partners/Title', $expand: 'Partners', $filter: "Reference eq 'COL-0004'" }),
      ),
      { accept: ACCEPT.verbose },
    );
    const partners = verbose.json.d.results[0].Partners;
    expect(partners.results.length).toBe(item.Partners.length);
    expect(partners.results[0].__metadata.type).toBe('SP.Data.PartnerOrganisationsListItem');
  });

  it('an expanded lookup that is empty is null', async () => {
    const r = await api.call(
      api.items(
        'Collaborations',
        q({ $select: 'HeadOfService/Title', $expand: 'HeadOfService', $filter: "Reference eq 'COL-0001'" }),
      ),
    );
    expect(r.status).toBe(200);
    const withId = await api.call(
      api.items(
        'Actions',
        q({
          $select: 'Title,Collaboration/Title',
          $expand: 'Collaboration',
          $filter: 'CollaborationId eq null',
          $top: '1',
        }),
      ),
    );
    expect(withId.json.value[0].Collaboration).toBeNull();
  });

  it('selecting a lookup column without expanding it is SharePoint error', async () => {
    const r = await api.call(api.items('Collaborations', '?$select=LeadOfficer/Title'));
    expect(r.status).toBe(400);
    expect(r.json['odata.error'].message.value).toMatch(
      /The \$select query string must specify the target fields and the \$expand query string must contains LeadOfficer/,
    );
  });
});
