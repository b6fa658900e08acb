/**
 * The one module that calls @microsoft/teams-js (STYLE.md, example 9). It knows
 * whether the tab is hosted in Teams, never hangs (initialise is raced against a
 * timeout: outside Teams, teams-js can wait about 60 s inside a foreign iframe and
 * getContext() never settles after a failed initialise, per TOOLCHAIN.md), and falls
 * back to the plain browser. The SDK is injected so tests run against a fake host.
 */
import { app, authentication, nestedAppAuth, pages } from '@microsoft/teams-js';

export type ThemeName = 'light' | 'dark' | 'contrast';
export type ChannelKind = 'standard' | 'private' | 'shared';

/** Teams' channel membership type (teams-js `ChannelType`: Regular, Private, Shared) as the tab names it. */
export function channelKindFromTeams(membershipType: string | undefined): ChannelKind | undefined {
  if (membershipType === 'Private') return 'private';
  if (membershipType === 'Shared') return 'shared';
  return membershipType === 'Regular' ? 'standard' : undefined;
}

export interface HostContext {
  readonly inTeams: boolean;
  /** BCP 47 tag from Teams (or the browser): `cy-GB`, `en-GB`... */
  readonly locale: string;
  readonly theme: ThemeName;
  readonly userPrincipalName?: string;
  readonly userDisplayName?: string;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  /** The kind of channel the tab is in: a standard one, a private one (its own members only), or a shared one. */
  readonly channelType?: ChannelKind;
  /** The record a deep link asked for (subPageId, formerly subEntityId). */
  readonly subPageId?: string;
  /** `content`, `settings` (the configuration page), `remove`... */
  readonly frameContext?: string;
  readonly entityId?: string;
  /**
   * The id Teams knows the app by: the manifest's id for an uploaded custom app, the org catalogue's
   * own id once the app is in the organisation's catalogue. Deep links need this one.
   */
  readonly appId?: string;
  /**
   * Whether the Teams client recommends nested app authentication (teams-js
   * `nestedAppAuth.isNAAChannelRecommended()`); false on older clients, which sign in through
   * Teams' own sign-in window instead (src/teams/auth.ts).
   */
  readonly naaRecommended?: boolean;
}

/** The few teams-js calls the tab makes, so a fake host can stand in for Teams in tests. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<app.Context>;
  notifySuccess(): Promise<unknown>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  readonly config: {
    isSupported(): boolean;
    setValidityState(valid: boolean): void;
    registerOnSaveHandler(handler: (event: pages.config.SaveEvent) => void): void;
    setConfig(config: pages.InstanceConfig): Promise<void>;
  };
  /** Sign-in where the Teams client cannot broker MSAL (older clients): Teams' own sign-in window. */
  readonly auth?: {
    /** Whether this client recommends nested app authentication (NAA). */
    isNAAChannelRecommended(): boolean;
    /** Opens `url` in Teams' sign-in window; resolves with what that window passed to `notifySuccess`. */
    authenticate(url: string): Promise<string>;
    /** In the sign-in window: hands the result back to the tab and closes the window. */
    notifySuccess(result: string): void;
    notifyFailure(reason: string): void;
  };
}

export const teamsSdk: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: () => app.getContext(),
  notifySuccess: () => app.notifySuccess(),
  registerOnThemeChangeHandler: (handler) => app.registerOnThemeChangeHandler(handler),
  config: {
    isSupported: () => pages.config.isSupported(),
    setValidityState: (valid) => pages.config.setValidityState(valid),
    registerOnSaveHandler: (handler) => pages.config.registerOnSaveHandler(handler),
    setConfig: (config) => pages.config.setConfig(config),
  },
  auth: {
    isNAAChannelRecommended: () => nestedAppAuth.isNAAChannelRecommended(),
    authenticate: (url) => authentication.authenticate({ url, width: 600, height: 600 }),
    notifySuccess: (result) => authentication.notifySuccess(result),
    notifyFailure: (reason) => authentication.notifyFailure(reason),
  },
};

