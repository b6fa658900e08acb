import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { jsonPath, openDb, type Db } from './db';

type Stmt = Database.Statement<unknown[]>;
import {
  builtInFields,
  isMulti,
  plainView,
  restName,
  ROLE_DEFINITIONS,
  type FieldRecord,
  type GroupRecord,
  type ListRecord,
  type Principal,
  type UserRecord,
  type ViewRecord,
} from './model';

export interface ItemRow {
  id: number;
  version: number;
  uiVersion: number;
  data: Record<string, unknown>;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  guid: string;
}

export interface RawItem {
  id: number;
  version: number;
  ui_version: number;
  data?: string;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  guid: string;
}

export function toItemRow(r: RawItem): ItemRow {
  return {
    id: r.id,
    version: r.version,
    uiVersion: r.ui_version,
    data: JSON.parse(r.data ?? '{}') as Record<string, unknown>,
    created: r.created,
    modified: r.modified,
    authorId: r.author_id,
    editorId: r.editor_id,
    guid: r.guid,
  };
}

export interface VersionRow {
  uiVersion: number;
  data: Record<string, unknown>;
  modified: string;
  editorId: number;
}

/**
 * Told of every item write, whoever makes it (the REST API, the demo loader, provisioning):
 * how the search index (src/local/search) stays current without a crawl.
 */
export interface ItemListener {
  /** `isNew`: the item was just inserted (no earlier state to replace). */
  written(list: ListRecord, row: ItemRow, isNew?: boolean): void;
  removed(list: ListRecord, id: number): void;
  listRemoved(list: ListRecord): void;
}

/** ISO instant without milliseconds, as SharePoint writes Created and Modified. */
export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The site's persistent state in SQLite: principals, lists, fields, views,
 * role assignments, items and item versions. Every method is synchronous;
 * `transaction` groups writes so that a failure leaves nothing written.
 */
export class SiteStore {
  private listCache: ListRecord[] | undefined;
  private readonly fieldCache = new Map<number, FieldRecord[]>();
  private readonly stmtCache = new Map<string, Stmt>();
  private readonly itemListeners: ItemListener[] = [];

  private constructor(
    readonly db: Db,
    readonly isNew: boolean,
  ) {}

  static open(file: string): SiteStore {
    const { db, isNew } = openDb(file);
    return new SiteStore(db, isNew);
  }

  close(): void {
    this.db.close();
  }

  /** Adds a listener told of each item write inside the writing transaction. */
  addItemListener(listener: ItemListener): void {
    this.itemListeners.push(listener);
  }

  /** A cached prepared statement (generated query text repeats across pages). */
  prepare(sql: string): Stmt {
    let stmt = this.stmtCache.get(sql);
    if (!stmt) {
      if (this.stmtCache.size > 500) this.stmtCache.clear();
      stmt = this.db.prepare<unknown[]>(sql);
      this.stmtCache.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `fn` in a transaction (a savepoint when nested); any throw rolls it back. */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      this.invalidate();
      throw e;
    }
  }

  invalidate(): void {
    this.listCache = undefined;
    this.fieldCache.clear();
  }

  // ---- meta ----

