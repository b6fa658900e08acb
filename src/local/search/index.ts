/**
 * The embedded server's search index: every list item's text in an SQLite FTS5
 * table (`unicode61 remove_diacritics 2`, so "Llŷr" and "Llyr", "Gwasanaethau"
 * with or without accents, match alike), kept current on every item write
 * through the store's item listener. SharePoint crawls lists some minutes
 * after a change; this index changes in the writing transaction (no crawl delay).
 *
 * One row per item: rowid = list id × 2³² + item id (so one list is a rowid
 * range), column `title` (the Title column) and column `body` (the text of
 * every other column a crawl reads: text, notes, choices, the shown value of
 * lookups, people's names, link descriptions). Lists marked NoCrawl are not indexed.
 */
import type { FieldRecord, ListRecord } from '../store/model';
import { restName } from '../store/model';
import type { ItemListener, ItemRow, SiteStore } from '../store/site-store';

/** Bumped when what is indexed changes: an older file's index is rebuilt on open. */
const INDEX_VERSION = '1';
const LIST_SPAN = 2 ** 32;

export function rowidOf(listId: number, itemId: number): number {
  return listId * LIST_SPAN + itemId;
}

export function itemOfRowid(rowid: number): { listId: number; itemId: number } {
  const listId = Math.floor(rowid / LIST_SPAN);
  return { listId, itemId: rowid - listId * LIST_SPAN };
}

/** The rowid range of one list's items, both ends inclusive. */
export function rowidRange(listId: number): [number, number] {
  return [listId * LIST_SPAN, listId * LIST_SPAN + LIST_SPAN - 1];
}

const DDL = `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`;

export class SearchIndex implements ItemListener {
  private constructor(private readonly store: SiteStore) {}

  /** Creates the index when missing (or of an older version), filling it from the items there are. */
  static attach(store: SiteStore): SearchIndex {
    const index = new SearchIndex(store);
    store.transaction(() => {
      const had = store.db.prepare(`SELECT name FROM sqlite_master WHERE name='search_fts'`).get() !== undefined;
      if (!had || store.meta('searchIndexVersion') !== INDEX_VERSION) {
        store.db.exec(`DROP TABLE IF EXISTS search_fts`);
        store.db.exec(DDL);
        index.rebuild();
        store.setMeta('searchIndexVersion', INDEX_VERSION);
      }
    });
    store.addItemListener(index);
    return index;
  }

  private rebuild(): void {
    for (const list of this.store.lists()) {
      if (list.noCrawl) continue;
      const rows = this.store.db
        .prepare(
          `SELECT id, version, ui_version, json(data) AS data, created, modified, author_id, editor_id, guid FROM items WHERE list_id=?`,
        )
        .all(list.id) as { id: number; data: string }[];
      for (const r of rows) this.put(list, r.id, JSON.parse(r.data) as Record<string, unknown>, true);
    }
  }

  written(list: ListRecord, row: ItemRow, isNew = false): void {
    if (list.noCrawl) return;
    this.put(list, row.id, row.data, isNew);
  }

  removed(list: ListRecord, id: number): void {
    this.store.prepare(`DELETE FROM search_fts WHERE rowid=?`).run(rowidOf(list.id, id));
  }

  listRemoved(list: ListRecord): void {
    const [from, to] = rowidRange(list.id);
    this.store.prepare(`DELETE FROM search_fts WHERE rowid BETWEEN ? AND ?`).run(from, to);
  }

  private put(list: ListRecord, id: number, data: Record<string, unknown>, isNew = false): void {
    const { title, body } = this.textOf(list, data);
    const rowid = rowidOf(list.id, id);
    if (!isNew) this.store.prepare(`DELETE FROM search_fts WHERE rowid=?`).run(rowid);
    this.store.prepare(`INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)`).run(rowid, title, body);
  }

  /** What a crawl would read of an item: its title, and the text of its other columns. */
  textOf(list: ListRecord, data: Record<string, unknown>): { title: string; body: string } {
    const parts: string[] = [];
    let title = '';
    for (const f of this.store.fields(list)) {
      const value = data[restName(f)];
      if (f.internalName === 'Title') {
        title = typeof value === 'string' ? value : '';
        continue;
      }
      for (const text of this.texts(f, value)) parts.push(text);
    }
    return { title, body: parts.join('\n') };
  }

  private texts(f: FieldRecord, value: unknown): string[] {
    if (value === null || value === undefined) return [];
    const many = Array.isArray(value) ? value : [value];
    switch (f.typeAsString) {
      case 'Text':
      case 'Note':
      case 'Choice':
      case 'MultiChoice':
        return many.filter((v): v is string => typeof v === 'string');
      case 'URL': {
        const u = value as { Description?: unknown };
        return typeof u.Description === 'string' ? [u.Description] : [];
      }
      case 'Lookup':
      case 'LookupMulti':
        return this.lookupTexts(f, many);
      case 'User':
      case 'UserMulti':
        return many.flatMap((id) => {
          const name = typeof id === 'number' ? this.userName(id) : undefined;
          return name ? [name] : [];
        });
      default:
        return [];
    }
  }

  /** People's display names, read once each: the server's users are fixed (docs/local-server.md). */
  private readonly names = new Map<number, string | undefined>();
  private userName(id: number): string | undefined {
    if (!this.names.has(id)) this.names.set(id, this.store.user(id)?.Title);
    return this.names.get(id);
  }

  /** A lookup's shown value (its LookupField, Title by default) as the crawl reads it from the item. */
  private lookupTexts(f: FieldRecord, ids: readonly unknown[]): string[] {
    const target = f.lookupListId ? this.store.listByGuid(f.lookupListId) : undefined;
    if (!target) return [];
    const numbers = ids.filter((v): v is number => typeof v === 'number');
    if (numbers.length === 0) return [];
    const shown = f.lookupField ?? 'Title';
    const out: string[] = [];
    // One indexed read per id with a cached statement (the demo loader writes 100,000 items).
    const stmt = this.store.prepare(
      `SELECT json_extract(data, '$."' || ? || '"') AS v FROM items WHERE list_id=? AND id=?`,
    );
    for (const id of numbers) {
      const row = stmt.get(shown, target.id, id) as { v: unknown } | undefined;
      if (typeof row?.v === 'string') out.push(row.v);
    }
    return out;
  }
}
