import { randomUUID } from 'node:crypto';
import type { SiteStore } from '../store/site-store';
import type { ListRecord, UserRecord } from '../store/model';
import { CODES, errors, SpError } from './errors';
import {
  collectionBody,
  contentType,
  Entity,
  errorBody,
  metadataMode,
  propertyBody,
  singleBody,
  type MetadataMode,
  type Value,
} from './odata-json';
import { evaluate, sortBy } from '../odata/evaluate';
import { FilterSyntaxError, parseFilter, parseOrderBy } from '../odata/filter';

/** One REST request as the API sees it (also each part of a $batch). */
export interface ApiRequest {
  /** Effective method: X-HTTP-Method (MERGE, PATCH, PUT, DELETE) wins over POST. */
  readonly method: string;
  readonly url: URL;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface ApiResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

export interface ApiSettings {
  readonly threshold: number;
  readonly sitePath: string;
  readonly atomicChangesets: boolean;
  /** Most characters a $batch's answer may hold; parts past it are answered 400 without running. */
  readonly maxBatchAnswerChars?: number;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  424: 'Failed Dependency',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Unknown';
}

export function baseHeaders(): Record<string, string> {
  const id = randomUUID();
  return {
    'Cache-Control': 'private, max-age=0',
    SPRequestGuid: id,
    'request-id': id,
    'X-SharePointHealthScore': '0',
    DATASERVICEVERSION: '3.0',
    'X-Content-Type-Options': 'nosniff',
  };
}

export function errorResponse(e: SpError, mode: MetadataMode): ApiResponse {
  return {
    status: e.status,
    headers: { ...baseHeaders(), 'Content-Type': contentType(mode), ...e.headers },
    body: JSON.stringify(errorBody(e.code, e.message, mode)),
  };
}

/** The request being served: who asks, in which metadata mode, against which site. */
export class Ctx {
  readonly mode: MetadataMode;
  readonly siteUrl: string;
  readonly apiUrl: string;
  readonly query: URLSearchParams;

  constructor(
    readonly req: ApiRequest,
    readonly user: UserRecord,
    readonly store: SiteStore,
    readonly settings: ApiSettings,
  ) {
    this.mode = metadataMode(req.headers.accept);
    this.siteUrl = `${req.url.origin}${settings.sitePath}`;
    this.apiUrl = `${this.siteUrl}/_api`;
    this.query = req.url.searchParams;
  }

  get method(): string {
    return this.req.method;
  }

  /** A query option by name, case-insensitive ($select, $SELECT...). */
  option(name: string): string | undefined {
    for (const [k, v] of this.query) if (k.toLowerCase() === name) return v;
    return undefined;
  }

  metadataUrl(fragment: string): string {
    return `${this.apiUrl}/$metadata#${fragment}`;
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
    return {
      status,
      headers: { ...baseHeaders(), 'Content-Type': contentType(this.mode), ...headers },
      body: JSON.stringify(body),
    };
  }

  /** A body already serialised as JSON text. */
  raw(status: number, text: string, headers: Record<string, string> = {}): ApiResponse {
    return { status, headers: { ...baseHeaders(), 'Content-Type': contentType(this.mode), ...headers }, body: text };
  }

  entity(e: Entity, fragment: string, status = 200, headers: Record<string, string> = {}): ApiResponse {
    const h = e.etag ? { ETag: e.etag, ...headers } : headers;
    return this.json(status, singleBody(e, this.mode, this.metadataUrl(`${fragment}/@Element`)), h);
  }

  collection(items: readonly Entity[], fragment: string, next?: string): ApiResponse {
    return this.json(200, collectionBody(items, this.mode, this.metadataUrl(fragment), next));
  }

  property(name: string, value: Value, fragment: string): ApiResponse {
    return this.json(200, propertyBody(name, value, this.mode, this.metadataUrl(fragment)));
  }

  noContent(headers: Record<string, string> = {}): ApiResponse {
    return { status: 204, headers: { ...baseHeaders(), ...headers }, body: '' };
  }

