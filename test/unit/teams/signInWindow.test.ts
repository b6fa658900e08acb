/**
 * Teams' sign-in window (older Teams clients, without NAA): opened, it signs in with a redirect;
 * back from Entra, it hands the token to the tab through teams-js and closes. MSAL and teams-js
 * are faked at their boundary only.
 */
import type { AuthenticationResult } from '@azure/msal-browser';
import { parseHandedToken, type MsalClient, type MsalFactories } from '../../../src/teams/auth';
import { runSignInWindow } from '../../../src/teams/signInWindow';
import { isSignInWindow, SIGN_IN_WINDOW_KEY } from '../../../src/teams/signInWindowKeys';

const config = {
  siteUrl: 'https://glanyrafon.sharepoint.com/sites/collaboration-register',
  clientId: '2a7b9c4d-1e3f-4a5b-9c6d-7e8f9a0b1c2d',
  tenantId: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
};

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

function fakes(back: AuthenticationResult | null | Error) {
  const calls: string[] = [];
  const client = {
    handleRedirectPromise: jest.fn(() => (back instanceof Error ? Promise.reject(back) : Promise.resolve(back))),
    acquireTokenRedirect: jest.fn((_r: { scopes: string[] }) => {
      calls.push('redirect');
      return Promise.resolve();
    }),
  } as unknown as MsalClient;
  const msal: MsalFactories = {
    nestable: () => Promise.reject(new Error('not here')),
    standard: () => Promise.resolve(client),
  };
  const handed: string[] = [];
  const failed: string[] = [];
  const sdk = {
    initialize: () => {
      calls.push('initialize');
      return Promise.resolve();
    },
    auth: {
      isNAAChannelRecommended: () => false,
      authenticate: () => Promise.reject(new Error('not in the window')),
      notifySuccess: (r: string) => void handed.push(r),
      notifyFailure: (r: string) => void failed.push(r),
    },
  };
  return { client, msal, sdk, handed, failed, calls };
}

describe("Teams' sign-in window", () => {
  it('opened for SharePoint: remembers the resource and signs in with a redirect for the site’s scope', async () => {
    const f = fakes(null);
    const storage = memoryStorage();
    const search = '?teams-sign-in=sharepoint';
    expect(isSignInWindow(search, storage)).toBe(true);
    await expect(runSignInWindow({ sdk: f.sdk, config, search, storage, msal: f.msal })).resolves.toBe('redirecting');
    expect(storage.items.get(SIGN_IN_WINDOW_KEY)).toBe('sharepoint');
    expect(f.client.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: ['https://glanyrafon.sharepoint.com/.default'],
    });
    expect(f.handed).toEqual([]);
  });

  it('back from Entra: initialises teams-js, then hands the token and its expiry to the tab', async () => {
    const expiresOn = new Date('2026-12-04T10:00:00Z');
    const f = fakes({ accessToken: 'sp-token', expiresOn } as AuthenticationResult);
    const storage = memoryStorage();
    storage.setItem(SIGN_IN_WINDOW_KEY, 'sharepoint');
    expect(isSignInWindow('', storage)).toBe(true);
    await expect(runSignInWindow({ sdk: f.sdk, config, search: '', storage, msal: f.msal })).resolves.toBe(
      'handedBack',
    );
    expect(f.calls).toEqual(['initialize']);
    expect(f.handed.map(parseHandedToken)).toEqual([{ token: 'sp-token', expiresOn: expiresOn.getTime() }]);
    expect(storage.items.has(SIGN_IN_WINDOW_KEY)).toBe(false);
    expect(isSignInWindow('', storage)).toBe(false);
  });

  it('a failed sign-in goes back to the tab as its code, never as the token or the address', async () => {
    const f = fakes(Object.assign(new Error('AADSTS65001: consent'), { errorCode: 'consent_required' }));
    const storage = memoryStorage();
    storage.setItem(SIGN_IN_WINDOW_KEY, 'graph');
    await expect(runSignInWindow({ sdk: f.sdk, config, search: '', storage, msal: f.msal })).resolves.toBe('failed');
    expect(f.failed).toEqual(['consentRequired']);
    expect(f.handed).toEqual([]);
  });

  it('is not the sign-in window for any other page or an unknown resource', () => {
    const storage = memoryStorage();
    expect(isSignInWindow('', storage)).toBe(false);
    expect(isSignInWindow('?teams-sign-in=mail', storage)).toBe(false);
    expect(isSignInWindow('?user=panel', undefined)).toBe(false);
  });
});
