/**
 * The Content-Security-Policy header for the tab's pages. The server that serves the
 * tab sets it on every HTML response.
 *
 * `frame-ancestors` lets only Teams and the Microsoft 365 hosts that run Teams tabs
 * frame the pages, plus the tab's own origin. The list is Microsoft's, from "Tab
 * requirements" (Set Content Security Policy headers to allow Teams and any other host
 * applications of your app):
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
 *   all hosts (new):       *.cloud.microsoft
 *   Teams:                 teams.microsoft.com, *.teams.microsoft.com
 *   Microsoft 365 app:     *.microsoft365.com, *.office.com
 *   Outlook:               outlook.office.com, outlook.office365.com,
 *                          outlook-sdf.office.com, outlook-sdf.office365.com
 * teams.cloud.microsoft is named as well, though *.cloud.microsoft covers it, because
 * earlier versions of that page named it and it is the web client's address.
 *
 * The rest: scripts only from the tab's own origin (teams-js and MSAL are bundled);
 * styles also inline, because Fluent UI v9 (Griffel) inserts style elements at run
 * time; network calls only to the tab's origin, the council's SharePoint, Entra
 * sign-in and Microsoft Graph; frames only for MSAL's silent renewal in a browser.
 * In dev (everything on 127.0.0.1 from one server) the tab talks to its own origin only.
 */

/** Hosts allowed to frame the tab, from Microsoft's documented list (see above). */
export const TEAMS_FRAME_ANCESTORS: readonly string[] = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

export const ENTRA_SIGN_IN = 'https://login.microsoftonline.com';
/** teams-js fetches its list of valid host origins from here as it loads inside Teams. */
export const TEAMS_JS_CDN = 'https://res.cdn.office.net';
export const MICROSOFT_GRAPH = 'https://graph.microsoft.com';

export interface CspOptions {
  /** Local development: the tab, its lists and the dev inbox are all on the page's own origin. */
  readonly dev: boolean;
  /**
   * The register's SharePoint site (its origin is what the tab may call), e.g.
   * https://council.sharepoint.com/sites/register. Without it, any *.sharepoint.com.
   */
  readonly sharePointSiteUrl?: string;
}

function sharePointSource(siteUrl: string | undefined): string {
  if (!siteUrl) return 'https://*.sharepoint.com';
  const url = new URL(siteUrl);
  if (url.protocol !== 'https:') throw new RangeError(`the SharePoint site must be on https: ${siteUrl}`);
  return url.origin;
}

/** The header's value: directives joined with `; `. */
export function contentSecurityPolicy(options: CspOptions): string {
  const frameAncestors = ["'self'", ...TEAMS_FRAME_ANCESTORS];
  const directives: [string, ...string[]][] = options.dev
    ? [
        ['default-src', "'self'"],
        ['script-src', "'self'"],
        ['style-src', "'self'", "'unsafe-inline'"],
        ['img-src', "'self'", 'data:', 'blob:'],
        ['font-src', "'self'", 'data:'],
        ['connect-src', "'self'", TEAMS_JS_CDN],
        ['frame-src', "'self'"],
      ]
    : [
        ['default-src', "'self'"],
        ['script-src', "'self'"],
        ['style-src', "'self'", "'unsafe-inline'"],
        ['img-src', "'self'", 'data:', 'blob:', sharePointSource(options.sharePointSiteUrl)],
        ['font-src', "'self'", 'data:'],
        [
          'connect-src',
          "'self'",
          sharePointSource(options.sharePointSiteUrl),
          ENTRA_SIGN_IN,
          MICROSOFT_GRAPH,
          TEAMS_JS_CDN,
        ],
        ['frame-src', "'self'", ENTRA_SIGN_IN],
      ];
  directives.push(
    ['frame-ancestors', ...frameAncestors],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  );
  return directives.map((d) => d.join(' ')).join('; ');
}