  meta(key: string): string | undefined {
    const row = this.prepare(`SELECT value FROM meta WHERE key=?`).get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.prepare(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`).run(
      key,
      value,
    );
  }

  nextPrincipalId(): number {
    const next = Number(this.meta('nextPrincipalId') ?? '100');
    this.setMeta('nextPrincipalId', String(next + 1));
    return next;
  }

  // ---- principals ----

  principals(): Principal[] {
    return (this.prepare(`SELECT json FROM principals ORDER BY id`).all() as { json: string }[]).map(
      (r) => JSON.parse(r.json) as Principal,
    );
  }

  principal(id: number): Principal | undefined {
    const row = this.prepare(`SELECT json FROM principals WHERE id=?`).get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Principal) : undefined;
  }

  savePrincipal(p: Principal): void {
    this.prepare(
      `INSERT INTO principals(id, kind, json) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, json=excluded.json`,
    ).run(p.Id, p.kind, JSON.stringify(p));
  }

  users(): UserRecord[] {
    return this.principals().filter((p): p is UserRecord => p.kind === 'user');
  }

  groups(): GroupRecord[] {
    return this.principals().filter((p): p is GroupRecord => p.kind === 'group');
  }

  user(id: number): UserRecord | undefined {
    const p = this.principal(id);
    return p?.kind === 'user' ? p : undefined;
  }

  group(id: number): GroupRecord | undefined {
    const p = this.principal(id);
    return p?.kind === 'group' ? p : undefined;
  }

  userByLogin(login: string): UserRecord | undefined {
    const l = login.trim().toLowerCase();
    const bare = l.includes('|') ? l.slice(l.lastIndexOf('|') + 1) : l;
    return this.users().find(
      (u) => u.LoginName.toLowerCase() === l || u.Email.toLowerCase() === bare || u.LoginName.toLowerCase() === bare,
    );
  }

  groupByName(name: string): GroupRecord | undefined {
    const n = name.toLowerCase();
    return this.groups().find((g) => g.Title.toLowerCase() === n);
  }

  groupMembers(groupId: number): number[] {
    return (
      this.prepare(`SELECT user_id FROM group_members WHERE group_id=? ORDER BY user_id`).all(groupId) as {
        user_id: number;
      }[]
    ).map((r) => r.user_id);
  }

  groupsOf(userId: number): number[] {
    return (
      this.prepare(`SELECT group_id FROM group_members WHERE user_id=?`).all(userId) as { group_id: number }[]
    ).map((r) => r.group_id);
  }

  addMember(groupId: number, userId: number): void {
    this.prepare(`INSERT OR IGNORE INTO group_members(group_id, user_id) VALUES (?, ?)`).run(groupId, userId);
  }

  removeMember(groupId: number, userId: number): void {
    this.prepare(`DELETE FROM group_members WHERE group_id=? AND user_id=?`).run(groupId, userId);
  }

  deletePrincipal(id: number): void {
    this.prepare(`DELETE FROM principals WHERE id=?`).run(id);
    this.prepare(`DELETE FROM group_members WHERE group_id=? OR user_id=?`).run(id, id);
    this.prepare(`DELETE FROM role_assignments WHERE principal_id=?`).run(id);
  }

  // ---- role assignments ----

  /**
   * The scope a list's (or an item's) permissions come from: the item's own when its
   * inheritance is broken, else the list's own when broken, else the web's.
   */
  scopeOf(list: ListRecord | undefined, itemId?: number): string {
    if (list && itemId !== undefined && this.itemHasUniqueRoles(list, itemId)) return itemScope(list, itemId);
    return list && list.hasUniqueRoleAssignments ? list.guid : 'web';
  }

  /** Whether an item's permissions are its own (BreakRoleInheritance on the item). */
  itemHasUniqueRoles(list: ListRecord, itemId: number): boolean {
    return this.uniqueItems(list).has(itemId);
  }

  /** The items of a list whose permissions are their own. */
  uniqueItems(list: ListRecord): ReadonlySet<number> {
    const rows = this.prepare(`SELECT item_id FROM unique_items WHERE list_id=?`).all(list.id) as { item_id: number }[];
    return new Set(rows.map((r) => r.item_id));
  }

  /** Marks an item's permissions as its own (true) or inherited again (false, its assignments dropped). */
  setItemUniqueRoles(list: ListRecord, itemId: number, unique: boolean): void {
    if (unique) {
      this.prepare(`INSERT OR IGNORE INTO unique_items(list_id, item_id) VALUES (?, ?)`).run(list.id, itemId);
    } else {
      this.prepare(`DELETE FROM unique_items WHERE list_id=? AND item_id=?`).run(list.id, itemId);
      this.clearAssignments(itemScope(list, itemId));
    }
  }

  /**
   * The items of a list this user may not read (items with permissions of their own that
   * grant the user nothing): SharePoint leaves them out of every answer, as if absent.
   */
  hiddenItems(user: UserRecord, list: ListRecord): ReadonlySet<number> {
    if (user.IsSiteAdmin) return new Set();
    const principals = [user.Id, ...this.groupsOf(user.Id)];
    // Every role definition but Limited Access (rank 0) lets its holder read.
    const readers = ROLE_DEFINITIONS.filter((r) => r.rank >= 1).map((r) => r.Id);
    const rows = this.prepare(
      `SELECT u.item_id FROM unique_items u WHERE u.list_id=? AND NOT EXISTS (
         SELECT 1 FROM role_assignments a WHERE a.scope = ? || '/' || u.item_id
           AND a.principal_id IN (${principals.map(() => '?').join(',')})
           AND a.role_id IN (${readers.map(() => '?').join(',')}))`,
    ).all(list.id, list.guid, ...principals, ...readers) as { item_id: number }[];
    return new Set(rows.map((r) => r.item_id));
  }

  assignments(scope: string): { principalId: number; roleIds: number[] }[] {
    const rows = this.prepare(
      `SELECT principal_id, role_id FROM role_assignments WHERE scope=? ORDER BY principal_id, role_id`,
    ).all(scope) as { principal_id: number; role_id: number }[];
    const byPrincipal = new Map<number, number[]>();
    for (const r of rows) {
      const list = byPrincipal.get(r.principal_id) ?? [];
      list.push(r.role_id);
      byPrincipal.set(r.principal_id, list);
    }
    return [...byPrincipal.entries()].map(([principalId, roleIds]) => ({ principalId, roleIds }));
  }

  addAssignment(scope: string, principalId: number, roleId: number): void {
    this.prepare(`INSERT OR IGNORE INTO role_assignments(scope, principal_id, role_id) VALUES (?, ?, ?)`).run(
      scope,
      principalId,
      roleId,
    );
  }

  removeAssignment(scope: string, principalId: number, roleId?: number): void {
    if (roleId === undefined)
      this.prepare(`DELETE FROM role_assignments WHERE scope=? AND principal_id=?`).run(scope, principalId);
    else
      this.prepare(`DELETE FROM role_assignments WHERE scope=? AND principal_id=? AND role_id=?`).run(
        scope,
        principalId,
        roleId,
      );
  }

  clearAssignments(scope: string): void {
    this.prepare(`DELETE FROM role_assignments WHERE scope=?`).run(scope);
  }

  /**
   * The user's permission rank on a list (or the web): 0 none, 1 read,
   * 2 contribute, 3 edit, 4 design, 5 full control. Site administrators have 5.
   */
  rankOf(user: UserRecord, list: ListRecord | undefined, itemId?: number): number {
    if (user.IsSiteAdmin) return 5;
    const principals = new Set([user.Id, ...this.groupsOf(user.Id)]);
    let rank = 0;
    for (const a of this.assignments(this.scopeOf(list, itemId))) {
      if (!principals.has(a.principalId)) continue;
      for (const id of a.roleIds) {
        const r = ROLE_DEFINITIONS.find((d) => d.Id === id);
        if (r && r.rank > rank) rank = r.rank;
      }
    }
    return rank;
  }

  // ---- lists ----

  lists(): ListRecord[] {
    if (!this.listCache) {
      this.listCache = (this.prepare(`SELECT json FROM lists ORDER BY id`).all() as { json: string }[]).map(
        (r) => JSON.parse(r.json) as ListRecord,
      );
    }
    return this.listCache;
  }

  listByTitle(title: string): ListRecord | undefined {
    const t = title.toLowerCase();
    return this.lists().find((l) => l.title.toLowerCase() === t);
  }

  listByGuid(guid: string): ListRecord | undefined {
    const g = guid.replace(/[{}]/g, '').toLowerCase();
    return this.lists().find((l) => l.guid === g);
  }

  listById(id: number): ListRecord | undefined {
    return this.lists().find((l) => l.id === id);
  }

  listByUrl(url: string): ListRecord | undefined {
    const u = url.toLowerCase().replace(/\/+$/, '');
    return this.lists().find((l) => u.endsWith(`/lists/${l.url.toLowerCase()}`) || u === l.url.toLowerCase());
  }

  saveList(list: ListRecord): void {
    this.prepare(
      `INSERT INTO lists(id, guid, json) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json=excluded.json`,
    ).run(list.id, list.guid, JSON.stringify(list));
    this.listCache = undefined;
  }

  /** Creates a list with SharePoint's built-in columns and an "All Items" view. */
  createList(props: {
    title: string;
    url: string;
    description: string;
    baseTemplate: number;
    created: string;
  }): ListRecord {
    const maxId = (this.prepare(`SELECT MAX(id) AS m FROM lists`).get() as { m: number | null }).m ?? 0;
    const list: ListRecord = {
      id: maxId + 1,
      guid: randomUUID(),
      title: props.title,
      url: props.url,
      description: props.description,
      baseTemplate: props.baseTemplate,
      enableVersioning: false,
      majorVersionLimit: 50,
      hasUniqueRoleAssignments: false,
      created: props.created,
      lastItemModified: props.created,
      lastItemDeleted: props.created,
      itemCount: 0,
      nextItemId: 1,
      hidden: false,
      contentTypesEnabled: false,
      enableAttachments: true,
      noCrawl: false,
    };
    this.saveList(list);
    builtInFields().forEach((f, i) => this.saveField(list, f, i));
    this.saveView(list, plainView('All Items', `${list.url}/AllItems.aspx`, true));
    return list;
  }

  deleteList(list: ListRecord): void {
    for (const f of this.fields(list)) this.dropIndex(list, f);
    this.prepare(`DELETE FROM items WHERE list_id=?`).run(list.id);
    this.prepare(`DELETE FROM item_versions WHERE list_id=?`).run(list.id);
    this.prepare(`DELETE FROM fields WHERE list_id=?`).run(list.id);
    this.prepare(`DELETE FROM views WHERE list_id=?`).run(list.id);
    this.prepare(`DELETE FROM role_assignments WHERE scope=? OR scope LIKE ?`).run(list.guid, `${list.guid}/%`);
    this.prepare(`DELETE FROM unique_items WHERE list_id=?`).run(list.id);
    this.prepare(`DELETE FROM lists WHERE id=?`).run(list.id);
    for (const l of this.itemListeners) l.listRemoved(list);
    this.invalidate();
  }

  // ---- fields ----

  fields(list: ListRecord): FieldRecord[] {
    let cached = this.fieldCache.get(list.id);
    if (!cached) {
      cached = (
        this.prepare(`SELECT json FROM fields WHERE list_id=? ORDER BY position`).all(list.id) as { json: string }[]
      ).map((r) => JSON.parse(r.json) as FieldRecord);
      this.fieldCache.set(list.id, cached);
    }
    return cached;
  }

  /** A field by internal name, else by display title (both case-insensitive). */
  field(list: ListRecord, nameOrTitle: string): FieldRecord | undefined {
    const n = nameOrTitle.toLowerCase();
    const fields = this.fields(list);
    return fields.find((f) => f.internalName.toLowerCase() === n) ?? fields.find((f) => f.title.toLowerCase() === n);
  }

  fieldById(list: ListRecord, id: string): FieldRecord | undefined {
    const g = id.replace(/[{}]/g, '').toLowerCase();
    return this.fields(list).find((f) => f.id === g);
  }

  saveField(list: ListRecord, field: FieldRecord, position?: number): void {
    const pos =
      position ??
      (
        this.prepare(`SELECT position FROM fields WHERE list_id=? AND internal_name=?`).get(
          list.id,
          field.internalName,
        ) as { position: number } | undefined
      )?.position ??
      ((this.prepare(`SELECT MAX(position) AS m FROM fields WHERE list_id=?`).get(list.id) as { m: number | null }).m ??
        -1) + 1;
    this.prepare(
      `INSERT INTO fields(list_id, internal_name, position, json) VALUES (?, ?, ?, ?)
       ON CONFLICT(list_id, internal_name) DO UPDATE SET json=excluded.json`,
    ).run(list.id, field.internalName, pos, JSON.stringify(field));
    this.fieldCache.delete(list.id);
    // Custom columns and Title live in the item's JSON and get an expression index; ID is the key.
    if (field.indexed && !isMulti(field) && (!field.fromBaseType || field.internalName === 'Title'))
      this.ensureIndex(list, field);
    else this.dropIndex(list, field);
  }

  deleteField(list: ListRecord, field: FieldRecord): void {
    this.dropIndex(list, field);
    this.prepare(`DELETE FROM fields WHERE list_id=? AND internal_name=?`).run(list.id, field.internalName);
    this.fieldCache.delete(list.id);
  }

  private indexName(list: ListRecord, field: FieldRecord): string {
    return `ix_items_${list.id}_${field.internalName}`;
  }

  /** An expression index on the field's folded value, for this list's rows only. */
  ensureIndex(list: ListRecord, field: FieldRecord): void {
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS "${this.indexName(list, field)}" ON items(list_id, sp_fold(json_extract(data, ${jsonPath(
        restName(field),
      )}))) WHERE list_id = ${list.id}`,
    );
    this.stmtCache.clear();
  }

