/**
 * Sign-in with MSAL faked at the boundary only: the factories hand back a fake
 * PublicClientApplication implementing the few methods the module calls; errors are
 * MSAL's own classes, with the codes and messages Entra sends.
 */
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser';
import {
  createTokenProvider,
  GRAPH_CHANNEL_MESSAGE_SEND,
  handedTokenText,
  parseHandedToken,
  isSignInError,
  toSignInFailure,
  type MsalClient,
  type MsalFactories,
  type TokenProviderConfig,
} from '../../../src/teams/auth';

const account = {
  homeAccountId: 'h',
  environment: 'login.microsoftonline.com',
  tenantId: 't',
  username: 'rhys.davies@glanyrafon.example',
  localAccountId: 'l',
} as AccountInfo;

function result(accessToken: string): AuthenticationResult {
  return { accessToken, account } as AuthenticationResult;
}

const consentError = () =>
  new InteractionRequiredAuthError(
    'consent_required',
    'corr',
    "AADSTS65001: The user or administrator has not consented to use the application with ID '2a7b...'.",
  );
const interactionError = () =>
  new InteractionRequiredAuthError(
    'interaction_required',
    'corr',
    'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
  );

function fakeMsal(overrides: Partial<MsalClient> = {}) {
  let active: AccountInfo | null = null;
  const client = {
    acquireTokenSilent: jest.fn((_req: { scopes: string[] }) => Promise.resolve(result('silent-token'))),
    ssoSilent: jest.fn((_req: { scopes?: string[]; loginHint?: string }) => Promise.resolve(result('sso-token'))),
    acquireTokenPopup: jest.fn((_req: { scopes: string[] }) => Promise.resolve(result('popup-token'))),
    acquireTokenRedirect: jest.fn((_req: { scopes: string[] }) => Promise.resolve()),
    handleRedirectPromise: jest.fn(() => Promise.resolve(null as AuthenticationResult | null)),
    getActiveAccount: jest.fn(() => active),
    setActiveAccount: jest.fn((a: AccountInfo | null) => {
      active = a;
    }),
    getAllAccounts: jest.fn((): AccountInfo[] => []),
    ...overrides,
  };
  const configurations: { kind: 'nestable' | 'standard'; configuration: Configuration }[] = [];
  const factories: MsalFactories = {
    nestable: (configuration) => {
      configurations.push({ kind: 'nestable', configuration });
      return Promise.resolve(client);
    },
    standard: (configuration) => {
      configurations.push({ kind: 'standard', configuration });
      return Promise.resolve(client);
    },
  };
  return { client, factories, configurations };
}

const base: Omit<TokenProviderConfig, 'inTeams'> = {
  siteUrl: 'https://glanyrafon.sharepoint.com/sites/collaboration-register',
  clientId: '2a7b9c4d-1e3f-4a5b-9c6d-7e8f9a0b1c2d',
  tenantId: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
};

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    expect(isSignInError(e)).toBe(true);
    return toSignInFailure(e);
  }
  throw new Error('expected a sign-in failure');
}

