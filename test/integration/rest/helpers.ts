/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment -- response bodies are untyped JSON; tests read them property by property */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startListServer, type ListServerOptions, type RunningListServer } from '../../../src/local/server';

/** Raw REST against the embedded list server, with plain fetch (no PnPjs). */
export const ACCEPT = {
  minimal: 'application/json;odata=minimalmetadata',
  none: 'application/json;odata=nometadata',
  verbose: 'application/json;odata=verbose',
  json: 'application/json',
} as const;

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body (undefined when the body is not JSON). */
  json: T;
}

export interface RequestOptions {
  method?: string;
  /** Sends POST with X-HTTP-Method: <xMethod>, as PnPjs does. */
  xMethod?: 'MERGE' | 'PATCH' | 'DELETE' | 'PUT';
  accept?: string;
  /**
   * Demo user key (governance, officer, panel...) for Authorization: Bearer dev:<key>, as the
   * tab sends it. Default: the governance officer. `null`: no Authorization header (401).
   */
  user?: string | null;
  ifMatch?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Whom a request of these tests runs as unless it says otherwise (the site's administrator). */
export const DEFAULT_TEST_USER = 'governance';

export class Api {
  constructor(readonly server: RunningListServer) {}

  get siteUrl(): string {
    return this.server.siteUrl;
  }

  /** `path` is relative to the site (e.g. `/_api/web`) or absolute. */
  async call<T = any>(path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { Accept: options.accept ?? ACCEPT.minimal, ...options.headers };
    const user = options.user === undefined ? DEFAULT_TEST_USER : options.user;
    if (user !== null && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization'))
      headers.Authorization = `Bearer dev:${user}`;
    if (options.ifMatch) headers['IF-Match'] = options.ifMatch;
    if (options.xMethod) headers['X-HTTP-Method'] = options.xMethod;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json;charset=utf-8';
    }
    const method = options.method ?? (options.xMethod || options.body !== undefined ? 'POST' : 'GET');
    const url = path.startsWith('http') ? path : `${this.siteUrl}${path}`;
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  /** The items endpoint of a list, by title. */
  items(title: string, query = ''): string {
    return `/_api/web/lists/getbytitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items${query}`;
  }

  list(title: string): string {
    return `/_api/web/lists/getbytitle('${encodeURIComponent(title.replace(/'/g, "''"))}')`;
  }
}

export async function startApi(options: Partial<ListServerOptions> = {}): Promise<Api> {
  const server = await startListServer({ port: 0, dataFile: ':memory:', today: '2026-11-23', ...options });
  return new Api(server);
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'list-server-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** OData filter string literal: quotes doubled, as SharePoint requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Encodes a query option value (the server decodes it as a URL would). */
export function q(params: Record<string, string>): string {
  return `?${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}
