/**
 * Teams' sign-in window, for Teams clients that do not recommend nested app authentication
 * (src/teams/auth.ts, mode `teams-window`). The tab opens it with teams-js
 * `authentication.authenticate` on `index.html?teams-sign-in=<resource>`; here, in that window:
 *
 * 1. Opened: remember the resource (session storage: Entra's page comes in between) and sign in
 *    with a redirect, MSAL's standard client, back to index.html.
 * 2. Back from Entra: complete the redirect, and hand the access token and its expiry to the tab
 *    with `authentication.notifySuccess`, which closes the window; any failure goes back with
 *    `notifyFailure` and its MSAL code, never the token or the address.
 *
 * Microsoft's pattern: "Enable authentication using third-party OAuth provider" for tabs (the
 * sign-in page in Teams' window). teams-js is initialised before notifying, as it requires.
 */
import {
  handedTokenText,
  realMsal,
  scopesFor,
  standardConfiguration,
  toSignInFailure,
  type MsalFactories,
} from './auth';
import type { TeamsSdk } from './host';
import { SIGN_IN_WINDOW_KEY, SIGN_IN_WINDOW_PARAM, signInResource, type SignInResource } from './signInWindowKeys';

export interface SignInWindowDeps {
  readonly sdk: Pick<TeamsSdk, 'initialize' | 'auth'>;
  readonly config: { readonly siteUrl: string; readonly clientId: string; readonly tenantId: string };
  /** The window's query string (`location.search`). */
  readonly search: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly msal?: MsalFactories;
}

export type SignInWindowOutcome = 'redirecting' | 'handedBack' | 'failed';

export async function runSignInWindow(deps: SignInWindowDeps): Promise<SignInWindowOutcome> {
  const opened = signInResource(new URLSearchParams(deps.search).get(SIGN_IN_WINDOW_PARAM));
  const resource: SignInResource | undefined = opened ?? signInResource(deps.storage.getItem(SIGN_IN_WINDOW_KEY));
  const fail = async (reason: string): Promise<SignInWindowOutcome> => {
    deps.storage.removeItem(SIGN_IN_WINDOW_KEY);
    await deps.sdk.initialize().catch(() => undefined);
    deps.sdk.auth?.notifyFailure(reason);
    return 'failed';
  };
  if (!resource) return fail('noResource');
  try {
    const pca = await (deps.msal ?? realMsal).standard(standardConfiguration(deps.config));
    const back = await pca.handleRedirectPromise();
    if (back) {
      deps.storage.removeItem(SIGN_IN_WINDOW_KEY);
      await deps.sdk.initialize();
      if (!deps.sdk.auth) return 'failed';
      deps.sdk.auth.notifySuccess(handedTokenText(back));
      return 'handedBack';
    }
    if (!opened) return await fail('noResult');
    deps.storage.setItem(SIGN_IN_WINDOW_KEY, resource);
    await pca.acquireTokenRedirect({ scopes: scopesFor(deps.config.siteUrl, resource) });
    return 'redirecting';
  } catch (e) {
    return fail(toSignInFailure(e).code);
  }
}
