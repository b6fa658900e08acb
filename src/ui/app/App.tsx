import { FluentProvider, makeStaticStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { IsoDate } from '../../domain';
import type { Locale } from '../../i18n';
import type { Host, TeamsSdk, ThemeName } from '../../teams/host';
import { AppContext, localToday, type AppState } from './context';
import { createI18n, rememberLocale } from './i18n';
import type { DevUser, Services } from './services';
import { Shell } from './Shell';
import { rememberTheme, THEMES } from './theme';
import { ErrorBoundary } from './ErrorBoundary';
import { SignInRequired } from './SignInRequired';
import type { SignInFailure } from '../../teams/auth';

export interface AppProps {
  readonly host: Host;
  /** Builds the services for a demo user (dev mode) or the signed-in person. */
  readonly makeServices: (devUser?: string) => Services;
  readonly initialLocale: Locale;
  readonly initialTheme: ThemeName;
  readonly initialDevUser?: string;
  /** Tests fix the day. */
  readonly today?: IsoDate;
  /** Remember the person's choice of demo user (dev mode). */
  readonly onDevUserChange?: (key: string) => void;
  /** The Teams SDK behind the configuration page (tests: a fake host). */
  readonly teamsSdk?: TeamsSdk;
  /** The tab could not get a SharePoint token: explain it and offer sign-in instead of the pages. */
  readonly signIn?: { readonly failure: SignInFailure; readonly onSignIn: () => Promise<void> };
}

const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

/** Providers (theme from the host, language, services) around the shell. */
export function App(props: AppProps) {
  useStaticStyles();
  const { host, makeServices } = props;
  const [locale, setLocaleState] = useState<Locale>(props.initialLocale);
  const [theme, setThemeState] = useState<ThemeName>(props.initialTheme);
  const [devUser, setDevUserState] = useState<string | undefined>(props.initialDevUser);
  const [devUsers, setDevUsers] = useState<readonly DevUser[]>([]);
  const i18n = useMemo(() => createI18n(props.initialLocale), [props.initialLocale]);
  const services = useMemo(() => makeServices(devUser), [makeServices, devUser]);
  const today = useMemo(() => props.today ?? localToday(), [props.today]);

  useEffect(() => {
    host.onThemeChange((t) => setThemeState(t));
  }, [host]);

  useEffect(() => {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);

  useEffect(() => {
    if (!services.config.dev) return;
    let live = true;
    // After the first render: the demo users are not needed to show the page.
    const timer = setTimeout(() => {
      void services.devUsers().then((users) => live && setDevUsers(users));
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [services]);

  const setLocale = useCallback((l: Locale) => {
    rememberLocale(l);
    setLocaleState(l);
  }, []);
  const setTheme = useCallback((t: ThemeName) => {
    rememberTheme(t);
    setThemeState(t);
  }, []);
  const { onDevUserChange } = props;
  const setDevUser = useCallback(
    (key: string) => {
      onDevUserChange?.(key);
      setDevUserState(key);
    },
    [onDevUserChange],
  );

  const state: AppState = useMemo(
    () => ({
      services,
      host,
      locale,
      setLocale,
      theme,
      setTheme,
      today,
      devUsers,
      ...(services.devUser !== undefined ? { devUser: services.devUser } : {}),
      setDevUser,
      ...(props.teamsSdk ? { teamsSdk: props.teamsSdk } : {}),
    }),
    [services, host, locale, setLocale, theme, setTheme, today, devUsers, setDevUser, props.teamsSdk],
  );

  return (
    <FluentProvider theme={THEMES[theme]} lang={locale} dir="ltr" data-theme={theme} style={{ minHeight: '100vh' }}>
      <I18nextProvider i18n={i18n}>
        <AppContext.Provider value={state}>
          <ErrorBoundary>
            {/* A new person (dev user switch) gets fresh pages: nothing of the last one's state carries over. */}
            {props.signIn ? (
              <SignInRequired failure={props.signIn.failure} onSignIn={props.signIn.onSignIn} />
            ) : (
              <Shell key={devUser ?? 'me'} />
            )}
          </ErrorBoundary>
        </AppContext.Provider>
      </I18nextProvider>
    </FluentProvider>
  );
}
