import type { TimelinePipe } from '@pnp/core';
import { HttpRequestError, type IQueryableInternal, type Queryable } from '@pnp/queryable';
import { SPBrowser, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/batching.js';
import type { RepoError } from '../domain/ports';
import { classifyError, httpVerdict, RETRY_STATUSES, retrying, type RetryPolicy } from '../lib/retry';

/**
 * The one PnPjs set-up (STYLE.md, example 7). Every repository and the
 * provisioning receive the SPFI this returns; nothing else builds one.
 *
 * Behaviours, in the order a request meets them:
 * - SPBrowser: default headers (`Accept: application/json`, which SharePoint
 *   answers with minimal metadata), `DefaultParse`, telemetry tag, form digest.
 * - UserAgent: `NONISV|Council|CollaborationRegister/1.0`, the decoration
 *   Microsoft asks of unattended traffic so it is throttled fairly.
 * - BearerAuth: `Authorization: Bearer <token>` on the auth moment. PnPjs's
 *   RequestDigest sees the header and skips `/_api/contextinfo`.
 * - RetryingFetch: replaces PnPjs's `BrowserFetchWithRetry` (3 tries, plain
 *   doubling, no cap, no jitter) with the project's one retry policy
 *   (src/lib/retry.ts): 429, 503, 504 and network failures, `Retry-After` in
 *   seconds or as an HTTP date, else exponential back-off with jitter, capped.
 *
 * Failures stay PnPjs's one typed error (`HttpRequestError`); `toRepoError`
 * turns them into the ports' coded values.
 */
export interface SpConfig {
  /** Absolute URL of the site that holds the lists, e.g. https://contoso.sharepoint.com/sites/council. */
  readonly siteUrl: string;
  /** Called before each request (and each retry); omit for anonymous/dev servers that need no token. */
  readonly getToken?: () => Promise<string>;
  readonly userAgent?: string;
  /** Retries after the first attempt for 429/503/504 and network failures. Default 4. */
  readonly retries?: number;
  /** First back-off when the server gives no Retry-After, ms. Default 500. */
  readonly retryBaseMs?: number;
  /** Longest single wait, ms, including a Retry-After. Default 60,000. */
  readonly retryMaxMs?: number;
  /** Replaces the global fetch (tests, instrumentation). */
  readonly fetch?: typeof fetch;
  /** Told about every retry (logging, tests). */
  readonly onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  readonly url: string;
  readonly method: string;
  readonly attempt: number;
  readonly status?: number;
  readonly waitMs: number;
}

export const DEFAULT_USER_AGENT = 'NONISV|Council|CollaborationRegister/1.0';

export function createSp(config: SpConfig): SPFI {
  const siteUrl = config.siteUrl.replace(/\/+$/, '');
  const sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), UserAgent(config.userAgent ?? DEFAULT_USER_AGENT));
  if (config.getToken) sp.using(BearerAuth(config.getToken));
  return sp.using(
    RetryingFetch({
      policy: {
        retries: config.retries ?? 4,
        baseMs: config.retryBaseMs ?? 500,
        maxDelayMs: config.retryMaxMs ?? 60_000,
      },
      fetch: config.fetch,
      onRetry: config.onRetry,
    }),
  );
}

/** The site URL an SPFI was made for (no trailing slash). */
export function siteUrlOf(sp: SPFI): string {
  // `web` resolves to `<site>/_api/web`; strip the API path.
  return sp.web.toUrl().replace(/\/_api\/web\/?$/i, '');
}

export function UserAgent(userAgent: string): TimelinePipe {
  return (instance: Queryable) => {
    instance.on.pre((url, init, result) => {
      init.headers = { ...init.headers, 'User-Agent': userAgent };
      return Promise.resolve([url, init, result]);
    });
    return instance;
  };
}

export function BearerAuth(getToken: () => Promise<string>): TimelinePipe {
  return (instance: Queryable) => {
    // Registered now, so it runs before the RequestDigest handler that PnPjs
    // adds to `auth` during `pre`: that handler then sees Authorization and
    // does not fetch a form digest (bearer-token calls need none).
    instance.on.auth(async (url, init) => {
      const token = await getToken();
      init.headers = { ...init.headers, Authorization: `Bearer ${token}` };
      return [url, init];
    });
    return instance;
  };
}

