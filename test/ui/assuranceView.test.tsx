/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reviewState, type Collaboration, type Stored } from '../../src/domain';
import type { RunningListServer } from '../../src/local/server';
import { isFiltered, queryFor, viewFromParams, viewToParams } from '../../src/ui/features/register/view';
import { renderTab, servicesFor, setFaults, settle, startServer, TODAY } from './helpers';

jest.setTimeout(60_000);

/**
 * Assurance where people look (issue 18): on the record's overview the level in words, its
 * reason and how it compares with the level before, with the way to every change; the
 * register's assurance column and filter (kept in the address); Home's level for each of the
 * person's collaborations due for review. The demo has no assurance yet: the test gives one
 * record of Mererid's a level, through the stores, with the history of how it got there.
 */
const MERERID = 13;
let server: RunningListServer;
let record: Stored<Collaboration>;

beforeAll(async () => {
  server = await startServer();
  const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const all = await stores.collaborations.all({});
  if (!all.ok) throw new Error(all.error.code);
  // One of Mererid's records that Home lists as due (overdue or soon).
  const mine = all.value.find(
    (r) =>
      (r.leadOfficer?.id === MERERID || r.headOfService?.id === MERERID) &&
      ['overdue', 'dueToday', 'dueSoon'].includes(reviewState(r.nextReviewDue, TODAY, { status: r.status }).state),
  );
  if (!mine) throw new Error('the demo has no record of Mererid due for review');
  const updated = await stores.collaborations.update({
    ...mine,
    assuranceLevel: 'limited',
    assuranceReason: 'No exit plan agreed with the partners.',
    assuranceDate: '2025-11-20',
  });
  if (!updated.ok) throw new Error(JSON.stringify(updated.error));
  record = updated.value;
  const by = { id: 8, displayName: 'Eleri Morgan' };
  const written = await stores.history.record([
    {
      key: `HIS-${record.id}-assurance-a1`,
      collaborationId: record.id,
      aspect: 'assurance',
      to: 'substantial',
      on: '2024-05-01',
      by,
      source: 'review',
      sourceKey: 'REV-A1',
    },
    {
      key: `HIS-${record.id}-assurance-a2`,
      collaborationId: record.id,
      aspect: 'assurance',
      from: 'substantial',
      to: 'limited',
      on: '2025-11-20',
      by,
      reason: 'No exit plan agreed with the partners.',
      source: 'review',
      sourceKey: 'REV-A2',
    },
    {
      key: `HIS-${record.id}-significance-a3`,
      collaborationId: record.id,
      aspect: 'significance',
      from: 'low',
      to: 'high',
      source: 'policy',
      sourceKey: 'v2',
    },
  ]);
  if (!written.ok) throw new Error(JSON.stringify(written.error));
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await setFaults(server, 0);
  cleanup();
});

/** The overview's assurance: each term with its value. */
async function assuranceTerms(name: string): Promise<Record<string, string>> {
  const region = await screen.findByRole('region', { name });
  await waitFor(() => expect(region.querySelector('[data-assurance-trend="loading"]')).toBeNull());
  const out: Record<string, string> = {};
  for (const dt of region.querySelectorAll('dt')) out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
  return out;
}

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

