/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import type { Action } from '../../src/domain';
import { renderTab, servicesFor, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const rhys = { id: 7, displayName: 'Rhys Davies' };
let n = 0;
async function anAction(overrides: Partial<Action>) {
  const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const r = await stores.actions.create({
    key: `ACT-UI-${Date.now().toString(36)}-${(n += 1)}`,
    title: `Plan action ${n}`,
    scope: 'programme',
    progress: 0,
    ...overrides,
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

async function storedAction(id: number) {
  const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const all = await stores.actions.forOwner(7);
  const found = all.ok ? all.value.find((a) => a.id === id) : undefined;
  if (!found) throw new Error('not found');
  return found;
}

/** The month columns' headings, in order (not the Manage column an action's manager sees). */
const monthHeadings = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .slice(3)
    .flatMap((th) => th.querySelector('abbr')?.getAttribute('title') ?? []);

describe('the 12-month action plan', () => {
  it('lays a July plan out by month: bars across the months spanned, this month marked, overdue in words', async () => {
    const spanning = await anAction({
      title: 'Governance arrangements check',
      owner: rhys,
      startDate: '2025-09-01',
      dueDate: '2025-11-30',
      progress: 100,
      completedOn: '2025-11-20',
    });
    const late = await anAction({
      title: 'Report to Cabinet on partnerships',
      owner: rhys,
      startDate: '2025-12-01',
      dueDate: '2026-01-31',
      progress: 40,
    });
    renderTab(server.siteUrl, { hash: '#/action-plan?month=7&year=2025&scope=programme' });
    const table = await screen.findByRole('table', { name: /Actions by month/ }, { timeout: 10_000 });
    expect(monthHeadings(table)).toEqual([
      'July 2025',
      'August 2025',
      'September 2025',
      'October 2025',
      'November 2025',
      'December 2025',
      'January 2026',
      'February 2026',
      'March 2026',
      'April 2026',
      'May 2026',
      'June 2026',
    ]);
    const current = within(table)
      .getAllByRole('columnheader')
      .filter((th) => th.getAttribute('aria-current') === 'date');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('This month');
    expect(current[0]?.querySelector('abbr')).toHaveAttribute('title', 'March 2026');

    const row = (title: string) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(title) })
        .closest('tr') as HTMLElement;
    const planned = (tr: HTMLElement) =>
      [...tr.querySelectorAll('td[data-month]')].flatMap((td) =>
        td.getAttribute('data-planned') ? [Number(td.getAttribute('data-month'))] : [],
      );
    expect(planned(row(spanning.title))).toEqual([2, 3, 4]);
    expect(planned(row(late.title))).toEqual([5, 6]);
    expect(within(row(spanning.title)).getByText('Complete')).toBeInTheDocument();
    expect(within(row(late.title)).getByText('Overdue')).toBeInTheDocument();
    expect(within(row(late.title)).getAllByText('planned')).toHaveLength(2);
  });

  it('starts in any month, and filters by owner', async () => {
    const user = userEvent.setup();
    await anAction({
      title: 'Review the Constitution',
      owner: { id: 10, displayName: 'Llŷr Evans' },
      startDate: '2026-04-01',
      dueDate: '2026-05-31',
    });
    renderTab(server.siteUrl, { hash: '#/action-plan?month=1&year=2026' });
    const table = await screen.findByRole('table', { name: /Actions by month/ }, { timeout: 10_000 });
    expect(monthHeadings(table)[0]).toBe('January 2026');
    expect(monthHeadings(table)[11]).toBe('December 2026');
    await user.click(screen.getByRole('combobox', { name: 'Owner' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Llŷr Evans' }));
    await waitFor(() => expect(window.location.hash).toContain('owner=10'));
    const rows = within(await screen.findByRole('table', { name: /Actions by month/ })).getAllByRole('rowheader');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.closest('tr')?.textContent).every((text) => text?.includes('Llŷr Evans'))).toBe(true);
  });

  it('adds a programme action, refusing one due before it starts', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/action-plan?month=7&year=2025' });
    await user.click(await screen.findByRole('button', { name: 'Add a programme action' }, { timeout: 10_000 }));
    const form = screen.getByRole('form', { name: 'Add an action' });
    await user.click(within(form).getByRole('textbox', { name: /^Action/ }));
    await user.paste('Annual summary to the Audit Committee');
    await user.type(within(form).getByLabelText(/^Start/), '2026-06-10');
    await user.type(within(form).getByLabelText(/^Due/), '2026-06-01');
    await user.click(within(form).getByRole('button', { name: 'Save action' }));
    expect(await within(form).findByText('The end date must be on or after the start date.')).toBeInTheDocument();
    expect(within(form).getByText('This field is required.')).toBeInTheDocument();
    const owner = within(form).getByRole('combobox', { name: /^Owner/ });
    await user.click(owner);
    await user.paste('Siân');
    await user.click(await screen.findByRole('option', { name: /^Siân Powell \(/ }, { timeout: 5000 }));
    await user.clear(within(form).getByLabelText(/^Due/));
    await user.type(within(form).getByLabelText(/^Due/), '2026-06-30');
    await user.click(within(form).getByRole('button', { name: 'Save action' }));
    // Not within a table found first: the reload after the save replaces the table.
    expect(
      await screen.findByRole('rowheader', { name: /Annual summary to the Audit Committee/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});

describe('the plan in Welsh', () => {
  it('names the months and the status in Welsh, with this month marked', async () => {
    const late = await anAction({
      title: 'Adroddiad i’r Cabinet',
      owner: rhys,
      startDate: '2025-12-01',
      dueDate: '2026-01-31',
      progress: 10,
    });
    renderTab(server.siteUrl, { hash: '#/action-plan?month=7&year=2025&scope=programme', locale: 'cy-GB' });
    const table = await screen.findByRole('table', { name: /Camau gweithredu fesul mis/ }, { timeout: 10_000 });
    expect(monthHeadings(table).slice(0, 2)).toEqual(['Gorffennaf 2025', 'Awst 2025']);
    const current = within(table)
      .getAllByRole('columnheader')
      .find((th) => th.getAttribute('aria-current') === 'date');
    expect(current).toHaveTextContent('Y mis hwn');
    const row = within(table)
      .getByRole('rowheader', { name: new RegExp(late.title) })
      .closest('tr') as HTMLElement;
    expect(within(row).getByText('Yn hwyr')).toBeInTheDocument();
  });
});

describe('my actions on Home', () => {
  it('lists the person’s open actions and updates progress in place', async () => {
    const user = userEvent.setup();
    const mine = await anAction({
      title: 'Refresh the partnerships list (mine)',
      owner: rhys,
      startDate: '2026-02-01',
      dueDate: '2026-04-30',
      progress: 10,
    });
    renderTab(server.siteUrl, { hash: '#/', devUser: 'officer' });
    const section = await screen.findByRole('region', { name: 'My actions' }, { timeout: 10_000 });
    const form = await within(section).findByRole('form', { name: `Update ${mine.title}` }, { timeout: 10_000 });
    const progress = within(form).getByRole('spinbutton', { name: 'Progress' });
    await user.clear(progress);
    await user.type(progress, '50');
    await user.click(within(form).getByRole('textbox', { name: 'Progress note' }));
    await user.paste('Draft list shared with Heads of Service.');
    await user.click(within(form).getByRole('button', { name: 'Save update' }));
    expect(await within(section).findByText('Update saved.')).toBeInTheDocument();
    expect(await storedAction(mine.id)).toMatchObject({
      progress: 50,
      progressNote: 'Draft list shared with Heads of Service.',
    });
  });

  it('refuses progress over 100, and shows both versions when someone else saved first', async () => {
    const user = userEvent.setup();
    const mine = await anAction({
      title: 'Update the intranet list (mine)',
      owner: rhys,
      startDate: '2026-02-01',
      dueDate: '2026-05-30',
      progress: 20,
    });
    renderTab(server.siteUrl, { hash: '#/', devUser: 'officer' });
    const section = await screen.findByRole('region', { name: 'My actions' }, { timeout: 10_000 });
    const form = await within(section).findByRole('form', { name: `Update ${mine.title}` }, { timeout: 10_000 });
    const progress = within(form).getByRole('spinbutton', { name: 'Progress' });
    await user.clear(progress);
    await user.type(progress, '140');
    await user.click(within(form).getByRole('button', { name: 'Save update' }));
    expect(await within(form).findByText('The value must be between 0 and 100.')).toBeInTheDocument();
    expect((await storedAction(mine.id)).etag).toBe(mine.etag);

    const other = servicesFor(server.siteUrl, { devUser: 'governance' }).stores.actions;
    expect((await other.update({ ...mine, progress: 30, progressNote: 'Theirs' })).ok).toBe(true);
    await user.clear(progress);
    await user.type(progress, '70');
    await user.click(within(form).getByRole('button', { name: 'Save update' }));
    expect(await within(section).findByText('Someone else updated this action first')).toBeInTheDocument();
    expect(within(section).getByTestId('theirs-progress')).toHaveTextContent('30% · Theirs');
    expect(within(section).getByTestId('mine-progress')).toHaveTextContent('70%');
    await user.click(within(section).getByRole('button', { name: 'Keep mine' }));
    expect(await within(section).findByText('Update saved.')).toBeInTheDocument();
    expect((await storedAction(mine.id)).progress).toBe(70);
  });
});
