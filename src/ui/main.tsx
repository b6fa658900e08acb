/**
 * The tab's entry: connect to Teams (or fall back to the browser within ~3 s),
 * read the configuration, open the right page and render. Pages load lazily;
 * teams-js and MSAL load only where they can be used.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Host } from '../teams/host';
import { App, type AppProps } from './app/App';
import { browserHost, isTopLevelBrowserWindow } from './app/browserHost';
import { readTabConfig } from './app/config';
import { initialLocale, safeStorage } from './app/i18n';
import { createServices } from './app/services';
import { storedTheme } from './app/theme';
import { isSignInWindow } from '../teams/signInWindowKeys';

const DEV_USER_KEY = 'collaboration-register:dev-user';

/** The session's storage, where the browser allows it (a sign-in window keeps its resource there). */
function sessionStore(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  // Teams' sign-in window for an older Teams client (src/teams/signInWindow.ts), not the tab.
  const session = sessionStore();
  const tabConfig = readTabConfig();
  if (!tabConfig.dev && session && isSignInWindow(location.search, session)) {
    const [{ runSignInWindow }, { teamsSdk }] = await Promise.all([
      import('../teams/signInWindow'),
      import('../teams/host'),
    ]);
    await runSignInWindow({ sdk: teamsSdk, config: tabConfig, search: location.search, storage: session });
    return;
  }
  const media = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  const hints = {
    language: navigator.language,
    prefersDark: media('(prefers-color-scheme: dark)'),
    forcedColors: media('(forced-colors: active)'),
  };
  let host: Host;
  if (isTopLevelBrowserWindow()) {
    host = browserHost(hints);
  } else {
    const [{ connectHost }, { startRoute }] = await Promise.all([import('../teams/host'), import('./app/startRoute')]);
    host = await connectHost({ browser: hints });
    const route = startRoute(host.context, location.hash);
    if (route) history.replaceState(history.state, '', `${location.pathname}${location.search}${route}`);
  }
  const config = tabConfig;
  const storage = safeStorage();
  const query = new URLSearchParams(location.search);
  const devUser = config.dev ? (query.get('user') ?? storage?.getItem(DEV_USER_KEY) ?? 'officer') : undefined;

  let getToken: (() => Promise<string>) | undefined;
  let getGraphToken: (() => Promise<string>) | undefined;
  let signIn: AppProps['signIn'];
  /** Draws the tab; drawn again, signed in, after Teams' sign-in window (whose token lives in memory). */
  let draw: (signIn: AppProps['signIn']) => void = () => undefined;
  if (!config.dev) {
    // Sign-in code (MSAL) is only loaded where there is a real tenancy to sign in to.
    const { createTokenProvider } = await import('../teams/auth');
    const provider = createTokenProvider({
      siteUrl: config.siteUrl,
      clientId: config.clientId,
      tenantId: config.tenantId,
      inTeams: host.context.inTeams,
      ...(host.context.naaRecommended === false ? { naaRecommended: false } : {}),
      ...(host.authenticate ? { teamsSignInWindow: host.authenticate } : {}),
      ...(host.context.userPrincipalName ? { loginHint: host.context.userPrincipalName } : {}),
    });
    getToken = provider.getSharePointToken;
    // "Post to panel channel" sends as the person (delegated ChannelMessage.Send).
    getGraphToken = provider.getGraphToken;
    try {
      await provider.getSharePointToken();
    } catch (error) {
      const { toSignInFailure } = await import('../teams/auth');
      signIn = {
        failure: toSignInFailure(error),
        onSignIn: async () => {
          await provider.signIn('sharepoint');
          // A reload would lose the token Teams' sign-in window handed over: draw the tab again instead.
          if (provider.mode === 'teams-window') draw(undefined);
          else location.reload();
        },
      };
    }
  }
  // Deep links (a card's Open) need the id Teams knows the app by: from Teams itself where it says
  // (the org catalogue's id, once the app is there), else the manifest id the tab was built with.
  const teamsAppId = host.context.appId ?? config.teamsAppId;
  const makeServices = (user?: string) =>
    createServices({
      config,
      ...(user !== undefined ? { devUser: user } : {}),
      ...(getToken ? { getToken } : {}),
      ...(getGraphToken ? { getGraphToken } : {}),
      ...(teamsAppId ? { teamsAppId } : {}),
    });

  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  const root = createRoot(element);
  draw = (signIn) =>
    root.render(
      <StrictMode>
        <App
          host={host}
          makeServices={makeServices}
          initialLocale={initialLocale(host.context.locale)}
          initialTheme={host.context.inTeams ? host.context.theme : (storedTheme() ?? host.context.theme)}
          {...(devUser !== undefined ? { initialDevUser: devUser } : {})}
          {...(signIn !== undefined ? { signIn } : {})}
          onDevUserChange={(key) => {
            try {
              storage?.setItem(DEV_USER_KEY, key);
            } catch {
              // the choice lasts for this visit
            }
          }}
        />
      </StrictMode>,
    );
  draw(signIn);
  host.loaded();
}

void start();
