/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

describe('choosing people and partners', () => {
  it("finds a person among the site's users by a name with an apostrophe, and saves them as lead officer", async () => {
    const user = userEvent.setup();
    // The governance team keeps the register's people and partners up to date.
    renderTab(server.siteUrl, { hash: '#/collaboration/COL-0015', devUser: 'governance' });
    const lead = await screen.findByRole('combobox', { name: 'Lead officer' });
    await user.clear(lead);
    await user.type(lead, "O'B");
    await user.click(await screen.findByRole('option', { name: "Dylan O'Brien (dylan.obrien@glanyrafon.example)" }));
    expect(lead).toHaveValue("Dylan O'Brien");
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    await settle();
    const stored = await servicesFor(server.siteUrl).stores.collaborations.getByReference('COL-0015');
    expect(stored.ok && stored.value.leadOfficer).toMatchObject({ id: 9, displayName: "Dylan O'Brien" });
  });

  it('adds a partner organisation found by its Welsh name', async () => {
    const user = userEvent.setup();
    const before = await servicesFor(server.siteUrl).stores.collaborations.getByReference('COL-0016');
    renderTab(server.siteUrl, { hash: '#/collaboration/COL-0016', devUser: 'governance' });
    const input = await screen.findByRole('combobox', { name: 'Partner organisations' });
    await user.click(input);
    await user.paste('Heddlu Gwent');
    await user.click(await screen.findByRole('option', { name: 'Gwent Police' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    await settle();
    const after = await servicesFor(server.siteUrl).stores.collaborations.getByReference('COL-0016');
    await waitFor(() =>
      expect(after.ok && before.ok && after.value.partnerIds.length).toBe(
        before.ok ? before.value.partnerIds.length + 1 : -1,
      ),
    );
  });
});