/** Teams names its themes `default`, `dark` and `contrast`. */
export function themeFromTeams(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

export interface BrowserHints {
  /** navigator.language */
  readonly language?: string;
  /** matchMedia('(prefers-color-scheme: dark)').matches */
  readonly prefersDark?: boolean;
  /** matchMedia('(forced-colors: active)').matches */
  readonly forcedColors?: boolean;
}

function browserContext(hints: BrowserHints): HostContext {
  return {
    inTeams: false,
    locale: hints.language ?? 'en-GB',
    theme: hints.forcedColors ? 'contrast' : hints.prefersDark ? 'dark' : 'light',
  };
}

function fromTeamsContext(context: app.Context): HostContext {
  const optional = {
    userPrincipalName: context.user?.userPrincipalName,
    userDisplayName: context.user?.displayName,
    tenantId: context.user?.tenant?.id,
    teamId: context.team?.groupId,
    teamName: context.team?.displayName,
    channelId: context.channel?.id,
    channelName: context.channel?.displayName,
    channelType: channelKindFromTeams(context.channel?.membershipType),
    subPageId: context.page.subPageId,
    frameContext: context.page.frameContext,
    entityId: context.page.id,
    appId: context.app.appId?.toString(),
  };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined && v !== ''));
  return { inTeams: true, locale: context.app.locale, theme: themeFromTeams(context.app.theme), ...defined };
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export interface Host {
  readonly context: HostContext;
  /** In Teams: opens `url` in Teams' sign-in window and resolves with its result. */
  readonly authenticate?: (url: string) => Promise<string>;
  /** Why the tab is running in browser mode, when it is. */
  readonly fallbackReason?: 'notInTeams' | 'timeout';
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Tells Teams the tab has loaded (hides the Teams loading indicator). */
  loaded(): void;
}

export interface ConnectOptions {
  readonly sdk?: TeamsSdk;
  readonly timeoutMs?: number;
  readonly browser?: BrowserHints;
}

/**
 * Connects to Teams, or falls back to the browser within `timeoutMs` (3 s).
 * Never rejects: a tab outside Teams is a normal case, not an error.
 */
export async function connectHost(options: ConnectOptions = {}): Promise<Host> {
  const sdk = options.sdk ?? teamsSdk;
  const timeoutMs = options.timeoutMs ?? 3000;
  const browser = options.browser ?? {};
  try {
    await withTimeout(sdk.initialize(), timeoutMs);
    const teams = fromTeamsContext(await withTimeout(sdk.getContext(), timeoutMs));
    const auth = sdk.auth;
    const context = auth ? { ...teams, naaRecommended: auth.isNAAChannelRecommended() } : teams;
    return {
      context,
      ...(auth ? { authenticate: (url: string) => auth.authenticate(url) } : {}),
      onThemeChange: (handler) => sdk.registerOnThemeChangeHandler((name) => handler(themeFromTeams(name))),
      loaded: () => void sdk.notifySuccess().catch(() => undefined),
    };
  } catch (error) {
    return {
      context: browserContext(browser),
      fallbackReason: error instanceof TimeoutError ? 'timeout' : 'notInTeams',
      onThemeChange: () => undefined,
      loaded: () => undefined,
    };
  }
}

/** What a channel tab shows, chosen on its configuration page. */
export type TabView =
  | { readonly kind: 'register' }
  | { readonly kind: 'directorate'; readonly name: string }
  | { readonly kind: 'panel'; readonly name: string };

export function tabEntityId(view: TabView): string {
  return view.kind === 'register' ? 'register' : `${view.kind}:${view.name}`;
}

export function parseTabEntityId(entityId: string | undefined): TabView {
  if (entityId?.startsWith('directorate:')) return { kind: 'directorate', name: entityId.slice('directorate:'.length) };
  if (entityId?.startsWith('panel:')) return { kind: 'panel', name: entityId.slice('panel:'.length) };
  return { kind: 'register' };
}

/** The tab's page for a view, as a URL under `origin` (hash routing, so any static host serves it). */
export function tabContentUrl(origin: string, view: TabView): string {
  if (view.kind === 'register') return `${origin}/index.html#/register`;
  const param = view.kind === 'directorate' ? 'directorate' : 'panel';
  return `${origin}/index.html#/register?${param}=${encodeURIComponent(view.name)}`;
}

export type SaveConfigurationResult = { ok: true } | { ok: false; reason: 'notSupported' | 'failed'; detail?: string };

/**
 * On the configuration page: enables Save and, when the person saves, stores
 * which view the channel tab shows. `getView` is read at save time, so the page's
 * latest choice is what is saved.
 */
export function registerConfiguration(
  sdk: TeamsSdk,
  options: { origin: string; getView: () => TabView; displayName: (view: TabView) => string },
  onSaved?: (result: SaveConfigurationResult) => void,
): SaveConfigurationResult {
  if (!sdk.config.isSupported()) return { ok: false, reason: 'notSupported' };
  sdk.config.registerOnSaveHandler((event) => {
    const view = options.getView();
    sdk.config
      .setConfig({
        entityId: tabEntityId(view),
        contentUrl: tabContentUrl(options.origin, view),
        websiteUrl: tabContentUrl(options.origin, view),
        suggestedDisplayName: options.displayName(view),
      })
      .then(() => {
        event.notifySuccess();
        onSaved?.({ ok: true });
      })
      .catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        event.notifyFailure(detail);
        onSaved?.({ ok: false, reason: 'failed', detail });
      });
  });
  sdk.config.setValidityState(true);
  return { ok: true };
}
