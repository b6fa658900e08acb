import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListApi } from './rest/api';
import { baseHeaders } from './rest/context';
import { errorBody, metadataMode, contentType, type MetadataMode } from './rest/odata-json';
import { CODES } from './rest/errors';
import { SiteStore, nowIso } from './store/site-store';
import { provisionSchema, seedPanels, seedSite, syncUsers } from './store/provision';
import { seededRandom as prng } from '../lib/random';
import { generateDemoData, loadDemoData } from './demo';
import { DEMO_USERS, findDemoUser, PROVISIONER_KEY, type DemoUser } from './users';
import { SearchIndex } from './search/index';
import {
  BoundaryError,
  checkHostAndOrigin,
  checkJsonDepth,
  discardBody,
  isJsonContentType,
  MAX_BODY_BYTES,
  multipartBoundary,
  readBody,
} from './boundary';

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
  /** Default '/sites/council'. */
  sitePath?: string;
  /**
   * Make each $batch changeset all-or-nothing. SharePoint Online does NOT do
   * this (its changesets are not transactional); default false, as SharePoint.
   */
  atomicChangesets?: boolean;
  /** The day demo data is generated for (ISO date); default today. */
  today?: string;
  /** Most characters a $batch's answer may hold (default MAX_BATCH_ANSWER_CHARS, about 100 MB); tests lower it. */
  maxBatchAnswerChars?: number;
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

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(status === 204 ? undefined : body);
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function openStore(options: ListServerOptions): SiteStore {
  const store = SiteStore.open(options.dataFile);
  // Before any item is written, so the demo data is indexed as it is loaded.
  SearchIndex.attach(store);
  if (!store.isNew) {
    store.transaction(() => syncUsers(store));
    return store;
  }
  // The site's owner and the demo data's author are the governance officer, always:
  // whom the tab opens as (`--user`) never decides who owns anything.
  const provisioner = findDemoUser(PROVISIONER_KEY);
  if (!provisioner) throw new Error(`No demo user '${PROVISIONER_KEY}'`);
  const now = nowIso();
  store.transaction(() => {
    seedSite(store, now);
    if (!options.empty) provisionSchema(store);
  });
  const demo = options.demo ?? true;
  if (!options.empty && demo !== false) {
    const today = options.today ?? now.slice(0, 10);
    const settings = demo === true ? {} : demo;
    const data = generateDemoData(today, settings);
    loadDemoData(store, data, provisioner.Id, now);
    seedPanels(
      store,
      (data.channelMappings ?? []).filter((m) => m.MappingKind === 'Panel').map((m) => String(m.MappingKey)),
    );
  }
  store.transaction(() => store.setMeta('initialised', now));
  return store;
}

const JSON_TYPE = 'application/json;charset=utf-8';

/**
 * An answer given before the body is used: what is left of the body is dropped unread
 * (up to the limit) so the client's connection stays usable; past the limit it closes.
 */
async function sendEarly(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): Promise<void> {
  const drained = status === 413 ? false : await discardBody(req);
  send(res, status, drained ? headers : { ...headers, Connection: 'close' }, body);
}

function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  e: BoundaryError,
  mode: MetadataMode,
  extra: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string> = { ...baseHeaders(), 'Content-Type': contentType(mode), ...extra };
  return sendEarly(req, res, e.status, headers, JSON.stringify(errorBody(e.code, e.message, mode)));
}

function unsupportedType(type: string | undefined, wanted: string): BoundaryError {
  return new BoundaryError(
    400,
    CODES.invalidClientQuery,
    `The Content-Type '${type ?? ''}' is not supported here. The request must be sent as ${wanted}.`,
  );
}

/** Who a token names: `Bearer dev:<key or e-mail>` of a demo user, or undefined. */
export function tokenUser(authorization: string | undefined): DemoUser | undefined {
  if (authorization === undefined) return undefined;
  const m = /^Bearer\s+dev:(\S.{0,253})$/i.exec(authorization.trim());
  if (!m?.[1]) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
  return findDemoUser(key);
}

