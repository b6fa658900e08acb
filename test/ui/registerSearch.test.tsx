/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, startServer } from './helpers';

/**
 * The register's search box against the real embedded server (issue 16): a word anywhere in
 * the record finds it, the search sits in the address with the other filters and combines
 * with them, and a reload of that address shows the same view.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

const SEARCH = 'Search by name, reference, purpose, lead organisation or partner';
const grid = () => screen.findByRole('grid', { name: 'Collaborations' });
const dataRows = (g: HTMLElement) => within(g).getAllByRole('row').slice(1);
const count = async () => {
  const text = (await screen.findByText(/Collaborations in this view: \d+/)).textContent ?? '';
  return Number(/(\d+)/.exec(text)?.[1]);
};

describe('the register’s search box', () => {
  it('"Safeguarding" finds "Gwent Safeguarding Board" (a word in the middle of the name)', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register' });
    await grid();
    await user.type(screen.getByRole('searchbox', { name: SEARCH }), 'Safeguarding');
    await waitFor(() => expect(window.location.hash).toBe('#/register?q=Safeguarding'));
    const link = await screen.findByRole('link', { name: 'Gwent Safeguarding Board' });
    expect(link).toHaveAttribute('href', '#/collaboration/COL-0003');
    const n = await count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(60);
  });

  it('finds by the Welsh name, in Welsh', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register', locale: 'cy-GB' });
    const box = await screen.findByRole(
      'searchbox',
      { name: 'Chwilio yn ôl enw, cyfeirnod, diben, sefydliad arweiniol neu sefydliad partner' },
      { timeout: 10_000 },
    );
    await user.type(box, 'Diogelu Gwent');
    expect(await screen.findByRole('link', { name: 'Bwrdd Diogelu Gwent' }, { timeout: 10_000 })).toHaveAttribute(
      'href',
      '#/collaboration/COL-0003',
    );
  });

  it('combines with a status filter: both in the address, every row matching both', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register?q=Gwent' });
    await grid();
    await waitFor(async () => expect(await count()).toBeGreaterThan(0));
    const all = await count();
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Active' }));
    await waitFor(() => expect(window.location.hash).toBe('#/register?status=active&q=Gwent'));
    await waitFor(async () => {
      const rows = dataRows(await grid());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(within(row).getByText('Active')).toBeInTheDocument();
    });
    const active = await count();
    expect(active).toBeGreaterThan(0);
    expect(active).toBeLessThan(all);
    expect(screen.getByRole('searchbox', { name: SEARCH })).toHaveValue('Gwent');
  });

  it('the address keeps the search: opened again, it shows the same results', async () => {
    const user = userEvent.setup();
    const first = renderTab(server.siteUrl, { hash: '#/register' });
    await grid();
    await user.type(screen.getByRole('searchbox', { name: SEARCH }), 'Safeguarding');
    // The record is on the unfiltered first page too: wait for the search to reach the address.
    await waitFor(() => expect(window.location.hash).toBe('#/register?q=Safeguarding'));
    await screen.findByRole('link', { name: 'Gwent Safeguarding Board' });
    const address = window.location.hash;
    first.unmount();
    cleanup();
    renderTab(server.siteUrl, { hash: address });
    expect(await screen.findByRole('link', { name: 'Gwent Safeguarding Board' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: SEARCH })).toHaveValue('Safeguarding');
  });
});
