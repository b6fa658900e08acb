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
function fakeTeams() {
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
    context: { inTeams: true, locale: 'en-GB', theme: 'light', frameContext: 'settings' },
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
});
