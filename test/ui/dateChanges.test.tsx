/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

jest.setTimeout(60_000);

/**
 * The governance team dates a withdrawal the annual report counted in no year: a record set to
 * Withdrawing when it was created (so no version shows when), with no review to date it. The
 * section lists it; a day after today is refused; a real day is saved and the report, read again,
 * counts it in that year. An officer sees the report without the section.
 */
let server: RunningListServer;
let reference = '';
beforeAll(async () => {
  server = await startServer();
  const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const base = await stores.collaborations.getByReference('COL-0003');
  if (!base.ok) throw new Error(base.error.code);
  const { id: _id, etag: _etag, ...plain } = base.value as typeof base.value & { etag: string };
  const next = await stores.collaborations.nextReference();
  if (!next.ok) throw new Error(next.error.code);
  reference = next.value;
  const made = await stores.collaborations.create({
    ...plain,
    reference,
    title: 'Undated withdrawal test',
    status: 'withdrawing',
    exitNote: 'Partners told in writing.',
    lastReviewDate: undefined,
    importKey: undefined,
  });
  if (!made.ok) throw new Error(JSON.stringify(made.error));
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

it('the governance team dates an undated withdrawal by hand, and the report counts it in that year', async () => {
  const user = userEvent.setup();
  renderTab(server.siteUrl, { hash: '#/reports/annual?year=2025', devUser: 'governance' });
  const section = await screen.findByRole('region', { name: 'Date the changes counted in no year' });
  const undated = screen.getByRole('table', { name: 'Changes with no date, counted in no year' });
  expect(within(undated).getByText(reference)).toBeInTheDocument();
  const row = within(section)
    .getByText(new RegExp(`^${reference} Undated withdrawal test: Withdrawal`))
    .closest('li')!;
  const day = within(row).getByLabelText('Day it happened');
  // A day after today (the tab's today is 2 March 2026) is refused, and nothing can be saved.
  await user.type(day, '2026-03-03');
  expect(within(row).getByRole('button', { name: 'Save this date' })).toBeDisabled();
  await user.clear(day);
  await user.type(day, '2025-11-14');
  await user.click(within(row).getByRole('button', { name: 'Save this date' }));
  // The report is read again: the withdrawal is counted in 2025–26, and no longer undated.
  await waitFor(() =>
    expect(
      within(screen.getByRole('table', { name: 'Collaborations withdrawn from' })).getByText(reference),
    ).toBeInTheDocument(),
  );
  expect(screen.queryByRole('table', { name: 'Changes with no date, counted in no year' })).toBeNull();
  await settle();
});

it('an officer sees the report without the tool to date changes', async () => {
  renderTab(server.siteUrl, { hash: '#/reports/annual?year=2024', devUser: 'officer' });
  await screen.findByRole('table', { name: 'Figures for the year' });
  await settle();
  expect(screen.queryByRole('region', { name: 'Date the changes counted in no year' })).toBeNull();
});
