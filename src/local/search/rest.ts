/**
 * `/_api/search/query` (GET) and `/_api/search/postquery` (POST), as
 * Microsoft's "SharePoint Search REST API overview" documents them: the same
 * parameters as URL options (`querytext='…'`, `selectproperties='A,B'`,
 * `rowlimit=n`, `startrow=n`, `sortlist='Rank:descending'`…) or in a JSON body
 * `{"request":{"Querytext":…,"SelectProperties":[…] or {"results":[…]},…}}`,
 * answered with a SearchResult whose rows are at
 * `PrimaryQueryResult.RelevantResults.Table.Rows`, each row's `Cells` a list of
 * `{Key, Value, ValueType}` (values as text), with `RowCount` and `TotalRows`,
 * in nometadata, minimalmetadata or verbose JSON.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx, ApiResponse } from '../rest/context';
import { CODES, errors, SpError } from '../rest/errors';
import type { Segment } from '../rest/path';
import { restName, type FieldRecord, type ListRecord } from '../store/model';
import type { ItemRow } from '../store/site-store';
import { CONTENT_CLASS, itemPath, runSearch, type Hit, type SearchRequest } from './execute';
import { KqlSyntaxError, KqlUnsupportedError, parseKql } from './kql';
import { rowidOf } from './index';

/** SharePoint's default RowLimit, and the most SharePoint Online returns in one answer. */
export const DEFAULT_ROW_LIMIT = 10;
export const MAX_ROW_LIMIT = 500;

const MALFORMED_CODE = '-1, Microsoft.Office.Server.Search.Query.QueryMalformedException';

export function malformed(): SpError {
  return new SpError(400, MALFORMED_CODE, 'Your query is malformed. Please rephrase your query.');
}

function badParameter(name: string): SpError {
  return new SpError(400, CODES.invalidClientQuery, `The query string '${name}' is missing or invalid.`);
}

interface Params {
  readonly querytext: string;
  readonly selectProperties: readonly string[];
  readonly rowLimit: number;
  readonly startRow: number;
  readonly sort: SearchRequest['sort'];
}

/** A GET option's string value: SharePoint wants it quoted ('…', '' for a quote). */
function quotedOption(ctx: Ctx, name: string): string | undefined {
  const raw = ctx.option(name);
  if (raw === undefined) return undefined;
  const m = /^'((?:[^']|'')*)'$/s.exec(raw.trim());
  if (!m) throw badParameter(name);
  return (m[1] ?? '').replace(/''/g, "'");
}

function wholeNumber(name: string, raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined || !/^\d+$/.test(text) || Number(text) > 2_147_483_647) throw badParameter(name);
  return Number(text);
}

function sortOf(entries: readonly { property: string; descending: boolean }[]): SearchRequest['sort'] {
  if (entries.length === 0) return 'rank';
  if (entries.length > 1) throw unsortable(entries.map((e) => e.property).join(','));
  const [{ property, descending }] = entries as [{ property: string; descending: boolean }];
  const p = property.toLowerCase();
  if (p === 'rank') {
    if (!descending) throw unsortable('Rank ascending');
    return 'rank';
  }
  if (p === 'docid' || p === '[docid]') return descending ? 'docIdDesc' : 'docIdAsc';
  throw unsortable(property);
}

function unsortable(property: string): SpError {
  return new SpError(
    400,
    CODES.invalidClientQuery,
    `Sorting by '${property}' is not supported by the local list server (Rank descending or DocId only).`,
  );
}

function fromGet(ctx: Ctx): Params {
  const querytext = quotedOption(ctx, 'querytext');
  if (querytext === undefined) throw badParameter('querytext');
  const select = quotedOption(ctx, 'selectproperties');
  const sortText = quotedOption(ctx, 'sortlist');
  const sort = (sortText ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const [property = '', direction = 'ascending'] = s.split(':');
      if (!/^(ascending|descending)$/i.test(direction)) throw badParameter('sortlist');
      return { property, descending: /^descending$/i.test(direction) };
    });
  return {
    querytext,
    selectProperties: (select ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    rowLimit: wholeNumber('rowlimit', ctx.option('rowlimit')) ?? DEFAULT_ROW_LIMIT,
    startRow: wholeNumber('startrow', ctx.option('startrow')) ?? 0,
    sort: sortOf(sort),
  };
}

/** A collection in a POST body: a plain array, or verbose `{results:[…]}`. */
function collection(name: string, raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'object' && Array.isArray((raw as { results?: unknown }).results))
    return (raw as { results: unknown[] }).results;
  throw new SpError(
    400,
    CODES.invalidClientQuery,
    `An unexpected 'PrimitiveValue' node was found when reading ${name}. A 'StartArray' node was expected.`,
  );
}

