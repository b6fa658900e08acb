/**
 * Issue 16's search box in Chromium, through the same server as `npm start`: "Safeguarding"
 * finds "Gwent Safeguarding Board" (a word in the middle of its name), the search combines
 * with a status filter, and both survive a reload of the page's address. The Welsh name
 * finds it in Welsh.
 */
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

const SEARCH = 'Search by name, reference, purpose, lead organisation or partner';

run('the register’s search box', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('finds by a word anywhere, combines with a status and survives a reload', async () => {
    const page = await (await rig.context({ user: 'officer' })).newPage();
    await page.goto('/#/register');
    await settled(page);
    const grid = page.getByRole('grid', { name: 'Collaborations' });
    await grid.waitFor();

    await page.getByRole('searchbox', { name: SEARCH }).fill('Safeguarding');
    await page.waitForFunction(() => location.hash === '#/register?q=Safeguarding');
    await grid.getByRole('link', { name: 'Gwent Safeguarding Board' }).waitFor();
    expect(await grid.getByRole('link').allTextContents()).toContain('Gwent Safeguarding Board');

    await page.getByRole('searchbox', { name: SEARCH }).fill('Gwent');
    await page.waitForFunction(() => location.hash === '#/register?q=Gwent');
    await page.getByText(/^Collaborations in this view: \d+$/).waitFor();
    const countOf = async () =>
      Number(/(\d+)/.exec((await page.getByText(/^Collaborations in this view: \d+$/).textContent()) ?? '')?.[1]);
    await page.waitForFunction(() => !document.querySelector('main [role="status"] .fui-Spinner'));
    const gwent = await countOf();
    expect(gwent).toBeGreaterThan(1);

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Active' }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.hash === '#/register?status=active&q=Gwent');
    await page.waitForFunction(
      (before) => {
        const t = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '').join(' ');
        const m = /Collaborations in this view: (\d+)/.exec(t);
        return m !== null && Number(m[1]) !== before;
      },
      gwent,
      { timeout: 20_000 },
    );
    const active = await countOf();
    expect(active).toBeGreaterThan(0);
    expect(active).toBeLessThan(gwent);
    const statuses = await grid
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((r) => r.querySelectorAll('[role="gridcell"]')[3]?.textContent ?? ''));
    expect(new Set(statuses)).toEqual(new Set(['Active']));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'register-search-active-gwent');

    await page.reload();
    await settled(page);
    await grid.waitFor();
    expect(await page.getByRole('searchbox', { name: SEARCH }).inputValue()).toBe('Gwent');
    await page.getByRole('combobox', { name: 'Status' }).filter({ hasText: 'Active' }).waitFor();
    await page.waitForFunction(
      (n) => document.body.textContent?.includes(`Collaborations in this view: ${n}`) ?? false,
      active,
      { timeout: 20_000 },
    );
  });

  it('finds by the Welsh name in Welsh', async () => {
    const page = await (await rig.context({ user: 'officer', locale: 'cy-GB' })).newPage();
    await page.goto('/#/register');
    await settled(page);
    const box = page.getByRole('searchbox', {
      name: 'Chwilio yn ôl enw, cyfeirnod, diben, sefydliad arweiniol neu sefydliad partner',
    });
    await box.fill('Diogelu');
    await page.getByRole('grid').getByRole('link', { name: 'Bwrdd Diogelu Gwent' }).waitFor();
    await screenshot(page, 'register-search-cy');
  });
});
