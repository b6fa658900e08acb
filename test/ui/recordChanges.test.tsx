/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, within } from '@testing-library/react';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

jest.setTimeout(60_000);

/**
 * The record's history of status, assurance and significance, as an officer reads it on the
 * record's history tab: the assurance level now with its trend in words, and each change with
 * from, to, when, by whom and why (a review's change links to the review), in English and Welsh.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
  const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const record = await stores.collaborations.getByReference('COL-0007');
  if (!record.ok) throw new Error(record.error.code);
  const id = record.value.id;
  const by = { id: 8, displayName: 'Eleri Morgan' };
  const written = await stores.history.record([
    {
      key: `HIS-${id}-assurance-t1`,
      collaborationId: id,
      aspect: 'assurance',
      to: 'substantial',
      on: '2024-05-01',
      by,
      source: 'review',
      sourceKey: 'REV-T1',
    },
    {
      key: `HIS-${id}-assurance-t2`,
      collaborationId: id,
      aspect: 'assurance',
      from: 'substantial',
      to: 'limited',
      on: '2025-11-20',
      by,
      reason: 'No exit plan agreed.',
      source: 'review',
      sourceKey: 'REV-T2',
    },
    {
      key: `HIS-${id}-status-t3`,
      collaborationId: id,
      aspect: 'status',
      from: 'active',
      to: 'underReview',
      source: 'import',
      sourceKey: 'import',
    },
  ]);
  if (!written.ok) throw new Error(JSON.stringify(written.error));
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );
}

it('shows every change with when, who and why', async () => {
  renderTab(server.siteUrl, { hash: '#/collaboration/COL-0007?tab=history' });
  const table = await screen.findByRole('table', { name: 'Status, assurance and significance' });
  const body = rows(table);
  expect(body).toContainEqual(['Date not known', 'Status', 'Active', 'Under review', '', 'Import']);
  expect(body).toContainEqual([
    '20 November 2025',
    'Assurance level',
    'Substantial assurance',
    'Limited assurance',
    'Eleri Morgan',
    'Review: No exit plan agreed.',
  ]);
  expect(within(table).getAllByRole('link', { name: 'Review' })[0]).toHaveAttribute('href', '#/review/REV-T2');
  // The version history is still there, under its own heading.
  expect(screen.getByRole('heading', { level: 2, name: 'Version history' })).toBeInTheDocument();
  await settle();
});

it('says the same in Welsh', async () => {
  renderTab(server.siteUrl, { hash: '#/collaboration/COL-0007?tab=history', locale: 'cy-GB' });
  const table = await screen.findByRole('table', { name: 'Statws, sicrwydd ac arwyddocâd' });
  expect(rows(table)).toContainEqual([
    'Dyddiad yn anhysbys',
    'Statws',
    'Gweithredol',
    'Yn cael ei adolygu',
    '',
    'Mewnforio',
  ]);
  await settle();
});
