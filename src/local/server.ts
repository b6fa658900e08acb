import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListApi } from './rest/api';
import { baseHeaders } from './rest/context';
import { errorBody, metadataMode, contentType } from './rest/odata-json';
import { CODES } from './rest/errors';
import { SiteStore, nowIso } from './store/site-store';
import { provisionSchema, seedSite, syncUsers } from './store/provision';
import { generateDemoData, loadDemoData, prng } from './demo';
import { DEFAULT_USER_KEY, DEMO_USERS, findDemoUser } from './users';
import type { UserRecord } from './store/model';

export interface ListServerOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Path of the SQLite file (created if new); ':memory:' allowed for tests. */
  dataFile: string;
  /** List view threshold, default 5000. */
  threshold?: number;
  /** 0..1 share of requests answered 429/503 with Retry-After. */
  faultRate?: number;
  /** Retry-After value of injected faults, in seconds (default 1; tests may use 0). */
  retryAfterSeconds?: number;
  /** Load demo data when the file is new (default true); size = number of collaborations for big benchmark registers. */
  demo?: boolean | { size?: number; seed?: number };
  /** Start with a site but NO lists (to test provisioning from scratch). */
  empty?: boolean;
  /** Login (or demo key) of the user when a request has no Authorization header (default the governance officer). */
  defaultUser?: string;
  /** Default '/sites/council'. */
  sitePath?: string;
  /**
   * Make each $batch changeset all-or-nothing. SharePoint Online does NOT do
   * this (its changesets are not transactional); default false, as SharePoint.
   */
  atomicChangesets?: boolean;
  /** The day demo data is generated for (ISO date); default today. */
  today?: string;
}

