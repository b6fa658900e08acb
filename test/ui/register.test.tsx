/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, startServer, unreachableSiteUrl } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

const grid = () => screen.findByRole('grid', { name: 'Collaborations' });
const dataRows = (g: HTMLElement) => within(g).getAllByRole('row').slice(1);

describe('the register', () => {
  it('lists the collaborations in a grid, each name a link to its record', async () => {
    renderTab(server.siteUrl, { hash: '#/register' });
    const g = await grid();
    expect(await screen.findByText('Collaborations in this view: 60')).toBeInTheDocument();
    expect(within(g).getByRole('columnheader', { name: /Reference/ })).toBeInTheDocument();
    const first = dataRows(g)[0]!;
    expect(within(first).getByText('COL-0001')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Gwent Regional Partnership Board' })).toHaveAttribute(
      'href',
      '#/collaboration/COL-0001',
    );
  });

  it('filters by status on the server and keeps the filter in the address', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register' });
    await grid();
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Proposed' }));
    await waitFor(() => expect(window.location.hash).toBe('#/register?status=proposed'));
    await waitFor(async () => {
      const rows = dataRows(await grid());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(within(row).getByText('Proposed')).toBeInTheDocument();
    });
    expect(screen.getByText(/Collaborations in this view: \d+/)).toBeInTheDocument();
  });

  it('opens the view a link describes: filters, search and sort', async () => {
    renderTab(server.siteUrl, { hash: '#/register?model=jointCommittee&q=Gwent&sort=reference:desc' });
    const g = await grid();
    await waitFor(() => expect(dataRows(g).length).toBeGreaterThan(0));
    const refs = dataRows(g).map((r) => within(r).getAllByRole('gridcell')[0]!.textContent ?? '');
    expect([...refs].sort().reverse()).toEqual(refs);
    for (const row of dataRows(g)) {
      expect(within(row).getByText('Joint committee')).toBeInTheDocument();
    }
    // A word anywhere in the record: here Gwent in the name of a Gwent-wide joint committee.
    expect(dataRows(g).some((r) => /Gwent/.test(within(r).getByRole('link').textContent ?? ''))).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveTextContent('Joint committee');
    expect(
      screen.getByRole('searchbox', { name: 'Search by name, reference, purpose, lead organisation or partner' }),
    ).toHaveValue('Gwent');
  });

  it('names a panel in Welsh in Welsh, in the subtitle and the panel filter', async () => {
    renderTab(server.siteUrl, { hash: '#/register?panel=panel-cgrp', locale: 'cy-GB' });
    expect(
      await screen.findByText('Cydweithrediadau a adolygir gan Panel Adolygu Llywodraethu Corfforaethol.', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/panel-cgrp/)).not.toBeInTheDocument();
  });

  it('sorts when a column heading is pressed', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register' });
    const g = await grid();
    await user.click(within(g).getByRole('button', { name: /Reference/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/register?sort=reference:desc'));
    await waitFor(async () => expect(within(dataRows(await grid())[0]!).getByText('COL-0060')).toBeInTheDocument());
  });

  it('searches by reference as the person types', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register' });
    await grid();
    await user.type(
      screen.getByRole('searchbox', { name: 'Search by name, reference, purpose, lead organisation or partner' }),
      'COL-0042',
    );
    await waitFor(() => expect(window.location.hash).toBe('#/register?q=COL-0042'));
    await screen.findByText('Collaborations in this view: 1');
  });

  it('says so, with a retry, when the list API cannot be reached', async () => {
    renderTab(await unreachableSiteUrl(), { hash: '#/register' });
    expect(await screen.findByText('The register could not be loaded', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/The register could not be reached/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
