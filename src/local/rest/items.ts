import { CODES, errors, SpError } from './errors';
import type { ApiResponse, Ctx } from './context';
import { Coll, Complex, Entity, EntityList, serializeValue, type MetadataMode, type Value } from './odata-json';
import { listLink } from './entities';
import { FilterSyntaxError, parseFilter, parseOrderBy, type FilterNode } from '../odata/filter';
import { createItem, deleteItem, etagOf, updateItem } from '../store/items';
import { assignmentsRoute, breakInheritance, effectivePermissions, resetInheritance } from './security';
import { ItemQuery, USER_PROJECTION_NAMES, USER_PROJECTIONS, type RawRow } from '../store/query';
import { jsonPath } from '../store/db';
import {
  isLookupLike,
  isUserField,
  itemEntityType,
  restName,
  type FieldRecord,
  type ListRecord,
  type UserRecord,
} from '../store/model';
import { toItemRow, type ItemRow } from '../store/site-store';
import type { Segment } from './path';

const MAX_TOP = 5000;
const DEFAULT_TOP = 100;
const LOOKUP_THRESHOLD = 12;

interface Expansion {
  field: FieldRecord;
  subs: string[];
  /** True when $select names the expansion (or there is no $select). */
  selected: boolean;
}

interface Selection {
  all: boolean;
  props: string[];
  expands: Map<string, Expansion>;
}

function listDataFragment(list: ListRecord): string {
  return `${itemEntityType(list).replace(/^SP\.Data\./, 'SP.ListData.')}s`;
}

function contentTypeId(list: ListRecord): string {
  return `0x0100${list.guid.replace(/-/g, '').toUpperCase()}`;
}

function customFields(fields: readonly FieldRecord[]): FieldRecord[] {
  return fields.filter((f) => !f.fromBaseType);
}

type PropKind = 'plain' | 'strColl' | 'intColl' | 'url';