describe("the record's assurance", () => {
  it('shows the level in words, its reason, when it was given and that it went down, and opens every change', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: `#/collaboration/${record.reference}` });
    expect(await assuranceTerms('Assurance')).toEqual({
      'Assurance level': 'Limited assurance',
      'Reason for the assurance level': 'No exit plan agreed with the partners.',
      'Assurance given on': '20 November 2025',
      'Against the level before': 'Down from Substantial assurance',
    });
    // The overview is the record tab's panel, labelled by its tab.
    expect(screen.getByRole('tabpanel', { name: 'Record' })).toContainElement(
      screen.getByRole('region', { name: 'Assurance' }),
    );

    await user.click(screen.getByRole('button', { name: 'See every change of status, assurance and significance' }));
    expect(screen.getByRole('tab', { name: 'Version history' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Version history' })).toHaveFocus());
    const panel = screen.getByRole('tabpanel', { name: 'Version history' });
    const table = await within(panel).findByRole('table', { name: 'Status, assurance and significance' });
    // Newest first: what changed, from and to in words, when, by whom and why; a change nobody dated says so, last.
    expect(rows(table)).toEqual([
      [
        '20 November 2025',
        'Assurance level',
        'Substantial assurance',
        'Limited assurance',
        'Eleri Morgan',
        'Review: No exit plan agreed with the partners.',
      ],
      ['1 May 2024', 'Assurance level', 'None', 'Substantial assurance', 'Eleri Morgan', 'Review'],
      ['Date not known', 'Significance', 'Low', 'High', '', 'New governance policy'],
    ]);
    const links = within(table).getAllByRole('link', { name: 'Review' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/review/REV-A2', '#/review/REV-A1']);
    await settle();
  });

  it('says the same in Welsh', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: `#/collaboration/${record.reference}`, locale: 'cy-GB' });
    expect(await assuranceTerms('Sicrwydd')).toEqual({
      'Lefel sicrwydd': 'Sicrwydd cyfyngedig',
      'Rheswm dros y lefel sicrwydd': 'No exit plan agreed with the partners.',
      'Dyddiad rhoi sicrwydd': '20 Tachwedd 2025',
      "O'i chymharu â'r lefel flaenorol": 'I lawr o Sicrwydd sylweddol',
    });
    await user.click(screen.getByRole('button', { name: 'Gweld pob newid i statws, sicrwydd ac arwyddocâd' }));
    const table = await screen.findByRole('table', { name: 'Statws, sicrwydd ac arwyddocâd' });
    expect(rows(table)).toContainEqual([
      '20 Tachwedd 2025',
      'Lefel sicrwydd',
      'Sicrwydd sylweddol',
      'Sicrwydd cyfyngedig',
      'Eleri Morgan',
      'Adolygiad: No exit plan agreed with the partners.',
    ]);
    expect(rows(table)).toContainEqual([
      'Dyddiad yn anhysbys',
      'Arwyddocâd',
      'Isel',
      'Uchel',
      '',
      'Polisi llywodraethu newydd',
    ]);
    await settle();
  });

  it('says a record with no level has none yet, and that nothing earlier is compared', async () => {
    renderTab(server.siteUrl, { hash: '#/collaboration/COL-0060' });
    expect(await assuranceTerms('Assurance')).toEqual({ 'Assurance level': 'Not yet given' });
    await settle();
  });

  it('shows a clear message and a retry, not an empty list, when the history cannot be read', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: `#/collaboration/${record.reference}` });
    await assuranceTerms('Assurance');
    await settle();
    await setFaults(server, 1);
    await user.click(screen.getByRole('button', { name: 'See every change of status, assurance and significance' }));
    expect(
      await screen.findByText('The changes of status, assurance and significance could not be loaded', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('No change of status, assurance or significance recorded yet.')).toBeNull();
    await settle();
    await setFaults(server, 0);
    await user.click(screen.getAllByRole('button', { name: 'Try again' })[0]!);
    expect(await screen.findByRole('table', { name: 'Status, assurance and significance' })).toBeInTheDocument();
    await settle();
  });
});

const grid = () => screen.findByRole('grid', { name: 'Collaborations' });
const dataRows = (g: HTMLElement) => within(g).getAllByRole('row').slice(1);