function fromPost(ctx: Ctx): Params {
  const body = ctx.body();
  const request = body['request'];
  if (request === null || typeof request !== 'object' || Array.isArray(request))
    throw new SpError(400, CODES.invalidClientQuery, "The parameter 'request' is missing from the request body.");
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request as Record<string, unknown>)) r[k.toLowerCase()] = v;
  const querytext = r['querytext'];
  if (typeof querytext !== 'string') throw badParameter('Querytext');
  const select = collection('SelectProperties', r['selectproperties']).map((p) => {
    if (typeof p !== 'string') throw badParameter('SelectProperties');
    return p.trim();
  });
  const sort = collection('SortList', r['sortlist']).map((s) => {
    const o = (s ?? {}) as Record<string, unknown>;
    const property = o['Property'] ?? o['property'];
    const direction = Number(o['Direction'] ?? o['direction'] ?? 0);
    if (typeof property !== 'string' || (direction !== 0 && direction !== 1)) throw badParameter('SortList');
    // SortDirection: 0 Ascending, 1 Descending.
    return { property, descending: direction === 1 };
  });
  return {
    querytext,
    selectProperties: select.filter((s) => s !== ''),
    rowLimit: wholeNumber('RowLimit', r['rowlimit']) ?? DEFAULT_ROW_LIMIT,
    startRow: wholeNumber('StartRow', r['startrow']) ?? 0,
    sort: sortOf(sort),
  };
}

type Cell = { Key: string; Value: string | null; ValueType: string };

const DEFAULT_PROPERTIES = [
  'Rank',
  'DocId',
  'WorkId',
  'Title',
  'Author',
  'Path',
  'Write',
  'Created',
  'ContentClass',
  'ListId',
  'ListItemID',
  'SPWebUrl',
  'OriginalPath',
];

/** The four-letter codes of automatically created managed properties (<Name>OWS<code>), by column type. */
const OWS_CODES: Readonly<Record<string, string>> = {
  TEXT: 'Text',
  MTXT: 'Note',
  CHCS: 'Choice',
  CHCM: 'MultiChoice',
  NMBR: 'Number',
  CURR: 'Currency',
  DATE: 'DateTime',
  BOOL: 'Boolean',
};

const dateCell = (iso: string): string => iso.replace(/Z$/, '.0000000Z');

function cellsOf(ctx: Ctx, hit: Hit, row: ItemRow, names: readonly string[]): Cell[] {
  const { list } = hit;
  const fields = ctx.store.fields(list);
  const path = itemPath(ctx.siteUrl, list, row.id);
  const author = ctx.store.user(row.authorId);
  const one = (name: string): Cell => {
    const s = (Value: string | null, ValueType = 'Edm.String'): Cell => ({ Key: name, Value, ValueType });
    switch (name.toLowerCase()) {
      case 'rank':
        return s(String(hit.rank), 'Edm.Double');
      case 'docid':
      case 'workid':
        return s(String(rowidOf(list.id, row.id)), 'Edm.Int64');
      case 'title':
        return s(typeof row.data['Title'] === 'string' ? row.data['Title'] : null);
      case 'author':
        return s(author?.Title ?? null);
      case 'path':
      case 'originalpath':
        return s(path);
      case 'write':
      case 'lastmodifiedtime':
        return s(dateCell(row.modified), 'Edm.DateTime');
      case 'created':
        return s(dateCell(row.created), 'Edm.DateTime');
      case 'contentclass':
        return s(CONTENT_CLASS);
      case 'listid':
        return s(list.guid.toLowerCase());
      case 'listitemid':
        return s(String(row.id));
      case 'spweburl':
      case 'spsiteurl':
        return s(ctx.siteUrl);
      case 'contenttypeid':
        return s(typeof row.data['ContentTypeId'] === 'string' ? row.data['ContentTypeId'] : null);
      default:
        return owsCell(name, fields, row) ?? { Key: name, Value: null, ValueType: 'Null' };
    }
  };
  return names.map(one);
}

/** `<InternalName>OWS<code>`: the automatically created managed property of a column, as text. */
function owsCell(name: string, fields: readonly FieldRecord[], row: ItemRow): Cell | undefined {
  const m = /^([A-Za-z0-9_]+)OWS([A-Z]{4})$/.exec(name);
  if (!m) return undefined;
  const type = OWS_CODES[m[2] as string];
  const f = fields.find((x) => x.internalName === m[1] && x.typeAsString === type);
  if (!f) return undefined;
  const v = row.data[restName(f)];
  let text: string | null;
  if (v === null || v === undefined) text = null;
  else if (Array.isArray(v)) text = v.length ? v.map(String).join('\n\n') : null;
  else if (typeof v === 'boolean') text = v ? '1' : '0';
  else if (typeof v === 'string' || typeof v === 'number') text = String(v);
  else text = null;
  return { Key: name, Value: text, ValueType: 'Edm.String' };
}

function properties(ctx: Ctx, p: Params, rowCount: number): Cell[] {
  return [
    { Key: 'RowCount', Value: String(rowCount), ValueType: 'Edm.Int32' },
    { Key: 'SourceId', Value: '8413cd39-2156-4e00-b54d-11efd9abdb89', ValueType: 'Edm.Guid' },
    { Key: 'QueryModification', Value: p.querytext, ValueType: 'Edm.String' },
    { Key: 'WebUrl', Value: ctx.siteUrl, ValueType: 'Edm.String' },
  ];
}