/** One property of an item as the REST service returns it. */
interface PropPlan {
  readonly name: string;
  readonly kind: PropKind;
  /** Not returned without $select naming it. */
  readonly hidden: boolean;
  readonly get: (row: ItemRow) => unknown;
  /** The same value as an SQL expression over `items i` (JSON-typed where it is JSON). */
  readonly sql: (mode: MetadataMode) => string;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const dataPath = (name: string) => `i.data -> ${jsonPath(name)}`;

function collSql(expr: string, kind: 'strColl' | 'intColl', mode: MetadataMode): string {
  const arr = `coalesce(${expr}, json('[]'))`;
  return mode === 'verbose'
    ? `json_object('__metadata', json_object('type', 'Collection(Edm.${kind === 'strColl' ? 'String' : 'Int32'})'), 'results', ${arr})`
    : arr;
}

const planCache = new WeakMap<readonly FieldRecord[], PropPlan[]>();

/** An item's properties in SharePoint's order (what a GET without $select returns, plus the hidden ones). */
function propertyPlan(list: ListRecord, fields: readonly FieldRecord[]): PropPlan[] {
  const cached = planCache.get(fields);
  if (cached) return cached;
  const p = (
    name: string,
    get: (row: ItemRow) => unknown,
    sql: string | ((mode: MetadataMode) => string),
    kind: PropKind = 'plain',
    hidden = false,
  ): PropPlan => ({ name, kind, hidden, get, sql: typeof sql === 'string' ? () => sql : sql });
  const ct = contentTypeId(list);
  const plan: PropPlan[] = [
    p('FileSystemObjectType', () => 0, '0'),
    p('Id', (r) => r.id, 'i.id'),
    p('ServerRedirectedEmbedUri', () => null, 'NULL'),
    p('ServerRedirectedEmbedUrl', () => '', "''"),
    p('ContentTypeId', () => ct, sqlString(ct)),
    p('Title', (r) => r.data.Title ?? null, dataPath('Title')),
    p('ComplianceAssetId', () => null, 'NULL'),
  ];
  for (const f of customFields(fields)) {
    const name = restName(f);
    const get = (r: ItemRow) => r.data[name];
    const path = dataPath(name);
    switch (f.typeAsString) {
      case 'MultiChoice':
        plan.push(p(name, get, (m) => collSql(path, 'strColl', m), 'strColl'));
        break;
      case 'LookupMulti':
        plan.push(p(name, get, (m) => collSql(path, 'intColl', m), 'intColl'));
        break;
      case 'UserMulti':
        plan.push(p(name, get, (m) => collSql(path, 'intColl', m), 'intColl'));
        plan.push(
          p(
            `${f.internalName}StringId`,
            (r) => (Array.isArray(r.data[name]) ? (r.data[name] as number[]).map(String) : []),
            (m) =>
              collSql(
                `(SELECT json_group_array(CAST(je.value AS TEXT)) FROM json_each(i.data, ${jsonPath(name)}) je)`,
                'strColl',
                m,
              ),
            'strColl',
          ),
        );
        break;
      case 'User':
        plan.push(p(name, get, path));
        plan.push(
          p(
            `${f.internalName}StringId`,
            (r) => (typeof r.data[name] === 'number' ? String(r.data[name]) : null),
            `CAST(i.data ->> ${jsonPath(name)} AS TEXT)`,
          ),
        );
        break;
      case 'URL':
        plan.push(
          p(
            name,
            get,
            (m) =>
              m === 'verbose'
                ? `CASE WHEN json_type(i.data, ${jsonPath(name)}) = 'object' THEN json_object('__metadata', json_object('type', 'SP.FieldUrlValue'), 'Description', ${path} ->> '$.Description', 'Url', ${path} ->> '$.Url') END`
                : path,
            'url',
          ),
        );
        break;
      default:
        plan.push(p(name, get, path));
    }
  }
  plan.push(
    p('ID', (r) => r.id, 'i.id'),
    p('Modified', (r) => r.modified, 'i.modified'),
    p('Created', (r) => r.created, 'i.created'),
    p('AuthorId', (r) => r.authorId, 'i.author_id'),
    p('AuthorStringId', (r) => String(r.authorId), 'CAST(i.author_id AS TEXT)', 'plain', true),
    p('EditorId', (r) => r.editorId, 'i.editor_id'),
    p('EditorStringId', (r) => String(r.editorId), 'CAST(i.editor_id AS TEXT)', 'plain', true),
    p('OData__UIVersionString', (r) => `${r.uiVersion}.0`, "i.ui_version || '.0'"),
    p('Attachments', () => false, "json('false')"),
    p('GUID', (r) => r.guid, 'i.guid'),
  );
  planCache.set(fields, plan);
  return plan;
}

function encode(kind: PropKind, v: unknown, mode: MetadataMode): string {
  switch (kind) {
    case 'strColl':
    case 'intColl': {
      const arr = JSON.stringify(Array.isArray(v) ? v : []);
      return mode === 'verbose'
        ? `{"__metadata":{"type":"Collection(Edm.${kind === 'strColl' ? 'String' : 'Int32'})"},"results":${arr}}`
        : arr;
    }
    case 'url': {
      if (v === null || v === undefined) return 'null';
      const u = v as { Description: string; Url: string };
      const body = `"Description":${JSON.stringify(u.Description)},"Url":${JSON.stringify(u.Url)}`;
      return mode === 'verbose' ? `{"__metadata":{"type":"SP.FieldUrlValue"},${body}}` : `{${body}}`;
    }
    default:
      return JSON.stringify(v ?? null);
  }
}

function expandable(fields: readonly FieldRecord[], name: string): FieldRecord | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.internalName.toLowerCase() === lower && isLookupLike(f));
}

function defaultSubs(f: FieldRecord): string[] {
  return isUserField(f) ? ['Id', 'Title', 'EMail'] : ['Id', f.lookupField ?? 'Title'];
}

