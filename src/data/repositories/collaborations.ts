import type { SPFI } from '@pnp/sp';
import type { Collaboration } from '../../domain/collaboration';
import type { CollaborationQuery, CollaborationStore, ItemVersion, Page, RepoResult, Stored } from '../../domain/ports';
import { formatReference, parseReference } from '../../domain/reference';
import { collaborationMapper } from '../mappers';
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
}
