/**
 * Sign-in for the tab: access tokens for SharePoint (the register's lists) and for
 * Microsoft Graph (`ChannelMessage.Send`, to post a card as the person).
 *
 * - Inside Teams: MSAL nested app authentication (NAA). `createNestablePublicClientApplication`
 *   lets the Teams host broker the sign-in, so there is no second login and no
 *   middle tier; a token is asked for silently and, when Entra says interaction is
 *   needed, with a popup the host shows. Microsoft's guide:
 *   https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication
 * - Inside an older Teams client that does not recommend NAA (teams-js
 *   `nestedAppAuth.isNAAChannelRecommended()` is false): a standard MSAL client in the tab, which
 *   signs in silently where it can (its cache, then `ssoSilent` with Teams' login hint). When it
 *   cannot, the tab's sign-in button opens Teams' own sign-in window (`authentication.authenticate`)
 *   on this tab's `index.html?teams-sign-in=<resource>`; that window signs in with redirects
 *   (src/teams/signInWindow.ts) and hands the access token back, which the tab keeps in memory
 *   until it expires. Microsoft's pattern for tabs: "Enable authentication using third-party OAuth
 *   provider" (auth-tab-aad).
 * - In a plain browser: a standard MSAL client with redirects. The tab never
 *   navigates away on its own (the page may hold unsaved typing): a token request
 *   that needs interaction fails with `interactionRequired`, and the tab's sign-in
 *   button calls `signIn()`, which redirects; `handleRedirectPromise` completes it.
 * - Local development (the embedded list server on 127.0.0.1): no sign-in at all;
 *   the token is `dev:<user>`, which the embedded server reads as that demo user.
 *
 * Failures are coded values, `{ code, detail }` (as `SignInError`, so they can also
 * be thrown through PnPjs): `consentRequired` (AADSTS65001 / `consent_required`: an
 * administrator must grant consent), `interactionRequired`, `popupBlocked`,
 * `signInFailed`. MSAL is created through injectable factories, so tests fake it at
 * that boundary only.
 *
 * In Teams, create the provider after the host module has initialised teams-js:
 * Microsoft asks for TeamsJS to be initialised before MSAL. The SharePoint request's
 * scopes (`https://<tenant>.sharepoint.com/.default`, alone) match the manifest's
 * `webApplicationInfo.nestedAppAuthInfo`, so Teams can prefetch that token while the
 * tab loads; change both together.
 */
import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SIGN_IN_WINDOW_PARAM, type SignInResource } from './signInWindowKeys';

export type SignInFailureCode = 'consentRequired' | 'interactionRequired' | 'signInFailed' | 'popupBlocked';

export interface SignInFailure {
  readonly code: SignInFailureCode;
  /** MSAL's code and message, for the log and the "details" of the message shown. */
  readonly detail: string;
}

/** A sign-in failure that can travel as a rejection (through PnPjs's auth behaviour) and keep its code. */
export class SignInError extends Error implements SignInFailure {
  constructor(
    readonly code: SignInFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'SignInError';
  }
}

export function isSignInError(e: unknown): e is SignInError {
  return e instanceof SignInError;
}

/** The MSAL calls this module makes: all a fake needs to implement. */
export type MsalClient = Pick<
  IPublicClientApplication,
  | 'acquireTokenSilent'
  | 'ssoSilent'
  | 'acquireTokenPopup'
  | 'acquireTokenRedirect'
  | 'handleRedirectPromise'
  | 'getActiveAccount'
  | 'setActiveAccount'
  | 'getAllAccounts'
>;

export interface MsalFactories {
  nestable(configuration: Configuration): Promise<MsalClient>;
  standard(configuration: Configuration): Promise<MsalClient>;
}

export const realMsal: MsalFactories = {
  nestable: (configuration) => createNestablePublicClientApplication(configuration),
  standard: (configuration) => createStandardPublicClientApplication(configuration),
};