function parseSelection(ctx: Ctx, list: ListRecord): Selection {
  const fields = ctx.store.fields(list);
  const expands = new Map<string, Expansion>();
  for (const raw of (ctx.option('$expand') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    // `$expand=Author/Title` (the form of some of Microsoft's own examples) expands Author:
    // the path names a projected column, which must exist, and $select still chooses the columns.
    const [head, sub, ...more] = raw.split('/');
    const f = head === undefined || more.length > 0 ? undefined : expandable(fields, head);
    if (!f) throw errors.fieldOrPropertyMissing(raw);
    if (sub !== undefined) canonicalSub(ctx, f, sub, raw);
    if (!expands.has(f.internalName.toLowerCase()))
      expands.set(f.internalName.toLowerCase(), { field: f, subs: [], selected: false });
  }
  const selectText = ctx.option('$select');
  const terms = (selectText ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const all = terms.length === 0 || terms.includes('*');
  const props: string[] = [];
  const names = propertyPlan(list, fields).map((pp) => pp.name);
  for (const term of terms) {
    if (term === '*') continue;
    const [head, sub, ...more] = term.split('/');
    if (more.length > 0 || head === undefined) throw errors.fieldOrPropertyMissing(term);
    const lookup = expandable(fields, head);
    if (sub !== undefined || (lookup && !names.some((n) => n.toLowerCase() === head.toLowerCase()))) {
      if (!lookup) throw errors.fieldOrPropertyMissing(term);
      const ex = expands.get(lookup.internalName.toLowerCase());
      if (!ex)
        throw new SpError(
          400,
          CODES.argument,
          `The query to field '${lookup.internalName}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${lookup.internalName}.`,
        );
      ex.selected = true;
      if (sub !== undefined) ex.subs.push(canonicalSub(ctx, lookup, sub, term));
      continue;
    }
    const exact = names.find((n) => n === head) ?? names.find((n) => n.toLowerCase() === head.toLowerCase());
    if (!exact) throw errors.fieldOrPropertyMissing(term);
    if (!props.includes(exact)) props.push(exact);
  }
  for (const ex of expands.values()) {
    if (all) ex.selected = true;
    if (ex.subs.length === 0) ex.subs = defaultSubs(ex.field);
  }
  return { all, props, expands };
}

function canonicalSub(ctx: Ctx, f: FieldRecord, sub: string, term: string): string {
  const lower = sub.toLowerCase();
  if (isUserField(f)) {
    const name = USER_PROJECTION_NAMES[lower];
    if (!name) throw errors.fieldOrPropertyMissing(term);
    return lower === 'id' && sub === 'ID' ? 'ID' : name;
  }
  // `ID` and `Id` are both properties of the target item (the field and the entity key):
  // the answer keeps the one selected.
  if (lower === 'id') return sub === 'ID' ? 'ID' : 'Id';
  const target = f.lookupListId ? ctx.store.listByGuid(f.lookupListId) : undefined;
  if (!target) throw errors.fieldOrPropertyMissing(term);
  const tf = ctx.store.fields(target).find((x) => x.internalName.toLowerCase() === lower);
  if (!tf || isLookupLike(tf) || ['Note', 'MultiChoice', 'URL', 'Computed'].includes(tf.typeAsString))
    throw errors.fieldOrPropertyMissing(term);
  return tf.internalName;
}

function checkLookupThreshold(ctx: Ctx, list: ListRecord, sel: Selection): void {
  const fields = ctx.store.fields(list).filter(isLookupLike);
  const used = new Set<string>();
  if (sel.all) fields.forEach((f) => used.add(f.internalName));
  for (const p of sel.props) {
    const f = fields.find((x) => restName(x) === p || `${x.internalName}StringId` === p);
    if (f) used.add(f.internalName);
  }
  for (const ex of sel.expands.values()) used.add(ex.field.internalName);
  if (used.size > LOOKUP_THRESHOLD) throw errors.lookupThreshold();
}

/** Resolves expanded lookups for a page of items with one query per expanded column. */
class Expander {
  private readonly targets = new Map<string, Map<number, ItemRow>>();
  private users: Map<number, UserRecord | { kind: 'group'; Id: number; Title: string }> | undefined;

  constructor(
    private readonly ctx: Ctx,
    sel: Selection,
    rows: readonly ItemRow[],
  ) {
    for (const ex of sel.expands.values()) {
      if (!ex.selected || isUserField(ex.field)) continue;
      const target = ex.field.lookupListId ? ctx.store.listByGuid(ex.field.lookupListId) : undefined;
      if (!target) continue;
      const ids: number[] = [];
      for (const r of rows) {
        const v = r.data[restName(ex.field)];
        if (typeof v === 'number') ids.push(v);
        else if (Array.isArray(v)) ids.push(...(v as number[]));
      }
      this.targets.set(ex.field.internalName, ctx.store.itemsByIds(target.id, ids));
    }
  }

  private principal(id: number): UserRecord | { kind: 'group'; Id: number; Title: string } | undefined {
    if (!this.users) {
      this.users = new Map();
      for (const p of this.ctx.store.principals())
        this.users.set(p.Id, p.kind === 'user' ? p : { kind: 'group', Id: p.Id, Title: p.Title });
    }
    return this.users.get(id);
  }

  private userEntity(id: number, subs: readonly string[]): Entity | null {
    const p = this.principal(id);
    if (!p) return null;
    const props: Record<string, Value> = {};
    for (const s of subs) {
      const key = USER_PROJECTIONS[s.toLowerCase()] ?? s;
      if (p.kind === 'group') props[s] = key === 'Id' ? p.Id : key === 'Title' ? p.Title : null;
      else if (key === 'FirstName') props[s] = p.Title.split(' ')[0] ?? '';
      else if (key === 'LastName') props[s] = p.Title.split(' ').slice(1).join(' ');
      else if (key === 'Office') props[s] = null;
      else props[s] = (p as unknown as Record<string, Value>)[key] ?? null;
    }
    const uri = `${this.ctx.apiUrl}/Web/SiteUserInfoList/Items(${id})`;
    return new Entity('SP.Data.UserInfoItem', uri, uri, props);
  }

  private lookupEntity(field: FieldRecord, id: number, subs: readonly string[]): Entity | null {
    const row = this.targets.get(field.internalName)?.get(id);
    const target = field.lookupListId ? this.ctx.store.listByGuid(field.lookupListId) : undefined;
    if (!row || !target) return null;
    const props: Record<string, Value> = {};
    for (const s of subs) props[s] = s === 'Id' || s === 'ID' ? row.id : ((row.data[s] as Value | undefined) ?? null);
    const uri = `${this.ctx.apiUrl}/${listLink(target)}/Items(${row.id})`;
    return new Entity(itemEntityType(target), row.guid, uri, props);
  }

  value(ex: Expansion, row: ItemRow): Value {
    const f = ex.field;
    let raw: unknown;
    if (f.internalName === 'Author') raw = row.authorId;
    else if (f.internalName === 'Editor') raw = row.editorId;
    else raw = row.data[restName(f)];
    const one = (id: number) => (isUserField(f) ? this.userEntity(id, ex.subs) : this.lookupEntity(f, id, ex.subs));
    if (f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti') {
      const ids = Array.isArray(raw) ? (raw as number[]) : [];
      return new EntityList(ids.map(one).filter((e): e is Entity => e !== null));
    }
    return typeof raw === 'number' ? one(raw) : null;
  }
}

/** Writes items as JSON text in the request's metadata mode, straight from the rows (the hot path of paging). */
class ItemWriter {
  private readonly plan: PropPlan[];
  private readonly type: string;

  constructor(
    private readonly ctx: Ctx,
    private readonly list: ListRecord,
    private readonly sel: Selection,
    private readonly expander: Expander,
  ) {
    const full = propertyPlan(list, ctx.store.fields(list));
    this.plan = sel.all
      ? full.filter((pp) => !pp.hidden)
      : sel.props.map((name) => full.find((pp) => pp.name === name)).filter((pp): pp is PropPlan => pp !== undefined);
    this.type = itemEntityType(list);
  }

  uri(row: ItemRow): string {
    return `${this.ctx.apiUrl}/${listLink(this.list)}/Items(${row.id})`;
  }

  /** The per-item metadata members (odata.* or __metadata). */
  private prefix(row: { id: number; version: number; guid: string }): string | undefined {
    const mode = this.ctx.mode;
    const link = `${listLink(this.list)}/Items(${row.id})`;
    const etag = JSON.stringify(etagOf(row));
    if (mode === 'minimal')
      return `"odata.type":"${this.type}","odata.id":"${row.guid}","odata.etag":${etag},"odata.editLink":${JSON.stringify(link)}`;
    if (mode === 'verbose')
      return `"__metadata":{"id":"${row.guid}","uri":${JSON.stringify(`${this.ctx.apiUrl}/${link}`)},"etag":${etag},"type":"${this.type}"}`;
    return undefined;
  }

  /** True when SQLite can build the items' JSON (no $expand). */
  get fast(): boolean {
    return ![...this.sel.expands.values()].some((ex) => ex.selected);
  }

  /**
   * The SQL that builds the selected properties as JSON objects, in chunks
   * (SQLite limits a function's arguments).
   */
  sqlColumns(): string[] {
    const chunks: string[] = [];
    for (let n = 0; n < this.plan.length; n += 40) {
      const args = this.plan.slice(n, n + 40).map((pp) => `'${pp.name}', ${pp.sql(this.ctx.mode)}`);
      chunks.push(`json_object(${args.join(', ')})`);
    }
    return chunks;
  }

  /** An item from a row of sqlColumns(). */
  fromSql(row: RawRow, chunks: number): string {
    const parts: string[] = [];
    const prefix = this.prefix(row);
    if (prefix) parts.push(prefix);
    for (let n = 0; n < chunks; n += 1) {
      const text = row[`c${n}`] as string;
      if (text.length > 2) parts.push(text.slice(1, -1));
    }
    return `{${parts.join(',')}}`;
  }

  /** The item's members, without the surrounding braces. */
  members(row: ItemRow): string {
    const mode = this.ctx.mode;
    const parts: string[] = [];
    const prefix = this.prefix(row);
    if (prefix) parts.push(prefix);
    for (const pp of this.plan) parts.push(`${JSON.stringify(pp.name)}:${encode(pp.kind, pp.get(row), mode)}`);
    for (const ex of this.sel.expands.values()) {
      if (ex.selected)
        parts.push(
          `${JSON.stringify(ex.field.internalName)}:${JSON.stringify(serializeValue(this.expander.value(ex, row), mode))}`,
        );
    }
    return parts.join(',');
  }

  single(row: ItemRow, status = 200, headers: Record<string, string> = {}): ApiResponse {
    const body = this.members(row);
    const text =
      this.ctx.mode === 'verbose'
        ? `{"d":{${body}}}`
        : this.ctx.mode === 'none'
          ? `{${body}}`
          : `{"odata.metadata":${JSON.stringify(this.ctx.metadataUrl(`${listDataFragment(this.list)}/@Element`))},${body}}`;
    return this.ctx.raw(status, text, { ETag: etagOf(row), ...headers });
  }

  /** A collection response from items already written as JSON text. */
  collection(items: string, next: string | undefined): ApiResponse {
    const mode = this.ctx.mode;
    let text: string;
    if (mode === 'verbose') text = `{"d":{"results":[${items}]${next ? `,"__next":${JSON.stringify(next)}` : ''}}}`;
    else {
      const meta =
        mode === 'minimal'
          ? `"odata.metadata":${JSON.stringify(this.ctx.metadataUrl(listDataFragment(this.list)))},`
          : '';
      text = `{${meta}"value":[${items}]${next ? `,"odata.nextLink":${JSON.stringify(next)}` : ''}}`;
    }
    return this.ctx.raw(200, text);
  }
}

function parseTop(ctx: Ctx, list: ListRecord): number {
  const raw = ctx.option('$top');
  if (raw === undefined) return DEFAULT_TOP;
  if (!/^\d+$/.test(raw.trim())) throw errors.invalidExpression(raw);
  const top = Number(raw);
  // An Int32, as SharePoint parses it: a larger number is a bad request, not a server error.
  if (!Number.isSafeInteger(top) || top > 2_147_483_647) throw errors.invalidExpression(raw);
  if (top > MAX_TOP && list.itemCount > ctx.settings.threshold) throw errors.throttled();
  return top;
}

function parseSkipToken(ctx: Ctx): URLSearchParams | undefined {
  const raw = ctx.option('$skiptoken');
  if (raw === undefined || raw === '') return undefined;
  const p = new URLSearchParams(raw);
  if ((p.get('Paged') ?? '').toUpperCase() !== 'TRUE') throw errors.invalidExpression(raw);
  if ((p.get('PagedPrev') ?? '').toUpperCase() === 'TRUE')
    throw errors.notSupported('Paging backwards (PagedPrev=TRUE)');
  if (!/^\d+$/.test(p.get('p_ID') ?? '')) throw errors.invalidExpression(raw);
  return p;
}

function nextLink(ctx: Ctx, token: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of ctx.query) if (k.toLowerCase() !== '$skiptoken') params.append(k, v);
  params.set('$skiptoken', token);
  return `${ctx.req.url.origin}${ctx.req.url.pathname}?${params.toString().replace(/\+/g, '%20')}`;
}

/** GET …/items: $filter, $orderby, $top, $select, $expand, $skiptoken, with the view threshold. */
export function queryItems(ctx: Ctx, list: ListRecord): ApiResponse {
  ctx.require(list, 1);
  const filterText = ctx.option('$filter');
  let filter: FilterNode | undefined;
  let orderBy: { field: string; desc: boolean }[] = [];
  try {
    if (filterText !== undefined && filterText.trim() !== '') filter = parseFilter(filterText);
    const orderText = ctx.option('$orderby');
    if (orderText) orderBy = parseOrderBy(orderText);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw errors.invalidExpression(e.expression);
    throw e;
  }
  const top = parseTop(ctx, list);
  const after = parseSkipToken(ctx);
  const sel = parseSelection(ctx, list);
  checkLookupThreshold(ctx, list, sel);
  const q = new ItemQuery(ctx.store, list, new Set(sel.expands.keys()));
  q.checkThreshold(filter, orderBy, ctx.settings.threshold, filterText ?? '');
  const probe = new ItemWriter(ctx, list, sel, new Expander(ctx, sel, []));
  const columns = probe.fast ? probe.sqlColumns() : [];
  const { rows: all, keys } = q.run({
    filter,
    filterText: filterText ?? '',
    orderBy,
    top,
    after,
    columns,
    withData: !probe.fast,
  });
  // Security trimming: items whose own permissions give the user nothing are left out.
  const hidden = ctx.store.hiddenItems(ctx.user, list);
  const rows = hidden.size === 0 ? all : all.filter((r) => !hidden.has(r.id));
  const page = rows.slice(0, top);
  const last = page[page.length - 1];
  const next = rows.length > top && last ? nextLink(ctx, ItemQuery.skipToken(last, keys)) : undefined;
  if (probe.fast) return probe.collection(page.map((r) => probe.fromSql(r, columns.length)).join(','), next);
  const items = page.map(toItemRow);
  const writer = new ItemWriter(ctx, list, sel, new Expander(ctx, sel, items));
  return writer.collection(items.map((r) => `{${writer.members(r)}}`).join(','), next);
}

function writeContext(ctx: Ctx, list: ListRecord) {
  return { store: ctx.store, list, user: ctx.user, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

export function createItemResponse(ctx: Ctx, list: ListRecord): ApiResponse {
  ctx.require(list, 2);
  const row = createItem(writeContext(ctx, list), ctx.body());
  const sel: Selection = { all: true, props: [], expands: new Map() };
  const writer = new ItemWriter(ctx, list, sel, new Expander(ctx, sel, []));
  return writer.single(row, 201, { Location: writer.uri(row) });
}

function versionEntity(
  ctx: Ctx,
  list: ListRecord,
  itemId: number,
  v: { uiVersion: number; data: Record<string, unknown>; modified: string; editorId: number },
  current: boolean,
): Entity {
  const users = new Map(ctx.store.users().map((u) => [u.Id, u]));
  const person = (id: number): Value => {
    const u = users.get(id);
    return new Complex('SP.FieldUserValue', { LookupId: id, LookupValue: u?.Title ?? '', Email: u?.Email ?? '' });
  };
  const props: Record<string, Value> = {
    Created: v.modified,
    IsCurrentVersion: current,
    VersionId: v.uiVersion * 512,
    VersionLabel: `${v.uiVersion}.0`,
    ID: itemId,
    Title: (v.data.Title as string | null | undefined) ?? null,
    Modified: v.modified,
    Editor: person(v.editorId),
  };
  for (const f of customFields(ctx.store.fields(list))) {
    const raw = v.data[restName(f)];
    const key = f.internalName.startsWith('_') ? `OData_${f.internalName}` : f.internalName;
    switch (f.typeAsString) {
      case 'User':
        props[key] = typeof raw === 'number' ? person(raw) : null;
        break;
      case 'UserMulti':
      case 'LookupMulti':
        props[key] = new Coll('Collection(Edm.Int32)', Array.isArray(raw) ? (raw as number[]) : []);
        break;
      case 'MultiChoice':
        props[key] = new Coll('Collection(Edm.String)', Array.isArray(raw) ? (raw as string[]) : []);
        break;
      case 'Lookup':
        props[key] =
          typeof raw === 'number' ? new Complex('SP.FieldLookupValue', { LookupId: raw, LookupValue: '' }) : null;
        break;
      case 'URL': {
        const u = raw as { Description: string; Url: string } | null | undefined;
        props[key] = u ? new Complex('SP.FieldUrlValue', { Description: u.Description, Url: u.Url }) : null;
        break;
      }
      default:
        props[key] = raw === undefined ? null : (raw as Value);
    }
  }
  const link = `${listLink(list)}/Items(${itemId})/Versions(${v.uiVersion * 512})`;
  return new Entity('SP.ListItemVersion', `${ctx.apiUrl}/${link}`, `${ctx.apiUrl}/${link}`, props, link);
}

/** …/items(n) and what hangs under it. */
export function itemRoute(ctx: Ctx, list: ListRecord, id: number, rest: readonly Segment[]): ApiResponse {
  const [next, after] = rest;
  if (!next) {
    switch (ctx.method) {
      case 'GET': {
        ctx.requireItem(list, id, 1);
        const row = ctx.store.getItem(list, id);
        if (!row) throw errors.itemNotFound();
        const sel = parseSelection(ctx, list);
        checkLookupThreshold(ctx, list, sel);
        return new ItemWriter(ctx, list, sel, new Expander(ctx, sel, [row])).single(row);
      }
      case 'MERGE':
      case 'PATCH':
      case 'PUT': {
        ctx.requireItem(list, id, 2);
        const row = updateItem(
          writeContext(ctx, list),
          id,
          ctx.body(),
          ctx.req.headers['if-match'],
          ctx.method === 'PUT',
        );
        return ctx.noContent({ ETag: etagOf(row) });
      }
      case 'DELETE':
        ctx.requireItem(list, id, 2);
        deleteItem(writeContext(ctx, list), id, ctx.req.headers['if-match']);
        return ctx.empty();
      default:
        throw errors.methodNotAllowed(ctx.method);
    }
  }
  switch (next.lower) {
    case 'versions': {
      ctx.requireItem(list, id, 1);
      const row = ctx.store.getItem(list, id);
      if (!row) throw errors.itemNotFound();
      const versions = [
        { uiVersion: row.uiVersion, data: row.data, modified: row.modified, editorId: row.editorId },
        ...ctx.store.history(list, id),
      ];
      const entities = versions.map((v, n) => versionEntity(ctx, list, id, v, n === 0));
      const wanted = next.args?.[0]?.value ?? (after?.lower === 'getbyid' ? after.args?.[0]?.value : undefined);
      if (wanted !== undefined) {
        const e = entities.find((x) => x.props.VersionId === Number(wanted));
        if (!e) throw new SpError(404, CODES.argument, 'Version does not exist.');
        return ctx.entity(e, 'SP.ListItemVersions');
      }
      if (ctx.method !== 'GET') throw errors.methodNotAllowed(ctx.method);
      return ctx.collection(entities, 'SP.ListItemVersions');
    }
    case 'recycle': {
      // A method with an effect: POST only, as SharePoint has it (a GET must never delete).
      if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
      ctx.requireItem(list, id, 2);
      const row = ctx.store.getItem(list, id);
      if (!row) throw errors.itemNotFound();
      deleteItem(writeContext(ctx, list), id, '*');
      return ctx.property('Recycle', row.guid, 'Edm.Guid');
    }
    case 'attachmentfiles':
      // Attachments are not stored here: the (always empty) collection can be read, and anything
      // else (add, a file by name, its $value, delete) is an endpoint this server lacks, never a
      // 200 that quietly drops what was sent.
      if (ctx.method !== 'GET' || rest.length > 1 || next.args) throw errors.endpointNotImplemented();
      ctx.requireItem(list, id, 1);
      return ctx.collection([], 'SP.ApiData.Attachments');
    case 'roleassignments':
      ctx.requireItem(list, id, 1);
      return assignmentsRoute(ctx, list, rest.slice(1), next, id);
    case 'breakroleinheritance':
      ctx.requireItem(list, id, 1);
      return breakInheritance(ctx, list, next, id);
    case 'resetroleinheritance':
      ctx.requireItem(list, id, 1);
      return resetInheritance(ctx, list, id);
    case 'hasuniqueroleassignments':
      ctx.requireItem(list, id, 1);
      return ctx.property('HasUniqueRoleAssignments', ctx.store.itemHasUniqueRoles(list, id), 'Edm.Boolean');
    case 'effectivebasepermissions':
    case 'getusereffectivepermissions':
      ctx.requireItem(list, id, 1);
      return effectivePermissions(ctx, list, next, id);
    default:
      throw errors.endpointNotImplemented();
  }
}
