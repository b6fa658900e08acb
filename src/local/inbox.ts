import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { CATALOGUES, resolveLocale, translate, type Catalogue, type Locale } from '../i18n';
import { INBOX_CSS, INBOX_SCRIPT } from './inbox-page';
import {
  BoundaryError,
  checkHostAndOrigin,
  checkJsonDepth,
  discardBody,
  isJsonContentType,
  readBody,
} from './boundary';

/**
 * The dev channel inbox: the Teams channels of `npm start`. The reminder job's
 * dev transport (and anything that speaks the Workflows webhook format) posts
 * cards here; the page shows them, drawn by the real Adaptive Cards renderer.
 *
 *   POST /_dev/inbox/messages          {channelKey, card[, channelName, postId]}, or a
 *                                      Workflows message with ?channel=<key>
 *                                      -> 201 {id, messageUrl}
 *   GET  /_dev/inbox/messages          [{id, channel, channelName, postId, receivedAt, messageUrl, card}]
 *                                      oldest first; ?channel=<key> and ?postId=<id> filter
 *   GET  /_dev/inbox/channels          [{key, name, count}]: the site's Channel Mappings and
 *                                      any other channel a card was posted to
 *   GET  /_dev/inbox[?lang=cy][&channel=<key>]   the page
 *   GET  /_dev/inbox/adaptivecards.js  the renderer (node_modules/adaptivecards/dist)
 *
 * Cards are kept in their own table, `dev_inbox_messages`, in the same SQLite
 * file as the list server (its own connection, WAL), so they survive restarts.
 * Like Teams, it refuses a message over 28 KB (413). It binds nothing itself:
 * `npm start` mounts `handle` beside the list API on 127.0.0.1.
 */
export interface InboxOptions {
  /** The list server's SQLite file (':memory:' for tests). */
  readonly dataFile: string;
  /** The site whose Channel Mappings list names the channels. Default '/sites/council'. */
  readonly sitePath?: string;
  /** Overrides how channels are listed (default: the site's Channel Mappings, read over its REST API). */
  readonly channels?: (origin: string) => Promise<readonly { key: string; name: string }[]>;
  /** Largest message accepted, bytes (default 28,000, as Teams). */
  readonly maxBytes?: number;
}

export interface Inbox {
  /** false when the path is not the inbox's. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): void;
}

export interface InboxMessage {
  readonly id: string;
  readonly channel: string;
  readonly channelName: string | null;
  readonly postId: string | null;
  readonly receivedAt: string;
  readonly messageUrl: string;
  readonly card: unknown;
}

interface Row {
  id: number;
  channel: string;
  channel_name: string | null;
  post_id: string | null;
  received_at: string;
  card: string;
}

const MAX_BODY = 1_000_000;
/** As notify/cardSchema.ts (the local server does not depend on notify; DESIGN.md layers). */
const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MAX_MESSAGE_BYTES = 28_000;
type AdaptiveCard = { readonly type: 'AdaptiveCard'; readonly body?: readonly unknown[] };

/** Bytes of the Workflows message that would carry the card: what Teams' limit is measured on. */
function messageBytes(card: AdaptiveCard): number {
  const message = {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
  return Buffer.byteLength(JSON.stringify(message), 'utf8');
}
const PREFIX = '/_dev/inbox';

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } as const;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function isCard(value: unknown): value is AdaptiveCard {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'AdaptiveCard';
}

/** The card and channel of a POST body, in either accepted shape. */
function parsePost(
  body: unknown,
  query: URLSearchParams,
): { channel: string; channelName?: string; postId?: string; card: AdaptiveCard } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  let card: unknown;
  let channel = str(b.channelKey) ?? str(query.get('channel'));
  if (b.type === 'message' && Array.isArray(b.attachments)) {
    const attachment = (b.attachments as unknown[]).find(
      (a) =>
        typeof a === 'object' &&
        a !== null &&
        (a as { contentType?: unknown }).contentType === ADAPTIVE_CARD_CONTENT_TYPE,
    ) as { content?: unknown } | undefined;
    card = attachment?.content;
  } else card = b.card;
  channel ??= undefined;
  if (!isCard(card) || channel === undefined) return undefined;
  const first = Array.isArray(card.body) ? (card.body[0] as { id?: unknown } | undefined) : undefined;
  const postId = str(b.postId) ?? str(first?.id);
  const channelName = str(b.channelName);
  return { channel, card, ...(channelName ? { channelName } : {}), ...(postId ? { postId } : {}) };
}

