import type { SPFI } from '@pnp/sp';
import type { Collaboration } from '../../domain/collaboration';
import type {
  CollaborationQuery,
  CollaborationStore,
  ItemVersion,
  Page,
  PartnerLinks,
  RepoResult,
  StatusChangeSeen,
  Stored,
} from '../../domain/ports';
import { ASSURANCE_NOT_GIVEN, type AssuranceFilter } from '../../domain/assuranceStanding';
import { isIsoDate, type IsoDate } from '../../domain/dates';
import { STATUSES, type Status } from '../../domain/vocabulary';
import { formatReference, parseReference } from '../../domain/reference';
import { collaborationMapper, collection, etagOf, type SpItem } from '../mappers';
import { filterFor, or, type Clause } from '../odata';
import { choiceValue, PARTNERS } from '../schema';
import { toRepoError } from '../sp';

const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day an instant SharePoint gives (UTC) falls on in the UK. */
function ukDate(instant: string): IsoDate | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  const day = UK_DAY.format(new Date(ms));
  return isIsoDate(day) ? day : undefined;
}
import { allOf, BATCH_SIZE, fail, ListRepository, MAX_PAGE, ok, type ReadOptions } from './base';
import { MAX_SEARCH_ROWS, searchListItems, searchTerms } from './search';

const ORDER_COLUMNS = {
  reference: 'Reference',
  title: 'Title',
  nextReviewDue: 'NextReviewDue',
  status: 'Status',
  startDate: 'StartDate',
} as const;

/** Text columns a word of the search is looked for in by `$filter` (substringof works on text columns only). */
const TEXT_COLUMNS = ['Title', 'TitleCy', 'Reference', 'CouncilReference', 'LeadOrganisation'] as const;
/** At most this many records found by search only (a word of the purpose) join a `$filter`. */
const SEARCH_IDS_IN_FILTER = 50;
/** At most this many partner organisations a word may name in a `$filter`. */
const PARTNER_IDS_PER_TERM = 20;
/** A page token of the search path: the next search row. */
const SEARCH_TOKEN = 'search:';
/** Search pages read in a row when the other filters leave none of a page's records. */
const SEARCH_ROUNDS = 5;

/**
 * The register. Every filter of CollaborationQuery is on an indexed column;
 * `search` finds a record by a word of its name (English or Welsh),
 * reference, council reference, purpose, lead organisation or partners.
 *
 * How search runs is decided here, by what SharePoint allows:
 * - Within the list view threshold, one `$filter`: each word must be in one of
 *   the text columns (`substringof`), or name one of its partner organisations
 *   (`PartnersId eq n` for the partners whose name or Welsh name holds it), or
 *   the record is one SharePoint search finds for all the words (`Id eq n`,
 *   the first 50): search is the only way to a word of the purpose, a
 *   multiple-lines column `$filter` cannot read. The filter sees a new record
 *   at once; search after its crawl.
 * - Past the threshold (`substringof` on an unindexed column is refused unless
 *   an indexed filter narrows the list first), SharePoint search alone: a page
 *   of item ids in search's order (relevance, not the register's sort), read
 *   with the other filters in one `$batch` of `Id eq n and …` requests.
 */
export class CollaborationRepository extends ListRepository<Collaboration> implements CollaborationStore {
  constructor(sp: SPFI) {
    super(sp, collaborationMapper);
  }

