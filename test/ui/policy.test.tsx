/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_SIGNIFICANCE_WEIGHTS, tierChanges } from '../../src/domain';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer, TODAY } from './helpers';

/**
 * #/policy against the embedded server's demo register. Siân Powell is the governance team;
 * Rhys Davies an officer. The tests share the server, in order: the refusals first, then the
 * publication of version 1.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const stores = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

async function versions() {
  const r = await stores().policies.published();
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

async function replace(label: string | RegExp, value: string) {
  const user = userEvent.setup();
  const box = await screen.findByRole('textbox', { name: label });
  await user.clear(box);
  if (value !== '') await user.type(box, value);
}

describe('the governance policy editor', () => {
  it('an officer reads the policy in force and its numbers, with no form and no nav item', async () => {
    renderTab(server.siteUrl, { hash: '#/policy', devUser: 'officer' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Governance policy' })).toBeInTheDocument();
    const inForce = await screen.findByRole('region', { name: 'In force' });
    expect(within(inForce).getByText('The shipped policy (version 0)')).toBeInTheDocument();
    const numbers = screen.getByRole('region', { name: 'The policy’s numbers' });
    const tiers = within(numbers).getByRole('table', { name: 'Tier thresholds' });
    expect(
      within(tiers)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Medium4', 'High8']);
    expect(screen.queryByRole('button', { name: 'Check and publish…' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Governance policy' })).toBeNull();
    await settle();
  });

  it('an invalid value is named at its field, in the person’s language, and nothing is published', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/policy', devUser: 'governance' });
    await screen.findByRole('region', { name: 'Publish a new version' });
    await replace('Limited assurance: months', '0');
    await user.click(screen.getByRole('button', { name: 'Check and publish…' }));
    expect(
      await screen.findByText('Enter a whole number of months from 1 to 60, or leave it blank.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Write a change note: what changed and why.')).toBeInTheDocument();
    // The first wrong value has the focus.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Limited assurance: months' })).toHaveFocus());
    expect(screen.queryByRole('alertdialog')).toBeNull();

    // The ranges right, the cross-field check speaks: high must be above medium.
    await replace('Limited assurance: months', '6');
    await replace('Medium tier from (points)', '9');
    await replace(/Change note/, 'Try a higher medium tier.');
    await user.click(screen.getByRole('button', { name: 'Check and publish…' }));
    expect(
      await screen.findByText('The score for a high tier must be above the score for a medium tier.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Enter a whole number of months from 1 to 60, or leave it blank.')).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await versions()).toEqual([]);
    await settle();
  });

  it('in Welsh, the same wrong value is said in Welsh', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/policy', devUser: 'governance', locale: 'cy-GB' });
    await screen.findByRole('region', { name: 'Cyhoeddi fersiwn newydd' });
    await replace('Haen uchel o (pwyntiau)', 'llawer');
    await user.click(screen.getByRole('button', { name: 'Gwirio a chyhoeddi…' }));
    expect(await screen.findByText('Rhowch nifer cyfan o bwyntiau o 0 i 100.')).toBeInTheDocument();
    expect(screen.getByText('Ysgrifennwch nodyn newid: beth a newidiodd a pham.')).toBeInTheDocument();
    expect(await versions()).toEqual([]);
    await settle();
  });

  it('the governance team lowers the high threshold, sees how many records would change tier, publishes, and sees version 1', async () => {
    const user = userEvent.setup();
    const register = await stores().collaborations.all({});
    if (!register.ok) throw new Error(register.error.code);
    const expected = tierChanges(register.value, {
      ...DEFAULT_SIGNIFICANCE_WEIGHTS,
      tiers: { medium: 4, high: 6 },
    }).length;
    expect(expected).toBeGreaterThan(0);

    renderTab(server.siteUrl, { hash: '#/policy', devUser: 'governance' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Governance policy' })).toHaveAttribute('href', '#/policy');
    await screen.findByRole('region', { name: 'Publish a new version' });
    await replace('High tier from (points)', '6');
    await replace(/Change note/, 'Lower the high tier: more collaborations are watched closely.');
    await user.click(screen.getByRole('button', { name: 'Check and publish…' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Publish version 1?' });
    expect(within(dialog).getByTestId('policy-preview').textContent).toBe(
      `${expected} ${expected === 1 ? 'record' : 'records'} would change tier.`,
    );
    // Nothing is written before the confirmation.
    expect(await versions()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText('Version 1 is published.', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByText(`${expected} ${expected === 1 ? 'record' : 'records'} changed tier.`)).toBeInTheDocument();
    const inForce = screen.getByRole('region', { name: 'In force' });
    expect(await within(inForce).findByText('Version 1')).toBeInTheDocument();
    expect(within(inForce).getByText(/^Published by Siân Powell on /)).toBeInTheDocument();
    expect(
      within(inForce).getByText(/Lower the high tier: more collaborations are watched closely\./),
    ).toBeInTheDocument();
    const list = screen.getByRole('table', { name: 'Versions' });
    const row = list.querySelector<HTMLElement>('tr[data-version="1"]');
    if (!row) throw new Error('no row for version 1');
    expect(within(row).getByText('Medium from 4, high from 6')).toBeInTheDocument();
    // The form now starts from version 1, for a version 2.
    expect(screen.getByRole('textbox', { name: 'High tier from (points)' })).toHaveValue('6');
    await settle();

    const stored = await versions();
    expect(stored.map((p) => [p.version, p.publishedOn, p.publishedBy?.id, p.significance.tiers])).toEqual([
      [1, TODAY, 6, { medium: 4, high: 6 }],
    ]);
    const after = await stores().collaborations.all({});
    expect(after.ok && tierChanges(after.value, stored[0]!.significance)).toEqual([]);
    const history = await stores().history.all();
    expect(history.ok && history.value.filter((h) => h.source === 'policy' && h.sourceKey === 'v1')).toHaveLength(
      expected,
    );
  });
});
