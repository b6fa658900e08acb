/**
 * The tab's journeys in real headless Chromium against `npm start`'s server:
 * open Home, filter the register, open a record, edit and save, meet a conflict
 * made by a second browser, keep an unsaved form across a reload, follow a deep
 * link, and create a collaboration.
 */
import type { Page } from 'playwright-core';
import { browserAvailable, screenshot, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(180_000);

const run = browserAvailable() ? describe : describe.skip;

run('the tab in Chromium', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** What the list server holds, read over REST as the governance officer. */
  async function stored(reference: string): Promise<Record<string, unknown>> {
    const url = `${rig.server.siteUrl}/_api/web/lists/getbytitle('Collaborations')/items?$filter=Reference eq '${reference}'&$select=Title,Purpose,Status`;
    const r = await fetch(url, {
      headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' },
    });
    const body = (await r.json()) as { value: Record<string, unknown>[] };
    return body.value[0] ?? {};
  }

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`/${hash}`);
    await settled(page);
  }

  it('opens Home with one $batch for its data', async () => {
    const context = await rig.context();
    const page = await context.newPage();
    const api: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/_api/')) api.push(`${r.method()} ${r.url()}`);
    });
    await open(page, '');
    await page.getByRole('heading', { level: 2, name: "The compendium's figures" }).waitFor();
    // Beside the page's one $batch, the shell asks who the person is and which roles they hold
    // (for the governance links): two small GETs in parallel that do not hold the page up.
    const shell = api.filter((r) => /^GET .*\/_api\/web\/currentUser(\/groups)?\?/i.test(r));
    expect(shell.length).toBeLessThanOrEqual(2);
    expect(api.filter((r) => !shell.includes(r))).toEqual([expect.stringMatching(/^POST .*\/_api\/\$batch$/)]);
    await page
      .getByRole('region', { name: 'Reviews due in the next 14 days and overdue' })
      .getByRole('link')
      .first()
      .waitFor();
    await context.close();
  });

  it('filters the register, opens a record, edits it and saves', async () => {
    // The governance team maintains the register: they may change any record.
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await open(page, '');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
    await settled(page);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Proposed' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/register\?status=proposed$/);
    const grid = page.getByRole('grid', { name: 'Collaborations' });
    await expectEventually(async () => {
      const rows = await grid.getByRole('row').all();
      const statuses = await Promise.all(rows.slice(1).map((row) => row.getByRole('gridcell').nth(3).textContent()));
      return statuses.length > 0 && statuses.every((s) => s === 'Proposed');
    });

    const link = grid.getByRole('row').nth(1).getByRole('link');
    const name = (await link.textContent()) ?? '';
    await link.click();
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
    const reference = (await page.getByRole('textbox', { name: 'Reference', exact: true }).inputValue()).trim();

    const purpose = page.getByRole('textbox', { name: 'Purpose', exact: true });
    await purpose.fill('Edited in Chromium: ŵ ŷ â ê – Caerffili.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    expect((await stored(reference)).Purpose).toBe('Edited in Chromium: ŵ ŷ â ê – Caerffili.');
    await page.reload();
    await settled(page);
    await expect(page.getByRole('textbox', { name: 'Purpose', exact: true }).inputValue()).resolves.toBe(
      'Edited in Chromium: ŵ ŷ â ê – Caerffili.',
    );
    await context.close();
  });

  it('meets a conflict made in a second browser and keeps both edits', async () => {
    // COL-0012's lead officer (Llŷr Evans) and the governance officer.
    const mine = await rig.context({ user: 'llyr' });
    const theirs = await rig.context({ user: 'governance' });
    const a = await mine.newPage();
    const b = await theirs.newPage();
    await open(a, '#/collaboration/COL-0012');
    await open(b, '#/collaboration/COL-0012');

    await a.getByRole('textbox', { name: 'Name', exact: true }).fill('Flying Start Partnership (my name)');
    await b.getByRole('textbox', { name: 'Purpose', exact: true }).fill('Their purpose, saved first.');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await b.getByText('Saved.').waitFor();

    await a.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = a.getByRole('alertdialog', { name: /Someone else saved this record/ });
    await dialog.waitFor();
    await expect(
      dialog.getByRole('radiogroup', { name: 'Name' }).getByRole('radio', { name: 'Keep yours' }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      dialog.getByRole('radiogroup', { name: 'Purpose' }).getByRole('radio', { name: 'Keep theirs' }).isChecked(),
    ).resolves.toBe(true);
    await a.waitForTimeout(600); // the dialog's opening animation
    await screenshot(a, 'conflict-dialog-en');
    await dialog.getByRole('button', { name: 'Save the merged record' }).click();
    await a.getByText('Saved.').waitFor();
    const record = await stored('COL-0012');
    expect(record.Title).toBe('Flying Start Partnership (my name)');
    expect(record.Purpose).toBe('Their purpose, saved first.');
    await mine.close();
    await theirs.close();
  });

  it('keeps an unsaved form across a reload', async () => {
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await open(page, '#/collaboration/COL-0014');
    await page.getByRole('textbox', { name: 'Exit strategy' }).fill('Draft exit strategy, not saved yet.');
    await page.waitForTimeout(400); // the draft is written after a short pause in typing
    await page.reload();
    await settled(page);
    await page.getByText('Your unsaved changes are back').waitFor();
    await expect(page.getByRole('textbox', { name: 'Exit strategy' }).inputValue()).resolves.toBe(
      'Draft exit strategy, not saved yet.',
    );
    await context.close();
  });

  it('opens a record from a deep link to it', async () => {
    const context = await rig.context();
    const page = await context.newPage();
    const { Title } = await stored('COL-0020');
    await open(page, '#/collaboration/COL-0020');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(Title);
    await context.close();
  });

  it('creates a collaboration with the guided form', async () => {
    const context = await rig.context();
    const page = await context.newPage();
    await open(page, '#/new');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Gwent Shared Archives Service');
    await page
      .getByRole('textbox', { name: 'Purpose', exact: true })
      .fill('Keep the records of the Gwent councils together.');
    await page.getByRole('radio', { name: /Joint committee/ }).check();
    await page.getByText("Joint committees are in the protocol's scope.").waitFor();
    await page.getByRole('checkbox', { name: 'The council leads' }).check();
    await page.getByRole('combobox', { name: 'Directorate' }).fill('Corporate Services');
    await page.getByRole('combobox', { name: 'Basis' }).click();
    await page.getByRole('option', { name: 'Statutory' }).click();
    await page.getByRole('button', { name: 'Create the collaboration' }).click();
    await page.waitForURL(/#\/collaboration\/COL-\d{4}\?created=1$/);
    await page.getByText(/Created\. Its reference is COL-\d{4}\./).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Gwent Shared Archives Service');
    await context.close();
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
