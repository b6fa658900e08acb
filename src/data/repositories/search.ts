import type { SPFI } from '@pnp/sp';
import '@pnp/sp/search/index.js';
import type { RepoResult } from '../../domain/ports';
import { toRepoError } from '../sp';
import { fail, ok } from './base';

/**
 * SharePoint search (the Search REST API, `_api/search/postquery`, through
 * PnPjs's `sp.search`) for the list repositories, and the only place KQL text
 * is written.
 *
 * Escaping: what a person typed is never KQL. Each word (or "quoted phrase")
 * becomes one quoted KQL phrase with a prefix wildcard: `"safeg"*`. Inside
 * quotes AND, OR, NOT, `Title:x`, `ListId:…`, parentheses and `-` are plain
 * text, so nothing typed can add a property restriction, widen the scope or
 * change the operators. KQL has no escape for a double quotation mark inside a
 * phrase, and `*` is its wildcard, so those two characters are dropped from the
 * words (a space in their place); nothing else is changed. The scope is a
 * property restriction written here from a GUID the server returned (checked
 * to be one), never from input.
 */

/** At most this many words are searched for (the rest of a long paste is ignored). */
export const MAX_TERMS = 8;
/** A word or phrase longer than this is cut (KQL's own limit is 2,048 per restriction). */
export const MAX_TERM_CHARS = 100;
/** SharePoint Online answers at most 500 rows per search request. */
export const MAX_SEARCH_ROWS = 500;

/** What a person typed as search terms: "quoted phrases" whole, other words split on white space. */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m !== null && out.length < MAX_TERMS; m = re.exec(text)) {
    const raw = (m[1] ?? m[2] ?? '').replace(/["*]/g, ' ').replace(/\s+/g, ' ').trim();
    if (raw !== '') out.push(raw.slice(0, MAX_TERM_CHARS).trim());
  }
  return out;
}

/** One term as a quoted KQL phrase matched by prefix: `"gwent safeg"*`. */
export function kqlTerm(term: string): string {
  const clean = term.replace(/["*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '') throw new RangeError('An empty search term');
  return `"${clean}"*`;
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Items of one list (by its GUID) holding every term somewhere in their text. */
export function kqlInList(listId: string, terms: readonly string[]): string {
  const m = GUID.exec(listId.trim());
  if (!m) throw new RangeError(`Not a list id: ${listId}`);
  if (terms.length === 0) throw new RangeError('No search terms');
  return [`ListId:${(m[1] as string).toLowerCase()}`, ...terms.map(kqlTerm)].join(' ');
}

export interface SearchHits {
  /** List item ids, in the search's order (its relevance rank). */
  readonly ids: readonly number[];
  /** Rows this answer held (ids may be fewer when a row has no ListItemID). */
  readonly rows: number;
  readonly totalRows: number;
}

/** One page of a list search: item ids from row `startRow`, at most `rowLimit`. */
export async function searchListItems(
  sp: SPFI,
  listId: string,
  terms: readonly string[],
  startRow: number,
  rowLimit: number,
): Promise<RepoResult<SearchHits>> {
  try {
    const results = await sp.search({
      Querytext: kqlInList(listId, terms),
      StartRow: startRow,
      RowLimit: Math.max(1, Math.min(MAX_SEARCH_ROWS, rowLimit)),
      SelectProperties: ['ListItemID', 'ListId'],
      TrimDuplicates: false,
      ClientType: 'CollaborationRegister',
    });
    const ids: number[] = [];
    const rows = results.PrimarySearchResults as unknown as readonly Record<string, unknown>[];
    for (const row of rows) {
      const id = Number(row['ListItemID']);
      if (Number.isInteger(id) && id > 0) ids.push(id);
    }
    return ok({ ids, rows: rows.length, totalRows: results.TotalRows });
  } catch (e) {
    return fail(toRepoError(e));
  }
}
