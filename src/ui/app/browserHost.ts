import type { BrowserHints, Host } from '../../teams/host';

/**
 * The host of a page that cannot be in Teams: a top-level browser window that
 * no other window opened, and not a Teams mobile web view. teams-js would
 * reject at once there, but only after importing it, which also fetches its
 * list of valid domains from a CDN; so in that case the tab does not load
 * teams-js at all (it stays a lazy chunk) and uses the same browser fallback
 * as src/teams/host.ts's connectHost.
 */
export function isTopLevelBrowserWindow(w: Window & { nativeInterface?: unknown } = window): boolean {
  return w.parent === w && !w.opener && w.nativeInterface === undefined;
}

export function browserHost(hints: BrowserHints): Host {
  return {
    context: {
      inTeams: false,
      locale: hints.language ?? 'en-GB',
      theme: hints.forcedColors ? 'contrast' : hints.prefersDark ? 'dark' : 'light',
    },
    fallbackReason: 'notInTeams',
    onThemeChange: () => undefined,
    loaded: () => undefined,
  };
}