describe("the register's assurance", () => {
  it('shows the level in words in its own column', async () => {
    renderTab(server.siteUrl, { hash: `#/register?q=${record.reference}` });
    const g = await grid();
    await screen.findByText('Collaborations in this view: 1');
    expect(within(g).getByRole('columnheader', { name: 'Assurance level' })).toBeInTheDocument();
    const [row] = dataRows(g);
    expect(within(row!).getByText('Limited assurance')).toBeInTheDocument();
    await settle();
  });

  it('filters by level and keeps the filter in the address', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/register' });
    await grid();
    await screen.findByText('Collaborations in this view: 60');
    await user.click(screen.getByRole('combobox', { name: 'Assurance level' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Limited assurance' }));
    await waitFor(() => expect(window.location.hash).toBe('#/register?assurance=limited'));
    await screen.findByText('Collaborations in this view: 1');
    const rowsShown = dataRows(await grid());
    expect(rowsShown).toHaveLength(1);
    expect(within(rowsShown[0]!).getByText(record.reference)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Assurance level' })).toHaveTextContent('Limited assurance');
    await settle();
  });

  it('finds the records not yet given a level, from a link, in Welsh', async () => {
    renderTab(server.siteUrl, { hash: '#/register?assurance=notGiven', locale: 'cy-GB' });
    const g = await screen.findByRole('grid', { name: 'Cydweithrediadau' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/59/));
    expect(screen.getByRole('combobox', { name: 'Lefel sicrwydd' })).toHaveTextContent('Heb ei rhoi eto');
    expect(within(g).queryByText(record.reference)).toBeNull();
    for (const row of dataRows(g)) expect(within(row).getByText('Heb ei rhoi eto')).toBeInTheDocument();
    await settle();
  });
});

describe("the register view's assurance filter", () => {
  it('reads levels and "not yet given" from the address, ignoring what it does not know, and writes them back', () => {
    const view = viewFromParams(new URLSearchParams('assurance=limited,excellent,notGiven,limited&status=active'));
    expect(view.assurance).toEqual(['limited', 'notGiven']);
    expect(isFiltered(view)).toBe(true);
    expect(viewToParams(view).toString()).toBe('status=active&assurance=limited%2CnotGiven');
    const plain = viewFromParams(new URLSearchParams(''));
    expect(plain).not.toHaveProperty('assurance');
    expect(isFiltered(plain)).toBe(false);
  });

  it("puts the levels in the store's query, beside the other filters, and nothing when none is chosen", () => {
    const view = viewFromParams(new URLSearchParams('assurance=limited,notGiven&status=active'));
    expect(queryFor(view, TODAY, 10)).toMatchObject({ status: ['active'], assurance: ['limited', 'notGiven'] });
    expect(queryFor(viewFromParams(new URLSearchParams('')), TODAY, 10)).not.toHaveProperty('assurance');
  });

  it('has the server filter: a page holds only the rows asked for, and the read ends with them', async () => {
    const store = servicesFor(server.siteUrl).stores.collaborations;
    const view = viewFromParams(new URLSearchParams('assurance=limited'));
    // Pages of 10 over the demo's 60: the one limited record comes on the first page, alone, and it is the last.
    const page = await store.query(queryFor(view, TODAY, 10));
    if (!page.ok) throw new Error(page.error.code);
    expect(page.value.items.map((r) => r.reference)).toEqual([record.reference]);
    expect(page.value.next).toBeUndefined();
    const notGiven = viewFromParams(new URLSearchParams('assurance=notGiven'));
    const first = await store.query(queryFor(notGiven, TODAY, 10));
    if (!first.ok) throw new Error(first.error.code);
    expect(first.value.items).toHaveLength(10);
    expect(first.value.items.every((r) => r.assuranceLevel === undefined)).toBe(true);
    expect(first.value.next).toBeDefined();
  });
});

describe("Home's assurance", () => {
  const itemOf = (region: HTMLElement, reference: string) =>
    within(region)
      .getAllByRole('listitem')
      .find((li) => within(li).queryByText(reference) !== null);

  it("shows the level of each of the person's collaborations due for review, and says when none is given", async () => {
    renderTab(server.siteUrl, { devUser: 'mererid' });
    const reviews = await screen.findByRole('region', { name: 'Reviews due in the next 14 days and overdue' });
    const mine = itemOf(reviews, record.reference);
    expect(mine).toBeDefined();
    expect(within(mine!).getByText('Yours')).toBeInTheDocument();
    expect(within(mine!).getByText('Assurance: Limited assurance')).toBeInTheDocument();
    const others = within(reviews)
      .getAllByRole('listitem')
      .filter((li) => li !== mine);
    expect(others.length).toBeGreaterThan(0);
    for (const li of others) expect(within(li).getByText('Assurance: Not yet given')).toBeInTheDocument();
    await settle();
  });

  it('says it in Welsh', async () => {
    renderTab(server.siteUrl, { devUser: 'mererid', locale: 'cy-GB' });
    const heading = await screen.findByRole('heading', { level: 2, name: /Adolygiadau/ });
    const reviews = heading.closest('section')!;
    expect(within(itemOf(reviews, record.reference)!).getByText('Sicrwydd: Sicrwydd cyfyngedig')).toBeInTheDocument();
    expect(within(reviews).getAllByText('Sicrwydd: Heb ei rhoi eto').length).toBeGreaterThan(0);
    await settle();
  });
});