  dropIndex(list: ListRecord, field: FieldRecord): void {
    this.db.exec(`DROP INDEX IF EXISTS "${this.indexName(list, field)}"`);
    this.stmtCache.clear();
  }

  // ---- views ----

  views(list: ListRecord): ViewRecord[] {
    return (
      this.prepare(`SELECT json FROM views WHERE list_id=? ORDER BY position`).all(list.id) as { json: string }[]
    ).map((r) => JSON.parse(r.json) as ViewRecord);
  }

  saveView(list: ListRecord, view: ViewRecord): void {
    const existing = this.prepare(`SELECT position FROM views WHERE id=?`).get(view.id) as
      { position: number } | undefined;
    const pos =
      existing?.position ??
      ((this.prepare(`SELECT MAX(position) AS m FROM views WHERE list_id=?`).get(list.id) as { m: number | null }).m ??
        -1) + 1;
    if (view.defaultView) {
      for (const other of this.views(list)) {
        if (other.id !== view.id && other.defaultView) {
          other.defaultView = false;
          this.prepare(`UPDATE views SET json=? WHERE id=?`).run(JSON.stringify(other), other.id);
        }
      }
    }
    this.prepare(
      `INSERT INTO views(id, list_id, position, json) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET json=excluded.json`,
    ).run(view.id, list.id, pos, JSON.stringify(view));
  }