export interface TokenProviderConfig {
  /** The register's SharePoint site, e.g. https://council.sharepoint.com/sites/register; 127.0.0.1 means dev mode. */
  readonly siteUrl: string;
  /** Application (client) ID of the tab's Entra app registration. */
  readonly clientId: string;
  /** Directory (tenant) ID: the authority is https://login.microsoftonline.com/<tenantId>. */
  readonly tenantId: string;
  /** Hosted in Teams (from the host module): NAA; otherwise browser redirects. */
  readonly inTeams: boolean;
  /** In Teams: whether the client recommends NAA (default true); false on older clients. */
  readonly naaRecommended?: boolean;
  /**
   * In Teams without NAA: opens Teams' sign-in window on `url` and resolves with what it hands
   * back (the host module's `authenticate`).
   */
  readonly teamsSignInWindow?: (url: string) => Promise<string>;
  /** Teams' user principal name, to pick the right cached account. */
  readonly loginHint?: string;
  /** Browser mode: where Entra sends the person back; default `<origin>/index.html`. */
  readonly redirectUri?: string;
  /** Dev mode: the demo user's key (`officer`, `governance`, `panel`...); default `officer`. */
  readonly devUser?: string;
  /** Tests replace MSAL here. */
  readonly msal?: MsalFactories;
}

export interface TokenProvider {
  readonly mode: 'teams' | 'teams-window' | 'browser' | 'dev';
  /**
   * A bearer token for the SharePoint site: what `createSp({ getToken })` expects. A
   * property, not a method, so it can be handed over unbound:
   * `createSp({ siteUrl, getToken: tokens.getSharePointToken })`.
   */
  readonly getSharePointToken: () => Promise<string>;
  /** A bearer token for Microsoft Graph with ChannelMessage.Send. */
  readonly getGraphToken: () => Promise<string>;
  /**
   * Interactive sign-in, for the tab's sign-in button after a failure: a popup in
   * Teams (resolves when signed in), a redirect in a browser (the page then reloads).
   */
  readonly signIn: (resource?: 'sharepoint' | 'graph') => Promise<void>;
}

export const GRAPH_CHANNEL_MESSAGE_SEND = 'https://graph.microsoft.com/ChannelMessage.Send';

/** What Teams' sign-in window hands back to the tab: the access token and when it expires. */
export interface HandedToken {
  readonly token: string;
  /** Milliseconds since 1970. */
  readonly expiresOn: number;
}

export function handedTokenText(result: Pick<AuthenticationResult, 'accessToken' | 'expiresOn'>): string {
  return JSON.stringify({ token: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? 0 });
}

export function parseHandedToken(text: string): HandedToken | undefined {
  try {
    const v = JSON.parse(text) as Partial<HandedToken>;
    return typeof v.token === 'string' && v.token !== '' && typeof v.expiresOn === 'number'
      ? { token: v.token, expiresOn: v.expiresOn }
      : undefined;
  } catch {
    return undefined;
  }
}

const DEV_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The embedded list server, not SharePoint: no sign-in. */
export function isDevSite(siteUrl: string): boolean {
  try {
    return DEV_HOSTS.has(new URL(siteUrl).hostname);
  } catch {
    return false;
  }
}

/** `https://<tenant>.sharepoint.com/.default`: every delegated SharePoint permission the app was granted. */
export function sharePointScope(siteUrl: string): string {
  return `${new URL(siteUrl).origin}/.default`;
}

/** The scopes a token for each resource is asked with (the manifest's nestedAppAuthInfo names SharePoint's). */
export function scopesFor(siteUrl: string, resource: SignInResource): string[] {
  return resource === 'sharepoint' ? [sharePointScope(siteUrl)] : [GRAPH_CHANNEL_MESSAGE_SEND];
}

/** The standard MSAL configuration: the tenant's authority, redirects back to the tab's index.html. */
export function standardConfiguration(
  config: Pick<TokenProviderConfig, 'clientId' | 'tenantId' | 'redirectUri'>,
): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      redirectUri: config.redirectUri ?? `${globalThis.location?.origin ?? ''}/index.html`,
    },
  };
}

interface MsalErrorLike {
  readonly name?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly subError?: string;
  readonly message?: string;
}

const INTERACTION_CODES = new Set([
  'interaction_required',
  'login_required',
  'consent_required',
  'no_tokens_found',
  'native_account_unavailable',
  'refresh_token_expired',
  'bad_token',
  'ui_not_allowed',
  'interrupted_user',
  'no_account_error',
]);
const POPUP_CODES = new Set(['popup_window_error', 'empty_window_error', 'block_nested_popups']);

