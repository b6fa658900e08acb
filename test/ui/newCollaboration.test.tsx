/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

describe('a new collaboration', () => {
  it('explains whether the chosen model is in the protocol’s scope', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/new' });
    await user.click(await screen.findByRole('radio', { name: /Joint committee/ }));
    expect(screen.getByText("Joint committees are in the protocol's scope.")).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Contractual arrangement/ }));
    expect(screen.getByText(/Contractual arrangements, where one body provides/)).toBeInTheDocument();
  });

  it('refuses an incomplete form with messages by the fields, and creates nothing', async () => {
    const user = userEvent.setup();
    const before = await servicesFor(server.siteUrl).stores.collaborations.nextReference();
    renderTab(server.siteUrl, { hash: '#/new' });
    await user.click(await screen.findByRole('button', { name: 'Create the collaboration' }));
    expect(await screen.findByText('The collaboration was not created')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name( \*)?$/ })).toHaveAccessibleDescription(
      'This field is required.',
    );
    expect(screen.getByRole('radiogroup', { name: /^Model/ })).toHaveAccessibleDescription(/This field is required/);
    expect(await servicesFor(server.siteUrl).stores.collaborations.nextReference()).toEqual(before);
  });

  it('shows a bad start date kept in an old draft on its field, and creates nothing (nothing throws)', async () => {
    const user = userEvent.setup();
    localStorage.setItem(
      'collaboration-register:new-draft',
      JSON.stringify({
        draft: {
          reference: 'COL-0000',
          title: 'Gwent Shared Archives Service',
          kind: 'collaboration',
          model: 'jointCommittee',
          basis: 'statutory',
          purpose: 'Keep the records together.',
          reasons: [],
          leadOrganisation: 'Glan-yr-Afon County Borough Council',
          councilLeads: true,
          partnerIds: [],
          directorate: 'Corporate Services',
          status: 'proposed',
          reviewFrequency: 'annual',
          serviceRisk: 'medium',
          footprint: 'local',
          startDate: '22027-10-03',
        },
        money: { annualCost: '', councilContribution: '' },
      }),
    );
    const before = await servicesFor(server.siteUrl).stores.collaborations.nextReference();
    renderTab(server.siteUrl, { hash: '#/new' });
    await user.click(await screen.findByRole('button', { name: 'Create the collaboration' }));
    expect(await screen.findByText('The collaboration was not created')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Start date/)).toHaveAccessibleDescription(
      'Enter a real date, for example 31/03/2026 or 31 March 2026',
    );
    expect(await servicesFor(server.siteUrl).stores.collaborations.nextReference()).toEqual(before);
  });

  it('creates the record with its reference, and opens it', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/new' });
    const paste = async (field: HTMLElement, text: string) => {
      await user.click(field);
      await user.paste(text);
    };
    await paste(await screen.findByRole('textbox', { name: /^Name( \*)?$/ }), 'Gwent Shared Archives Service');
    await paste(screen.getByRole('textbox', { name: /^Purpose/ }), 'Keep the records of the Gwent councils together.');
    await user.click(screen.getByRole('radio', { name: /Joint committee/ }));
    await user.click(screen.getByRole('checkbox', { name: 'The council leads' }));
    expect(screen.getByRole('textbox', { name: /^Lead organisation/ })).toHaveValue(
      'Glan-yr-Afon County Borough Council',
    );
    await paste(screen.getByRole('combobox', { name: /^Directorate/ }), 'Corporate Services');
    await user.click(screen.getByRole('combobox', { name: /^Basis/ }));
    await user.click(await screen.findByRole('option', { name: 'Statutory' }));
    await user.click(screen.getByRole('button', { name: 'Create the collaboration' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/collaboration\/COL-0061\?created=1$/));
    expect(await screen.findByText('Created. Its reference is COL-0061.')).toBeInTheDocument();
    const created = await servicesFor(server.siteUrl).stores.collaborations.getByReference('COL-0061');
    expect(created.ok && created.value).toMatchObject({
      title: 'Gwent Shared Archives Service',
      model: 'jointCommittee',
      status: 'proposed',
      councilLeads: true,
      basis: 'statutory',
      directorate: 'Corporate Services',
    });
    expect(within(screen.getByRole('main')).getByRole('heading', { level: 1 })).toHaveTextContent(
      'Gwent Shared Archives Service',
    );
  });
});
