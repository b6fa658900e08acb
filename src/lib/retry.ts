/**
 * The one retry policy, written once for every layer: PnPjs's requests
 * (src/data/sp.ts), the batch rounds of the repositories, the transports that
 * post cards (src/notify/transports.ts). Generic and project-agnostic: it
 * knows HTTP status codes and fetch's failures, nothing of SharePoint or Teams.
 *
 * - What is worth another try: 429 (the server refused the request without
 *   acting on it), 503 and 504 (the request may or may not have been acted on:
 *   retried only when it is safe to repeat), and network faults: a connection
 *   never made (refused, DNS) is always safe to retry; a connection that broke
 *   after the request may have gone (reset, socket closed) only when the
 *   request is safe to repeat. A time-out or an abort is never retried here.
 * - How long to wait before retry n (1-based): what `Retry-After` asks
 *   (delta-seconds, or an HTTP date measured against `now`; a past date is 0),
 *   plus a little jitter; without a usable Retry-After, exponential back-off
 *   with jitter (between half and all of `baseMs * 2^(n-1)`). Every wait is
 *   capped at `maxDelayMs`; the attempts are capped at `retries` after the first.
 *
 * The policy's functions are pure (the clock and the random number are
 * parameters); `retrying` runs an attempt function under it, with an
 * injectable sleep, clock and random source.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** First back-off when the server gives no Retry-After, ms. */
  readonly baseMs: number;
  /** Longest single wait, ms, a Retry-After included. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 4, baseMs: 500, maxDelayMs: 30_000 };

/** Statuses that say "try again later": 429 Too Many Requests, 503 Service Unavailable, 504 Gateway Timeout. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * What a failure says about the request:
 * - `notSent`: it never left (refused connection, DNS failure, no route);
 * - `maybeSent`: the connection broke or the server gave up (503/504) after the
 *   request may have been received and acted on;
 * - `refused`: the server answered that it did not act on it (429);
 * - `timeout`: no answer in time (it may have arrived), or aborted;
 * - `final`: anything else (an HTTP answer that retrying will not change, or
 *   a programming error).
 */
export type FailureKind = 'notSent' | 'maybeSent' | 'refused' | 'timeout' | 'final';

const NOT_SENT_CODES =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT)$/;
const MAYBE_SENT_CODES = /^(ECONNRESET|EPIPE|ECONNABORTED|ETIMEDOUT|UND_ERR_)/;

/** The system error code of a fetch failure (`e.cause.code`, or `e.code`), if any. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const cause = (e as { cause?: unknown }).cause;
  const fromCause = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  const code = fromCause ?? (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** How a thrown failure of fetch is to be read (see FailureKind). */
export function classifyError(e: unknown): FailureKind {
  if (typeof e !== 'object' || e === null) return 'final';
  // AbortSignal.timeout() and abort() reject with a DOMException, which is not an Error in Node 20.
  const name = (e as { name?: unknown }).name;
  if (typeof name === 'string' && /^(AbortError|TimeoutError)$/.test(name)) return 'timeout';
  if (!(e instanceof Error)) return 'final';
  const code = errorCode(e);
  if (code !== undefined && NOT_SENT_CODES.test(code)) return 'notSent';
  if (code !== undefined && MAYBE_SENT_CODES.test(code)) return 'maybeSent';
  // fetch's own wording for a failure of the network whose cause it does not name.
  if (e.name === 'TypeError' && /fetch failed|network|Failed to fetch|Load failed/i.test(e.message)) return 'maybeSent';
  return 'final';
}

/** How an HTTP status is to be read (see FailureKind); a success or any other status is `final`. */
export function classifyStatus(status: number): FailureKind {
  if (status === 429) return 'refused';
  if (status === 503 || status === 504) return 'maybeSent';
  return 'final';
}

/**
 * Whether a failure of this kind is worth another attempt: `refused` and
 * `notSent` always; `maybeSent` only when the request is safe to repeat (a
 * read, or a write that the server recognises when it comes twice).
 */
export function isRetryable(kind: FailureKind, safeToRepeat: boolean): boolean {
  return kind === 'refused' || kind === 'notSent' || (kind === 'maybeSent' && safeToRepeat);
}

