/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, startServer } from './helpers';

/**
 * The import page with a council's own sheet (issue 17): the headings found
 * below its title, another row chosen, a row that cannot be the headings
 * refused with the table kept, and a letter a single-byte file lost noted in
 * the preview. Against the embedded list server.
 */
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const FILE = [
  'Cyngor Gwynedd – Register of Collaborations 2025/26,,,,,,',
  'Notes: reviewed by Heads of Service each quarter,,,,,,',
  ',,,,,,',
  'Partnership name,Model,Status,Lead organisation,Directorate,Purpose,Council lead?',
  // Not led by the tab's council (Glan-yr-Afon), so "the council leads" is No.
  'Partneriaeth Ll?r,Joint committee,Live,Cyngor Gwynedd,Social Care,Respite care at T? Hafan,No',
  'Gwynedd and Anglesey PSB,MoU,Live,Isle of Anglesey CC,Chief Executive,Well-being plan,No',
].join('\r\n');

async function upload() {
  const user = userEvent.setup();
  renderTab(server.siteUrl, { hash: '#/import', devUser: 'governance' });
  const input = await screen.findByLabelText('Choose a file (CSV, Excel or JSON)');
  // As older Excel saves "CSV" on Windows: Windows-1252, the en dash one byte (0x96), ŷ written as "?".
  const bytes = new Uint8Array([...`${FILE}\r\n`].map((ch) => (ch === '–' ? 0x96 : ch.charCodeAt(0))));
  await user.upload(input, new File([bytes], 'gwynedd.csv', { type: 'text/csv' }));
  return user;
}

describe('the row of headings on the import page', () => {
  it('is found below the title and notes, and another row can be chosen; one that is not a row is refused', async () => {
    const user = await upload();
    expect(await screen.findByText('Headings found on row 4.')).toBeInTheDocument();
    expect(screen.getByText('gwynedd.csv: 2 rows')).toBeInTheDocument();
    const row = screen.getByRole('textbox', { name: /Row of headings/ });

    await user.clear(row);
    await user.type(row, '40');
    await user.click(screen.getByRole('button', { name: 'Read from this row' }));
    expect(
      await screen.findByText(
        'Row 40 cannot be the row of headings: it is empty or after the file’s last row (6). Choose the row that holds the column headings.',
      ),
    ).toBeInTheDocument();
    // Nothing changed: the headings are still those of row 4.
    expect(screen.getByText('Headings found on row 4.')).toBeInTheDocument();
    expect(screen.getByText('gwynedd.csv: 2 rows')).toBeInTheDocument();

    await user.clear(row);
    await user.type(row, 'four');
    await user.click(screen.getByRole('button', { name: 'Read from this row' }));
    expect(await screen.findByText('Give a row number of 1 or more.')).toBeInTheDocument();

    await user.clear(row);
    await user.type(row, '5');
    await user.click(screen.getByRole('button', { name: 'Read from this row' }));
    expect(await screen.findByText('Headings found on row 5.')).toBeInTheDocument();
    expect(screen.getByText('gwynedd.csv: 1 rows')).toBeInTheDocument();
  }, 60_000);

  it('the preview notes each cell where a single-byte file lost a letter, and the row can still be imported', async () => {
    const user = await upload();
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    expect(
      await screen.findByText(
        'note: Partnership name: “Partneriaeth Ll?r” has a ? where a letter may have been lost: the file’s encoding cannot hold ŵ or ŷ. Save the file as CSV UTF-8 and import it again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^note: Purpose: “Respite care at T\? Hafan” has a \?/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('2 to create, 0 to update, 0 unchanged, 0 skipped, 0 with errors.')).toBeInTheDocument(),
    );
  }, 60_000);
});