describe('inside Teams (nested app authentication)', () => {
  it('gets a SharePoint token silently, from a nestable client on the tenant authority', async () => {
    const msal = fakeMsal();
    const tokens = createTokenProvider({ ...base, inTeams: true, msal: msal.factories });
    const { getSharePointToken } = tokens; // handed over unbound, as createSp({ getToken }) receives it
    await expect(getSharePointToken()).resolves.toBe('silent-token');
    expect(tokens.mode).toBe('teams');
    expect(msal.configurations).toEqual([
      {
        kind: 'nestable',
        configuration: {
          auth: { clientId: base.clientId, authority: `https://login.microsoftonline.com/${base.tenantId}` },
        },
      },
    ]);
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: ['https://glanyrafon.sharepoint.com/.default'],
    });
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('asks for Graph ChannelMessage.Send separately, with the account it now knows', async () => {
    const msal = fakeMsal();
    const tokens = createTokenProvider({ ...base, inTeams: true, msal: msal.factories });
    await tokens.getSharePointToken();
    await tokens.getGraphToken();
    expect(msal.client.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: [GRAPH_CHANNEL_MESSAGE_SEND], account });
    expect(GRAPH_CHANNEL_MESSAGE_SEND).toBe('https://graph.microsoft.com/ChannelMessage.Send');
  });

  it('picks the cached account Teams names, when there are several', async () => {
    const other = { ...account, username: 'someone.else@glanyrafon.example' };
    const msal = fakeMsal({ getAllAccounts: jest.fn(() => [other, account]) });
    const tokens = createTokenProvider({
      ...base,
      inTeams: true,
      loginHint: 'Rhys.Davies@glanyrafon.example',
      msal: msal.factories,
    });
    await tokens.getSharePointToken();
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ account }));
  });

  it('falls back to a popup when interaction is required', async () => {
    const msal = fakeMsal({ acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())) });
    const tokens = createTokenProvider({ ...base, inTeams: true, loginHint: account.username, msal: msal.factories });
    await expect(tokens.getSharePointToken()).resolves.toBe('popup-token');
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledWith({
      scopes: ['https://glanyrafon.sharepoint.com/.default'],
      loginHint: account.username,
    });
    expect(msal.client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('opens one popup for requests that fail together', async () => {
    let finish: (r: AuthenticationResult) => void = () => undefined;
    const msal = fakeMsal({
      acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())),
      acquireTokenPopup: jest.fn(() => new Promise<AuthenticationResult>((resolve) => (finish = resolve))),
    });
    const tokens = createTokenProvider({ ...base, inTeams: true, msal: msal.factories });
    const both = Promise.all([tokens.getSharePointToken(), tokens.getSharePointToken()]);
    await new Promise((r) => setTimeout(r, 0));
    finish(result('one-popup'));
    await expect(both).resolves.toEqual(['one-popup', 'one-popup']);
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it('consent required (AADSTS65001) that the popup cannot give is a coded error', async () => {
    const msal = fakeMsal({
      acquireTokenSilent: jest.fn(() => Promise.reject(consentError())),
      acquireTokenPopup: jest.fn(() => Promise.reject(consentError())),
    });
    const tokens = createTokenProvider({ ...base, inTeams: true, msal: msal.factories });
    const failure = await failureOf(tokens.getSharePointToken());
    expect(failure).toEqual({ code: 'consentRequired', detail: expect.stringContaining('AADSTS65001') as string });
  });

  it('recognises consent required from the AADSTS code alone', () => {
    const server = { name: 'ServerError', errorCode: 'invalid_grant', errorMessage: 'AADSTS65001: not consented' };
    expect(toSignInFailure(server).code).toBe('consentRequired');
  });

  it('a blocked popup is a coded error, and later requests do not pop up again until signIn()', async () => {
    const popup = jest.fn((_req: { scopes: string[] }) =>
      Promise.reject<AuthenticationResult>(new BrowserAuthError('popup_window_error', 'corr')),
    );
    const msal = fakeMsal({
      acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())),
      acquireTokenPopup: popup,
    });
    const tokens = createTokenProvider({ ...base, inTeams: true, msal: msal.factories });
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('popupBlocked');
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('popupBlocked');
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledTimes(1);

    popup.mockImplementation(() => Promise.resolve(result('after-button')));
    await tokens.signIn();
    expect(msal.client.acquireTokenPopup).toHaveBeenCalledTimes(2);
  });

  it('a closed sign-in window means interaction is still required; anything else is signInFailed', async () => {
    const cancelled = fakeMsal({
      acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())),
      acquireTokenPopup: jest.fn(() => Promise.reject(new BrowserAuthError('user_cancelled', 'corr'))),
    });
    const a = createTokenProvider({ ...base, inTeams: true, msal: cancelled.factories });
    expect((await failureOf(a.getSharePointToken())).code).toBe('interactionRequired');

    const broken = fakeMsal({ acquireTokenSilent: jest.fn(() => Promise.reject(new Error('network down'))) });
    const b = createTokenProvider({ ...base, inTeams: true, msal: broken.factories });
    expect(await failureOf(b.getSharePointToken())).toEqual({ code: 'signInFailed', detail: 'network down' });
    expect(broken.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('MSAL that cannot start is signInFailed, and the next request tries again', async () => {
    const msal = fakeMsal();
    let fail = true;
    const factories: MsalFactories = {
      ...msal.factories,
      nestable: (c) => (fail ? Promise.reject(new Error('no host')) : msal.factories.nestable(c)),
    };
    const tokens = createTokenProvider({ ...base, inTeams: true, msal: factories });
    expect(await failureOf(tokens.getSharePointToken())).toEqual({
      code: 'signInFailed',
      detail: 'MSAL could not start: no host',
    });
    fail = false;
    await expect(tokens.getSharePointToken()).resolves.toBe('silent-token');
  });
});

