/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
  const r = await servicesFor(server.siteUrl, { devUser: 'governance' }).stores.partners.create({
    key: 'torfaen-county-borough-council',
    name: 'Torfaen County Borough Council',
    nameCy: 'Cyngor Bwrdeistref Sirol Torfaen',
    sector: 'localAuthority',
  });
  if (!r.ok) throw new Error(r.error.code);
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const stores = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

async function partnerNames(): Promise<string[]> {
  const r = await stores().partners.all();
  if (!r.ok) throw new Error(r.error.code);
  return r.value.map((p) => p.name).sort();
}

/** The partners of the record the import wrote for a title. */
async function partnersOf(title: string): Promise<string[]> {
  const [records, partners] = await Promise.all([stores().collaborations.all({}), stores().partners.all()]);
  if (!records.ok || !partners.ok) throw new Error('read failed');
  const record = records.value.find((c) => c.title === title);
  if (!record) throw new Error(`no record ${title}`);
  return record.partnerIds.map((id) => partners.value.find((p) => p.id === id)?.name ?? String(id));
}

const file = (title: string, partners = 'Torfaen Council; Torfaen CBC') =>
  new File(
    [
      `Name,Model,Lead organisation,Directorate,Purpose,Partners\r\n"${title}","Joint committee","Torfaen County Borough Council","Corporate Services","Working together","${partners}"\r\n`,
    ],
    'register.csv',
    { type: 'text/csv' },
  );

async function previewOf(title: string) {
  const user = userEvent.setup();
  renderTab(server.siteUrl, { hash: '#/import', devUser: 'governance' });
  await user.upload(await screen.findByLabelText('Choose a file (CSV, Excel or JSON)'), file(title));
  await user.click(await screen.findByRole('button', { name: 'Preview' }));
  expect(await screen.findByText('Partners that may already be in the register')).toBeInTheDocument();
  expect(
    screen.getByText(/Partners: Torfaen Council: did you mean Torfaen County Borough Council\?/),
  ).toBeInTheDocument();
  return user;
}

describe('a suggested partner in the import preview', () => {
  it('confirmed: the record is linked to the existing partner and no partner is added', async () => {
    const before = await partnerNames();
    const user = await previewOf('Shared legal service');
    const group = screen.getByRole('radiogroup', { name: '“Torfaen Council” in the file' });
    await user.click(within(group).getByRole('radio', { name: 'Use Torfaen County Borough Council' }));
    await waitFor(() => expect(screen.queryByText(/did you mean/)).not.toBeInTheDocument());
    expect(screen.queryByText(/^New partner organisations to add/)).not.toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Use Torfaen County Borough Council' })).toBeChecked();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Import finished')).toBeInTheDocument();
    await settle();
    expect(await partnerNames()).toEqual(before);
    expect(await partnersOf('Shared legal service')).toEqual(['Torfaen County Borough Council']);
  }, 60_000);

  it('refused: the name is added as a new partner and the record names it', async () => {
    const before = await partnerNames();
    const user = await previewOf('Shared payroll service');
    const group = screen.getByRole('radiogroup', { name: '“Torfaen Council” in the file' });
    await user.click(within(group).getByRole('radio', { name: 'Add as a new partner' }));
    // The preview made again with the answer: no question left in the row, the name among the new partners.
    await waitFor(() => expect(screen.queryByText(/did you mean/)).not.toBeInTheDocument());
    expect(screen.getByText('New partner organisations to add: Torfaen Council')).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Add as a new partner' })).toBeChecked();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Import finished')).toBeInTheDocument();
    await settle();
    expect(await partnerNames()).toEqual([...before, 'Torfaen Council'].sort());
    expect((await partnersOf('Shared payroll service')).sort()).toEqual([
      'Torfaen Council',
      'Torfaen County Borough Council',
    ]);
  }, 60_000);
});

describe('a name that may be two partners in the import preview', () => {
  it('said to be two: the known one is linked, only the other is added', async () => {
    const before = await partnerNames();
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/import', devUser: 'governance' });
    await user.upload(
      await screen.findByLabelText('Choose a file (CSV, Excel or JSON)'),
      file('Regional skills', 'Torfaen CBC and Cardiff Met'),
    );
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    // Unasked, the name stays whole.
    expect(
      await screen.findByText('New partner organisations to add: Torfaen CBC and Cardiff Met'),
    ).toBeInTheDocument();
    const group = screen.getByRole('radiogroup', { name: '“Torfaen CBC and Cardiff Met” in the file' });
    await user.click(within(group).getByRole('radio', { name: 'Several partners: Torfaen CBC; Cardiff Met' }));
    expect(await screen.findByText('New partner organisations to add: Cardiff Met')).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Several partners: Torfaen CBC; Cardiff Met' })).toBeChecked();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Import finished')).toBeInTheDocument();
    await settle();
    expect(await partnerNames()).toEqual([...before, 'Cardiff Met'].sort());
    expect((await partnersOf('Regional skills')).sort()).toEqual(['Cardiff Met', 'Torfaen County Borough Council']);
  }, 60_000);
});
