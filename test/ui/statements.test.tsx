/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { statementKey } from '../../src/domain';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

/**
 * #/statements against the embedded server's demo register (today 2026-03-02: 2025–26). Dylan
 * O'Brien heads Economy and Environment's records; Siân Powell is the governance team.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const stores = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

function rowIn(section: HTMLElement, directorate: string): HTMLElement {
  const row = section.querySelector<HTMLElement>(`tr[data-directorate="${directorate}"]`);
  if (!row) throw new Error(`no row for ${directorate}`);
  return row;
}

describe('the annual assurance statements', () => {
  it('a Head of Service sees the directorate they answer for, and confirms it ("not yet" needs a comment)', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/statements', devUser: 'dylan' });
    // The file's first page load (its modules compiled, the server's first reads): in CI, beside the
    // Chromium journeys, it took more than the default 15 s once.
    const yours = await screen.findByRole('region', { name: 'Your directorates' }, { timeout: 45_000 });
    expect(within(yours).getAllByRole('row')).toHaveLength(2);
    const row = rowIn(yours, 'Economy and Environment');
    expect(within(row).getByText("Dylan O'Brien")).toBeInTheDocument();
    expect(within(row).getByText('Not yet confirmed')).toBeInTheDocument();
    // Not his to confirm elsewhere: no button on another directorate's row.
    const all = screen.getByRole('region', { name: 'Every directorate' });
    expect(within(rowIn(all, 'Education')).queryByRole('button')).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Confirm the statement for Economy and Environment' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Not yet: see my comment' }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('Say in the comment what is missing or wrong.')).toBeInTheDocument();
    let stored = await stores().assuranceStatements.forYear(2025);
    expect(stored.ok && stored.value.some((s) => s.directorate === 'Economy and Environment')).toBe(false);

    await user.click(within(dialog).getByRole('radio', { name: 'Complete and correct' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Comment/ }), 'Checked with the team: <b>all</b> ŵ ŷ');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('The statement for Economy and Environment was saved.')).toBeInTheDocument();
    await settle();
    // The table stays on screen while the page reads the year's statements again.
    const after = await waitFor(() => {
      const row = rowIn(screen.getByRole('region', { name: 'Your directorates' }), 'Economy and Environment');
      expect(within(row).getByText('Complete and correct')).toBeInTheDocument();
      return row;
    });
    // The comment is shown as text, never as markup.
    expect(within(after).getByText('Checked with the team: <b>all</b> ŵ ŷ')).toBeInTheDocument();
    expect(after.querySelector('b')).toBeNull();

    stored = await stores().assuranceStatements.forYear(2025);
    expect(
      stored.ok && stored.value.find((s) => s.key === statementKey(2025, 'Economy and Environment')),
    ).toMatchObject({ complete: true, confirmedBy: { id: 9 }, confirmedOn: '2026-03-02' });
  });

  it('the governance team sees every directorate and who has not confirmed', async () => {
    // Llŷr Evans says Education is not yet complete.
    const llyr = { id: 10, displayName: 'Llŷr Evans' };
    const r = await stores().assuranceStatements.create({
      key: statementKey(2025, 'Education'),
      year: 2025,
      directorate: 'Education',
      confirmedBy: llyr,
      confirmedOn: '2026-02-20',
      complete: false,
      comment: 'Two school partnerships still to add.',
    });
    expect(r.ok).toBe(true);
    renderTab(server.siteUrl, { hash: '#/statements?year=2025', devUser: 'governance' });
    const all = await screen.findByRole('region', { name: 'Every directorate' });
    await waitFor(() => expect(within(all).getAllByRole('row').length).toBeGreaterThan(1));
    const state = (d: string) => within(rowIn(all, d)).getByTestId('statement-state').textContent;
    expect(state('Education')).toBe('Not yet: see comment');
    expect(within(rowIn(all, 'Education')).getByText('Two school partnerships still to add.')).toBeInTheDocument();
    expect(state('Social Services')).toBe('Not yet confirmed');
    expect(state('Corporate Services')).toBe('Not yet confirmed');
    // The governance team may confirm any directorate.
    expect(
      within(rowIn(all, 'Social Services')).getByRole('button', {
        name: 'Confirm the statement for Social Services',
      }),
    ).toBeInTheDocument();
    expect(within(all).getByRole('status').textContent).toMatch(/Still to confirm: \d+\./);
    await settle();
  });

  it("the annual report lists the year's statements and the directorates yet to confirm", async () => {
    renderTab(server.siteUrl, { hash: '#/reports/annual?year=2025', devUser: 'governance' });
    const made = await screen.findByRole('table', { name: 'Annual assurance statements' }, { timeout: 20_000 });
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    const rows = within(made).getAllByRole('row').slice(1).map(cells);
    // Dylan's confirmation and Llŷr's "not yet", from the tests above (the server is shared in this file).
    expect(rows).toContainEqual([
      'Economy and Environment',
      "Dylan O'Brien",
      expect.any(String),
      expect.stringContaining('Yes'),
      'Checked with the team: <b>all</b> ŵ ŷ',
    ]);
    expect(rows).toContainEqual([
      'Education',
      'Llŷr Evans',
      expect.any(String),
      expect.stringContaining('Not yet'),
      'Two school partnerships still to add.',
    ]);
    const pending = screen.getByRole('table', { name: 'Directorates yet to confirm' });
    const names = within(pending)
      .getAllByRole('row')
      .slice(1)
      .map((r) => cells(r)[0]);
    expect(names).toEqual(expect.arrayContaining(['Corporate Services', 'Social Services']));
    expect(names).not.toContain('Economy and Environment');
    expect(names).not.toContain('Education');
    await settle();
  });

  it('a confirmation someone else saved meanwhile meets the conflict dialog; "save mine" writes over theirs', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/statements', devUser: 'governance' });
    const all = await screen.findByRole('region', { name: 'Every directorate' });
    const button = await within(all).findByRole('button', { name: 'Confirm the statement for Social Services' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    // Angharad Price, Head of Service, confirms first from her own session.
    const theirs = await servicesFor(server.siteUrl, { devUser: 'angharad' }).stores.assuranceStatements.create({
      key: statementKey(2025, 'Social Services'),
      year: 2025,
      directorate: 'Social Services',
      confirmedBy: { id: 11, displayName: 'Angharad Price' },
      confirmedOn: '2026-03-01',
      complete: true,
      comment: 'All joint commissioning arrangements are listed.',
    });
    expect(theirs.ok).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: 'Not yet: see my comment' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Comment/ }), 'The regional board is missing.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    const conflict = await screen.findByRole('alertdialog', {
      name: 'Someone else confirmed this directorate while you were writing',
    });
    expect(within(conflict).getByText('All joint commissioning arrangements are listed.')).toBeInTheDocument();
    expect(within(conflict).getByText('The regional board is missing.')).toBeInTheDocument();
    // Nothing was overwritten yet.
    const key = statementKey(2025, 'Social Services');
    const before = await stores().assuranceStatements.forYear(2025);
    expect(before.ok && before.value.find((s) => s.key === key)?.comment).toBe(
      'All joint commissioning arrangements are listed.',
    );
    await user.click(within(conflict).getByRole('button', { name: 'Save mine over theirs' }));
    expect(await screen.findByText('The statement for Social Services was saved.')).toBeInTheDocument();
    await settle();
    const after = await stores().assuranceStatements.forYear(2025);
    expect(after.ok && after.value.find((s) => s.key === key)).toMatchObject({
      complete: false,
      comment: 'The regional board is missing.',
      confirmedBy: { id: 6 },
    });
  });

  it('an officer who heads nothing reads the list, with no button to confirm', async () => {
    renderTab(server.siteUrl, { hash: '#/statements', devUser: 'officer' });
    expect(
      await screen.findByText(
        "You can see who has confirmed. Only a directorate's Head of Service, or the governance team, can confirm its statement.",
      ),
    ).toBeInTheDocument();
    const all = screen.getByRole('region', { name: 'Every directorate' });
    expect(within(all).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Your directorates' })).toBeNull();
    await settle();
  });
});
