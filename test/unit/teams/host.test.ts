import type { app, pages } from '@microsoft/teams-js';
import {
  connectHost,
  parseTabEntityId,
  registerConfiguration,
  tabContentUrl,
  tabEntityId,
  themeFromTeams,
  type TeamsSdk,
} from '../../../src/teams/host';
import {
  collaborationSubPage,
  parseSubPage,
  recordDeepLink,
  reviewSubPage,
  DEEP_LINK_MAX_LENGTH,
} from '../../../src/teams/deepLinks';
import { startRoute } from '../../../src/ui/app/startRoute';
import type { HostContext } from '../../../src/teams/host';

/** A fake Teams host: answers like teams-js would inside a Teams channel tab. */
function fakeHost(overrides: Partial<TeamsSdk> = {}, context: Partial<app.Context> = {}) {
  const saved: pages.InstanceConfig[] = [];
  let saveHandler: ((e: pages.config.SaveEvent) => void) | undefined;
  let themeHandler: ((t: string) => void) | undefined;
  const validity: boolean[] = [];
  const sdk: TeamsSdk = {
    initialize: () => Promise.resolve(),
    getContext: () =>
      Promise.resolve({
        app: {
          locale: 'cy-GB',
          theme: 'dark',
          sessionId: 's',
          host: { name: 'Teams', clientType: 'web', sessionId: 'h' },
        },
        page: { id: 'register', frameContext: 'content', subPageId: 'collaboration:COL-0042' },
        user: { id: 'u1', userPrincipalName: 'rhys.davies@glanyrafon.example', displayName: 'Rhys Davies' },
        channel: { id: '19:abc@thread.tacv2', displayName: 'Governance' },
        team: { groupId: 'g1', internalId: 'i1', displayName: 'Policy Unit' },
        ...context,
      } as app.Context),
    notifySuccess: () => Promise.resolve(undefined),
    registerOnThemeChangeHandler: (h) => {
      themeHandler = h;
    },
    config: {
      isSupported: () => true,
      setValidityState: (v) => validity.push(v),
      registerOnSaveHandler: (h) => {
        saveHandler = h;
      },
      setConfig: (c) => {
        saved.push(c);
        return Promise.resolve();
      },
    },
    ...overrides,
  };
  return {
    sdk,
    saved,
    validity,
    save: (e: pages.config.SaveEvent) => saveHandler?.(e),
    changeTheme: (t: string) => themeHandler?.(t),
  };
}

