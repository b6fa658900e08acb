/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, startServer } from './helpers';

/**
 * The import page with a register as councils keep it (issue 17): a "Statutory?" Yes/No column,
 * the council's own word for a model, no Purpose or Directorate column, and a collaboration the
 * register already holds. The governance officer gives meanings and values once, not row by row.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const stores = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

const FILE = [
  'Partnership,Statutory?,Legal model,Lead organisation',
  'Gwent Safeguarding Board,Yes,Joint committee,',
  'East Gwent Youth Forum,No,Company limited by guarantee,Torfaen County Borough Council',
  'Caerffili Leisure Trust,Yes,Company limited by guarantee,Caerphilly County Borough Council',
].join('\r\n');

async function open(user: ReturnType<typeof userEvent.setup>, text = FILE, name = 'council-register.csv') {
  renderTab(server.siteUrl, { hash: '#/import', devUser: 'governance' });
  const input = await screen.findByLabelText('Choose a file (CSV, Excel or JSON)', {}, { timeout: 10_000 });
  await user.upload(input, new File([text], name, { type: 'text/csv', lastModified: 1 }));
  await user.click(await screen.findByRole('button', { name: 'Preview' }));
  return screen.findByRole('region', { name: 'What the file’s values mean' }, { timeout: 10_000 });
}

describe('importing a council’s register', () => {
  it('gives the file’s words a meaning, a value for every row, updates the record it already holds, and creates the rest', async () => {
    const user = userEvent.setup();
    const existing = await stores().collaborations.getByReference('COL-0003');
    if (!existing.ok) throw new Error(existing.error.code);
    expect(existing.value.title).toBe('Gwent Safeguarding Board');

    const meanings = await open(user);
    // Yes/No in a "Statutory?" column are read as the heading says, and shown as suggested.
    expect(within(meanings).getByRole('combobox', { name: 'Meaning of “Yes” in Statutory?' })).toHaveValue('statutory');
    expect(within(meanings).getByRole('combobox', { name: 'Meaning of “No” in Statutory?' })).toHaveValue(
      'localDecision',
    );
    expect(within(meanings).getAllByText('(suggested from the heading)')).toHaveLength(2);
    // A model the register does not know, named with the options, until the person says what it is.
    expect(
      screen.getAllByText(
        /“Company limited by guarantee” is not one of the options: Delegation of functions, Joint committee/,
      ).length,
    ).toBeGreaterThan(0);
    await user.selectOptions(
      within(meanings).getByRole('combobox', { name: 'Meaning of “Company limited by guarantee” in Legal model' }),
      'corporateVehicle',
    );

    // Fields the file does not have: the usual values shown, and the required ones asked for.
    const absent = screen.getByRole('region', { name: 'Fields the file does not have' });
    expect(within(absent).getByRole('combobox', { name: /^Footprint for every new record/ })).toHaveValue('local');
    await user.type(within(absent).getByRole('textbox', { name: /^Purpose for every new record/ }), 'To be set out');
    await user.click(within(absent).getAllByRole('button', { name: 'Use for every row' })[0]!);
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Fields the file does not have' })).getByRole('textbox', {
          name: /^Purpose for every new record/,
        }),
      ).toHaveValue('To be set out'),
    );
    const directorate = within(screen.getByRole('region', { name: 'Fields the file does not have' })).getByRole(
      'textbox',
      { name: /^Directorate for every new record/ },
    );
    await user.type(directorate, 'Communities');
    await user.click(directorate.closest('form')!.querySelector('button')!);

    // The record the register holds is updated, not created twice.
    expect(
      await screen.findByText(/The register already holds a collaboration of this name \(COL-0003\)/, undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('2 to create, 1 to update, 0 unchanged, 0 skipped, 0 with errors.')).toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/2 created, 1 updated/, undefined, { timeout: 20_000 })).toBeInTheDocument();

    const all = await stores().collaborations.all({});
    if (!all.ok) throw new Error(all.error.code);
    const named = (title: string) => all.value.filter((c) => c.title === title);
    expect(named('Gwent Safeguarding Board')).toHaveLength(1);
    expect(named('Gwent Safeguarding Board')[0]).toMatchObject({ reference: 'COL-0003', basis: 'statutory' });
    expect(named('East Gwent Youth Forum')[0]).toMatchObject({
      basis: 'localDecision',
      model: 'corporateVehicle',
      purpose: 'To be set out',
      directorate: 'Communities',
      footprint: 'local',
    });
    expect(named('Caerffili Leisure Trust')[0]).toMatchObject({ basis: 'statutory', model: 'corporateVehicle' });
    cleanup();

    // The same file again, after a reload: the meanings and values are remembered, and nothing is created twice.
    await open(user);
    await waitFor(() =>
      expect(screen.getByText('0 to create, 0 to update, 3 unchanged, 0 skipped, 0 with errors.')).toBeInTheDocument(),
    );
  }, 120_000);

  it('leaves out every row with errors in one step, and keeps that over a reload', async () => {
    const user = userEvent.setup();
    // Models the register does not know, and no Purpose: every row has errors.
    const text = [
      'Name,Model,Directorate',
      'Skip test one,Unincorporated association,Education',
      'Skip test two,Charitable trust,Education',
      'Skip test three,Limited company,Education',
    ].join('\r\n');
    await open(user, text, 'skip-test.csv');
    await waitFor(() => expect(screen.getByText(/3 with errors\.$/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Leave out every row with errors' }));
    await waitFor(() =>
      expect(screen.getByText('0 to create, 0 to update, 0 unchanged, 3 skipped, 0 with errors.')).toBeInTheDocument(),
    );
    cleanup();
    await open(user, text, 'skip-test.csv');
    expect(
      await screen.findByText('Your fixes and skipped rows for this file from last time have been kept.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/3 skipped, 0 with errors\.$/)).toBeInTheDocument());
  }, 120_000);
});