/** The list API as a request handler, for the single-port `npm start` server to mount. */
export function createListApi(options: ListServerOptions): Promise<ListApiHandler> {
  const sitePath = (options.sitePath ?? '/sites/council').replace(/\/+$/, '');
  let store: SiteStore;
  try {
    store = openStore(options);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  const api = new ListApi(store, {
    threshold: options.threshold ?? 5000,
    sitePath,
    atomicChangesets: options.atomicChangesets ?? false,
    ...(options.maxBatchAnswerChars !== undefined ? { maxBatchAnswerChars: options.maxBatchAnswerChars } : {}),
  });
  const faults: FaultState = { rate: options.faultRate ?? 0, retryAfterSeconds: options.retryAfterSeconds ?? 1 };
  const rand = prng(20_141_001);
  const apiPrefix = `${sitePath.toLowerCase()}/_api`;

  const dev = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const json = (status: number, body: unknown) =>
      send(res, status, { 'Content-Type': JSON_TYPE }, JSON.stringify(body));
    if (path === '/_dev/faults') {
      if (req.method === 'POST') {
        if (!isJsonContentType(req.headers['content-type']))
          throw unsupportedType(req.headers['content-type'], 'application/json');
        let body: { rate?: unknown; retryAfterSeconds?: unknown };
        try {
          const text = await readBody(req);
          checkJsonDepth(text);
          body = JSON.parse(text || '{}') as typeof body;
        } catch (e) {
          if (e instanceof BoundaryError) throw e;
          json(400, { error: 'Body must be JSON such as {"rate":0.2}' });
          return true;
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          json(400, { error: 'Body must be JSON such as {"rate":0.2}' });
          return true;
        }
        if (body.rate !== undefined) {
          if (typeof body.rate !== 'number' || body.rate < 0 || body.rate > 1) {
            json(400, { error: 'rate must be a number from 0 to 1' });
            return true;
          }
        }
        if (body.retryAfterSeconds !== undefined) {
          if (
            typeof body.retryAfterSeconds !== 'number' ||
            body.retryAfterSeconds < 0 ||
            body.retryAfterSeconds > 3600
          ) {
            json(400, { error: 'retryAfterSeconds must be a number of seconds from 0 to 3600' });
            return true;
          }
        }
        // Both checked before either is applied: a refused body changes nothing.
        if (typeof body.rate === 'number') faults.rate = body.rate;
        if (typeof body.retryAfterSeconds === 'number') faults.retryAfterSeconds = body.retryAfterSeconds;
      } else if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, { 'Content-Type': JSON_TYPE, Allow: 'GET, POST' }, JSON.stringify({ error: 'GET or POST' }));
        return true;
      }
      json(200, faults);
      return true;
    }
    if (path === '/_dev/users') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, { 'Content-Type': JSON_TYPE, Allow: 'GET' }, JSON.stringify({ error: 'GET only' }));
        return true;
      }
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
    const raw = req.url ?? '/';
    let path: string;
    try {
      path = new URL(`http://127.0.0.1${raw.startsWith('/') ? raw : `/${raw}`}`).pathname.toLowerCase();
    } catch {
      return false;
    }
    const isDev = path.startsWith('/_dev/') || path.startsWith(`${sitePath.toLowerCase()}/_dev/`);
    const isApi = path === apiPrefix || path.startsWith(`${apiPrefix}/`);
    if (!isDev && !isApi) return false;
    const headers = lowerHeaders(req);
    const mode = metadataMode(headers.accept);
    try {
      // Host and Origin first: a rebound host name or another origin's page reaches nothing.
      checkHostAndOrigin(req);
      if (isDev) {
        if (path.startsWith('/_dev/')) return await dev(req, res, path);
        if (await dev(req, res, path.slice(sitePath.length))) return true;
        return false;
      }
      // The Host was checked above: this URL names this server.
      const ownUrl = new URL(`http://${headers.host ?? '127.0.0.1'}${raw.startsWith('/') ? raw : `/${raw}`}`);
      // Injected faults come first, so a faulted write changes nothing.
      if (faults.rate > 0 && rand() < faults.rate) {
        const status = rand() < 0.5 ? 429 : 503;
        await sendEarly(
          req,
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
      // The user comes from the token only, as in SharePoint: none, or one that names no demo user, is 401.
      const demoUser = tokenUser(headers.authorization);
      const user = demoUser ? store.user(demoUser.Id) : undefined;
      if (!user) {
        const www = {
          'WWW-Authenticate': 'Bearer realm="glanyrafon.example", client_id="00000003-0000-0ff1-ce00-000000000000"',
        };
        if (headers.authorization === undefined) {
          await sendError(
            req,
            res,
            new BoundaryError(
              401,
              CODES.accessDenied,
              `Access denied. Before opening files in this location, you must first browse to the web site and select the option to login automatically. (The local list server needs 'Authorization: Bearer dev:<user>'.)`,
            ),
            mode,
            www,
          );
        } else {
          await sendEarly(
            req,
            res,
            401,
            { ...baseHeaders(), 'Content-Type': JSON_TYPE, ...www },
            JSON.stringify({
              error_description: `Invalid token. The local list server accepts 'Authorization: Bearer dev:<key or e-mail>' of a demo user (${DEMO_USERS.map((u) => u.key).join(', ')}).`,
            }),
          );
        }
        return true;
      }
      const isBatch = path === `${apiPrefix}/$batch`;
      const type = headers['content-type'];
      if (isBatch) {
        if (req.method === 'POST' && !multipartBoundary(type))
          throw new BoundaryError(
            400,
            CODES.invalidClientQuery,
            'The batch request must have a multipart/mixed Content-Type with a boundary.',
          );
      } else if (type !== undefined && !isJsonContentType(type)) {
        throw unsupportedType(type, 'application/json');
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (!isBatch && body.trim() !== '') {
        if (type === undefined) throw unsupportedType(type, 'application/json');
        checkJsonDepth(body);
      }
      const override = headers['x-http-method'];
      const method = (req.method === 'POST' && override ? override : (req.method ?? 'GET')).toUpperCase();
      const r = await api.handleAsync({ method, url: ownUrl, headers, body }, user);
      send(res, r.status, r.headers, r.body);
      return true;
    } catch (e) {
      if (e instanceof BoundaryError) {
        if (!res.headersSent) await sendError(req, res, e, mode);
        return true;
      }
      throw e;
    }
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
            { 'Content-Type': JSON_TYPE },
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