describe('connecting to the Teams host', () => {
  it('inside Teams, reads the locale, theme, team, channel and the record a deep link asked for', async () => {
    const host = await connectHost({ sdk: fakeHost().sdk });
    expect(host.fallbackReason).toBeUndefined();
    expect(host.context).toMatchObject({
      inTeams: true,
      locale: 'cy-GB',
      theme: 'dark',
      userPrincipalName: 'rhys.davies@glanyrafon.example',
      channelId: '19:abc@thread.tacv2',
      teamName: 'Policy Unit',
      subPageId: 'collaboration:COL-0042',
    });
  });

  it.each([
    ['Private', 'private'],
    ['Shared', 'shared'],
    ['Regular', 'standard'],
  ] as const)('reads a %s channel (teams-js membershipType) as a %s one', async (membershipType, kind) => {
    const channel = { id: '19:abc@thread.tacv2', displayName: 'Panel', membershipType } as app.Context['channel'];
    const host = await connectHost({ sdk: fakeHost({}, { channel }).sdk });
    expect(host.context.channelType).toBe(kind);
  });

  it('reads the id Teams knows the app by (the org catalogue id, for an app in the catalogue)', async () => {
    const catalogueId = { toString: () => '3b9e0f2a-7c41-4d8e-9a1b-2f6c5d4e3a21' };
    const base = await fakeHost().sdk.getContext();
    const host = await connectHost({
      sdk: fakeHost({}, { app: { ...base.app, appId: catalogueId } as app.Context['app'] }).sdk,
    });
    expect(host.context.appId).toBe('3b9e0f2a-7c41-4d8e-9a1b-2f6c5d4e3a21');
  });

  it("says whether the client recommends NAA, and offers Teams' sign-in window", async () => {
    const opened: string[] = [];
    const auth = {
      isNAAChannelRecommended: () => false,
      authenticate: (url: string) => {
        opened.push(url);
        return Promise.resolve('{"token":"t","expiresOn":1}');
      },
      notifySuccess: () => undefined,
      notifyFailure: () => undefined,
    };
    const host = await connectHost({ sdk: fakeHost({ auth }).sdk });
    expect(host.context.naaRecommended).toBe(false);
    await expect(host.authenticate?.('https://tab.example/index.html?teams-sign-in=sharepoint')).resolves.toBe(
      '{"token":"t","expiresOn":1}',
    );
    expect(opened).toEqual(['https://tab.example/index.html?teams-sign-in=sharepoint']);
    // A host that cannot say (no auth capability in the fake) leaves NAA as the default.
    expect((await connectHost({ sdk: fakeHost().sdk })).context.naaRecommended).toBeUndefined();
  });

  it('outside Teams, falls back to the browser at once when initialise rejects', async () => {
    const { sdk } = fakeHost({ initialize: () => Promise.reject(new Error('No parent window')) });
    const host = await connectHost({ sdk, browser: { language: 'en-GB', prefersDark: true } });
    expect(host.fallbackReason).toBe('notInTeams');
    expect(host.context).toEqual({ inTeams: false, locale: 'en-GB', theme: 'dark' });
  });

  it('inside a foreign iframe where initialise never answers, falls back after the timeout instead of hanging', async () => {
    const { sdk } = fakeHost({ initialize: () => new Promise<void>(() => undefined) });
    const started = Date.now();
    const host = await connectHost({ sdk, timeoutMs: 50, browser: { forcedColors: true } });
    expect(host.fallbackReason).toBe('timeout');
    expect(host.context.theme).toBe('contrast');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('falls back when getContext never settles after initialise', async () => {
    const { sdk } = fakeHost({ getContext: () => new Promise<app.Context>(() => undefined) });
    const host = await connectHost({ sdk, timeoutMs: 50 });
    expect(host.context.inTeams).toBe(false);
  });

  it('passes Teams theme changes on as the tab theme names', async () => {
    const fake = fakeHost();
    const host = await connectHost({ sdk: fake.sdk });
    const seen: string[] = [];
    host.onThemeChange((t) => seen.push(t));
    fake.changeTheme('contrast');
    fake.changeTheme('default');
    expect(seen).toEqual(['contrast', 'light']);
  });

  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    [undefined, 'light'],
  ])('the Teams theme %s is the %s theme', (teams, ours) => {
    expect(themeFromTeams(teams)).toBe(ours);
  });
});