type ErrorKind = 'consent' | 'interaction' | 'popupBlocked' | 'cancelled' | 'other';

function describe(e: unknown): { kind: ErrorKind; detail: string } {
  const err = (typeof e === 'object' && e !== null ? e : {}) as MsalErrorLike;
  const code = err.errorCode ?? '';
  const text = `${err.errorMessage ?? ''} ${err.message ?? ''} ${err.subError ?? ''}`;
  const detail = code ? `${code}: ${(err.errorMessage ?? err.message ?? '').trim()}` : String(err.message ?? e);
  // AADSTS65001: no consent for the app; AADSTS90094: only an administrator may grant it.
  if (code === 'consent_required' || /AADSTS(65001|90094)\b/.test(text)) return { kind: 'consent', detail };
  if (POPUP_CODES.has(code)) return { kind: 'popupBlocked', detail };
  if (code === 'user_cancelled') return { kind: 'cancelled', detail };
  if (
    e instanceof InteractionRequiredAuthError ||
    err.name === 'InteractionRequiredAuthError' ||
    INTERACTION_CODES.has(code)
  ) {
    return { kind: 'interaction', detail };
  }
  return { kind: 'other', detail };
}

/** Turns anything MSAL throws into the tab's coded value. */
export function toSignInFailure(e: unknown): SignInFailure {
  if (isSignInError(e)) return { code: e.code, detail: e.detail };
  const { kind, detail } = describe(e);
  const code: SignInFailureCode =
    kind === 'consent'
      ? 'consentRequired'
      : kind === 'popupBlocked'
        ? 'popupBlocked'
        : kind === 'interaction' || kind === 'cancelled'
          ? 'interactionRequired'
          : 'signInFailed';
  return { code, detail };
}

const asError = (e: unknown): SignInError => {
  const failure = toSignInFailure(e);
  return new SignInError(failure.code, failure.detail);
};

function devProvider(user: string): TokenProvider {
  const token = () => Promise.resolve(`dev:${user}`);
  return { mode: 'dev', getSharePointToken: token, getGraphToken: token, signIn: () => Promise.resolve() };
}