  deleteView(view: ViewRecord): void {
    this.prepare(`DELETE FROM views WHERE id=?`).run(view.id);
  }

  // ---- items ----

  getItem(list: ListRecord, id: number): ItemRow | undefined {
    const row = this.prepare(
      `SELECT id, version, ui_version, json(data) AS data, created, modified, author_id, editor_id, guid FROM items WHERE list_id=? AND id=?`,
    ).get(list.id, id) as RawItem | undefined;
    return row ? toItemRow(row) : undefined;
  }

  itemExists(listId: number, id: number): boolean {
    return this.prepare(`SELECT 1 FROM items WHERE list_id=? AND id=?`).get(listId, id) !== undefined;
  }

  itemsByIds(listId: number, ids: readonly number[]): Map<number, ItemRow> {
    const out = new Map<number, ItemRow>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare<unknown[]>(
          `SELECT id, version, ui_version, json(data) AS data, created, modified, author_id, editor_id, guid FROM items WHERE list_id=? AND id IN (${chunk
            .map(() => '?')
            .join(',')})`,
        )
        .all(listId, ...chunk) as RawItem[];
      for (const r of rows) out.set(r.id, toItemRow(r));
    }
    return out;
  }

  insertItem(list: ListRecord, row: ItemRow): void {
    this.prepare(
      `INSERT INTO items(list_id, id, version, ui_version, data, created, modified, author_id, editor_id, guid) VALUES (?,?,?,?,jsonb(?),?,?,?,?,?)`,
    ).run(
      list.id,
      row.id,
      row.version,
      row.uiVersion,
      JSON.stringify(row.data),
      row.created,
      row.modified,
      row.authorId,
      row.editorId,
      row.guid,
    );
    for (const l of this.itemListeners) l.written(list, row, true);
  }

  updateItemRow(list: ListRecord, row: ItemRow): void {
    this.prepare(
      `UPDATE items SET version=?, ui_version=?, data=jsonb(?), modified=?, editor_id=? WHERE list_id=? AND id=?`,
    ).run(row.version, row.uiVersion, JSON.stringify(row.data), row.modified, row.editorId, list.id, row.id);
    for (const l of this.itemListeners) l.written(list, row);
  }

  deleteItemRow(list: ListRecord, id: number): void {
    this.prepare(`DELETE FROM items WHERE list_id=? AND id=?`).run(list.id, id);
    this.prepare(`DELETE FROM item_versions WHERE list_id=? AND item_id=?`).run(list.id, id);
    this.setItemUniqueRoles(list, id, false);
    for (const l of this.itemListeners) l.removed(list, id);
  }

  /** Keeps a past version of an item (the current version is the item itself). */
  saveVersion(list: ListRecord, row: ItemRow): void {
    this.prepare(
      `INSERT INTO item_versions(list_id, item_id, ui_version, data, modified, editor_id) VALUES (?,?,?,?,?,?)
       ON CONFLICT(list_id, item_id, ui_version) DO UPDATE SET data=excluded.data, modified=excluded.modified, editor_id=excluded.editor_id`,
    ).run(list.id, row.id, row.uiVersion, JSON.stringify(row.data), row.modified, row.editorId);
  }

  /** Past versions, newest first (not including the current one). */
  history(list: ListRecord, itemId: number): VersionRow[] {
    return (
      this.prepare(
        `SELECT ui_version, data, modified, editor_id FROM item_versions WHERE list_id=? AND item_id=? ORDER BY ui_version DESC`,
      ).all(list.id, itemId) as { ui_version: number; data: string; modified: string; editor_id: number }[]
    ).map((r) => ({
      uiVersion: r.ui_version,
      data: JSON.parse(r.data ?? '{}') as Record<string, unknown>,
      modified: r.modified,
      editorId: r.editor_id,
    }));
  }

  countItems(list: ListRecord): number {
    return (this.prepare(`SELECT COUNT(*) AS n FROM items WHERE list_id=?`).get(list.id) as { n: number }).n;
  }
}

/** The permission scope of one item whose inheritance is broken. */
export function itemScope(list: ListRecord, itemId: number): string {
  return `${list.guid}/${itemId}`;
}