  /** The query as OData but for `search` (see searchReadOptions): indexed equality first (odata.ts orders the clauses). */
  toReadOptions(q: CollaborationQuery): ReadOptions {
    const f = this.f;
    const words = (
      set: 'status' | 'model' | 'significance',
      codes: readonly string[] | undefined,
    ): Clause | undefined =>
      codes && codes.length > 0
        ? f.anyOf(
            set === 'status' ? 'Status' : set === 'model' ? 'Model' : 'Significance',
            codes.map((c) => choiceValue(set, c)),
          )
        : undefined;
    // A level is its choice word; "not given" is the empty column (`eq null`, as SharePoint reads an empty choice).
    const assurance = (wanted: readonly AssuranceFilter[] | undefined): Clause | undefined =>
      wanted && wanted.length > 0
        ? or(
            ...[...new Set(wanted)].map((w) =>
              w === ASSURANCE_NOT_GIVEN
                ? f.isNull('AssuranceLevel')
                : f.eq('AssuranceLevel', choiceValue('assurance', w)),
            ),
          )
        : undefined;
    // Most selective first: SharePoint judges the threshold on the first clause alone.
    const filter = allOf(
      q.leadOfficerId !== undefined ? f.eq('LeadOfficerId', q.leadOfficerId) : undefined,
      q.panel !== undefined
        ? typeof q.panel === 'string'
          ? f.eq('Panel', q.panel)
          : f.anyOf('Panel', [...new Set(q.panel)])
        : undefined,
      q.directorate !== undefined ? f.eq('Directorate', q.directorate) : undefined,
      q.reviewDueOnOrAfter !== undefined ? f.onDate('NextReviewDue', 'ge', q.reviewDueOnOrAfter) : undefined,
      q.reviewDueOnOrBefore !== undefined ? f.onDate('NextReviewDue', 'le', q.reviewDueOnOrBefore) : undefined,
      words('significance', q.significance),
      assurance(q.assurance),
      words('model', q.model),
      words('status', q.status),
      q.inScope !== undefined ? f.eq('InScope', q.inScope) : undefined,
    );
    const orderBy: [string, boolean][] = q.orderBy
      ? [[ORDER_COLUMNS[q.orderBy.field], q.orderBy.direction === 'asc']]
      : [];
    return { ...(filter ? { filter } : {}), orderBy, top: Math.min(MAX_PAGE, q.pageSize ?? 100) };
  }

  async query(query: CollaborationQuery, pageToken?: string): Promise<RepoResult<Page<Stored<Collaboration>>>> {
    try {
      const terms = searchTerms(query.search ?? '');
      if (pageToken?.startsWith(SEARCH_TOKEN)) return await this.searchPage(query, terms, pageToken);
      // A next link of the $filter path carries its filter in it.
      if (terms.length === 0 || pageToken !== undefined) return await this.page(this.toReadOptions(query), pageToken);
      if (!this.pastThreshold) {
        const filtered = await this.page(await this.searchReadOptions(query, terms));
        if (filtered.ok || filtered.error.code !== 'threshold') return filtered;
        this.pastThreshold = true;
      }
      return await this.searchPage(query, terms, undefined);
    } catch (e) {
      return fail({ code: 'invalid', detail: e instanceof Error ? e.message : String(e) });
    }
  }

