import type {
  ChannelTarget,
  ChannelTransport,
  FindResult,
  Log,
  LogLevel,
  PostErrorCode,
  PostOptions,
  PostResult,
  TransportKind,
} from '../domain/reminderPorts';
import { redact, maskUrl } from '../lib/redact';
import { isWebhookUrl } from '../lib/urls';
import { classifyError, errorCode, httpVerdict, retrying, sleep as defaultSleep } from '../lib/retry';
import { ADAPTIVE_CARD_CONTENT_TYPE, jsonBytes, workflowsMessage, type AdaptiveCard } from './cardSchema';

/**
 * How a card reaches a channel. Three transports, one interface:
 * - Workflows webhook: POST the card, in the Workflows message envelope, to
 *   the webhook address of the channel's flow ("When a Teams webhook request is
 *   received" + "Post card in a chat or channel"). 200 or 202 is success. The
 *   address is a secret: it is read from the setting (environment variable or
 *   Key Vault reference) named by the channel's `SecretName`, and it is never
 *   logged or put in an error: `maskUrl` shows the host and "…".
 * - Microsoft Graph: POST /teams/{team-id}/channels/{channel-id}/messages with
 *   a delegated token (ChannelMessage.Send; Graph allows no application
 *   permission for this), the card as an attachment the message body
 *   references. Paced to 4 requests a second per team, as Graph allows an app on a team or channel.
 * - Dev inbox: POST to the local server's /_dev/inbox/messages.
 *
 * Every transport sends under the one retry policy (src/lib/retry.ts), and
 * reports failure as a value, never by throwing:
 * `{ ok: false, code, detail, retryable, maybeDelivered }`.
 * - A POST of a card is retried only when it cannot have arrived: 429 (the
 *   service refused it), or a connection never made (refused, DNS). A post that
 *   may have arrived although no success came back (503 or 504 after sending, a
 *   time-out, a connection reset after the body went) is NOT sent again: it
 *   comes back with `maybeDelivered: true`, and the job records and reports
 *   it, never resending it blindly (docs/reminders.md).
 * - A read (findPost) is safe to repeat: 503, 504 and broken connections are
 *   retried as well.
 *
 * Graph and the dev inbox can also be asked afterwards whether a post arrived
 * (`findPost`, by the post id the card carries); a Workflows webhook cannot.
 */

export type { ChannelTarget, FindResult, Log, LogLevel, PostErrorCode, PostOptions, PostResult, TransportKind };

/** A transport of Adaptive Cards: the reminder job's port (domain/reminderPorts.ts) for this kind of card. */
export type Transport = ChannelTransport<AdaptiveCard>;

export interface HttpOptions {
  readonly fetch?: typeof fetch;
  /** Retries after the first attempt (see above for what is retried). Default 4. */
  readonly retries?: number;
  /** First back-off without Retry-After, ms. Default 500. */
  readonly retryBaseMs?: number;
  /** Longest single wait, ms, Retry-After included. Default 30,000. */
  readonly retryMaxMs?: number;
  /** Per request. Default 30,000. */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: Log;
}

/** A URL as it may appear in logs: scheme and host, then "…" (a webhook's path and query are its secret). */
export { maskUrl };

/** Removes a secret URL (whole, any part of it, its signature; plain or URL-encoded) from text meant for a log. */
export function scrub(text: string, url: string | undefined): string {
  return url === undefined || url === '' ? text : redact(text, [url]);
}

/** True for a webhook address the job may post to: https, or http on the loopback (local development). */
export { isWebhookUrl };

interface Sent {
  readonly response?: Response;
  readonly failure?: PostResult & { ok: false };
}

/** What a request is, for the retry policy: a card's POST must not be acted on twice; a read may be repeated. */
type RequestKind = 'post' | 'read';

/**
 * Sends one request under the retry policy (see the comment at the top) and
 * returns the last response, or the failure as a value. The detail of every
 * log line and failure is scrubbed of `secretUrl`.
 */
