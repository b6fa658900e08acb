import type { SPFI } from '@pnp/sp';
import type { Collaboration } from '../../domain/collaboration';
import type {
  CollaborationQuery,
  CollaborationStore,
  ItemVersion,
  Page,
  PartnerLinks,
  RepoResult,
  Stored,
} from '../../domain/ports';
import { formatReference, parseReference } from '../../domain/reference';
import { collaborationMapper, collection, etagOf, type SpItem } from '../mappers';
import { or, type Clause } from '../odata';
import { choiceValue } from '../schema';
import { toRepoError } from '../sp';
import { allOf, fail, ListRepository, MAX_PAGE, ok, type ReadOptions } from './base';

const ORDER_COLUMNS = {
  reference: 'Reference',
  title: 'Title',
  nextReviewDue: 'NextReviewDue',
  status: 'Status',
  startDate: 'StartDate',
} as const;

/**
 * The register. Every filter of CollaborationQuery is on an indexed column
 * except the title half of `search` (Title is not indexed: on a list past the
 * threshold, search together with an indexed filter that narrows it first).
 */
export class CollaborationRepository extends ListRepository<Collaboration> implements CollaborationStore {
  constructor(sp: SPFI) {
    super(sp, collaborationMapper);
  }

  /** The query as OData: indexed equality first (odata.ts orders the clauses). */
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
    const search = q.search?.trim();
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
      words('model', q.model),
      words('status', q.status),
      q.inScope !== undefined ? f.eq('InScope', q.inScope) : undefined,
      search
        ? or(f.startswith('Reference', search), f.startswith('CouncilReference', search), f.startswith('Title', search))
        : undefined,
    );
    const orderBy: [string, boolean][] = q.orderBy
      ? [[ORDER_COLUMNS[q.orderBy.field], q.orderBy.direction === 'asc']]
      : [];
    return { ...(filter ? { filter } : {}), orderBy, top: Math.min(MAX_PAGE, q.pageSize ?? 100) };
  }

  query(query: CollaborationQuery, pageToken?: string): Promise<RepoResult<Page<Stored<Collaboration>>>> {
    try {
      return this.page(this.toReadOptions(query), pageToken);
    } catch (e) {
      return Promise.resolve(fail({ code: 'invalid', detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  all(query: CollaborationQuery): Promise<RepoResult<Stored<Collaboration>[]>> {
    try {
      const opts = this.toReadOptions(query);
      return this.readAll({ ...opts, top: MAX_PAGE });
    } catch (e) {
      return Promise.resolve(fail({ code: 'invalid', detail: e instanceof Error ? e.message : String(e) }));
    }
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
