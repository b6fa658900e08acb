/**
 * The tab rendered in jsdom against the REAL embedded list server, through the
 * real repositories (STYLE.md: one fake, reused). Only the Teams host is
 * stood in for, at the SDK boundary.
 */
import { act, render, type RenderResult } from '@testing-library/react';
import { startListServer, type RunningListServer } from '../../src/local/server';
import type { Locale } from '../../src/i18n';
import type { Host, TeamsSdk, ThemeName } from '../../src/teams/host';
import { App } from '../../src/ui/app/App';
import { browserHost } from '../../src/ui/app/browserHost';
import { createServices, type Services } from '../../src/ui/app/services';

/** Every test's calendar day: the server's demo data is generated for it, and the tab uses it. */
export const TODAY = '2026-03-02';

/**
 * Sets the embedded server's fault rate (`/_dev/faults`), answered or not at all: the test's own
 * control call, so a connection the server reset a moment before (a fault it injected into the
 * tab's request on a kept-alive socket) is tried again, a few times, rather than failing the test.
 */
export async function setFaults(server: { readonly url: string }, rate: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${server.url}/_dev/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rate, retryAfterSeconds: 0 }),
      });
      if (!res.ok) throw new Error(`faults: ${res.status}`);
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

export async function startServer(options: { demoSize?: number } = {}): Promise<RunningListServer> {
  return startListServer({
    port: 0,
    dataFile: ':memory:',
    today: TODAY,
    retryAfterSeconds: 0,
    ...(options.demoSize !== undefined ? { demo: { size: options.demoSize } } : {}),
  });
}

export interface ServicesOptions {
  readonly devUser?: string;
  /** Counts the HTTP requests the tab makes. */
  readonly onFetch?: (url: string, init?: RequestInit) => void;
}

/** Requests under way, and when one last started or ended: what `settle()` waits on. */
let inFlight = 0;
let lastActivity = 0;

/**
 * Waits, inside act(), until the tab has made no request for `quietMs`: every load it started
 * (a reload after a save, a list a section fetches) has landed and set its state. Call it before
 * a test reads the server directly or ends, so no update lands outside act().
 */
export async function settle(quietMs = 100): Promise<void> {
  await act(async () => {
    for (;;) {
      const since = Date.now() - lastActivity;
      if (inFlight === 0 && since >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, inFlight === 0 ? quietMs - since : 20));
    }
  });
}

export function servicesFor(siteUrl: string, options: ServicesOptions = {}): Services {
  const counted: typeof fetch = (input, init) => {
    options.onFetch?.(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init);
    inFlight += 1;
    lastActivity = Date.now();
    return fetch(input, init).finally(() => {
      inFlight -= 1;
      lastActivity = Date.now();
    });
  };
  return createServices({
    config: { siteUrl, dev: true, clientId: '', tenantId: '' },
    devUser: options.devUser ?? 'officer',
    retries: 1,
    retryBaseMs: 1,
    fetch: counted,
  });
}

export interface RenderOptions extends ServicesOptions {
  readonly hash?: string;
  readonly locale?: Locale;
  readonly theme?: ThemeName;
  readonly host?: Host;
  readonly teamsSdk?: TeamsSdk;
}

export function renderTab(siteUrl: string, options: RenderOptions = {}): RenderResult {
  window.location.hash = options.hash ?? '#/';
  const host = options.host ?? browserHost({ language: options.locale ?? 'en-GB' });
  return render(
    <App
      host={host}
      makeServices={(user) => servicesFor(siteUrl, { ...options, ...(user !== undefined ? { devUser: user } : {}) })}
      initialLocale={options.locale ?? 'en-GB'}
      initialTheme={options.theme ?? 'light'}
      initialDevUser={options.devUser ?? 'officer'}
      today={TODAY}
      {...(options.teamsSdk ? { teamsSdk: options.teamsSdk } : {})}
    />,
  );
}

/** A site on a port where nothing listens: the list API is unreachable. */
export async function unreachableSiteUrl(): Promise<string> {
  const server = await startServer();
  const url = server.siteUrl;
  await server.close();
  return url;
}
