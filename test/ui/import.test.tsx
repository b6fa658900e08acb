/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

async function registerSize(): Promise<number> {
  const r = await servicesFor(server.siteUrl, { devUser: 'governance' }).stores.collaborations.all({});
  if (!r.ok) throw new Error(r.error.code);
  return r.value.length;
}

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

describe('the import screen refuses bad files with a message, writing nothing', () => {
  it.each([
    ['an empty file', csv('empty.csv', ''), 'The file is empty: there is nothing to import.'],
    [
      'a file with no recognisable columns',
      csv('colours.csv', 'Colour,Flavour\nred,sweet\n'),
      'None of the file’s columns could be matched to the register’s fields. Check that the first row holds the column headings.',
    ],
    [
      'a 20 MB file',
      new File([new Uint8Array(20 * 1024 * 1024).fill(65)], 'big.csv', { type: 'text/csv' }),
      'The file is 20 MB; files of up to 10 MB can be imported. Split it into smaller files.',
    ],
  ])(
    '%s',
    async (_what, file, message) => {
      const before = await registerSize();
      const user = userEvent.setup();
      renderTab(server.siteUrl, { hash: '#/import', devUser: 'governance' });
      const input = await screen.findByLabelText('Choose a file (CSV, Excel or JSON)');
      await user.upload(input, file);
      expect(await screen.findByText(message)).toBeInTheDocument();
      expect(await registerSize()).toBe(before);
    },
    60_000,
  );

  it('a row with a formula is shown as a problem and the import cannot start until it is skipped', async () => {
    const before = await registerSize();
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/import', devUser: 'governance' });
    const input = await screen.findByLabelText('Choose a file (CSV, Excel or JSON)');
    await user.upload(
      input,
      csv(
        'register.csv',
        'Name,Model,Lead organisation,Directorate,Purpose\r\n"Evil","Joint committee","Torfaen","Law","=HYPERLINK(""http://evil.example"",""x"")"\r\n',
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    expect(await screen.findByText(/^Purpose: This cell is a spreadsheet formula/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Skip row 2' }));
    await waitFor(() =>
      expect(screen.getByText('0 to create, 0 to update, 0 unchanged, 1 skipped, 0 with errors.')).toBeInTheDocument(),
    );
    expect(await registerSize()).toBe(before);
  }, 60_000);
});
