/**
 * Runs a parsed KQL query over the search index for one user: free text and
 * Title restrictions become one FTS5 MATCH expression, the scope restrictions
 * (ListId, path, ListItemID, contentclass) become rowid ranges, and every
 * result is security-trimmed with the check the items endpoint makes (a list
 * the user cannot read, an item whose own permissions give them nothing).
 */
import type { ListRecord, UserRecord } from '../store/model';
import type { SiteStore } from '../store/site-store';
import { itemOfRowid, rowidOf, rowidRange } from './index';
import type { KqlNode } from './kql';
import { KqlUnsupportedError } from './kql';

/** Every list item is a generic list item here (custom lists only). */
export const CONTENT_CLASS = 'STS_ListItem_GenericList';

/** The scope of a query: which lists, and within them which items (undefined = all). */
interface Scope {
  lists: Set<number>;
  items?: Set<number>;
}

/** An FTS5 expression, or `never` when part of the query can match nothing here. */
type Compiled = { fts?: string; never?: boolean };

const SCOPE_PROPERTIES = new Set(['listid', 'path', 'listitemid', 'contentclass']);

function ftsString(text: string, prefix: boolean): string {
  return `"${text.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
}

function compile(node: KqlNode): Compiled {
  switch (node.kind) {
    case 'term':
      return { fts: ftsString(node.text, node.prefix) };
    case 'property': {
      const name = node.name.toLowerCase();
      if (SCOPE_PROPERTIES.has(name))
        throw new KqlUnsupportedError(
          `${node.name} inside OR, NOT or parentheses (only at the top level, joined by AND)`,
        );
      if (name === 'title') return { fts: `title : ${ftsString(node.value, node.prefix)}` };
      // Any other managed property: none is queryable here, so the restriction matches nothing
      // (SharePoint matches a restriction on a property it does not know to nothing too).
      return { never: true };
    }
    case 'and': {
      const parts = node.items.map(compile);
      if (parts.some((p) => p.never)) return { never: true };
      const fts = parts.filter((p) => p.fts !== undefined).map((p) => `(${p.fts})`);
      return fts.length ? { fts: fts.join(' AND ') } : {};
    }
    case 'or': {
      const parts = node.items.map(compile).filter((p) => !p.never);
      if (parts.length === 0) return { never: true };
      // A branch with no text (cannot happen: scope restrictions are refused inside OR).
      return { fts: parts.map((p) => `(${p.fts})`).join(' OR ') };
    }
    case 'not': {
      const keep = compile(node.keep);
      const drop = compile(node.drop);
      if (keep.never) return { never: true };
      if (drop.never || drop.fts === undefined) return keep;
      if (keep.fts === undefined) throw new KqlUnsupportedError('NOT after only scope restrictions');
      return { fts: `(${keep.fts}) NOT (${drop.fts})` };
    }
  }
}

/**
 * The top-level AND chain's scope restrictions, and the rest of the query. `a b NOT c` parses
 * as NOT(a AND b, c): the scope restrictions of its kept side are top level too.
 */
function splitScope(root: KqlNode): { scopes: (KqlNode & { kind: 'property' })[]; rest: KqlNode[] } {
  if (root.kind === 'not') {
    const inner = splitScope(root.keep);
    if (inner.rest.length === 0) return { scopes: inner.scopes, rest: [root] };
    const keep: KqlNode = inner.rest.length === 1 ? (inner.rest[0] as KqlNode) : { kind: 'and', items: inner.rest };
    return { scopes: inner.scopes, rest: [{ kind: 'not', keep, drop: root.drop }] };
  }
  const items = root.kind === 'and' ? root.items : [root];
  const scopes: (KqlNode & { kind: 'property' })[] = [];
  const rest: KqlNode[] = [];
  for (const n of items) {
    if (n.kind === 'property' && SCOPE_PROPERTIES.has(n.name.toLowerCase())) scopes.push(n);
    else if (n.kind === 'not') {
      const inner = splitScope(n);
      scopes.push(...inner.scopes);
      rest.push(...inner.rest);
    } else rest.push(n);
  }
  return { scopes, rest };
}

const bare = (guid: string) => guid.replace(/[{}]/g, '').toLowerCase();

export function listRoot(siteUrl: string, list: ListRecord): string {
  return `${siteUrl}/Lists/${list.url}`;
}

export function itemPath(siteUrl: string, list: ListRecord, id: number): string {
  return `${listRoot(siteUrl, list)}/DispForm.aspx?ID=${id}`;
}

function applyScope(
  scope: Scope,
  restriction: KqlNode & { kind: 'property' },
  lists: readonly ListRecord[],
  siteUrl: string,
): void {
  const name = restriction.name.toLowerCase();
  const value = restriction.value.trim();
  const keepLists = (ok: (l: ListRecord) => boolean) => {
    for (const id of [...scope.lists]) {
      const l = lists.find((x) => x.id === id);
      if (!l || !ok(l)) scope.lists.delete(id);
    }
  };
  const keepItems = (ids: number[]) => {
    const next = new Set(ids.filter((i) => scope.items === undefined || scope.items.has(i)));
    scope.items = next;
  };
  switch (name) {
    case 'listid':
      keepLists((l) => (restriction.prefix ? bare(l.guid).startsWith(bare(value)) : bare(l.guid) === bare(value)));
      return;
    case 'contentclass': {
      const v = value.toLowerCase();
      const cc = CONTENT_CLASS.toLowerCase();
      if (!(restriction.prefix ? cc.startsWith(v) : cc === v)) scope.lists.clear();
      return;
    }
    case 'listitemid': {
      if (!/^\d+$/.test(value)) {
        scope.lists.clear();
        return;
      }
      keepItems([Number(value)]);
      return;
    }
    case 'path': {
      // Paths compare case-insensitively, without a trailing slash; a path restriction matches
      // everything under it (SharePoint's path: is a prefix match on the item's URL).
      const v = value.toLowerCase().replace(/\/+$/, '');
      const site = siteUrl.toLowerCase();
      if (site.startsWith(v) && (v.length === site.length || site.startsWith(`${v}/`) || restriction.prefix)) return;
      const item = /^(.*)\/dispform\.aspx\?id=(\d+)$/.exec(v);
      keepLists((l) => {
        const root = listRoot(siteUrl, l).toLowerCase();
        if (item) return item[1] === root;
        return root === v || root.startsWith(`${v}/`) || (restriction.prefix && root.startsWith(v));
      });
      if (item) keepItems([Number(item[2])]);
      return;
    }
  }
}

export interface Hit {
  readonly list: ListRecord;
  readonly itemId: number;
  /** Higher is better, as SharePoint's Rank. */
  readonly rank: number;
}

export interface SearchOutcome {
  readonly hits: readonly Hit[];
  readonly totalRows: number;
}

export interface SearchRequest {
  readonly query: KqlNode;
  readonly startRow: number;
  readonly rowLimit: number;
  /** Rank (best first, the default) or DocId order. */
  readonly sort: 'rank' | 'docIdAsc' | 'docIdDesc';
}

/** Runs the query for `user`; only items the user may read are counted or returned. */
export function runSearch(store: SiteStore, user: UserRecord, siteUrl: string, req: SearchRequest): SearchOutcome {
  const all = store.lists();
  const { scopes, rest } = splitScope(req.query);
  const readable = all.filter((l) => !l.noCrawl && store.rankOf(user, l) >= 1);
  const scope: Scope = { lists: new Set(readable.map((l) => l.id)) };
  for (const s of scopes) applyScope(scope, s, all, siteUrl);
  const compiled =
    rest.length === 0 ? {} : compile(rest.length === 1 ? (rest[0] as KqlNode) : { kind: 'and', items: rest });
  if (compiled.never || scope.lists.size === 0 || (scope.items && scope.items.size === 0))
    return { hits: [], totalRows: 0 };

  const where: string[] = [];
  const params: unknown[] = [];
  if (compiled.fts !== undefined) {
    where.push('search_fts MATCH ?');
    params.push(compiled.fts);
  }
  const ranges: string[] = [];
  for (const id of scope.lists) {
    if (scope.items) {
      for (const item of scope.items) {
        ranges.push('rowid = ?');
        params.push(rowidOf(id, item));
      }
    } else {
      const [from, to] = rowidRange(id);
      ranges.push('rowid BETWEEN ? AND ?');
      params.push(from, to);
    }
  }
  where.push(`(${ranges.join(' OR ')})`);
  // Security trimming: items with permissions of their own that give this user nothing.
  const hidden: number[] = [];
  for (const id of scope.lists) {
    const list = all.find((l) => l.id === id) as ListRecord;
    for (const item of store.hiddenItems(user, list)) hidden.push(rowidOf(id, item));
  }
  if (hidden.length > 0) {
    where.push(`rowid NOT IN (${hidden.map(() => '?').join(',')})`);
    params.push(...hidden);
  }
  const clause = where.join(' AND ');
  const score = compiled.fts !== undefined ? 'bm25(search_fts, 4.0, 1.0)' : '0';
  const order =
    req.sort === 'docIdAsc' ? 'rowid ASC' : req.sort === 'docIdDesc' ? 'rowid DESC' : 'score ASC, rowid ASC';
  const total = (
    store.db.prepare(`SELECT count(*) AS n FROM search_fts WHERE ${clause}`).get(...params) as { n: number }
  ).n;
  const rows = store.db
    .prepare(
      `SELECT rowid AS rid, ${score} AS score FROM search_fts WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, req.rowLimit, req.startRow) as { rid: number; score: number }[];
  const hits: Hit[] = [];
  for (const r of rows) {
    const { listId, itemId } = itemOfRowid(r.rid);
    const list = all.find((l) => l.id === listId);
    if (list) hits.push({ list, itemId, rank: -r.score });
  }
  return { hits, totalRows: total };
}
