/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, settle, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

describe('the tab shell', () => {
  it('has landmarks, a skip link and the main navigation', async () => {
    renderTab(server.siteUrl);
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Register' })).toHaveAttribute('href', '#/register');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Collaborations at a glance' })).toBeInTheDocument();
  });

  it('offers New collaboration to officers, not to a panel member, who is told why at its address', async () => {
    const { unmount } = renderTab(server.siteUrl);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'New collaboration' })).toHaveAttribute('href', '#/new');
    await settle();
    unmount();
    renderTab(server.siteUrl, { devUser: 'panel', hash: '#/new' });
    expect(
      await screen.findByText(
        'Officers and the governance team register collaborations. Ask the lead officer or the governance team to add one.',
      ),
    ).toBeInTheDocument();
    const panelNav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(panelNav).queryByRole('link', { name: 'New collaboration' })).toBeNull();
    expect(within(panelNav).getByRole('link', { name: 'Register' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Create/ })).toBeNull();
    await settle();
  });

  it('switches to Welsh, and remembers the choice', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl);
    await user.click(screen.getByRole('button', { name: 'Cymraeg' }));
    const nav = screen.getByRole('navigation', { name: 'Prif ddewislen' });
    expect(within(nav).getByRole('link', { name: 'Hafan' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('cy-GB');
    expect(localStorage.getItem('collaboration-register:locale')).toBe('cy-GB');
    // Welsh Home's heading, as it stands once the page has settled (a heading found while the
    // lazily loaded page is still being swapped in may be replaced a moment later).
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Cydweithrediadau ar yr olwg gyntaf' })).toBeInTheDocument(),
    );
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'Cydweithrediadau ar yr olwg gyntaf' })).toBeInTheDocument();
  });

  it('switches theme outside Teams, with a labelled control', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl);
    await user.selectOptions(screen.getByLabelText('Theme'), 'High contrast');
    expect(document.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'contrast');
  });

  it('lets a person in dev mode choose which demo user they are', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl);
    const picker = screen.getByLabelText('Acting as (demo)');
    await screen.findByRole('option', { name: 'Eleri Morgan' });
    await user.selectOptions(picker, 'Eleri Morgan');
    expect(await screen.findByText(/Your own items come first, Eleri Morgan/)).toBeInTheDocument();
  });

  it('shows a page that does not exist as such, with a way home', async () => {
    renderTab(server.siteUrl, { hash: '#/nowhere' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