describe('in a plain browser (redirects)', () => {
  it('completes a returning redirect, then gets tokens silently', async () => {
    const msal = fakeMsal({ handleRedirectPromise: jest.fn(() => Promise.resolve(result('from-redirect'))) });
    const tokens = createTokenProvider({
      ...base,
      inTeams: false,
      redirectUri: 'https://register.glanyrafon.example/index.html',
      msal: msal.factories,
    });
    await expect(tokens.getSharePointToken()).resolves.toBe('silent-token');
    expect(tokens.mode).toBe('browser');
    expect(msal.configurations[0]).toEqual({
      kind: 'standard',
      configuration: {
        auth: {
          clientId: base.clientId,
          authority: `https://login.microsoftonline.com/${base.tenantId}`,
          redirectUri: 'https://register.glanyrafon.example/index.html',
        },
      },
    });
    expect(msal.client.setActiveAccount).toHaveBeenCalledWith(account);
    expect(msal.client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: ['https://glanyrafon.sharepoint.com/.default'],
      account,
    });
  });

  it('never redirects by itself: interaction required is a coded error; signIn() redirects', async () => {
    const msal = fakeMsal({ acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())) });
    const tokens = createTokenProvider({
      ...base,
      inTeams: false,
      redirectUri: 'https://r.example/index.html',
      msal: msal.factories,
    });
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('interactionRequired');
    expect(msal.client.acquireTokenRedirect).not.toHaveBeenCalled();
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
    await tokens.signIn();
    expect(msal.client.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: ['https://glanyrafon.sharepoint.com/.default'],
    });
  });

  it('consent required is reported as such', async () => {
    const msal = fakeMsal({ acquireTokenSilent: jest.fn(() => Promise.reject(consentError())) });
    const tokens = createTokenProvider({
      ...base,
      inTeams: false,
      redirectUri: 'https://r.example/index.html',
      msal: msal.factories,
    });
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('consentRequired');
  });

  it('a redirect that came back with an error is reported by the next token request', async () => {
    const msal = fakeMsal({ handleRedirectPromise: jest.fn(() => Promise.reject(consentError())) });
    const tokens = createTokenProvider({
      ...base,
      inTeams: false,
      redirectUri: 'https://r.example/index.html',
      msal: msal.factories,
    });
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('consentRequired');
    await expect(tokens.getSharePointToken()).resolves.toBe('silent-token');
  });
});