describe('the channel tab configuration page', () => {
  it.each([
    [{ kind: 'register' } as const, 'register'],
    [{ kind: 'directorate', name: 'Social Services' } as const, 'directorate:Social Services'],
    [{ kind: 'panel', name: 'Corporate Governance Review Panel' } as const, 'panel:Corporate Governance Review Panel'],
  ])('saves the view %o as the entity id %s and reads it back', (view, entityId) => {
    expect(tabEntityId(view)).toBe(entityId);
    expect(parseTabEntityId(entityId)).toEqual(view);
  });

  it('saves the chosen view with pages.config when the person presses Save', async () => {
    const fake = fakeHost();
    let view: Parameters<typeof tabEntityId>[0] = { kind: 'register' };
    const results: unknown[] = [];
    const registered = registerConfiguration(
      fake.sdk,
      { origin: 'https://register.glanyrafon.example', getView: () => view, displayName: () => 'Collaborations' },
      (r) => results.push(r),
    );
    expect(registered).toEqual({ ok: true });
    expect(fake.validity).toEqual([true]);
    view = { kind: 'directorate', name: 'Economy & Environment' };
    const outcome = { success: 0, failure: [] as (string | undefined)[] };
    fake.save({ result: {}, notifySuccess: () => outcome.success++, notifyFailure: (r) => outcome.failure.push(r) });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.saved).toEqual([
      {
        entityId: 'directorate:Economy & Environment',
        contentUrl: 'https://register.glanyrafon.example/index.html#/register?directorate=Economy%20%26%20Environment',
        websiteUrl: 'https://register.glanyrafon.example/index.html#/register?directorate=Economy%20%26%20Environment',
        suggestedDisplayName: 'Collaborations',
      },
    ]);
    expect(outcome.success).toBe(1);
    expect(results).toEqual([{ ok: true }]);
  });

  it('tells Teams the save failed when setConfig rejects', async () => {
    const fake = fakeHost();
    const failing: TeamsSdk = {
      ...fake.sdk,
      config: { ...fake.sdk.config, setConfig: () => Promise.reject(new Error('denied')) },
    };
    registerConfiguration(failing, {
      origin: 'https://x.example',
      getView: () => ({ kind: 'register' }),
      displayName: () => 'R',
    });
    const failures: (string | undefined)[] = [];
    fake.save({ result: {}, notifySuccess: () => undefined, notifyFailure: (r) => failures.push(r) });
    await new Promise((r) => setTimeout(r, 0));
    expect(failures).toEqual(['denied']);
  });

  it('does nothing where the host cannot configure tabs', () => {
    const fake = fakeHost();
    const sdk: TeamsSdk = { ...fake.sdk, config: { ...fake.sdk.config, isSupported: () => false } };
    expect(
      registerConfiguration(sdk, { origin: 'o', getView: () => ({ kind: 'register' }), displayName: () => '' }),
    ).toEqual({
      ok: false,
      reason: 'notSupported',
    });
    expect(fake.validity).toEqual([]);
  });

  it('builds content URLs under the tab host', () => {
    expect(tabContentUrl('https://h.example', { kind: 'register' })).toBe('https://h.example/index.html#/register');
    expect(tabContentUrl('https://h.example', { kind: 'panel', name: 'Pwyllgor Llywodraethu ac Archwilio' })).toBe(
      'https://h.example/index.html#/register?panel=Pwyllgor%20Llywodraethu%20ac%20Archwilio',
    );
  });
});

describe('deep links to a record', () => {
  const appId = '3f1c2a8e-0000-4000-8000-000000000001';

  it('encodes the record as the context subEntityId that Teams hands back as subPageId', () => {
    const url = new URL(
      recordDeepLink({
        appId,
        entityId: 'home',
        subPageId: collaborationSubPage('COL-0042'),
        label: "Gwent Regional Partnership Board & O'Brien's Trust",
        webUrl: 'https://register.glanyrafon.example/index.html#/collaboration/COL-0042',
        channelId: '19:abc@thread.tacv2',
      }),
    );
    expect(url.origin + url.pathname).toBe(`https://teams.microsoft.com/l/entity/${appId}/home`);
    const context = JSON.parse(url.searchParams.get('context') ?? '{}') as Record<string, string>;
    expect(context).toEqual({ subEntityId: 'collaboration:COL-0042', channelId: '19:abc@thread.tacv2' });
    expect(url.searchParams.get('label')).toBe("Gwent Regional Partnership Board & O'Brien's Trust");
    expect(parseSubPage(context.subEntityId)).toEqual({ kind: 'collaboration', reference: 'COL-0042' });
  });

  it('stays under the length Teams accepts by dropping the label when it must', () => {
    const url = recordDeepLink({
      appId,
      entityId: 'home',
      subPageId: collaborationSubPage('COL-0042'),
      label: 'ŵ'.repeat(100),
      webUrl: `https://register.glanyrafon.example/${'x'.repeat(1500)}`,
    });
    expect(url.length).toBeLessThanOrEqual(DEEP_LINK_MAX_LENGTH);
    expect(new URL(url).searchParams.get('label')).toBeNull();
  });

  it('opens a review itself from a panel card’s sub-page', () => {
    expect(parseSubPage(reviewSubPage('REV-000003'))).toEqual({ kind: 'review', key: 'REV-000003' });
    expect(startRoute({ subPageId: reviewSubPage('REV-000003') } as HostContext, '')).toBe('#/review/REV-000003');
  });

  it('ignores a sub-page it does not know', () => {
    expect(parseSubPage('something-else')).toBeUndefined();
    expect(parseSubPage(undefined)).toBeUndefined();
  });
});
