/**
 * The register's view (filters, search, sort) as the address holds it, and
 * as the store's query. Only the URL <-> query translation lives here; which
 * models are in scope, what "due soon" means and so on are the domain's.
 */
import {
  reviewDueRange,
  MODELS,
  SIGNIFICANCE_TIERS,
  STATUSES,
  type CollaborationQuery,
  type IsoDate,
  type Model,
  type SignificanceTier,
  type SortDirection,
  type Status,
} from '../../../domain';
import { ASSURANCE_FILTERS, type AssuranceFilter } from '../../../domain/assuranceStanding';

export const REVIEW_FILTERS = ['overdue', 'dueSoon', 'onTrack'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const SORT_FIELDS = ['reference', 'title', 'status', 'nextReviewDue', 'startDate'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface RegisterView {
  readonly status: readonly Status[];
  readonly model: readonly Model[];
  /** In or out of the protocol's scope; undefined = both. */
  readonly scope?: 'in' | 'out';
  readonly directorate?: string;
  /** A panel's channel mapping key (a channel tab that shows one panel's reviews). */
  readonly panel?: string;
  readonly significance: readonly SignificanceTier[];
  /** Assurance levels, or "not yet given"; absent = any. */
  readonly assurance?: readonly AssuranceFilter[];
  readonly review?: ReviewFilter;
  /** Words to find anywhere in the record (name, reference, purpose, lead organisation, partners). */
  readonly search?: string;
  readonly sort: { readonly field: SortField; readonly direction: SortDirection };
}

export const DEFAULT_SORT = { field: 'reference', direction: 'asc' } as const;

function list<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const raw = params.get(name);
  if (!raw) return [];
  const out: T[] = [];
  for (const v of raw.split(','))
    if ((allowed as readonly string[]).includes(v) && !out.includes(v as T)) out.push(v as T);
  return out;
}

function text(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name)?.trim();
  return v ? v.slice(0, 255) : undefined;
}

/** Reads a view from the address; anything it does not recognise is ignored, never an error. */
export function viewFromParams(params: URLSearchParams): RegisterView {
  const scope = params.get('scope');
  const review = params.get('review');
  const [field, direction] = (params.get('sort') ?? '').split(':');
  const directorate = text(params, 'directorate');
  const panel = text(params, 'panel');
  const search = text(params, 'q');
  const assurance = list(params, 'assurance', ASSURANCE_FILTERS);
  return {
    status: list(params, 'status', STATUSES),
    model: list(params, 'model', MODELS),
    ...(scope === 'in' || scope === 'out' ? { scope } : {}),
    ...(directorate ? { directorate } : {}),
    ...(panel ? { panel } : {}),
    significance: list(params, 'significance', SIGNIFICANCE_TIERS),
    ...(assurance.length ? { assurance } : {}),
    ...((REVIEW_FILTERS as readonly string[]).includes(review ?? '') ? { review: review as ReviewFilter } : {}),
    ...(search ? { search } : {}),
    sort:
      (SORT_FIELDS as readonly string[]).includes(field ?? '') && (direction === 'asc' || direction === 'desc')
        ? { field: field as SortField, direction }
        : DEFAULT_SORT,
  };
}

/** The address of a view: only what differs from the defaults, in a stable order. */
export function viewToParams(view: RegisterView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.status.length) p.set('status', view.status.join(','));
  if (view.model.length) p.set('model', view.model.join(','));
  if (view.scope) p.set('scope', view.scope);
  if (view.directorate) p.set('directorate', view.directorate);
  if (view.panel) p.set('panel', view.panel);
  if (view.significance.length) p.set('significance', view.significance.join(','));
  if (view.assurance?.length) p.set('assurance', view.assurance.join(','));
  if (view.review) p.set('review', view.review);
  if (view.search) p.set('q', view.search);
  if (view.sort.field !== DEFAULT_SORT.field || view.sort.direction !== DEFAULT_SORT.direction) {
    p.set('sort', `${view.sort.field}:${view.sort.direction}`);
  }
  return p;
}

/** The store's query for a view on `today` (filters on indexed columns, run by the server). */
/**
 * The register's query for a view. `panelNames`: the other ways records may name the chosen
 * panel (its English and Welsh names, as records made before panels had keys hold it).
 */
export function queryFor(
  view: RegisterView,
  today: IsoDate,
  pageSize: number,
  panelNames: readonly string[] = [],
): CollaborationQuery {
  // The review filter asks for what the domain's one review-state policy calls overdue, due soon or on track.
  const due = view.review ? reviewDueRange(view.review, today) : undefined;
  const range: Pick<CollaborationQuery, 'reviewDueOnOrAfter' | 'reviewDueOnOrBefore'> = {
    ...(due?.onOrAfter ? { reviewDueOnOrAfter: due.onOrAfter } : {}),
    ...(due?.onOrBefore ? { reviewDueOnOrBefore: due.onOrBefore } : {}),
  };
  // A closed record is never due: the review filter leaves it out unless the person asked for it.
  const status = due && view.status.length === 0 ? due.statuses : view.status;
  return {
    ...(status.length ? { status: [...status] } : {}),
    ...(view.model.length ? { model: view.model } : {}),
    ...(view.scope ? { inScope: view.scope === 'in' } : {}),
    ...(view.directorate ? { directorate: view.directorate } : {}),
    ...(view.panel ? { panel: panelNames.length ? [view.panel, ...panelNames] : view.panel } : {}),
    ...(view.significance.length ? { significance: view.significance } : {}),
    ...(view.assurance?.length ? { assurance: view.assurance } : {}),
    ...range,
    ...(view.search ? { search: view.search } : {}),
    orderBy: view.sort,
    pageSize,
  };
}

/** True when the view filters anything (the "clear filters" button shows). */
export function isFiltered(view: RegisterView): boolean {
  return (
    view.status.length > 0 ||
    view.model.length > 0 ||
    view.scope !== undefined ||
    view.directorate !== undefined ||
    view.panel !== undefined ||
    view.significance.length > 0 ||
    (view.assurance?.length ?? 0) > 0 ||
    view.review !== undefined ||
    view.search !== undefined
  );
}