describe('local development (the embedded list server)', () => {
  it.each(['http://127.0.0.1:4321/sites/council', 'http://localhost:4321/sites/council'])(
    'on %s the token is dev:<user> and MSAL is never touched',
    async (siteUrl) => {
      const nestable = jest.fn();
      const standard = jest.fn();
      const factories: MsalFactories = { nestable, standard };
      const tokens = createTokenProvider({ ...base, siteUrl, inTeams: false, devUser: 'governance', msal: factories });
      expect(tokens.mode).toBe('dev');
      await expect(tokens.getSharePointToken()).resolves.toBe('dev:governance');
      await expect(tokens.getGraphToken()).resolves.toBe('dev:governance');
      await tokens.signIn();
      expect(nestable).not.toHaveBeenCalled();
      expect(standard).not.toHaveBeenCalled();
    },
  );

  it('defaults to the demo officer', async () => {
    const tokens = createTokenProvider({ ...base, siteUrl: 'http://127.0.0.1:4321/sites/council', inTeams: true });
    await expect(tokens.getSharePointToken()).resolves.toBe('dev:officer');
  });
});

describe('inside an older Teams client that does not recommend NAA', () => {
  const older = { ...base, inTeams: true, naaRecommended: false, loginHint: 'rhys.davies@glanyrafon.example' };

  it('uses a standard client in the tab and signs in silently with Teams’ login hint where Entra allows', async () => {
    const msal = fakeMsal({ acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())) });
    const tokens = createTokenProvider({ ...older, msal: msal.factories });
    await expect(tokens.getSharePointToken()).resolves.toBe('sso-token');
    expect(tokens.mode).toBe('teams-window');
    expect(msal.configurations.map((c) => c.kind)).toEqual(['standard']);
    expect(msal.client.ssoSilent).toHaveBeenCalledWith({
      scopes: ['https://glanyrafon.sharepoint.com/.default'],
      loginHint: 'rhys.davies@glanyrafon.example',
    });
    // Never an MSAL popup: Teams' desktop client blocks windows the tab opens itself.
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("when silent sign-in needs the person, asks for the button, and the button opens Teams' sign-in window", async () => {
    const msal = fakeMsal({
      acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())),
      ssoSilent: jest.fn(() => Promise.reject(interactionError())),
    });
    const urls: string[] = [];
    const expiresOn = new Date(Date.now() + 3_600_000);
    const tokens = createTokenProvider({
      ...older,
      msal: msal.factories,
      teamsSignInWindow: (url) => {
        urls.push(url);
        return Promise.resolve(handedTokenText({ accessToken: 'handed-token', expiresOn }));
      },
    });
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('interactionRequired');
    expect(urls).toEqual([]); // nothing opens until the person presses the button
    await tokens.signIn('sharepoint');
    expect(urls).toEqual([`${globalThis.location?.origin ?? ''}/index.html?teams-sign-in=sharepoint`]);
    await expect(tokens.getSharePointToken()).resolves.toBe('handed-token');
    expect(msal.client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('does not use a handed token in its last minute, and says so when the window is closed', async () => {
    const msal = fakeMsal({
      acquireTokenSilent: jest.fn(() => Promise.reject(interactionError())),
      ssoSilent: jest.fn(() => Promise.reject(interactionError())),
    });
    let answer: () => Promise<string> = () =>
      Promise.resolve(handedTokenText({ accessToken: 'nearly-expired', expiresOn: new Date(Date.now() + 30_000) }));
    const tokens = createTokenProvider({ ...older, msal: msal.factories, teamsSignInWindow: () => answer() });
    await tokens.signIn('sharepoint');
    expect((await failureOf(tokens.getSharePointToken())).code).toBe('interactionRequired');
    answer = () => Promise.reject(new Error('CancelledByUser'));
    expect((await failureOf(tokens.signIn('sharepoint'))).code).toBe('interactionRequired');
  });

  it('reads only a well-formed answer from the window', () => {
    expect(parseHandedToken('{"token":"t","expiresOn":5}')).toEqual({ token: 't', expiresOn: 5 });
    expect(parseHandedToken('not json')).toBeUndefined();
    expect(parseHandedToken('{"token":"","expiresOn":5}')).toBeUndefined();
    expect(parseHandedToken('{"token":"t"}')).toBeUndefined();
  });
});