async function send(
  url: string,
  init: () => Promise<RequestInit>,
  opts: HttpOptions,
  label: string,
  kind: RequestKind,
  secretUrl?: string,
): Promise<Sent> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const retries = opts.retries ?? 4;
  const last = await retrying(
    async () => doFetch(url, { ...(await init()), signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) }),
    {
      policy: { retries, baseMs: opts.retryBaseMs ?? 500, maxDelayMs: opts.retryMaxMs ?? 30_000 },
      decide: (outcome) => httpVerdict(outcome, kind === 'read'),
      sleep: opts.sleep ?? defaultSleep,
      onRetry: async ({ attempt, waitMs, reason, outcome }) => {
        opts.log?.(
          'warn',
          scrub(`${label}: ${reason}; retry ${attempt}/${retries} in ${Math.round(waitMs)} ms`, secretUrl),
        );
        if ('value' in outcome) await outcome.value.body?.cancel().catch(() => undefined);
      },
    },
  );
  if ('value' in last) return { response: last.value };
  const e = last.error;
  const code = errorCode(e);
  const detail = scrub(
    `${label}: ${e instanceof Error ? `${e.message}${code ? ` (${code})` : ''}` : String(e)}`,
    secretUrl,
  );
  const fault = classifyError(e);
  if (fault === 'notSent') return { failure: { ok: false, code: 'network', detail, retryable: true } };
  return {
    failure: {
      ok: false,
      code: fault === 'timeout' ? 'timeout' : 'network',
      detail,
      retryable: true,
      // Only a post can have been delivered; a read that failed changed nothing.
      ...(kind === 'post' ? { maybeDelivered: true } : {}),
    },
  };
}

/**
 * A read for findPost under the retry policy: the response's JSON, or, when
 * the read failed, the post's state `unknown` with why.
 */
async function readForFind(
  url: string,
  init: () => Promise<RequestInit>,
  opts: HttpOptions,
  label: string,
): Promise<{ readonly json: unknown } | { readonly unknown: FindResult }> {
  const sent = await send(url, init, opts, label, 'read');
  if (sent.failure) return { unknown: { state: 'unknown', detail: sent.failure.detail } };
  const response = sent.response as Response;
  if (!response.ok) return { unknown: { state: 'unknown', detail: (await failureOf(response, label, 'read')).detail } };
  return { json: await response.json() };
}

/**
 * A failed HTTP response as a coded result (the body is shortened and
 * scrubbed). A 503 or 504 to a post means the service may have acted on it
 * before giving up: `maybeDelivered`.
 */
async function failureOf(
  response: Response,
  label: string,
  kind: RequestKind,
  secretUrl?: string,
): Promise<PostResult & { ok: false }> {
  const body = scrub((await response.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' '), secretUrl);
  const detail = scrub(`${label}: HTTP ${response.status}${body ? `: ${body}` : ''}`, secretUrl);
  const s = response.status;
  if (s === 429) return { ok: false, code: 'throttled', detail, retryable: true };
  if (s === 503 || s === 504) {
    return {
      ok: false,
      code: s === 504 ? 'timeout' : 'throttled',
      detail,
      retryable: true,
      ...(kind === 'post' ? { maybeDelivered: true } : {}),
    };
  }
  if (s === 413) return { ok: false, code: 'tooLarge', detail, retryable: false };
  if (s === 401 || s === 403) return { ok: false, code: 'unauthorized', detail, retryable: false };
  if (s === 404 || s === 410) return { ok: false, code: 'notFound', detail, retryable: false };
  if (s >= 500) return { ok: false, code: 'serverError', detail, retryable: true };
  return { ok: false, code: 'rejected', detail, retryable: false };
}

// ---------------------------------------------------------------- Workflows webhook

const WORKFLOWS_OK = new Set([200, 201, 202, 204]);