function localeOf(url: URL, req: IncomingMessage): Locale {
  const lang = url.searchParams.get('lang');
  if (lang !== null) return resolveLocale(lang);
  return resolveLocale(req.headers['accept-language']?.split(',')[0]);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script type="application/json"> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function page(locale: Locale, origin: string, sitePath: string): string {
  const t = (key: string, params: Record<string, string> = {}) => translate(locale, `inbox.${key}`, params);
  const strings = (CATALOGUES[locale].inbox ?? {}) as Catalogue;
  const data = {
    locale,
    strings,
    empty: t('empty', { site: `${origin}${sitePath}` }),
    otherLanguageTag: t('otherLanguageTag'),
  };
  const lang = locale === 'cy-GB' ? 'cy' : 'en';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}</title>
<link rel="stylesheet" href="${PREFIX}/inbox.css">
</head>
<body>
<header>
  <h1>${escapeHtml(t('title'))}</h1>
  <p id="intro">${escapeHtml(t('intro'))}</p>
  <p><a id="other-language" href="#" lang="${locale === 'cy-GB' ? 'en' : 'cy'}">${escapeHtml(t('otherLanguage'))}</a>
     <button type="button" id="refresh">${escapeHtml(t('refresh'))}</button></p>
</header>
<div class="layout">
  <nav aria-labelledby="channels-heading"><h2 id="channels-heading">${escapeHtml(t('channels'))}</h2><ul id="channels"></ul></nav>
  <main aria-labelledby="cards-heading"><h2 id="cards-heading">${escapeHtml(t('cards'))}</h2><p id="count" role="status"></p><ol id="messages"></ol></main>
</div>
<script type="application/json" id="inbox-data">${scriptJson(data)}</script>
<script src="${PREFIX}/adaptivecards.js"></script>
<script src="${PREFIX}/inbox.js"></script>
</body>
</html>
`;
}

let rendererSource: string | undefined;
function renderer(): string {
  rendererSource ??= readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
  return rendererSource;
}

export function createInbox(options: InboxOptions): Inbox {
  if (options.dataFile !== ':memory:') mkdirSync(dirname(options.dataFile), { recursive: true });
  const db = new Database(options.dataFile);
  if (options.dataFile !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS dev_inbox_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    channel_name TEXT,
    post_id TEXT,
    received_at TEXT NOT NULL,
    card TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS dev_inbox_messages_channel ON dev_inbox_messages (channel, id);
  CREATE INDEX IF NOT EXISTS dev_inbox_messages_post ON dev_inbox_messages (post_id);`);
  const insert = db.prepare(
    'INSERT INTO dev_inbox_messages (channel, channel_name, post_id, received_at, card) VALUES (?, ?, ?, ?, ?)',
  );
  const sitePath = (options.sitePath ?? '/sites/council').replace(/\/+$/, '');
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;

  const toMessage = (row: Row, origin: string): InboxMessage => ({
    id: String(row.id),
    channel: row.channel,
    channelName: row.channel_name,
    postId: row.post_id,
    receivedAt: row.received_at,
    messageUrl: `${origin}${PREFIX}?channel=${encodeURIComponent(row.channel)}#message-${row.id}`,
    card: JSON.parse(row.card) as unknown,
  });

  const mappedChannels = async (origin: string): Promise<readonly { key: string; name: string }[]> => {
    if (options.channels) return options.channels(origin);
    try {
      const url = `${origin}${sitePath}/_api/web/lists/getByTitle('Channel%20Mappings')/items?$select=ChannelKey,ChannelName&$top=5000`;
      const r = await fetch(url, {
        headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' },
      });
      if (!r.ok) return [];
      const json = (await r.json()) as { value?: { ChannelKey?: unknown; ChannelName?: unknown }[] };
      const seen = new Map<string, string>();
      for (const item of json.value ?? []) {
        if (typeof item.ChannelKey === 'string' && !seen.has(item.ChannelKey)) {
          seen.set(item.ChannelKey, typeof item.ChannelName === 'string' ? item.ChannelName : item.ChannelKey);
        }
      }
      return [...seen].map(([key, name]) => ({ key, name }));
    } catch {
      return [];
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const locale = localeOf(url, req);
    const method = req.method ?? 'GET';
    // Only this server's own pages and tools: a rebound host name or another origin's page is refused.
    try {
      checkHostAndOrigin(req);
    } catch (e) {
      if (!(e instanceof BoundaryError)) throw e;
      if (!(await discardBody(req))) res.setHeader('Connection', 'close');
      sendJson(res, e.status, { error: e.message });
      return true;
    }

    if (path === `${PREFIX}/messages`) {
      if (method === 'POST') {
        let parsed: ReturnType<typeof parsePost>;
        if (!isJsonContentType(req.headers['content-type'])) {
          if (!(await discardBody(req))) res.setHeader('Connection', 'close');
          sendJson(res, 400, { error: translate(locale, 'inbox.badRequest') });
          return true;
        }
        try {
          const text = await readBody(req, MAX_BODY);
          checkJsonDepth(text);
          parsed = parsePost(JSON.parse(text) as unknown, url.searchParams);
        } catch (e) {
          if (e instanceof BoundaryError && e.status === 413) {
            res.setHeader('Connection', 'close');
            sendJson(res, 413, { error: translate(locale, 'inbox.tooLarge', { max: maxBytes }) });
            return true;
          }
          parsed = undefined;
        }
        if (!parsed) {
          sendJson(res, 400, { error: translate(locale, 'inbox.badRequest') });
          return true;
        }
        if (messageBytes(parsed.card) > maxBytes) {
          sendJson(res, 413, { error: translate(locale, 'inbox.tooLarge', { max: maxBytes }) });
          return true;
        }
        const info = insert.run(
          parsed.channel,
          parsed.channelName ?? null,
          parsed.postId ?? null,
          new Date().toISOString(),
          JSON.stringify(parsed.card),
        );
        const id = Number(info.lastInsertRowid);
        sendJson(res, 201, {
          id: String(id),
          messageUrl: `${origin}${PREFIX}?channel=${encodeURIComponent(parsed.channel)}#message-${id}`,
        });
        return true;
      }
      if (method === 'GET' || method === 'HEAD') {
        const where: string[] = [];
        const params: string[] = [];
        const channel = url.searchParams.get('channel');
        const postId = url.searchParams.get('postId');
        if (channel) {
          where.push('channel = ?');
          params.push(channel);
        }
        if (postId) {
          where.push('post_id = ?');
          params.push(postId);
        }
        const rows = db
          .prepare(`SELECT * FROM dev_inbox_messages ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`)
          .all(...params) as Row[];
        sendJson(
          res,
          200,
          rows.map((r) => toMessage(r, origin)),
        );
        return true;
      }
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, POST' }).end();
      return true;
    }

    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' }).end();
      return true;
    }
    switch (path) {
      case `${PREFIX}/channels`: {
        const counts = db
          .prepare('SELECT channel, MAX(channel_name) AS name, COUNT(*) AS n FROM dev_inbox_messages GROUP BY channel')
          .all() as {
          channel: string;
          name: string | null;
          n: number;
        }[];
        const byKey = new Map(counts.map((c) => [c.channel, c]));
        const listed = await mappedChannels(origin);
        const out = listed.map((c) => ({ key: c.key, name: c.name, mapped: true, count: byKey.get(c.key)?.n ?? 0 }));
        for (const c of counts) {
          if (!listed.some((l) => l.key === c.channel))
            out.push({ key: c.channel, name: c.name ?? c.channel, mapped: false, count: c.n });
        }
        sendJson(res, 200, out);
        return true;
      }
      case PREFIX:
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy':
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
          'Content-Language': locale,
        });
        res.end(method === 'HEAD' ? undefined : page(locale, origin, sitePath));
        return true;
      case `${PREFIX}/adaptivecards.js`:
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(method === 'HEAD' ? undefined : renderer());
        return true;
      case `${PREFIX}/inbox.js`:
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(method === 'HEAD' ? undefined : INBOX_SCRIPT);
        return true;
      case `${PREFIX}/inbox.css`:
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/css; charset=utf-8' });
        res.end(method === 'HEAD' ? undefined : INBOX_CSS);
        return true;
      default:
        res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(translate(locale, 'inbox.notFound'));
        return true;
    }
  };

  return {
    handle: async (req, res) => {
      try {
        return await handle(req, res);
      } catch (e) {
        if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
        else res.end();
        return true;
      }
    },
    close: () => db.close(),
  };
}