export function createTokenProvider(config: TokenProviderConfig): TokenProvider {
  if (isDevSite(config.siteUrl)) return devProvider(config.devUser ?? 'officer');

  const mode = !config.inTeams ? 'browser' : config.naaRecommended === false ? 'teams-window' : 'teams';
  const msal = config.msal ?? realMsal;
  const scopes: Record<SignInResource, string[]> = {
    sharepoint: scopesFor(config.siteUrl, 'sharepoint'),
    graph: scopesFor(config.siteUrl, 'graph'),
  };
  const configuration: Configuration =
    mode === 'teams'
      ? {
          auth: { clientId: config.clientId, authority: `https://login.microsoftonline.com/${config.tenantId}` },
        }
      : standardConfiguration(config);

  let client: Promise<MsalClient> | undefined;
  /** A failure from returning from a redirect, reported by the next token request. */
  let redirectFailure: SignInError | undefined;
  /** After an interactive attempt fails, token requests stop opening popups until `signIn()`. */
  let interactiveFailure: SignInError | undefined;
  const popups = new Map<string, Promise<string>>();
  /** Tokens Teams' sign-in window handed back (teams-window mode), until a minute before they expire. */
  const handed = new Map<keyof typeof scopes, { readonly token: string; readonly expiresOn: number }>();

  const getClient = (): Promise<MsalClient> => {
    client ??= (async () => {
      if (mode === 'teams') return msal.nestable(configuration);
      if (mode === 'teams-window') return msal.standard(configuration);
      const standard = await msal.standard(configuration);
      try {
        const result = await standard.handleRedirectPromise();
        if (result?.account) standard.setActiveAccount(result.account);
      } catch (e) {
        redirectFailure = asError(e);
      }
      return standard;
    })().catch((e: unknown) => {
      client = undefined; // let a later request try again
      throw new SignInError('signInFailed', `MSAL could not start: ${toSignInFailure(e).detail}`);
    });
    return client;
  };

  const account = (pca: MsalClient): AccountInfo | undefined => {
    const active = pca.getActiveAccount();
    if (active) return active;
    const all = pca.getAllAccounts();
    const hint = config.loginHint?.toLowerCase();
    return (hint ? all.find((a) => a.username.toLowerCase() === hint) : undefined) ?? all[0];
  };

  const remember = (pca: MsalClient, result: AuthenticationResult): string => {
    if (result.account) pca.setActiveAccount(result.account);
    return result.accessToken;
  };

  const popup = (pca: MsalClient, resource: keyof typeof scopes): Promise<string> => {
    const pending = popups.get(resource);
    if (pending) return pending;
    const attempt = pca
      .acquireTokenPopup({
        scopes: scopes[resource],
        ...(config.loginHint ? { loginHint: config.loginHint } : {}),
      })
      .then(
        (result) => {
          interactiveFailure = undefined;
          return remember(pca, result);
        },
        (e: unknown) => {
          interactiveFailure = asError(e);
          throw interactiveFailure;
        },
      )
      .finally(() => popups.delete(resource));
    popups.set(resource, attempt);
    return attempt;
  };

  const getToken = async (resource: keyof typeof scopes): Promise<string> => {
    const kept = handed.get(resource);
    if (kept && kept.expiresOn - 60_000 > Date.now()) return kept.token;
    const pca = await getClient();
    if (redirectFailure) {
      const failure = redirectFailure;
      redirectFailure = undefined;
      throw failure;
    }
    const signedIn = account(pca);
    try {
      const result = await pca.acquireTokenSilent({
        scopes: scopes[resource],
        ...(signedIn ? { account: signedIn } : {}),
      });
      return remember(pca, result);
    } catch (e) {
      const { kind, detail } = describe(e);
      if (kind !== 'interaction' && kind !== 'consent') throw new SignInError('signInFailed', detail);
      if (mode === 'teams-window') return silentInTeams(pca, resource, detail);
      // A browser page never redirects by itself; the tab offers a sign-in button.
      if (mode === 'browser')
        throw new SignInError(kind === 'consent' ? 'consentRequired' : 'interactionRequired', detail);
      if (interactiveFailure) throw interactiveFailure;
      return popup(pca, resource);
    }
  };

  /**
   * An older Teams client: the person is signed in to Teams, so Entra may sign the tab in without
   * a word (ssoSilent with Teams' login hint); otherwise the sign-in button opens Teams' window.
   */
  const silentInTeams = async (pca: MsalClient, resource: keyof typeof scopes, first: string): Promise<string> => {
    if (!config.loginHint) throw new SignInError('interactionRequired', first);
    try {
      return remember(pca, await pca.ssoSilent({ scopes: scopes[resource], loginHint: config.loginHint }));
    } catch (e) {
      throw asError(e);
    }
  };

  /** Teams' own sign-in window (teams-window mode): it signs in with redirects and hands the token back. */
  const signInThroughTeams = async (resource: keyof typeof scopes): Promise<void> => {
    if (!config.teamsSignInWindow)
      throw new SignInError('signInFailed', 'This Teams client offers no sign-in window to the tab.');
    const origin = globalThis.location?.origin ?? '';
    let answer: string;
    try {
      answer = await config.teamsSignInWindow(`${origin}/index.html?${SIGN_IN_WINDOW_PARAM}=${resource}`);
    } catch (e) {
      // Teams rejects with the window's notifyFailure reason, or CancelledByUser when it was closed.
      const reason = e instanceof Error ? e.message : String(e);
      throw new SignInError(/cancel/i.test(reason) ? 'interactionRequired' : toSignInFailure(e).code, reason);
    }
    const handedBack = parseHandedToken(answer);
    if (!handedBack) throw new SignInError('signInFailed', "Teams' sign-in window handed back no token.");
    handed.set(resource, handedBack);
  };

  return {
    mode,
    getSharePointToken: () => getToken('sharepoint'),
    getGraphToken: () => getToken('graph'),
    signIn: async (resource = 'sharepoint') => {
      const pca = await getClient();
      interactiveFailure = undefined;
      redirectFailure = undefined;
      if (mode === 'teams-window') {
        await signInThroughTeams(resource);
        return;
      }
      if (mode === 'teams') {
        await popup(pca, resource);
        return;
      }
      try {
        await pca.acquireTokenRedirect({
          scopes: scopes[resource],
          ...(config.loginHint ? { loginHint: config.loginHint } : {}),
        });
      } catch (e) {
        throw asError(e);
      }
    },
  };
}
