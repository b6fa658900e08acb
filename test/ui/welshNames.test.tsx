/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

/**
 * Directorates and panels in the person's language: the demo's channel settings give each a
 * Welsh name (TitleCy), as a council's governance team would; records keep the English name.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

async function storedRecord(reference: string) {
  const r = await servicesFor(server.siteUrl, { devUser: 'governance' }).stores.collaborations.getByReference(
    reference,
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('Welsh names of directorates and panels', () => {
  it('a Welsh record shows its directorate and panel by their Welsh names, and a Welsh directorate chosen is kept in English', async () => {
    const user = userEvent.setup();
    const before = await storedRecord('COL-0001');
    expect(before.directorate).toBe('Social Services');
    renderTab(server.siteUrl, { hash: '#/collaboration/COL-0001', devUser: 'governance', locale: 'cy-GB' });
    const directorate = await screen.findByRole<HTMLInputElement>(
      'combobox',
      { name: /^Cyfarwyddiaeth/ },
      { timeout: 45_000 },
    );
    await settle();
    await waitFor(() => expect(directorate.value).toBe('Gwasanaethau Cymdeithasol'));
    expect(screen.getByRole('combobox', { name: /^Panel adolygu/ })).toHaveTextContent(
      'Pwyllgor Llywodraethu ac Archwilio',
    );

    await user.clear(directorate);
    await user.type(directorate, 'Addys');
    await user.click(await screen.findByRole('option', { name: 'Addysg' }));
    expect(directorate.value).toBe('Addysg');
    await user.click(screen.getByRole('button', { name: 'Cadw' }));
    expect(await screen.findByText("Wedi'i gadw.")).toBeInTheDocument();
    await settle();
    expect((await storedRecord('COL-0001')).directorate).toBe('Education');
  });

  it('the Welsh register names directorates in Welsh, in its column and its filter, and filters by the stored name', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register', devUser: 'governance', locale: 'cy-GB' });
    const grid = await screen.findByRole('grid', {}, { timeout: 45_000 });
    await settle();
    await waitFor(() => expect(grid).toHaveTextContent('Gwasanaethau Cymdeithasol'));
    expect(grid).not.toHaveTextContent('Social Services');
    await user.click(screen.getByRole('combobox', { name: 'Cyfarwyddiaeth' }));
    await user.click(await screen.findByRole('option', { name: 'Addysg' }));
    await waitFor(() => expect(window.location.hash).toContain('directorate=Education'));
    await waitFor(() => expect(screen.getByRole('grid')).not.toHaveTextContent('Gwasanaethau Cymdeithasol'));
    expect(screen.getByRole('grid')).toHaveTextContent('Addysg');
  });

  it('the statements page names the directorates in Welsh', async () => {
    renderTab(server.siteUrl, { hash: '#/statements', devUser: 'governance', locale: 'cy-GB' });
    const all = await screen.findAllByRole('table', {}, { timeout: 45_000 });
    await settle();
    await waitFor(() => expect(all.at(-1)).toHaveTextContent("Economi a'r Amgylchedd"));
    expect(all.at(-1)).not.toHaveTextContent('Economy and Environment');
  });

  it("a Welsh panel member's Home names the reviews awaiting the panel in Welsh, whichever language scheduled them", async () => {
    renderTab(server.siteUrl, { hash: '#/', devUser: 'panel', locale: 'cy-GB' });
    const section = await screen.findByRole(
      'region',
      { name: "Adolygiadau sy'n aros am fy mhanel" },
      { timeout: 45_000 },
    );
    await settle();
    const links = await within(section).findAllByRole('link');
    // The demo schedules its reviews in English ("COL-0003 Quarterly list review"): read in Welsh, each is named in Welsh.
    for (const link of links) expect(link.textContent).toMatch(/^COL-\d{4} (Adolygiad|Gwiriad)/);
    expect(section).not.toHaveTextContent(/Quarterly list review|Annual review|Governance arrangements check/);
  });
});