export interface RunningListServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** url + sitePath */
  siteUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface ListApiHandler {
  /** false = not a list API path (nor /_dev/faults). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): void;
}

interface FaultState {
  rate: number;
  retryAfterSeconds: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(status === 204 ? undefined : body);
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function openStore(options: ListServerOptions, defaultUserId: number): SiteStore {
  const store = SiteStore.open(options.dataFile);
  if (!store.isNew) {
    store.transaction(() => syncUsers(store));
    return store;
  }
  const now = nowIso();
  store.transaction(() => {
    seedSite(store, now);
    if (!options.empty) provisionSchema(store, defaultUserId);
  });
  const demo = options.demo ?? true;
  if (!options.empty && demo !== false) {
    const today = options.today ?? now.slice(0, 10);
    const settings = demo === true ? {} : demo;
    const data = generateDemoData(today, settings);
    const governance = DEMO_USERS.find((u) => u.key === DEFAULT_USER_KEY)?.Id ?? defaultUserId;
    loadDemoData(store, data, governance, now);
  }
  store.transaction(() => store.setMeta('initialised', now));
  return store;
}

/** The list API as a request handler, for the single-port `npm start` server to mount. */
export function createListApi(options: ListServerOptions): Promise<ListApiHandler> {
  const sitePath = (options.sitePath ?? '/sites/council').replace(/\/+$/, '');
  const defaultDemo = findDemoUser(options.defaultUser ?? DEFAULT_USER_KEY);
  if (!defaultDemo) return Promise.reject(new Error(`Unknown default user '${options.defaultUser ?? ''}'`));
  const store = openStore(options, defaultDemo.Id);
  const api = new ListApi(store, {
    threshold: options.threshold ?? 5000,
    sitePath,
    atomicChangesets: options.atomicChangesets ?? false,
  });
  const faults: FaultState = { rate: options.faultRate ?? 0, retryAfterSeconds: options.retryAfterSeconds ?? 1 };
  const rand = prng(20_141_001);
  const apiPrefix = `${sitePath.toLowerCase()}/_api`;

  const userFor = (authorization: string | undefined): UserRecord | undefined => {
    let demoUser = defaultDemo;
    if (authorization !== undefined) {
      const m = /^Bearer\s+dev:(.+)$/i.exec(authorization.trim());
      const found = m?.[1] ? findDemoUser(decodeURIComponent(m[1])) : undefined;
      if (!found) return undefined;
      demoUser = found;
    }
    return store.user(demoUser.Id);
  };

  const dev = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const json = (status: number, body: unknown) =>
      send(res, status, { 'Content-Type': 'application/json;charset=utf-8' }, JSON.stringify(body));
    if (path === '/_dev/faults') {
      if (req.method === 'POST') {
        let body: { rate?: unknown; retryAfterSeconds?: unknown };
        try {
          body = JSON.parse((await readBody(req)) || '{}') as typeof body;
        } catch {
          json(400, { error: 'Body must be JSON such as {"rate":0.2}' });
          return true;
        }
        if (body.rate !== undefined) {
          if (typeof body.rate !== 'number' || body.rate < 0 || body.rate > 1) {
            json(400, { error: 'rate must be a number from 0 to 1' });
            return true;
          }
          faults.rate = body.rate;
        }
        if (body.retryAfterSeconds !== undefined) {
          if (typeof body.retryAfterSeconds !== 'number' || body.retryAfterSeconds < 0) {
            json(400, { error: 'retryAfterSeconds must be a number of seconds, 0 or more' });
            return true;
          }
          faults.retryAfterSeconds = body.retryAfterSeconds;
        }
      }
      json(200, faults);
      return true;
    }
    if (path === '/_dev/users') {
      json(
        200,
        DEMO_USERS.map((u) => ({
          key: u.key,
          Id: u.Id,
          Title: u.Title,
          Email: u.Email,
          LoginName: u.LoginName,
          roles: u.roles,
        })),
      );
      return true;
    }
    return false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/_dev/')) return dev(req, res, path);
    if (path.startsWith(`${sitePath.toLowerCase()}/_dev/`)) return dev(req, res, path.slice(sitePath.length));
    if (path !== apiPrefix && !path.startsWith(`${apiPrefix}/`)) return false;
    const headers = lowerHeaders(req);
    const mode = metadataMode(headers.accept);
    const body = await readBody(req);
    // Injected faults come first, so a faulted write changes nothing.
    if (faults.rate > 0 && rand() < faults.rate) {
      const status = rand() < 0.5 ? 429 : 503;
      send(
        res,
        status,
        { ...baseHeaders(), 'Content-Type': contentType(mode), 'Retry-After': String(faults.retryAfterSeconds) },
        JSON.stringify(
          errorBody(
            CODES.clientService,
            `${status === 429 ? 'Too many requests' : 'Service unavailable'}: fault injected by the local list server (rate ${faults.rate}). Retry after ${faults.retryAfterSeconds} second(s).`,
            mode,
          ),
        ),
      );
      return true;
    }
    if (req.method === 'OPTIONS') {
      send(
        res,
        200,
        { ...baseHeaders(), Allow: 'GET, POST, MERGE, PATCH, PUT, DELETE, OPTIONS', 'Content-Length': '0' },
        '',
      );
      return true;
    }
    const user = userFor(headers.authorization);
    if (!user) {
      send(
        res,
        401,
        {
          ...baseHeaders(),
          'Content-Type': 'application/json;charset=utf-8',
          'WWW-Authenticate': 'Bearer realm="glanyrafon.example", client_id="00000003-0000-0ff1-ce00-000000000000"',
        },
        JSON.stringify({
          error_description: `Invalid token. The local list server accepts 'Authorization: Bearer dev:<key or e-mail>' of a demo user (${DEMO_USERS.map((u) => u.key).join(', ')}).`,
        }),
      );
      return true;
    }
    const override = headers['x-http-method'];
    const method = (req.method === 'POST' && override ? override : (req.method ?? 'GET')).toUpperCase();
    const r = api.handle({ method, url, headers, body }, user);
    send(res, r.status, r.headers, r.body);
    return true;
  };

  return Promise.resolve({
    handle: async (req, res) => {
      try {
        return await handle(req, res);
      } catch (e) {
        if (!res.headersSent) {
          send(
            res,
            500,
            { 'Content-Type': 'application/json;charset=utf-8' },
            JSON.stringify(errorBody('-1, System.Exception', e instanceof Error ? e.message : String(e), 'minimal')),
          );
        }
        return true;
      }
    },
    close: () => store.close(),
  });
}

/** Starts the embedded list server on 127.0.0.1 only. */
export async function startListServer(options: ListServerOptions): Promise<RunningListServer> {
  const api = await createListApi(options);
  const server = createServer((req, res) => {
    void api.handle(req, res).then((handled) => {
      if (!handled) {
        send(
          res,
          404,
          { 'Content-Type': 'application/json;charset=utf-8' },
          JSON.stringify(errorBody(CODES.invalidClientQuery, `Nothing is served at ${req.url ?? ''}.`, 'minimal')),
        );
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const sitePath = (options.sitePath ?? '/sites/council').replace(/\/+$/, '');
  let closed = false;
  return {
    url,
    siteUrl: `${url}${sitePath}`,
    port,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      api.close();
    },
  };
}