export function workflowsTransport(opts: HttpOptions = {}): Transport {
  return {
    kind: 'workflows',
    measure: (card) => jsonBytes(workflowsMessage(card)),
    async post(channel, card) {
      const url = channel.webhookUrl;
      const label = `Workflows webhook ${maskUrl(url)} (channel ${channel.channelKey})`;
      if (!isWebhookUrl(url) || url === undefined) {
        return { ok: false, code: 'misconfigured', detail: `${label}: no valid webhook address`, retryable: false };
      }
      const body = JSON.stringify(workflowsMessage(card));
      const sent = await send(
        url,
        () => Promise.resolve({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
        opts,
        label,
        'post',
        url,
      );
      if (sent.failure) return sent.failure;
      const response = sent.response as Response;
      if (WORKFLOWS_OK.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: true };
      }
      return failureOf(response, label, 'post', url);
    },
  };
}

// ---------------------------------------------------------------- Microsoft Graph

export interface GraphOptions extends HttpOptions {
  /** A delegated token with ChannelMessage.Send (and ChannelMessage.Read.All for findPost). */
  readonly getToken: () => Promise<string>;
  /** Default https://graph.microsoft.com/v1.0 */
  readonly baseUrl?: string;
  /** Least time between two requests to one team (all its channels), ms. Default 250 (4 a second). */
  readonly perChannelIntervalMs?: number;
  /** How many pages of recent messages findPost reads at most. Default 4 (of 50). */
  readonly findPages?: number;
}

/** Spaces calls to one key at least `intervalMs` apart (Graph: about 4 requests a second per channel). */
export function createPacer(intervalMs: number, sleep: (ms: number) => Promise<void> = defaultSleep) {
  const next = new Map<string, number>();
  return async (key: string): Promise<void> => {
    const now = Date.now();
    const at = Math.max(now, next.get(key) ?? 0);
    next.set(key, at + intervalMs);
    if (at > now) await sleep(at - now);
  };
}

interface GraphMessage {
  readonly id?: string;
  readonly webUrl?: string;
  readonly createdDateTime?: string;
  readonly attachments?: readonly { readonly id?: string }[];
}

export function graphMessageBody(card: AdaptiveCard, attachmentId: string): unknown {
  return {
    body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
    attachments: [
      { id: attachmentId, contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: JSON.stringify(card) },
    ],
  };
}

export function graphTransport(opts: GraphOptions): Transport {
  const base = (opts.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const pace = createPacer(opts.perChannelIntervalMs ?? 250, opts.sleep ?? defaultSleep);
  const messagesUrl = (c: ChannelTarget) =>
    `${base}/teams/${encodeURIComponent(c.teamId ?? '')}/channels/${encodeURIComponent(c.channelId ?? '')}/messages`;
  const headers = async (json: boolean): Promise<Record<string, string>> => ({
    Authorization: `Bearer ${await opts.getToken()}`,
    Accept: 'application/json',
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  });
  // Graph allows an app at most 4 requests a second on a given team or channel (throttling-limits,
  // "Microsoft Teams service limits"): paced per team, so two channels of one team share the 4.
  const paced = (c: ChannelTarget, init: () => Promise<RequestInit>) => async () => {
    await pace(c.teamId ?? c.channelKey);
    return init();
  };
  return {
    kind: 'graph',
    measure: (card) => jsonBytes(graphMessageBody(card, '0'.repeat(32))),
    async post(channel, card, options) {
      const label = `Microsoft Graph (channel ${channel.channelKey})`;
      if (!channel.teamId || !channel.channelId) {
        return {
          ok: false,
          code: 'misconfigured',
          detail: `${label}: team id or channel id missing`,
          retryable: false,
        };
      }
      const attachmentId = options?.postId ?? globalThis.crypto.randomUUID().replace(/-/g, '');
      const body = JSON.stringify(graphMessageBody(card, attachmentId));
      const sent = await send(
        messagesUrl(channel),
        paced(channel, async () => ({ method: 'POST', headers: await headers(true), body })),
        opts,
        label,
        'post',
      );
      if (sent.failure) return sent.failure;
      const response = sent.response as Response;
      if (response.status === 201 || response.status === 200) {
        const message = (await response.json().catch(() => ({}))) as GraphMessage;
        return {
          ok: true,
          ...(message.id ? { messageId: message.id } : {}),
          ...(message.webUrl ? { messageUrl: message.webUrl } : {}),
        };
      }
      return failureOf(response, label, 'post');
    },
    async findPost(channel, postId, options) {
      const label = `Microsoft Graph (channel ${channel.channelKey})`;
      if (!channel.teamId || !channel.channelId)
        return { state: 'unknown', detail: `${label}: team id or channel id missing` };
      const since = options?.since !== undefined ? Date.parse(options.since) : Number.NaN;
      let url: string | undefined = `${messagesUrl(channel)}?$top=50`;
      for (let page = 0; url !== undefined && page < (opts.findPages ?? 4); page += 1) {
        const read = await readForFind(
          url,
          paced(channel, async () => ({ method: 'GET', headers: await headers(false) })),
          opts,
          label,
        );
        if ('unknown' in read) return read.unknown;
        const json = read.json as { value?: GraphMessage[]; '@odata.nextLink'?: string };
        let olderThanClaim = false;
        for (const m of json.value ?? []) {
          if (m.attachments?.some((a) => a.id === postId)) {
            return {
              state: 'found',
              ...(m.id ? { messageId: m.id } : {}),
              ...(m.webUrl ? { messageUrl: m.webUrl } : {}),
            };
          }
          if (m.createdDateTime !== undefined && Date.parse(m.createdDateTime) < since) olderThanClaim = true;
        }
        if (olderThanClaim) return { state: 'notFound' };
        url = json['@odata.nextLink'];
      }
      return url === undefined
        ? { state: 'notFound' }
        : { state: 'unknown', detail: `${label}: post not among the recent messages read` };
    },
  };
}

// ---------------------------------------------------------------- the dev inbox

export interface DevInboxOptions extends HttpOptions {
  /** The local server's origin, e.g. http://127.0.0.1:4321 */
  readonly baseUrl: string;
}

interface InboxMessage {
  readonly id: string;
  readonly channel: string;
  readonly postId?: string | null;
  readonly messageUrl?: string;
  readonly card?: unknown;
}

export function devInboxTransport(opts: DevInboxOptions): Transport {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    kind: 'devInbox',
    measure: (card) => jsonBytes(workflowsMessage(card)),
    async post(channel, card, options) {
      const label = `dev inbox ${base} (channel ${channel.channelKey})`;
      const body = JSON.stringify({
        channelKey: channel.channelKey,
        channelName: channel.channelName,
        ...(options?.postId ? { postId: options.postId } : {}),
        card,
      });
      const sent = await send(
        `${base}/_dev/inbox/messages`,
        () => Promise.resolve({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
        opts,
        label,
        'post',
      );
      if (sent.failure) return sent.failure;
      const response = sent.response as Response;
      if (response.status === 201 || response.status === 200 || response.status === 202) {
        const json = (await response.json().catch(() => ({}))) as { id?: string; messageUrl?: string };
        return {
          ok: true,
          ...(json.id ? { messageId: json.id } : {}),
          ...(json.messageUrl ? { messageUrl: json.messageUrl } : {}),
        };
      }
      return failureOf(response, label, 'post');
    },
    async findPost(channel, postId) {
      const label = `dev inbox ${base} (channel ${channel.channelKey})`;
      const url = `${base}/_dev/inbox/messages?channel=${encodeURIComponent(channel.channelKey)}&postId=${encodeURIComponent(postId)}`;
      const read = await readForFind(
        url,
        () => Promise.resolve({ method: 'GET', headers: { Accept: 'application/json' } }),
        opts,
        label,
      );
      if ('unknown' in read) return read.unknown;
      const messages = read.json as InboxMessage[];
      const found = messages.find((m) => m.postId === postId);
      return found
        ? { state: 'found', messageId: found.id, ...(found.messageUrl ? { messageUrl: found.messageUrl } : {}) }
        : { state: 'notFound' };
    },
  };
}
