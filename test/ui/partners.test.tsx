/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Partner } from '../../src/domain';
import type { RunningListServer } from '../../src/local/server';
import { renderTab, servicesFor, settle, startServer } from './helpers';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

let n = 0;
const stores = () => servicesFor(server.siteUrl, { devUser: 'governance' }).stores;

async function makePartner(name: string, extra: Partial<Partner> = {}) {
  n += 1;
  const r = await stores().partners.create({ key: `ui-partner-${n}-${Date.now()}`, name, ...extra });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** The table row of a partner, found by its name cell. */
async function rowOf(name: string): Promise<HTMLElement> {
  const cell = await screen.findByRole('cell', { name });
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function search(text: string) {
  const user = userEvent.setup();
  const box = await screen.findByRole('searchbox', { name: 'Search by English or Welsh name' });
  await user.clear(box);
  await user.type(box, text);
}

describe('the partner register', () => {
  it('lists partners with how many collaborations name each, found by their Welsh name', async () => {
    const p = await makePartner('Ysgol Prawf Partner Register', {
      nameCy: 'Ysgol Brawf Cofrestr Partneriaid',
      sector: 'education',
      website: 'https://ysgol.example',
    });
    const next = await stores().collaborations.nextReference();
    if (!next.ok) throw new Error(next.error.code);
    const base = await stores().collaborations.getByReference('COL-0001');
    if (!base.ok) throw new Error(base.error.code);
    const { id: _id, etag: _etag, modified: _m, ...record } = base.value;
    const created = await stores().collaborations.create({
      ...record,
      reference: next.value,
      importKey: undefined,
      partnerIds: [p.id],
    });
    expect(created.ok).toBe(true);

    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'governance' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Partner organisations' })).toBeInTheDocument();
    await search('brawf cofrestr');
    const row = await rowOf('Ysgol Prawf Partner Register');
    expect(within(row).getByText('Ysgol Brawf Cofrestr Partneriaid')).toHaveAttribute('lang', 'cy');
    expect(within(row).getByText('Education')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'https://ysgol.example' })).toHaveAttribute(
      'href',
      'https://ysgol.example',
    );
    expect(within(row).getByTestId('partner-records')).toHaveTextContent('1');
    expect(screen.getByText('Showing 1 of', { exact: false })).toBeInTheDocument();
    await settle();
  }, 60_000);

  it('refuses a website that is not a link, with the reason beside it, and saves nothing', async () => {
    const p = await makePartner('Partner With Bad Website', { sector: 'other' });
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'governance' });
    await search('Bad Website');
    await user.click(await screen.findByRole('button', { name: 'Edit Partner With Bad Website' }));
    const website = await screen.findByRole('textbox', { name: /Website/ });
    await user.type(website, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a web address starting with https:// or http://.')).toBeInTheDocument();
    await settle();
    const stored = await stores().partners.get(p.id);
    expect(stored.ok && stored.value.website).toBeUndefined();
  }, 60_000);

  it('an edit after someone else’s save shows both versions, and saves the person’s on top of theirs', async () => {
    const p = await makePartner('Partner Edited Twice', { sector: 'health' });
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'governance' });
    await search('Edited Twice');
    await user.click(await screen.findByRole('button', { name: 'Edit Partner Edited Twice' }));
    await user.type(await screen.findByRole('textbox', { name: 'Welsh name' }), 'Partner a olygwyd ddwywaith');

    // Meanwhile someone else gives it a website.
    const theirs = await stores().partners.update({ ...p, website: 'https://their.example' });
    expect(theirs.ok).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Someone else saved this partner organisation while you were editing it',
    });
    expect(within(dialog).getByTestId('mine-website')).toHaveTextContent('(empty)');
    expect(within(dialog).getByTestId('theirs-website')).toHaveTextContent('https://their.example');
    // Chosen already: theirs for the website only they changed, mine for the Welsh name typed here.
    const group = (name: string) => within(within(dialog).getByRole('radiogroup', { name }));
    expect(group('Website').getByRole('radio', { name: 'Keep theirs' })).toBeChecked();
    expect(group('Welsh name').getByRole('radio', { name: 'Keep mine' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Save on their version' }));
    expect(await screen.findByText('Partner Edited Twice was saved.')).toBeInTheDocument();
    await settle();
    const stored = await stores().partners.get(p.id);
    expect(stored.ok && stored.value).toMatchObject({
      nameCy: 'Partner a olygwyd ddwywaith',
      website: 'https://their.example',
      sector: 'health',
    });
  }, 60_000);

  it('merges two partners: the person picks the one to keep, and the records name it', async () => {
    const keep = await makePartner('Merge Test County Borough Council', { sector: 'localAuthority' });
    const dupe = await makePartner('Merge Test CBC', { nameCy: 'CBS Prawf Cyfuno', sector: 'localAuthority' });
    const rec = await stores().collaborations.getByReference('COL-0002');
    if (!rec.ok) throw new Error(rec.error.code);
    const named = await stores().collaborations.update({
      ...rec.value,
      partnerIds: [...rec.value.partnerIds, dupe.id],
    });
    if (!named.ok) throw new Error(named.error.code);

    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'governance' });
    await search('Merge Test');
    await user.click(
      await screen.findByRole('button', { name: 'Merge Merge Test CBC with another partner organisation' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Merge Merge Test CBC with another partner organisation',
    });
    expect(within(dialog).getByRole('button', { name: 'Merge' })).toBeDisabled();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Merge with' }),
      'Merge Test County Borough Council',
    );
    await user.click(
      within(dialog).getByRole('radio', { name: 'Merge Test County Borough Council (collaborations naming it: 0)' }),
    );
    expect(within(dialog).getByText(/Collaborations naming Merge Test CBC \(1\) will name/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(
      await screen.findByText(
        'Merge Test CBC was merged into Merge Test County Borough Council. Collaborations changed: 1.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'Merge Test CBC' })).not.toBeInTheDocument());
    const row = await rowOf('Merge Test County Borough Council');
    await waitFor(() => expect(within(row).getByTestId('partner-records')).toHaveTextContent('1'));
    expect(within(row).getByText('CBS Prawf Cyfuno')).toBeInTheDocument();
    await settle();

    const after = await stores().collaborations.get(rec.value.id);
    expect(after.ok && after.value.partnerIds).toEqual([...rec.value.partnerIds, keep.id]);
    expect(after.ok && after.value.title).toBe(rec.value.title);
  }, 60_000);

  it('shows an officer the list read-only: no edit, no merge, no nav entry', async () => {
    await makePartner('Partner Seen By Officer', { sector: 'police' });
    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'officer' });
    await search('Seen By Officer');
    await rowOf('Partner Seen By Officer');
    expect(
      await screen.findByText('Only the governance team can edit or merge partner organisations.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Merge / })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Partners' })).not.toBeInTheDocument();
    await settle();
  }, 60_000);

  it('offers the governance team the page in the nav, in Welsh too', async () => {
    renderTab(server.siteUrl, { hash: '#/', devUser: 'governance', locale: 'cy-GB' });
    const nav = await screen.findByRole('navigation', { name: 'Prif ddewislen' });
    const user = userEvent.setup();
    await user.click(await within(nav).findByRole('link', { name: 'Partneriaid' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sefydliadau partner' })).toBeInTheDocument();
    expect(
      await screen.findByRole('searchbox', { name: 'Chwilio yn ôl yr enw Cymraeg neu Saesneg' }),
    ).toBeInTheDocument();
    await settle();
  }, 60_000);

  it('lists a partner added in SharePoint with no sector', async () => {
    const r = await fetch(`${server.siteUrl}/_api/web/lists/getbytitle('Partner%20Organisations')/items`, {
      method: 'POST',
      headers: {
        Accept: 'application/json;odata=nometadata',
        'Content-Type': 'application/json',
        Authorization: 'Bearer dev:governance',
      },
      body: JSON.stringify({ Title: 'Partner With No Sector', PartnerKey: 'sp-no-sector' }),
    });
    expect(r.status).toBe(201);
    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'governance' });
    await search('No Sector');
    const row = await rowOf('Partner With No Sector');
    expect(within(row).getByText('Not given')).toBeInTheDocument();
    await settle();
  }, 60_000);
  // Last: it changes the list's column settings, as someone might in SharePoint.
  it('names a partner it cannot use, and lists the rest', async () => {
    const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.siteUrl}/_api/web/lists/getbytitle('Partner%20Organisations')${path}`, {
        method: 'POST',
        headers: {
          Accept: 'application/json;odata=nometadata',
          'Content-Type': 'application/json',
          Authorization: 'Bearer dev:governance',
          ...headers,
        },
        body: JSON.stringify(body),
      });
    const field = await call(
      "/fields/getbyinternalnameortitle('PartnerKey')",
      { Required: false, EnforceUniqueValues: false },
      { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' },
    );
    expect(field.ok).toBe(true);
    const added = await call('/items', { Title: 'Partner With No Key' });
    const { Id: id } = (await added.json()) as { Id: number };
    await makePartner('Partner Still Listed', { sector: 'voluntary' });

    renderTab(server.siteUrl, { hash: '#/partners', devUser: 'governance' });
    expect(await screen.findByText('Some partner organisations could not be read')).toBeInTheDocument();
    expect(
      screen.getByText(
        `Item ${id} of the Partner Organisations list: its PartnerKey column cannot be used. Correct it in SharePoint; the other partner organisations are listed below.`,
      ),
    ).toBeInTheDocument();
    await search('Still Listed');
    await rowOf('Partner Still Listed');
    expect(screen.queryByRole('cell', { name: 'Partner With No Key' })).not.toBeInTheDocument();
    await settle();
  }, 60_000);
});
