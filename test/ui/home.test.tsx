/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { screen, within } from '@testing-library/react';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, settle, startServer, unreachableSiteUrl } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

describe('Home', () => {
  it('renders after ONE list API request: a $batch that carries who-am-I too', async () => {
    const requests: { url: string; body: string }[] = [];
    renderTab(server.siteUrl, {
      onFetch: (url, init) => requests.push({ url, body: typeof init?.body === 'string' ? init.body : '' }),
    });
    await screen.findByRole('heading', { level: 2, name: "The compendium's figures" });
    const api = requests.filter((r) => r.url.includes('/_api/'));
    expect(api.map((r) => r.url)).toEqual([expect.stringMatching(/\/_api\/\$batch$/)]);
    // The shell's who-am-I (the person and their groups, for the role-dependent links) is in it.
    expect(api[0]?.body).toMatch(/\/_api\/web\/currentuser\/groups/i);
    expect(api[0]?.body).toMatch(/\/_api\/web\/items|\/_api\/web\/lists/i);
    // And the shell knows who this is from it: an officer is offered New collaboration, and no more is read.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'New collaboration' })).toBeInTheDocument();
    await settle();
    expect(requests.filter((r) => r.url.includes('/_api/'))).toHaveLength(1);
  });

  it('elsewhere, who-am-I goes at once, as one $batch of its own', async () => {
    const requests: { url: string; body: string }[] = [];
    renderTab(server.siteUrl, {
      hash: '#/register',
      onFetch: (url, init) => requests.push({ url, body: typeof init?.body === 'string' ? init.body : '' }),
    });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'New collaboration' })).toBeInTheDocument();
    await settle();
    const api = requests.filter((r) => r.url.includes('/_api/'));
    expect(api.filter((r) => /\/_api\/web\/currentuser/i.test(r.url))).toEqual([]);
    const me = api.filter((r) => r.url.endsWith('/$batch') && /currentuser\/groups/i.test(r.body));
    expect(me).toHaveLength(1);
  });

  it("shows the compendium's figures, what is due and at risk, and the register by status and model", async () => {
    renderTab(server.siteUrl);
    const figures = await screen.findByRole('list', { name: "The compendium's figures" });
    expect(within(figures).getByText('Partner organisations')).toBeInTheDocument();
    expect(within(figures).getByText('146')).toBeInTheDocument();
    expect(within(figures).getByText('Formal partnerships')).toBeInTheDocument();
    expect(within(figures).getByText('Led by the council')).toBeInTheDocument();

    const reviews = screen.getByRole('region', { name: 'Reviews due in the next 14 days and overdue' });
    const links = within(reviews).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^#\/collaboration\/COL-\d{4}$/));
    expect(within(reviews).getAllByText(/Overdue|Due soon|Due today/).length).toBe(links.length);

    const actions = screen.getByRole('region', { name: 'Actions at risk or overdue' });
    expect(within(actions).getAllByText(/At risk|Overdue/).length).toBeGreaterThan(0);

    const byStatus = screen.getByRole('list', { name: 'Collaborations by status' });
    expect(within(byStatus).getByRole('link', { name: 'Active' })).toHaveAttribute('href', '#/register?status=active');
    const byModel = screen.getByRole('list', { name: 'Collaborations by model' });
    expect(within(byModel).getByRole('link', { name: 'Joint committee' })).toHaveAttribute(
      'href',
      '#/register?model=jointCommittee',
    );
  });

  it("puts the person's own items first", async () => {
    renderTab(server.siteUrl, { devUser: 'mererid' });
    const reviews = await screen.findByRole('region', { name: 'Reviews due in the next 14 days and overdue' });
    const items = within(reviews).getAllByRole('listitem');
    const yours = items.map((li) => within(li).queryByText('Yours') !== null);
    expect(yours[0]).toBe(true);
    expect(yours.indexOf(false) === -1 || yours.slice(yours.indexOf(false)).every((y) => !y)).toBe(true);
  });

  it('writes figures and dates in Welsh for a Welsh speaker', async () => {
    renderTab(server.siteUrl, { locale: 'cy-GB' });
    expect(await screen.findByRole('heading', { level: 2, name: "Ffigurau'r compendiwm" })).toBeInTheDocument();
    expect(screen.getByText(/Cofrestr y cyngor ar 2 Mawrth 2026/)).toBeInTheDocument();
  });

  it('shows a clear message and a retry, not a blank page, when the lists cannot be reached', async () => {
    renderTab(await unreachableSiteUrl());
    expect(await screen.findByText('The register could not be loaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows a panel member the reviews awaiting their panel, each opening the review', async () => {
    renderTab(server.siteUrl, { devUser: 'panel' });
    const section = await screen.findByRole('region', { name: 'Reviews awaiting my panel' }, { timeout: 10_000 });
    const links = await within(section).findAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^#\/review\/REV-/);
    expect(within(section).getAllByText('Corporate Governance Review Panel').length).toBe(links.length);
  });

  it('shows no panel section to an officer who sits on no panel', async () => {
    renderTab(server.siteUrl, { devUser: 'dylan' });
    await screen.findByRole('heading', { level: 2, name: "The compendium's figures" });
    expect(screen.queryByRole('region', { name: 'Reviews awaiting my panel' })).not.toBeInTheDocument();
  });
});
