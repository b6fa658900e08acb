/**
 * Hiding secret addresses (a webhook URL is its own credential: its path
 * identifies the flow and its `sig=` parameter signs it) in text meant for
 * people: logs, error messages, reports.
 *
 * `maskUrl` shows what is safe of an address: scheme and host, then "…".
 * `secretPartsOf` lists every part of an address that must not appear: the
 * whole address, its path and query, each query value (the signature above
 * all), each path segment that is not a plain word, in plain,
 * URL-encoded, doubly encoded and decoded form. `redact` replaces every one of
 * them, longest first, in a string; `redactDeep` does it in every string of a
 * JSON-like value (a report) without changing its shape.
 */

export const REDACTED = '…';

/** Scheme and host, then "…" (a webhook's path and query are its secret). */
export function maskUrl(url: string | undefined): string {
  if (url === undefined || url === '') return '(none)';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/${REDACTED}`;
  } catch {
    return '(not a URL)';
  }
}

/** A signature shorter than this is not one (hiding a 2-letter value would blank every word holding it). */
const SIGNATURE_MIN = 6;

/** Path segments that name a route rather than a secret (kept, so a log still says what was called). */
const PLAIN_SEGMENT = /^[a-z][a-z-]{0,15}$/i;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function forms(part: string): string[] {
  const decoded = safeDecode(part);
  const encoded = encodeURIComponent(decoded);
  return [part, decoded, encoded, encodeURIComponent(encoded), encodeURI(decoded)];
}

/** Every part of a secret address that must not be shown (see the comment at the top), longest first. */
export function secretPartsOf(url: string): string[] {
  const parts = new Set<string>();
  const add = (p: string, min = 4) => {
    for (const f of forms(p)) if (f.length >= min) parts.add(f);
  };
  add(url, 1);
  try {
    const u = new URL(url);
    add(u.href, 1);
    add(`${u.host}${u.pathname}`);
    if (u.pathname.length > 1) add(u.pathname);
    if (u.search.length > 1) {
      add(u.search);
      add(u.search.slice(1));
    }
    for (const segment of u.pathname.split('/')) {
      if (segment !== '' && !PLAIN_SEGMENT.test(safeDecode(segment))) add(segment);
    }
    for (const [name, value] of u.searchParams) {
      // The signature is hidden whatever its length; other values when they are long enough to be secret.
      if (/^(sig|signature|code|key|token|secret)$/i.test(name)) add(value, SIGNATURE_MIN);
      else if (value.length >= 8) add(value);
    }
    for (const raw of u.search.slice(1).split('&')) {
      const [name, ...rest] = raw.split('=');
      const value = rest.join('=');
      if (name !== undefined && /^(sig|signature|code|key|token|secret)$/i.test(safeDecode(name)))
        add(value, SIGNATURE_MIN);
    }
  } catch {
    // not a URL: only the whole string is hidden
  }
  return [...parts].filter((p) => p !== '').sort((a, b) => b.length - a.length);
}

/**
 * A function that hides every part of every secret in a text (a whole
 * address by its masked form); the parts are worked out once.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const pairs: (readonly [string, string])[] = [];
  for (const secret of secrets) {
    if (secret === '') continue;
    const masked = maskUrl(safeDecode(secret));
    for (const whole of forms(secret)) if (whole !== '') pairs.push([whole, masked]);
    for (const part of secretPartsOf(secret)) pairs.push([part, REDACTED]);
  }
  return (text) => {
    let out = text;
    for (const [find, put] of pairs) if (out.includes(find)) out = out.split(find).join(put);
    return out;
  };
}

/** `text` with every part of every secret replaced by "…" (a whole address by its masked form). */
export function redact(text: string, secrets: readonly string[]): string {
  return redactor(secrets)(text);
}

/** A copy of a JSON-like value with `redact` applied to every string in it (keys included). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const hide = redactor(secrets);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return hide(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [hide(k), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
