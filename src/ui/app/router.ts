/**
 * A tiny hash router: the tab is static files (any host serves them), and a
 * view's whole state lives in the address, so a link reproduces it.
 *   #/                         Home
 *   #/register?status=active   the register, filtered
 *   #/collaboration/COL-0042   one record
 *   #/new                      a new collaboration
 *   #/config                   a channel tab's configuration page
 */
import { useSyncExternalStore } from 'react';

export type RouteName = 'home' | 'register' | 'record' | 'new' | 'config' | 'notFound';

export interface Route {
  readonly name: RouteName;
  /** For `record`: the reference. */
  readonly reference?: string;
  readonly query: URLSearchParams;
  /** The hash it was parsed from, so equal routes compare equal. */
  readonly hash: string;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2) as [string?, string?];
  const query = new URLSearchParams(queryPart);
  const segments = pathPart.split('/').filter((s) => s !== '');
  const [first, second] = segments;
  const base = { query, hash: raw };
  if (first === undefined || first === 'home') return { name: 'home', ...base };
  if (first === 'register' && segments.length === 1) return { name: 'register', ...base };
  if (first === 'collaboration' && second !== undefined && segments.length === 2) {
    let reference = second;
    try {
      reference = decodeURIComponent(second);
    } catch {
      // leave as typed
    }
    return { name: 'record', reference, ...base };
  }
  if (first === 'new' && segments.length === 1) return { name: 'new', ...base };
  if (first === 'config' && segments.length === 1) return { name: 'config', ...base };
  return { name: 'notFound', ...base };
}

/** True when a hash is one of the router's (`#/...`), not an in-page anchor such as `#main`. */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

/** A query string that keeps `,` and `:` readable (both are allowed in a query, RFC 3986). */
export function queryString(params: URLSearchParams): string {
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

export const paths = {
  home: () => '#/',
  register: (query?: URLSearchParams | string) => {
    const q = typeof query === 'string' ? query : query ? queryString(query) : '';
    return q ? `#/register?${q}` : '#/register';
  },
  record: (reference: string) => `#/collaboration/${encodeURIComponent(reference)}`,
  newCollaboration: () => '#/new',
  config: () => '#/config',
};

let current: Route = parseHash(typeof location === 'undefined' ? '' : location.hash);

function subscribe(onChange: () => void): () => void {
  const handler = () => {
    if (!isRouteHash(location.hash)) return;
    const next = parseHash(location.hash);
    if (next.hash !== current.hash) {
      current = next;
      onChange();
    }
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

function snapshot(): Route {
  if (typeof location !== 'undefined' && isRouteHash(location.hash)) {
    const hash = location.hash.replace(/^#/, '');
    if (hash !== current.hash) current = parseHash(location.hash);
  }
  return current;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Goes to a route (`#/register?...`). `replace` keeps the history entry (filters typed letter by letter). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const hash = to.startsWith('#') ? to : `#${to}`;
  if (location.hash === hash) return;
  if (options.replace) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}