/** The answer in the request's metadata mode; `entry` names the verbose wrapper (query / postquery). */
function answer(
  ctx: Ctx,
  entry: 'query' | 'postquery',
  p: Params,
  rows: Cell[][],
  total: number,
  ms: number,
): ApiResponse {
  const verbose = ctx.mode === 'verbose';
  const meta = (type: string) => (verbose ? { __metadata: { type } } : {});
  const coll = <T>(items: T[], type: string) =>
    verbose ? { __metadata: { type: `Collection(${type})` }, results: items } : items;
  const kv = (c: Cell) => (verbose ? { __metadata: { type: 'SP.KeyValue' }, ...c } : c);
  const relevant = {
    ...meta('Microsoft.Office.Server.Search.REST.RelevantResults'),
    GroupTemplateId: null,
    ItemTemplateId: null,
    Properties: coll(properties(ctx, p, rows.length).map(kv), 'SP.KeyValue'),
    ResultTitle: null,
    ResultTitleUrl: null,
    RowCount: rows.length,
    Table: {
      ...meta('SP.SimpleDataTable'),
      Rows: coll(
        rows.map((cells) => ({ ...meta('SP.SimpleDataRow'), Cells: coll(cells.map(kv), 'SP.KeyValue') })),
        'SP.SimpleDataRow',
      ),
    },
    TotalRows: total,
    TotalRowsIncludingDuplicates: total,
  };
  const result = {
    ...meta('Microsoft.Office.Server.Search.REST.SearchResult'),
    ElapsedTime: ms,
    PrimaryQueryResult: {
      ...meta('Microsoft.Office.Server.Search.Query.QueryResult'),
      CustomResults: coll([], 'Microsoft.Office.Server.Search.REST.CustomResult'),
      QueryId: randomUUID(),
      QueryRuleId: '00000000-0000-0000-0000-000000000000',
      RefinementResults: null,
      RelevantResults: relevant,
      SpecialTermResults: null,
    },
    Properties: coll([], 'SP.KeyValue'),
    SecondaryQueryResults: coll([], 'Microsoft.Office.Server.Search.REST.QueryResult'),
    SpellingSuggestion: '',
    TriggeredRules: coll([], 'Edm.Guid'),
  };
  if (verbose) return ctx.json(200, { d: { [entry]: result } });
  if (ctx.mode === 'none') return ctx.json(200, result);
  return ctx.json(200, {
    'odata.metadata': ctx.metadataUrl('Microsoft.Office.Server.Search.REST.SearchResult'),
    ...result,
  });
}

/** `_api/search/<rest>`. */
export function searchRoute(ctx: Ctx, rest: readonly Segment[]): ApiResponse {
  const [op, ...after] = rest;
  if (!op || after.length > 0) throw errors.endpointNotImplemented();
  let p: Params;
  let entry: 'query' | 'postquery';
  if (op.lower === 'query') {
    if (ctx.method !== 'GET') throw errors.methodNotAllowed(ctx.method);
    if (op.args && op.args.length > 0) throw errors.endpointNotImplemented();
    p = fromGet(ctx);
    entry = 'query';
  } else if (op.lower === 'postquery') {
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    p = fromPost(ctx);
    entry = 'postquery';
  } else throw errors.endpointNotImplemented();

  const started = process.hrtime.bigint();
  let query;
  try {
    query = parseKql(p.querytext);
  } catch (e) {
    if (e instanceof KqlSyntaxError) throw malformed();
    if (e instanceof KqlUnsupportedError) throw errors.notSupported(`${e.message} in a search query`);
    throw e;
  }
  let outcome;
  try {
    outcome = runSearch(ctx.store, ctx.user, ctx.siteUrl, {
      query,
      startRow: p.startRow,
      rowLimit: Math.min(MAX_ROW_LIMIT, p.rowLimit),
      sort: p.sort,
    });
  } catch (e) {
    if (e instanceof KqlUnsupportedError) throw errors.notSupported(`${e.message} in a search query`);
    // FTS5 refusing the expression (it should not: every value is quoted).
    if (e instanceof Error && /fts5/i.test(e.message)) throw malformed();
    throw e;
  }
  const names = p.selectProperties.length
    ? ['Rank', 'DocId', ...p.selectProperties.filter((n) => !/^(rank|docid)$/i.test(n))]
    : DEFAULT_PROPERTIES;
  const byList = new Map<number, { list: ListRecord; ids: number[] }>();
  for (const h of outcome.hits) {
    const g = byList.get(h.list.id) ?? { list: h.list, ids: [] };
    g.ids.push(h.itemId);
    byList.set(h.list.id, g);
  }
  const rowsById = new Map<string, ItemRow>();
  for (const { list, ids } of byList.values())
    for (const [id, row] of ctx.store.itemsByIds(list.id, ids)) rowsById.set(`${list.id}:${id}`, row);
  const rows: Cell[][] = [];
  for (const h of outcome.hits) {
    const row = rowsById.get(`${h.list.id}:${h.itemId}`);
    if (row) rows.push(cellsOf(ctx, h, row, names));
  }
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  return answer(ctx, entry, p, rows, outcome.totalRows, ms);
}