  empty(headers: Record<string, string> = {}): ApiResponse {
    return { status: 200, headers: { ...baseHeaders(), 'Content-Length': '0', ...headers }, body: '' };
  }

  /** The JSON body of a write ({} when empty). */
  body(): Record<string, unknown> {
    const text = this.req.body.trim();
    if (text === '') return {};
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw errors.invalidJson();
      return parsed as Record<string, unknown>;
    } catch (e) {
      if (e instanceof SpError) throw e;
      throw errors.invalidJson();
    }
  }

  /** The user's permission rank on the list (or web), or 403 when below `needed`. */
  require(list: ListRecord | undefined, needed: number, itemId?: number): void {
    if (this.store.rankOf(this.user, list, itemId) < needed) throw errors.accessDenied();
  }

  /**
   * For one item: an item whose own permissions give the user nothing is "not found", as
   * SharePoint answers it; otherwise the user needs `needed` on the item.
   */
  requireItem(list: ListRecord, itemId: number, needed: number): void {
    const rank = this.store.rankOf(this.user, list, itemId);
    if (rank < 1 && this.store.itemHasUniqueRoles(list, itemId) && this.store.rankOf(this.user, list) >= 1)
      throw errors.itemNotFound();
    if (rank < needed) throw errors.accessDenied();
  }

  /**
   * A metadata collection with $filter, $orderby, $top and $select applied
   * (lists, fields, views, users, groups...).
   */
  metadataCollection(entities: Entity[], fragment: string): ApiResponse {
    let items = entities;
    const filter = this.option('$filter');
    if (filter) {
      let node;
      try {
        node = parseFilter(filter);
      } catch (e) {
        if (e instanceof FilterSyntaxError) throw errors.invalidExpression(filter);
        throw e;
      }
      items = items.filter((e) => evaluate(node, plain(e)));
    }
    const orderby = this.option('$orderby');
    if (orderby) {
      const order = parseOrderBy(orderby);
      const sorted = sortBy(
        items.map((e) => ({ e, ...plain(e) })),
        order,
      );
      items = sorted.map((s) => s.e);
    }
    const top = this.option('$top');
    if (top !== undefined) {
      const n = Number(top.trim());
      if (!/^\d+$/.test(top.trim()) || n > 2_147_483_647) throw errors.invalidExpression(top);
      items = items.slice(0, n);
    }
    return this.collection(
      items.map((e) => this.selected(e)),
      fragment,
    );
  }

  /** Applies $select to a metadata entity (case-insensitive names; nested `A/B` for expanded entities). */
  selected(e: Entity, extras: Record<string, Value> = {}): Entity {
    const select = this.option('$select');
    if (!select || select.trim() === '*') return e;
    const props: Record<string, Value> = {};
    const all: Record<string, Value> = { ...e.props, ...extras };
    for (const raw of select
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')) {
      const [head, ...rest] = raw.split('/');
      const key = Object.keys(all).find((k) => k.toLowerCase() === (head ?? '').toLowerCase());
      if (key === undefined) throw errors.fieldOrPropertyMissing(raw);
      const value = all[key] ?? null;
      if (rest.length > 0 && value instanceof Entity) {
        const expand = (this.option('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
        if (!expand.includes(key.toLowerCase()))
          throw new SpError(
            400,
            CODES.argument,
            `The query to field '${raw}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${key}.`,
          );
        const sub = Object.keys(value.props).find((k) => k.toLowerCase() === rest.join('/').toLowerCase());
        if (sub === undefined) throw errors.fieldOrPropertyMissing(raw);
        const prev = props[key];
        const merged: Record<string, Value> = prev instanceof Entity ? { ...prev.props } : {};
        merged[sub] = value.props[sub] ?? null;
        props[key] = new Entity(value.type, value.id, value.uri, merged, value.editLink);
      } else props[key] = value;
    }
    return new Entity(e.type, e.id, e.uri, props, e.editLink, e.etag);
  }
}

/** An entity's props as a plain object, for $filter and $orderby on metadata. */
export function plain(e: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.props)) out[k] = v instanceof Entity ? plain(v) : v;
  return out;
}
