import { randomUUID } from 'node:crypto';
import { errors, SpError, CODES } from '../rest/errors';
import { fold } from './db';
import { jsonPath } from './db';
import {
  edmType,
  isMulti,
  itemEntityType,
  restName,
  type FieldRecord,
  type ListRecord,
  type UserRecord,
} from './model';
import type { ItemRow, SiteStore } from './site-store';

export interface WriteContext {
  readonly store: SiteStore;
  readonly list: ListRecord;
  readonly user: UserRecord;
  readonly now: string;
}

/** Item properties a client may not write. */
const READ_ONLY = new Set([
  'Id',
  'ID',
  'Created',
  'Modified',
  'AuthorId',
  'EditorId',
  'AuthorStringId',
  'EditorStringId',
  'GUID',
  'Attachments',
  'OData__UIVersionString',
  'FileSystemObjectType',
  'ServerRedirectedEmbedUri',
  'ServerRedirectedEmbedUrl',
  'ComplianceAssetId',
  'ContentTypeId',
]);

export function etagOf(row: { version: number }): string {
  return `"${row.version}"`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO date or date-time as SharePoint stores it: UTC, whole seconds,
 * `2026-03-31T00:00:00Z`. A date without a time is midnight UTC; a time
 * without a zone is taken as UTC. Undefined when the text is not a real date.
 */
export function normaliseDateTime(text: string): string | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  const time = m[4] !== undefined ? `${m[4]}:${m[5]}:${m[6] ?? '00'}` : '00:00:00';
  let zone = m[7] ?? 'Z';
  if (zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${time}${zone}`);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function multiValues(raw: unknown, f: FieldRecord): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (raw !== null && typeof raw === 'object' && Array.isArray((raw as { results?: unknown }).results)) {
    return (raw as { results: unknown[] }).results;
  }
  throw errors.wrongType(edmType(f));
}

function validation(message: string): SpError {
  return errors.validation(message);
}

/** SharePoint's limit for a multiple lines of text column (plain or rich text). */
export const MAX_NOTE_LENGTH = 63_999;

/** Converts a value a client sent into what the server stores, or throws SharePoint's 400. */
export function convertValue(store: SiteStore, f: FieldRecord, raw: unknown, stringId = false): unknown {
  if (raw === undefined || raw === null) return isMulti(f) ? [] : null;
  switch (f.typeAsString) {
    case 'Text':
    case 'Note': {
      if (typeof raw !== 'string') throw errors.wrongType('Edm.String');
      const v = raw.normalize('NFC');
      if (v === '') return null;
      if (f.typeAsString === 'Text' && v.length > Math.min(f.maxLength ?? 255, 255))
        throw validation(
          `The value of the field '${f.title}' (${f.internalName}) is longer than its maximum length of ${Math.min(f.maxLength ?? 255, 255)} characters.`,
        );
      if (f.typeAsString === 'Note' && v.length > MAX_NOTE_LENGTH)
        throw validation(
          `The value of the field '${f.title}' (${f.internalName}) is longer than ${MAX_NOTE_LENGTH} characters, the most a multiple lines of text column holds.`,
        );
      return v;
    }
    case 'Choice': {
      if (typeof raw !== 'string') throw errors.wrongType('Edm.String');
      if (raw === '') return null;
      if (!f.fillInChoice && f.choices && !f.choices.includes(raw))
        throw validation(`The value '${raw}' is not one of the choices of the field '${f.title}' (${f.internalName}).`);
      return raw;
    }
    case 'MultiChoice': {
      const values = multiValues(raw, f);
      for (const v of values) {
        if (typeof v !== 'string') throw errors.wrongType('Edm.String');
        if (!f.fillInChoice && f.choices && !f.choices.includes(v))
          throw validation(`The value '${v}' is not one of the choices of the field '${f.title}' (${f.internalName}).`);
      }
      return [...new Set(values as string[])];
    }
    case 'Number':
    case 'Currency':
    case 'Integer': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw errors.wrongType('Edm.Double');
      if ((f.min !== undefined && raw < f.min) || (f.max !== undefined && raw > f.max))
        throw validation(
          `The value of the field '${f.title}' (${f.internalName}) must be between ${f.min ?? '-∞'} and ${f.max ?? '∞'}.`,
        );
      return raw;
    }
    case 'Boolean':
      if (typeof raw !== 'boolean') throw errors.wrongType('Edm.Boolean');
      return raw;
    case 'DateTime': {
      if (typeof raw !== 'string') throw errors.wrongType('Edm.DateTime');
      if (raw === '') return null;
      const v = normaliseDateTime(raw);
      if (!v) throw errors.wrongType('Edm.DateTime');
      return v;
    }
    case 'URL': {
      if (typeof raw !== 'object' || Array.isArray(raw)) throw errors.wrongType('SP.FieldUrlValue');
      const o = raw as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (!['Url', 'Description', '__metadata'].includes(k)) throw errors.unknownProperty(k, 'SP.FieldUrlValue');
      }
      if (
        typeof o.Url !== 'string' ||
        (o.Description !== undefined && o.Description !== null && typeof o.Description !== 'string')
      )
        throw errors.wrongType('Edm.String');
      if (o.Url.length > 255) throw validation(`The URL of the field '${f.title}' is longer than 255 characters.`);
      return { Description: typeof o.Description === 'string' ? o.Description : o.Url, Url: o.Url };
    }
    case 'Lookup':
    case 'User': {
      const id = stringId && typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof id !== 'number' || !Number.isInteger(id)) throw errors.wrongType('Edm.Int32');
      checkReference(store, f, id);
      return id;
    }
    case 'LookupMulti':
    case 'UserMulti': {
      const values = multiValues(raw, f).map((v) =>
        stringId && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
      );
      for (const v of values) {
        if (typeof v !== 'number' || !Number.isInteger(v)) throw errors.wrongType('Edm.Int32');
        checkReference(store, f, v);
      }
      return [...new Set(values as number[])];
    }
    default:
      throw errors.unknownProperty(f.internalName, 'SP.ListItem');
  }
}

function checkReference(store: SiteStore, f: FieldRecord, id: number): void {
  if (f.typeAsString === 'User' || f.typeAsString === 'UserMulti') {
    const p = store.principal(id);
    if (!p || (p.kind === 'group' && f.selectionMode !== 1)) throw errors.userNotUnique();
    return;
  }
  const target = f.lookupListId ? store.listByGuid(f.lookupListId) : undefined;
  if (!target || !store.itemExists(target.id, id))
    throw new SpError(
      400,
      CODES.fieldValidation,
      `Invalid lookup value: item ${id} does not exist in the list the field '${f.title}' (${f.internalName}) looks up.`,
    );
}

function defaultValue(f: FieldRecord, now: string): unknown {
  const d = f.defaultValue;
  if (d === undefined || d === null || d === '') return undefined;
  switch (f.typeAsString) {
    case 'Boolean':
      return d === '1' || d.toLowerCase() === 'true';
    case 'Number':
    case 'Currency':
      return Number(d);
    case 'DateTime':
      return d.toLowerCase() === '[today]' ? `${now.slice(0, 10)}T00:00:00Z` : normaliseDateTime(d);
    case 'MultiChoice':
      return d.split(';#').filter((x) => x !== '');
    case 'Text':
    case 'Note':
    case 'Choice':
      return d;
    default:
      return undefined;
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Fields a client may write, by REST property name. */
function writable(store: SiteStore, list: ListRecord): Map<string, { field: FieldRecord; stringId: boolean }> {
  const map = new Map<string, { field: FieldRecord; stringId: boolean }>();
  for (const f of store.fields(list)) {
    if (f.readOnly || f.typeAsString === 'Computed') continue;
    map.set(restName(f), { field: f, stringId: false });
    if (f.typeAsString === 'User' || f.typeAsString === 'UserMulti') {
      map.set(`${f.internalName}StringId`, { field: f, stringId: true });
    }
  }
  return map;
}

/** Validates a create or update body into stored values (by REST name); nothing is written. */
function parseBody(ctx: WriteContext, body: unknown): Map<FieldRecord, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw errors.invalidJson();
  const type = itemEntityType(ctx.list);
  const fields = writable(ctx.store, ctx.list);
  const out = new Map<FieldRecord, unknown>();
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    if (key === '__metadata') {
      const t = (raw as { type?: unknown } | null)?.type;
      if (t !== undefined && t !== type)
        throw new SpError(
          400,
          CODES.invalidClientQuery,
          `A type named '${typeof t === 'string' ? t : JSON.stringify(t)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
        );
      continue;
    }
    if (key.startsWith('odata.')) {
      if (key === 'odata.type' && raw !== type)
        throw new SpError(
          400,
          CODES.invalidClientQuery,
          `A type named '${typeof raw === 'string' ? raw : JSON.stringify(raw)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
        );
      continue;
    }
    if (READ_ONLY.has(key))
      throw new SpError(400, CODES.invalidClientQuery, `The property '${key}' is read-only and cannot be set.`);
    const entry = fields.get(key);
    if (!entry) throw errors.unknownProperty(key, type);
    out.set(entry.field, convertValue(ctx.store, entry.field, raw, entry.stringId));
  }
  return out;
}

function checkUnique(ctx: WriteContext, values: Map<FieldRecord, unknown>, selfId: number): void {
  for (const [f, v] of values) {
    if (!f.unique || isEmpty(v)) continue;
    const hit = ctx.store
      .prepare(
        `SELECT id FROM items WHERE list_id = ${ctx.list.id} AND sp_fold(json_extract(data, ${jsonPath(restName(f))})) = ? AND id <> ? LIMIT 1`,
      )
      .get(fold(v), selfId);
    if (hit !== undefined) throw errors.duplicate();
  }
}

function checkRequired(values: Map<FieldRecord, unknown>, fields: readonly FieldRecord[], all: boolean): void {
  for (const f of fields) {
    if (!f.required || f.readOnly) continue;
    if (!all && !values.has(f)) continue;
    if (isEmpty(values.get(f)))
      throw validation(
        `The field '${f.title}' (${f.internalName}) is required: you must specify a value for this required field.`,
      );
  }
}

/** Creates an item; returns the stored row. Runs inside a transaction. */
export function createItem(ctx: WriteContext, body: unknown): ItemRow {
  return ctx.store.transaction(() => {
    const list = ctx.store.listById(ctx.list.id) ?? ctx.list;
    const values = parseBody(ctx, body);
    const fields = ctx.store.fields(list);
    for (const f of fields) {
      if (values.has(f) || f.readOnly || f.typeAsString === 'Computed') continue;
      const d = defaultValue(f, ctx.now);
      if (d !== undefined) values.set(f, d);
    }
    checkRequired(values, fields, true);
    checkUnique(ctx, values, 0);
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.readOnly || f.typeAsString === 'Computed') continue;
      data[restName(f)] = values.has(f) ? values.get(f) : isMulti(f) ? [] : null;
    }
    const row: ItemRow = {
      id: list.nextItemId,
      version: 1,
      uiVersion: 1,
      data,
      created: ctx.now,
      modified: ctx.now,
      authorId: ctx.user.Id,
      editorId: ctx.user.Id,
      guid: randomUUID(),
    };
    ctx.store.insertItem(list, row);
    ctx.store.saveList({
      ...list,
      nextItemId: list.nextItemId + 1,
      itemCount: list.itemCount + 1,
      lastItemModified: ctx.now,
    });
    return row;
  });
}

function checkEtag(row: ItemRow, ifMatch: string | undefined): void {
  if (ifMatch === undefined) throw errors.ifMatchRequired();
  const wanted = ifMatch.trim();
  if (wanted === '*') return;
  const bare = wanted.replace(/^W\//, '').replace(/"/g, '');
  const current = String(row.version);
  if (bare !== current && bare.split(',')[0] !== current) throw errors.etagMismatch(wanted, etagOf(row));
}

/** Updates an item (MERGE, or PUT when `replace`); the If-Match header must match its ETag. */
export function updateItem(
  ctx: WriteContext,
  id: number,
  body: unknown,
  ifMatch: string | undefined,
  replace = false,
): ItemRow {
  return ctx.store.transaction(() => {
    const list = ctx.store.listById(ctx.list.id) ?? ctx.list;
    const row = ctx.store.getItem(list, id);
    if (!row) throw errors.itemNotFound();
    checkEtag(row, ifMatch);
    const values = parseBody(ctx, body);
    const fields = ctx.store.fields(list);
    if (replace) {
      for (const f of fields) {
        if (!values.has(f) && !f.readOnly && f.typeAsString !== 'Computed') values.set(f, isMulti(f) ? [] : null);
      }
    }
    checkRequired(values, fields, false);
    checkUnique(ctx, values, id);
    const data = { ...row.data };
    for (const [f, v] of values) data[restName(f)] = v;
    const next: ItemRow = {
      ...row,
      data,
      version: row.version + 1,
      uiVersion: list.enableVersioning ? row.uiVersion + 1 : row.uiVersion,
      modified: ctx.now,
      editorId: ctx.user.Id,
    };
    if (list.enableVersioning) ctx.store.saveVersion(list, row);
    ctx.store.updateItemRow(list, next);
    ctx.store.saveList({ ...list, lastItemModified: ctx.now });
    return next;
  });
}

/** Deletes an item; the If-Match header must match its ETag. */
export function deleteItem(ctx: WriteContext, id: number, ifMatch: string | undefined): void {
  ctx.store.transaction(() => {
    const list = ctx.store.listById(ctx.list.id) ?? ctx.list;
    const row = ctx.store.getItem(list, id);
    if (!row) throw errors.itemNotFound();
    checkEtag(row, ifMatch);
    ctx.store.deleteItemRow(list, id);
    ctx.store.saveList({ ...list, itemCount: list.itemCount - 1, lastItemDeleted: ctx.now });
  });
}
