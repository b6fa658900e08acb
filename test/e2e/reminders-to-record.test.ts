/**
 * Issue 8's last check, through the same server as `npm start`: the reminder job
 * posts digest cards to the dev channel inbox, and a card's Open button lands on
 * the record in the tab.
 */
import { nextWorkingDay } from '../../src/domain/calendar';
import {
  createRecordLinks,
  createReminderRepositories,
  createTransports,
  runReminders,
  todayInWales,
} from '../../src/cli/reminderSetup';
import { browserAvailable, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(120_000);

const run = browserAvailable() ? describe : describe.skip;

run('reminders in the dev inbox open the record in the tab', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('posts digests for the demo council, and Open on a card shows that collaboration', async () => {
    const site = rig.server.siteUrl;
    const setup = { site, env: {}, sp: { retries: 4, retryBaseMs: 2, retryMaxMs: 20 } };
    // The demo data is made for today; the job runs on working days only.
    const today = nextWorkingDay(todayInWales());
    const result = await runReminders({
      repos: createReminderRepositories(setup),
      transports: createTransports(setup),
      links: createRecordLinks({ site, env: {} }),
      today,
      env: {},
      programmeDirectorate: 'Corporate Services',
    });
    expect(result.failedChannels).toEqual([]);
    expect(result.totals.posts).toBeGreaterThan(0);

    // The governance officer follows the card (they may change any record: Save is offered).
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await page.goto(`${rig.server.url}/_dev/inbox`);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await page.locator('.ac-adaptiveCard').count()).toBe(result.totals.posts);

    const card = page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: /COL-\d{4}/ })
      .first();
    const reference = /COL-\d{4}/.exec((await card.textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();
    const [record] = await Promise.all([
      context.waitForEvent('page'),
      card.getByRole('link', { name: 'Agor / Open' }).first().click(),
    ]);
    expect(record.url()).toMatch(/#\/collaboration\/COL-\d{4}$/);
    await settled(record);
    await record.getByRole('heading', { level: 1 }).waitFor();
    const opened = /COL-\d{4}/.exec(record.url())?.[0] ?? '';
    await expect(record.getByText(opened, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(record.getByRole('button', { name: 'Save' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