interface RetryingFetchOptions {
  readonly policy: RetryPolicy;
  readonly fetch: typeof fetch | undefined;
  readonly onRetry: ((info: RetryInfo) => void) | undefined;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * PnPjs's send, under the one retry policy (src/lib/retry.ts). SharePoint's
 * requests are safe to repeat (reads; creates keyed on a unique column;
 * updates with If-Match), so 503, 504 and a connection broken mid-request are
 * retried as well as 429 and a connection never made. A time-out or abort is
 * not: it is thrown as it came.
 */
export function RetryingFetch(opts: RetryingFetchOptions): TimelinePipe {
  return (instance: Queryable) => {
    instance.on.send.replace(async function (this: IQueryableInternal, url: URL, init: RequestInit) {
      const doFetch = opts.fetch ?? globalThis.fetch;
      const target = url.toString();
      const method = init.method ?? 'GET';
      const last = await retrying(() => doFetch(target, init), {
        policy: opts.policy,
        decide: (outcome) => httpVerdict(outcome, true),
        ...(opts.sleep ? { sleep: opts.sleep } : {}),
        onRetry: async ({ attempt, waitMs, outcome }) => {
          this.log(`Retry ${attempt}/${opts.policy.retries} of ${method} ${target} in ${waitMs} ms`, 1);
          const response = 'value' in outcome ? outcome.value : undefined;
          opts.onRetry?.({ url: target, method, attempt, ...(response ? { status: response.status } : {}), waitMs });
          // Drain the body so the connection can be reused.
          await response?.body?.cancel().catch(() => undefined);
        },
      });
      if ('value' in last) return last.value; // a failed status: the parser turns it into HttpRequestError
      throw last.error;
    });
    return instance;
  };
}

/** SharePoint's error message from an HttpRequestError (odata.error, error or plain text). */
export function spErrorMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const text = e.message.includes('::>') ? e.message.slice(e.message.indexOf('::>') + 3).trim() : e.message;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const err = (json['odata.error'] ?? json['error']) as
      { code?: string; message?: { value?: string } | string } | undefined;
    if (err) {
      const message = typeof err.message === 'string' ? err.message : err.message?.value;
      return message ?? err.code ?? text;
    }
  } catch {
    // not JSON: the text is the message
  }
  return text;
}

export function isHttpRequestError(e: unknown): e is HttpRequestError {
  return (
    e instanceof HttpRequestError ||
    (typeof e === 'object' && e !== null && (e as { isHttpRequestError?: unknown }).isHttpRequestError === true)
  );
}

/** True for the failures fetch reports when no response came back (DNS, refused, reset). */
function isNetworkFailure(e: unknown): boolean {
  const kind = classifyError(e);
  return kind === 'notSent' || kind === 'maybeSent';
}

/**
 * Maps a thrown failure to the ports' coded error. Expected SharePoint
 * failures each have a code; anything else is `unexpected` with the detail
 * kept for the log.
 */
export function toRepoError(e: unknown): RepoError<never> {
  if (isHttpRequestError(e)) {
    const status = e.status;
    const detail = `${status} ${spErrorMessage(e)}`.slice(0, 2000);
    const raw = e.message;
    if (status === 412) return { code: 'conflict', detail };
    if (
      status >= 400 &&
      status < 500 &&
      /SPDuplicateValuesFoundException|duplicate value|already exists in the list/i.test(raw)
    ) {
      return { code: 'duplicate', detail };
    }
    if (/SPQueryThrottledException|exceeds the list view threshold/i.test(raw)) return { code: 'threshold', detail };
    if (status === 404) return { code: 'notFound', detail };
    if (status === 401 || status === 403) return { code: 'forbidden', detail };
    if (RETRY_STATUSES.has(status)) return { code: 'throttled', detail };
    if (status === 400) return { code: 'invalid', detail };
    return { code: 'unexpected', detail };
  }
  if (isNetworkFailure(e)) return { code: 'network', detail: e instanceof Error ? e.message : String(e) };
  if (classifyError(e) === 'timeout') return { code: 'network', detail: 'aborted' };
  return { code: 'unexpected', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}