  async all(query: CollaborationQuery): Promise<RepoResult<Stored<Collaboration>[]>> {
    try {
      const terms = searchTerms(query.search ?? '');
      if (terms.length === 0) return await this.readAll({ ...this.toReadOptions(query), top: MAX_PAGE });
      if (!this.pastThreshold) {
        const filtered = await this.readAll({ ...(await this.searchReadOptions(query, terms)), top: MAX_PAGE });
        if (filtered.ok || filtered.error.code !== 'threshold') return filtered;
        this.pastThreshold = true;
      }
      const out: Stored<Collaboration>[] = [];
      const wide = { ...query, pageSize: MAX_SEARCH_ROWS };
      let token: string | undefined;
      do {
        const page = await this.searchPage(wide, terms, token);
        if (!page.ok) return page;
        out.push(...page.value.items);
        token = page.value.next;
      } while (token !== undefined);
      return ok(out);
    } catch (e) {
      return fail({ code: 'invalid', detail: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Set once a search `$filter` met the list view threshold: later searches go to search at once. */
  private pastThreshold = false;
  private listId: Promise<string> | undefined;

  /** The list's GUID, read once (the search's scope). */
  private async collaborationsListId(): Promise<string> {
    this.listId ??= this.sp.web.lists
      .getByTitle(this.title)
      .select('Id')<{ Id: string }>()
      .then((l) => l.Id);
    try {
      return await this.listId;
    } catch (e) {
      this.listId = undefined;
      throw e;
    }
  }

  /**
   * The query's `$filter` with the search as words (each word in some text column, or
   * naming a partner) or as records search found (`Id eq n`). Partners and search are
   * asked in parallel; if either fails, the filter goes without it.
   */
  private async searchReadOptions(q: CollaborationQuery, terms: readonly string[]): Promise<ReadOptions> {
    const [partners, found] = await Promise.all([
      this.partnersNaming(terms),
      this.collaborationsListId().then(
        (id) => searchListItems(this.sp, id, terms, 0, SEARCH_IDS_IN_FILTER),
        () => undefined,
      ),
    ]);
    const f = this.f;
    const perTerm = terms.map((term, n) =>
      or(
        ...TEXT_COLUMNS.map((c) => f.substringof(term, c)),
        ...(partners[n] ?? []).map((id) => f.eq(`${PARTNERS_COLUMN}Id`, id)),
      ),
    );
    const words = perTerm.length === 1 ? (perTerm[0] as Clause) : allOf(...perTerm);
    const ids = found?.ok ? found.value.ids.slice(0, SEARCH_IDS_IN_FILTER) : [];
    const search = ids.length > 0 && words ? or(words, ...ids.map((id) => f.eq('Id', id))) : words;
    const base = this.toReadOptions({ ...q, search: '' });
    const filter = allOf(base.filter, search);
    return { ...base, ...(filter ? { filter } : {}) };
  }

  /** For each term, the partner organisations whose name or Welsh name holds it. */
  private async partnersNaming(terms: readonly string[]): Promise<number[][]> {
    const pf = filterFor(PARTNERS);
    const clause = or(...terms.flatMap((t) => [pf.substringof(t, 'Title'), pf.substringof(t, 'NameCy')]));
    try {
      const rows = await this.sp.web.lists
        .getByTitle(PARTNERS.title)
        .items.select('Id', 'Title', 'NameCy')
        .filter(clause.text)
        .top(MAX_PAGE)<{ Id: number; Title?: string | null; NameCy?: string | null }[]>();
      return terms.map((t) => {
        const needle = t.toLowerCase();
        return rows
          .filter((r) => [r.Title, r.NameCy].some((n) => typeof n === 'string' && n.toLowerCase().includes(needle)))
          .slice(0, PARTNER_IDS_PER_TERM)
          .map((r) => r.Id);
      });
    } catch {
      // Without partners (a partner list past the threshold, say) the words still search the record's own text.
      return terms.map(() => []);
    }
  }

  /**
   * One page of the search path: a page of SharePoint search's ids, then those records read
   * with the query's other filters (`Id eq n and …`, indexed first) in one `$batch`, kept in
   * search's order. A page the other filters empty is followed by the next, a few at most.
   */
  private async searchPage(
    q: CollaborationQuery,
    terms: readonly string[],
    token: string | undefined,
  ): Promise<RepoResult<Page<Stored<Collaboration>>>> {
    let start = 0;
    if (token !== undefined) {
      const n = Number(token.slice(SEARCH_TOKEN.length));
      if (!Number.isInteger(n) || n < 0)
        return fail({ code: 'invalid', field: 'pageToken', detail: 'not a search page' });
      start = n;
    }
    if (terms.length === 0) return fail({ code: 'invalid', field: 'search', detail: 'a search page without words' });
    const listId = await this.collaborationsListId();
    const rows = Math.min(MAX_SEARCH_ROWS, Math.max(1, q.pageSize ?? 100));
    const others = this.toReadOptions({ ...q, search: '' }).filter;
    const items: Stored<Collaboration>[] = [];
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      const hits = await searchListItems(this.sp, listId, terms, start, rows);
      if (!hits.ok) return hits;
      start += hits.value.rows;
      const read = await this.readEach(hits.value.ids, others);
      if (!read.ok) return read;
      items.push(...read.value);
      if (hits.value.rows === 0 || start >= hits.value.totalRows) return ok({ items });
      if (items.length > 0) break;
    }
    return ok({ items, next: `${SEARCH_TOKEN}${start}` });
  }

  /** The records with these ids that pass `filter`, in the ids' order: `Id eq n and …`, in `$batch`es of 100. */
  private async readEach(
    ids: readonly number[],
    filter: Clause | undefined,
  ): Promise<RepoResult<Stored<Collaboration>[]>> {
    const found = new Map<number, SpItem>();
    try {
      for (let at = 0; at < ids.length; at += BATCH_SIZE) {
        const chunk = ids.slice(at, at + BATCH_SIZE);
        const [batched, execute] = this.sp.batched({ maxRequests: BATCH_SIZE });
        const parts = chunk.map((id) => {
          const clause = allOf(this.f.eq('Id', id), filter) as Clause;
          return this.selected(this.items(batched)).filter(clause.text).top(1)<SpItem[]>();
        });
        await execute();
        for (const rows of await Promise.all(parts))
          for (const item of rows) {
            const id = item['Id'] ?? item['ID'];
            if (typeof id === 'number') found.set(id, item);
          }
      }
    } catch (e) {
      return fail(toRepoError(e));
    }
    const ordered = ids.flatMap((id) => {
      const item = found.get(id);
      return item ? [item] : [];
    });
    return this.mapAll(ordered);
  }

  get(id: number): Promise<RepoResult<Stored<Collaboration>>> {
    return this.getById(id);
  }

  getByReference(reference: string): Promise<RepoResult<Stored<Collaboration>>> {
    return this.getByKey(reference);
  }

  /**
   * The reference after the highest in use: the top Reference in descending
   * order (indexed), and, because text order puts COL-9999 after COL-10000,
   * the references of the most recently created items too. Two people may
   * get the same answer; the unique column then refuses the second create as
   * `duplicate` and the tab asks again.
   */
  async nextReference(): Promise<RepoResult<string>> {
    try {
      const items = this.sp.web.lists.getByTitle(this.title).items;
      const [byReference, recent] = await Promise.all([
        items.select('Id', 'Reference').orderBy('Reference', false).top(1)<{ Reference?: string }[]>(),
        this.sp.web.lists.getByTitle(this.title).items.select('Id', 'Reference').orderBy('Id', false).top(20)<
          { Reference?: string }[]
        >(),
      ]);
      let max = 0;
      for (const item of [...byReference, ...recent]) {
        const n = typeof item.Reference === 'string' ? parseReference(item.Reference) : undefined;
        if (n !== undefined && n > max) max = n;
      }
      return ok(formatReference(max + 1));
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  override versions(id: number): Promise<RepoResult<ItemVersion[]>> {
    return super.versions(id);
  }

  /** The Status column's changes from one status to another in the item's versions (values as codes), oldest first, each dated by the version's Modified in UK time. */
  async statusChanges(id: number): Promise<RepoResult<StatusChangeSeen[]>> {
    const versions = await this.versions(id);
    if (!versions.ok) return versions;
    const isStatus = (v: unknown): v is Status => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
    const out: { seen: StatusChangeSeen; version: number }[] = [];
    for (const v of versions.value) {
      const change = v.changes.find((c) => c.field === 'status');
      const on = ukDate(v.modified);
      // The first version's status says what the record was typed in as, not when that status began.
      if (!change || on === undefined || !isStatus(change.newValue) || !isStatus(change.oldValue)) continue;
      const seen = { on, from: change.oldValue, to: change.newValue };
      out.push({ seen, version: Number.parseFloat(v.versionLabel) || 0 });
    }
    return ok(out.sort((a, b) => a.version - b.version).map((o) => o.seen));
  }

  /**
   * `PartnersId eq <id>` first: SharePoint reads "eq" on a multi-value lookup as "names it"
   * (the embedded server likewise; test/integration/rest/query.test.ts). That column cannot
   * be indexed, so past the list view threshold SharePoint refuses the filter, and the links
   * are read instead in pages of 5,000 in ID order (which passes it) and chosen here.
   */
  async partnerLinks(partnerId?: number): Promise<RepoResult<PartnerLinks[]>> {
    if (partnerId !== undefined) {
      if (!Number.isInteger(partnerId) || partnerId < 1)
        return fail({ code: 'invalid', field: 'partnerId', detail: `not a partner id: ${partnerId}` });
      const filtered = await this.readLinks(this.f.eq(`${PARTNERS_COLUMN}Id`, partnerId).text);
      if (filtered.ok || filtered.error.code !== 'threshold') return filtered;
    }
    const every = await this.readLinks(undefined);
    if (!every.ok || partnerId === undefined) return every;
    return ok(every.value.filter((l) => l.partnerIds.includes(partnerId)));
  }

  private async readLinks(filter: string | undefined): Promise<RepoResult<PartnerLinks[]>> {
    const out: PartnerLinks[] = [];
    try {
      let q = this.items()
        .select(...LINK_COLUMNS)
        .top(MAX_PAGE);
      q = filter !== undefined ? q.filter(filter) : q.orderBy('Id', true);
      for await (const page of q) {
        for (const item of page as SpItem[]) {
          const links = linksOf(item);
          if (!links)
            return fail({ code: 'invalid', field: PARTNERS_COLUMN, detail: `${this.title}: unreadable item` });
          out.push(links);
        }
      }
      return ok(out);
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  /** Writes the Partners column alone, so that everything else on the record stays as it was. */
  async setPartners(links: PartnerLinks): Promise<RepoResult<PartnerLinks, PartnerLinks>> {
    const { id, etag } = links;
    const partnerIds = [...new Set(links.partnerIds)];
    try {
      const r = (await this.items()
        .getById(id)
        .update({ [`${PARTNERS_COLUMN}Id`]: partnerIds }, etag)) as { etag?: string | null };
      if (typeof r?.etag === 'string' && r.etag !== '') return ok({ ...links, partnerIds, etag: r.etag });
      const reread = await this.linksById(id);
      return reread.ok ? reread : fail(reread.error);
    } catch (e) {
      const error = toRepoError(e);
      if (error.code !== 'conflict') return fail(error);
      const theirs = await this.linksById(id);
      return fail<PartnerLinks>({ ...error, ...(theirs.ok ? { theirs: theirs.value } : {}) });
    }
  }

  private async linksById(id: number): Promise<RepoResult<PartnerLinks, never>> {
    try {
      const item = await this.items()
        .getById(id)
        .select(...LINK_COLUMNS)<SpItem>();
      const links = linksOf(item);
      return links
        ? ok(links)
        : fail({ code: 'invalid', field: PARTNERS_COLUMN, itemId: id, detail: `${this.title}: unreadable item` });
    } catch (e) {
      return fail(toRepoError(e));
    }
  }
}

/** The record's multi-value lookup of partner organisations (catalogue: partnerIds). */
const PARTNERS_COLUMN = 'Partners';
const LINK_COLUMNS = ['Id', 'Reference', `${PARTNERS_COLUMN}Id`] as const;

function linksOf(item: SpItem): PartnerLinks | undefined {
  const id = item['Id'] ?? item['ID'];
  const etag = etagOf(item);
  const reference = item['Reference'];
  const ids = collection(item[`${PARTNERS_COLUMN}Id`]) ?? [];
  if (typeof id !== 'number' || etag === undefined || !ids.every((x) => typeof x === 'number')) return undefined;
  return { id, etag, reference: typeof reference === 'string' ? reference : '', partnerIds: ids };
}
