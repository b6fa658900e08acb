import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Case-folded value used for comparisons and indexes: SharePoint compares text
 * case-insensitively (ŵ equals Ŵ), and every other value as it is.
 */
export function fold(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/**
 * Sort key for text: letters without their accents first (so â sorts beside a,
 * as SharePoint's collation does), then the folded text to break ties.
 */
export function sortKey(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return `${lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')}\u0001${lower}`;
}

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS principals (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS group_members (group_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
CREATE TABLE IF NOT EXISTS lists (id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fields (list_id INTEGER NOT NULL, internal_name TEXT NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (list_id, internal_name));
CREATE TABLE IF NOT EXISTS views (id TEXT PRIMARY KEY, list_id INTEGER NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_id INTEGER NOT NULL, PRIMARY KEY (scope, principal_id, role_id));
CREATE TABLE IF NOT EXISTS unique_items (list_id INTEGER NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (list_id, item_id));
CREATE TABLE IF NOT EXISTS items (
  list_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  ui_version INTEGER NOT NULL,
  data BLOB NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  author_id INTEGER NOT NULL,
  editor_id INTEGER NOT NULL,
  guid TEXT NOT NULL,
  PRIMARY KEY (list_id, id)
);
CREATE TABLE IF NOT EXISTS item_versions (
  list_id INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  ui_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  modified TEXT NOT NULL,
  editor_id INTEGER NOT NULL,
  PRIMARY KEY (list_id, item_id, ui_version)
);
`;

/** Opens (creating when new) the data file in WAL mode with the server's SQL functions. */
export function openDb(file: string): { db: Db; isNew: boolean } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  db.function('sp_fold', { deterministic: true }, (v: unknown) => fold(v) as string | number | null);
  db.function('sp_sortkey', { deterministic: true }, (v: unknown) => sortKey(v) as string | number | null);
  db.function('sp_instr', { deterministic: true }, (hay: unknown, needle: unknown) =>
    typeof hay === 'string' && typeof needle === 'string' && hay.toLowerCase().includes(needle.toLowerCase()) ? 1 : 0,
  );
  const existing = db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='meta'`).get();
  db.exec(DDL);
  let isNew = existing === undefined;
  if (!isNew) {
    const row = db.prepare(`SELECT value FROM meta WHERE key='initialised'`).get() as { value: string } | undefined;
    isNew = row === undefined;
  }
  return { db, isNew };
}

/** The JSON path of an item property, as the expression indexes are built on it. */
export function jsonPath(prop: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(prop)) throw new Error(`Unsafe property name ${prop}`);
  return `'$."${prop}"'`;
}
