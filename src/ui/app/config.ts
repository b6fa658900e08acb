/**
 * The tab's configuration, read once at start-up from the page's meta tags
 * (index.html): the SharePoint site that holds the register and the Entra app
 * that signs in to it. No inline script is needed, so the page keeps a strict
 * Content-Security-Policy. A missing or unreplaced value means the embedded
 * list server on the page's own origin: dev mode.
 */
export interface TabConfig {
  /** Absolute URL of the register's site, no trailing slash. */
  readonly siteUrl: string;
  /** The embedded list server: demo users, `dev:<user>` tokens, the dev switches. */
  readonly dev: boolean;
  readonly clientId: string;
  readonly tenantId: string;
  /** The Teams app's id (manifest `id`), for deep links on the cards the tab posts; empty: links to the tab's own address. */
  readonly teamsAppId?: string;
}

export const DEV_SITE_PATH = '/sites/council';
const DEV_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function meta(doc: Document, name: string): string | undefined {
  const value = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim();
  return value && !value.startsWith('%') ? value : undefined;
}

export function isDevSiteUrl(siteUrl: string): boolean {
  try {
    return DEV_HOSTS.has(new URL(siteUrl).hostname);
  } catch {
    return false;
  }
}

export function readTabConfig(doc: Document = document, origin: string = location.origin): TabConfig {
  const teamsAppId = meta(doc, 'cr:teams-app-id');
  const siteUrl = (meta(doc, 'cr:site-url') ?? `${origin}${DEV_SITE_PATH}`).replace(/\/+$/, '');
  return {
    siteUrl,
    dev: isDevSiteUrl(siteUrl),
    clientId: meta(doc, 'cr:client-id') ?? '',
    tenantId: meta(doc, 'cr:tenant-id') ?? '',
    ...(teamsAppId ? { teamsAppId } : {}),
  };
}