/** Milliseconds a `Retry-After` value asks for (delta-seconds or an HTTP date; a past date is 0), or undefined. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date has a weekday or month name; a bare number with a sign or junk is not one.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface DelayInput {
  /** The retry this wait comes before, 1-based. */
  readonly attempt: number;
  /** The response's `Retry-After` header, if any. */
  readonly retryAfter?: string | null;
  /** Now, ms since the epoch (for an HTTP-date Retry-After). */
  readonly nowMs: number;
  /** A random number in [0, 1). */
  readonly random: number;
}

/**
 * The wait before a retry, ms (see the comment at the top). With Retry-After:
 * what it asks plus up to min(100 ms, 20% of baseMs) of jitter. Without:
 * between half and all of `baseMs * 2^(attempt-1)`. Never more than `maxDelayMs`.
 */
export function retryDelayMs(policy: RetryPolicy, input: DelayInput): number {
  const random = Math.min(1, Math.max(0, input.random));
  const asked = parseRetryAfter(input.retryAfter, input.nowMs);
  if (asked !== undefined) {
    const jitter = random * Math.min(100, policy.baseMs * 0.2);
    return Math.min(policy.maxDelayMs, Math.round(asked + jitter));
  }
  const exponent = Math.min(Math.max(0, input.attempt - 1), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random * (ceiling / 2));
}

export type Outcome<T> = { readonly value: T } | { readonly error: unknown };

/** The policy's answer for one outcome: done, or retry (with the server's Retry-After, if it gave one). */
export type Verdict =
  { readonly retry: false } | { readonly retry: true; readonly retryAfter?: string | null; readonly reason: string };

export interface RetryEvent<T> {
  /** The retry about to happen, 1-based. */
  readonly attempt: number;
  readonly waitMs: number;
  readonly reason: string;
  readonly outcome: Outcome<T>;
}

export interface RetryOptions<T> {
  readonly policy: RetryPolicy;
  /** Reads an outcome: whether to try again. */
  readonly decide: (outcome: Outcome<T>) => Verdict;
  /** Told before each wait (logging; draining a response body). */
  readonly onRetry?: (event: RetryEvent<T>) => void | Promise<void>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
}

export const sleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until `decide` says done or the retries are spent, and
 * returns the last outcome with the number of attempts made. Never throws
 * what `attempt` throws: the caller gets it as `{ error }`.
 */
export async function retrying<T>(
  attempt: (n: number) => Promise<T>,
  options: RetryOptions<T>,
): Promise<Outcome<T> & { readonly attempts: number }> {
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  for (let n = 0; ; n += 1) {
    let outcome: Outcome<T>;
    try {
      outcome = { value: await attempt(n) };
    } catch (error) {
      outcome = { error };
    }
    const verdict = options.decide(outcome);
    if (!verdict.retry || n >= options.policy.retries) return { ...outcome, attempts: n + 1 };
    const waitMs = retryDelayMs(options.policy, {
      attempt: n + 1,
      ...(verdict.retryAfter !== undefined ? { retryAfter: verdict.retryAfter } : {}),
      nowMs: now(),
      random: random(),
    });
    await options.onRetry?.({ attempt: n + 1, waitMs, reason: verdict.reason, outcome });
    await wait(waitMs);
  }
}

/**
 * The verdict for one HTTP exchange by fetch: a response with a retry status,
 * or a network fault, read with `isRetryable`. `safeToRepeat` is false for a
 * request that must not be acted on twice (posting a message).
 */
export function httpVerdict(outcome: Outcome<Response>, safeToRepeat: boolean): Verdict {
  if ('value' in outcome) {
    const status = outcome.value.status;
    if (!RETRY_STATUSES.has(status) || !isRetryable(classifyStatus(status), safeToRepeat)) return { retry: false };
    return { retry: true, retryAfter: outcome.value.headers.get('Retry-After'), reason: `HTTP ${status}` };
  }
  const kind = classifyError(outcome.error);
  if (!isRetryable(kind, safeToRepeat)) return { retry: false };
  const e = outcome.error as Error;
  const code = errorCode(e);
  return { retry: true, reason: `${e.message}${code ? ` (${code})` : ''}` };
}
