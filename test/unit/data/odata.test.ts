import { createSp } from '../../../src/data/sp';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import { and, datetime, filterFor, FilterBuilder, odataString, odataValue, or } from '../../../src/data/odata';
import { COLLABORATIONS } from '../../../src/data/schema';

describe('odataString escapes a literal by doubling single quotes only', () => {
  it.each([
    ["O'Brien", "'O''Brien'"],
    ["'", "''''"],
    ["''", "''''''"],
    ['100%', "'100%'"],
    ['#1 priority', "'#1 priority'"],
    ['Health & Care', "'Health & Care'"],
    ['a+b', "'a+b'"],
    ['Gwasanaeth ŵ ŷ â', "'Gwasanaeth ŵ ŷ â'"],
    ['Llŷr', "'Llŷr'"],
    ['', "''"],
  ])('%s -> %s', (value, expected) => {
    expect(odataString(value)).toBe(expected);
  });
});

describe('odataValue', () => {
  it('writes Yes/No as 1 and 0, numbers plainly, null as null', () => {
    expect(odataValue(true)).toBe('1');
    expect(odataValue(false)).toBe('0');
    expect(odataValue(42)).toBe('42');
    expect(odataValue(null)).toBe('null');
  });
  it('refuses NaN', () => {
    expect(() => odataValue(Number.NaN)).toThrow(RangeError);
  });
  it("writes dates as datetime'...Z'", () => {
    expect(datetime('2026-03-31').toString()).toBe("datetime'2026-03-31T00:00:00Z'");
    expect(datetime('2026-03-31', 12).toString()).toBe("datetime'2026-03-31T12:00:00Z'");
    expect(datetime(new Date(Date.UTC(2026, 5, 1, 9, 30))).toString()).toBe("datetime'2026-06-01T09:30:00Z'");
  });
});

describe('the filter builder', () => {
  const f = filterFor(COLLABORATIONS);

  it('puts seekable clauses on indexed columns first, in the order given, then the rest', () => {
    const clause = and(
      f.eq('Title', 'x'),
      or(f.eq('Model', 'Joint committee'), f.eq('Model', 'Delegation of functions')),
      f.onDate('NextReviewDue', 'le', '2026-03-31'),
      f.isNull('StartDate'),
      f.eq('Status', 'Active'),
    );
    expect(clause.text).toBe(
      "NextReviewDue lt datetime'2026-03-31T12:00:00Z' and Status eq 'Active' and (Model eq 'Joint committee' or Model eq 'Delegation of functions') and StartDate eq null and Title eq 'x'",
    );
  });

  it('parenthesises or-groups and keeps quotes inside literals out of the structure', () => {
    const clause = and(
      or(f.eq('Status', 'Active'), f.eq('Status', 'Under review')),
      f.eq('Directorate', "Children's and Families (North) and South"),
    );
    expect(clause.text).toBe(
      "Directorate eq 'Children''s and Families (North) and South' and (Status eq 'Active' or Status eq 'Under review')",
    );
  });

  it('treats a day on a date-only column with twelve hours either side', () => {
    expect(f.onDate('NextReviewDue', 'ge', '2026-06-15').text).toBe("NextReviewDue ge datetime'2026-06-14T12:00:00Z'");
    expect(f.onDate('NextReviewDue', 'eq', '2026-06-15').text).toBe(
      "NextReviewDue ge datetime'2026-06-14T12:00:00Z' and NextReviewDue lt datetime'2026-06-15T12:00:00Z'",
    );
  });

  it('filters lookups and people on <Name>Id', () => {
    expect(f.eq('LeadOfficerId', 7).text).toBe('LeadOfficerId eq 7');
    expect(f.isIndexed('LeadOfficerId')).toBe(true);
  });

  it('refuses a column the list does not have, and anything that is not a column name', () => {
    expect(() => f.eq('Statsu', 'Active')).toThrow(/No column Statsu/);
    expect(() => new FilterBuilder().eq('Title) or (1 eq 1', 'x')).toThrow(/Not a column name/);
  });

  it('writes startswith and substringof with escaped literals', () => {
    expect(f.startswith('Reference', "COL-'")).toEqual({ text: "startswith(Reference,'COL-''')", rank: 0 });
    expect(f.substringof("O'B", 'Title').text).toBe("substringof('O''B',Title)");
  });
});

describe('filter values reach the server intact through PnPjs', () => {
  const values = ["O'Brien", '100% #1 & co + partners', 'Gwasanaeth ŵ ŷ â', 'a;b,c=d?e/f'];

  it.each(values)('%s', async (value) => {
    const urls: string[] = [];
    const fakeFetch = (url: string | URL | Request) => {
      urls.push(typeof url === 'string' ? url : url instanceof URL ? url.href : url.url);
      return Promise.resolve(
        new Response('{"value":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      );
    };
    const sp = createSp({ siteUrl: 'https://contoso.sharepoint.com/sites/council', fetch: fakeFetch });
    const filter = filterFor(COLLABORATIONS).eq('Title', value).text;
    await sp.web.lists.getByTitle('Collaborations').items.filter(filter)();
    const sent = new URL(urls[0] as string);
    // What SharePoint decodes from the query string is exactly the filter we built.
    expect(sent.searchParams.get('$filter')).toBe(filter);
    // And the raw URL carries no unencoded '#', '&' or '%' from the value.
    const raw = (urls[0] as string).split('?')[1] as string;
    expect(raw).not.toContain('#');
    expect(raw.split('&').filter((p) => p.startsWith('%24filter=') || p.startsWith('$filter='))).toHaveLength(1);
  });
});
