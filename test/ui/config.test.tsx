/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { app, pages } from '@microsoft/teams-js';
import type { RunningListServer } from '../../src/local/server';
import type { Host, TeamsSdk } from '../../src/teams/host';
import { renderTab, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Teams, as far as the configuration page sees it: the boundary a fake may stand in for. */
function fakeTeams(context: Partial<Host['context']> = {}) {
  let onSave: ((event: pages.config.SaveEvent) => void) | undefined;
  const saved: pages.InstanceConfig[] = [];
  const validity: boolean[] = [];
  const sdk: TeamsSdk = {
    initialize: () => Promise.resolve(),
    getContext: () => Promise.resolve({} as app.Context),
    notifySuccess: () => Promise.resolve(),
    registerOnThemeChangeHandler: () => undefined,
    config: {
      isSupported: () => true,
      setValidityState: (v) => validity.push(v),
      registerOnSaveHandler: (h) => {
        onSave = h;
      },
      setConfig: (c) => {
        saved.push(c);
        return Promise.resolve();
      },
    },
  };
  const host: Host = {
    context: { inTeams: true, locale: 'en-GB', theme: 'light', frameContext: 'settings', ...context },
    onThemeChange: () => undefined,
    loaded: () => undefined,
  };
  const save = () =>
    new Promise<void>((resolve, reject) =>
      onSave?.({
        notifySuccess: () => resolve(),
        notifyFailure: (r?: string) => reject(new Error(r)),
      } as pages.config.SaveEvent),
    );
  return { sdk, host, saved, validity, save };
}

describe('the channel tab configuration page', () => {
  it("saves one directorate's view with pages.config when Teams' Save is pressed", async () => {
    const user = userEvent.setup();
    const teams = fakeTeams();
    renderTab(server.siteUrl, { hash: '#/config', host: teams.host, teamsSdk: teams.sdk });
    await user.click(await screen.findByRole('radio', { name: "One directorate's collaborations" }));
    await waitFor(() => expect(teams.validity.at(-1)).toBe(false));
    await user.click(screen.getByRole('combobox', { name: /^Directorate/ }));
    await user.click(await screen.findByRole('option', { name: 'Education' }));
    await waitFor(() => expect(teams.validity.at(-1)).toBe(true));
    expect(screen.getByText('The tab will be called “Collaborations: Education”.')).toBeInTheDocument();
    // Teams' Save runs the page's handler, which sets its state: inside act().
    await act(() => teams.save());
    expect(teams.saved).toHaveLength(1);
    expect(teams.saved[0]).toMatchObject({
      entityId: 'directorate:Education',
      suggestedDisplayName: 'Collaborations: Education',
    });
    expect(teams.saved[0]?.contentUrl).toMatch(/\/index\.html#\/register\?directorate=Education$/);
  });

  it("saves one panel's reviews", async () => {
    const user = userEvent.setup();
    const teams = fakeTeams();
    renderTab(server.siteUrl, { hash: '#/config', host: teams.host, teamsSdk: teams.sdk });
    await user.click(await screen.findByRole('radio', { name: "One panel's reviews" }));
    await user.click(screen.getByRole('combobox', { name: /^Review panel/ }));
    await user.click(await screen.findByRole('option', { name: 'Governance and Audit Committee' }));
    // Teams' Save runs the page's handler, which sets its state: inside act().
    await act(() => teams.save());
    expect(teams.saved[0]).toMatchObject({
      entityId: 'panel:panel-gac',
      suggestedDisplayName: 'Reviews: Governance and Audit Committee',
    });
  });

  it('in a browser, explains itself and previews the view', async () => {
    renderTab(server.siteUrl, { hash: '#/config' });
    expect(await screen.findByText(/In Teams, this page appears when the tab is added/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Preview this view' })).toHaveAttribute('href', '#/register');
  });

  it('in a private channel, says that reminder cards cannot be posted there; in a standard one, says nothing', async () => {
    const inPrivate = fakeTeams({ channelType: 'private' });
    const { unmount } = renderTab(server.siteUrl, { hash: '#/config', host: inPrivate.host, teamsSdk: inPrivate.sdk });
    expect(
      await screen.findByText(/This is a private channel\..*Workflows cannot post to private channels/),
    ).toBeInTheDocument();
    unmount();
    const inStandard = fakeTeams({ channelType: 'standard' });
    renderTab(server.siteUrl, { hash: '#/config', host: inStandard.host, teamsSdk: inStandard.sdk });
    await screen.findByRole('radio', { name: 'The whole register' });
    expect(screen.queryByText(/private channel|shared channel/)).not.toBeInTheDocument();
  });

  it('in Welsh, names the directorates in Welsh and the tab with the Welsh name, and keeps the English name in the view', async () => {
    const user = userEvent.setup();
    const teams = fakeTeams({ locale: 'cy-GB', channelType: 'shared' });
    renderTab(server.siteUrl, { hash: '#/config', host: teams.host, teamsSdk: teams.sdk, locale: 'cy-GB' });
    expect(await screen.findByText(/Sianel a rennir yw hon\./)).toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: /Cydweithrediadau un gyfarwyddiaeth/ }));
    await user.click(screen.getByRole('combobox', { name: /^Cyfarwyddiaeth/ }));
    await user.click(await screen.findByRole('option', { name: 'Addysg' }));
    await act(() => teams.save());
    expect(teams.saved[0]).toMatchObject({ entityId: 'directorate:Education' });
    expect(teams.saved[0]?.suggestedDisplayName).toBe('Cydweithrediadau: Addysg');
  });
});
