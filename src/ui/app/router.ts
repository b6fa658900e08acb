/**
 * A tiny hash router: the tab is static files (any host serves them), and a
 * view's whole state lives in the address, so a link reproduces it.
 *   #/                         Home
 *   #/register?status=active   the register, filtered
 *   #/collaboration/COL-0042   one record
 *   #/new                      a new collaboration
 *   #/config                   a channel tab's configuration page
 *   #/assessment/<key>         an assessment (the form runner; `new` + ?collaboration=&template=)
 *   #/templates[/<key>]        assessment templates (governance)
 *   #/review/<key>             a review: panel, outcome, decision, channel post
 *   #/action-plan              the 12-month action plan
 *   #/reports[/quarterly|annual]  the governance reports
 *   #/import                   bring an existing register in (governance)
 *   #/compendium               the compendium export
 *   #/partners                 the partner register (governance edits and merges)
 *   #/statements?year=2025     the annual assurance statements (Heads of Service confirm)
 *   #/policy                   the governance policy (governance publishes; everyone reads)
 */
import { useSyncExternalStore } from 'react';

export type RouteName =
  | 'home'
  | 'register'
  | 'record'
  | 'new'
  | 'config'
  | 'assessment'
  | 'templates'
  | 'review'
  | 'actionPlan'
  | 'reports'
  | 'import'
  | 'compendium'
  | 'partners'
  | 'statements'
  | 'policy'
  | 'notFound';

/** Routes of one segment (`#/import`). */
const SINGLE: Readonly<Record<string, RouteName>> = {
  register: 'register',
  new: 'new',
  config: 'config',
  templates: 'templates',
  'action-plan': 'actionPlan',
  reports: 'reports',
  import: 'import',
  compendium: 'compendium',
  partners: 'partners',
  statements: 'statements',
  policy: 'policy',
};

/** Routes of two segments (`#/review/REV-0001`); the second is the route's `reference`. */
const DOUBLE: Readonly<Record<string, RouteName>> = {
  collaboration: 'record',
  assessment: 'assessment',
  templates: 'templates',
  review: 'review',
  reports: 'reports',
};

export interface Route {
  readonly name: RouteName;
  /** The second segment: a record's reference, an assessment's or review's key, a template key, a report kind. */
  readonly reference?: string;
  readonly query: URLSearchParams;
  /** The hash it was parsed from, so equal routes compare equal. */
  readonly hash: string;
}

function notFound(base: { query: URLSearchParams; hash: string }): Route {
  return { name: 'notFound', ...base };
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2) as [string?, string?];
  const query = new URLSearchParams(queryPart);
  const segments = pathPart.split('/').filter((s) => s !== '');
  const [first, second] = segments;
  const base = { query, hash: raw };
  if (first === undefined || first === 'home') return segments.length <= 1 ? { name: 'home', ...base } : notFound(base);
  if (segments.length === 1) {
    const name = SINGLE[first];
    return name ? { name, ...base } : notFound(base);
  }
  const name = DOUBLE[first];
  if (name && second !== undefined && segments.length === 2) {
    let reference = second;
    try {
      reference = decodeURIComponent(second);
    } catch {
      // leave as typed
    }
    return { name, reference, ...base };
  }
  return notFound(base);
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
  /** A record; `tab` opens one of its tabs (assessments, reviews, actions, history). */
  record: (reference: string, tab?: 'assessments' | 'reviews' | 'actions' | 'history') =>
    `#/collaboration/${encodeURIComponent(reference)}${tab ? `?tab=${tab}` : ''}`,
  newCollaboration: () => '#/new',
  config: () => '#/config',
  /** An assessment by key; `new` with `?collaboration=COL-0042&template=<key>` starts one. */
  assessment: (key: string, query?: URLSearchParams) =>
    `#/assessment/${encodeURIComponent(key)}${query && query.toString() ? `?${queryString(query)}` : ''}`,
  templates: (key?: string) => (key ? `#/templates/${encodeURIComponent(key)}` : '#/templates'),
  review: (key: string) => `#/review/${encodeURIComponent(key)}`,
  actionPlan: (query?: URLSearchParams) =>
    query && query.toString() ? `#/action-plan?${queryString(query)}` : '#/action-plan',
  reports: (kind?: 'quarterly' | 'annual', query?: URLSearchParams) =>
    `#/reports${kind ? `/${kind}` : ''}${query && query.toString() ? `?${queryString(query)}` : ''}`,
  import: () => '#/import',
  compendium: () => '#/compendium',
  partners: () => '#/partners',
  statements: (year?: number) => (year === undefined ? '#/statements' : `#/statements?year=${year}`),
  policy: () => '#/policy',
};

let current: Route = parseHash(typeof location === 'undefined' ? '' : location.hash);

function subscribe(onChange: () => void): () => void {
  // Every subscriber is told of every route change; `snapshot` keeps one Route per hash, so
  // React re-renders only those whose route changed. (Comparing with the shared `current` here
  // told only the first subscriber, or none when a render had already read the new hash.)
  const handler = () => {
    if (isRouteHash(location.hash)) onChange();
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
