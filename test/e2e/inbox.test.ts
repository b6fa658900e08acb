import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { digestCard } from '../../src/notify/cards';
import { createRecordLinks } from '../../src/cli/reminderSetup';
import { reminder } from '../unit/notify/fixtures';
import { run, startStack, TODAY, type Stack } from '../integration/notify/stack';

/**
 * The dev channel inbox in a real headless Chromium: the cards the reminder job
 * posted, drawn by the Adaptive Cards renderer, with Open going to the local tab.
 * Chromium is required: this test FAILS (never skips) when it is missing.
 */
const CHROMIUM = '/usr/bin/chromium';
jest.setTimeout(90_000);

describe('the dev channel inbox page', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium' (CI=${process.env.CI ?? ''}).`,
      );
    }
    stack = await startStack();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows every card the job posted, drawn by the renderer, and Open goes to the record in the local tab', async () => {
    const result = await run(stack);
    expect(result.totals.posts).toBeGreaterThan(0);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.origin}/_dev/inbox`);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await page.locator('.ac-adaptiveCard').count()).toBe(result.totals.posts);
    await expect(
      page
        .getByText(
          'Nodiadau atgoffa ar gyfer Corporate Governance Review Panel / Reminders for Corporate Governance Review Panel',
        )
        .isVisible(),
    ).resolves.toBe(true);
    expect(await page.getByRole('heading', { name: 'Dev channel inbox' }).isVisible()).toBe(true);

    const open = page.getByRole('link', { name: 'Agor / Open' }).first();
    const [popup] = await Promise.all([context.waitForEvent('page'), open.click()]);
    expect(popup.url()).toMatch(new RegExp(`^${stack.origin}/index\\.html#/(collaboration/COL-\\d{4}|action-plan)$`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows what people typed as text: no markup, no link, no mention', async () => {
    const nasty = reminder('reviewDueSoon', 1, {
      title: "**Bold** [click](https://evil.example) <at>Everyone</at> <img src=x onerror=alert(1)> O'Brien Tŷ ŵ",
    });
    const card = digestCard({
      channelName: 'Scrutiny',
      language: 'en',
      today: TODAY,
      reminders: [nasty],
      links: createRecordLinks({ site: stack.siteUrl, env: {} }),
    });
    const posted = await fetch(`${stack.origin}/_dev/inbox/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channelKey: 'scrutiny', card }),
    });
    expect(posted.status).toBe(201);

    const context = await browser.newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.goto(`${stack.origin}/_dev/inbox?channel=scrutiny`);
    await page.waitForSelector('body[data-loaded="true"]');
    // The joiners that break links are invisible; a person reads the text exactly as typed.
    const texts = (await page.locator('.ac-adaptiveCard .ac-textBlock').allInnerTexts()).map((t) =>
      t.replace(/\u200D/g, ''),
    );
    expect(texts).toContain(
      "COL-0001 · **Bold** [click](https://evil.example) <at>Everyone</at> <img src=x onerror=alert(1)> O'Brien Tŷ ŵ",
    );
    expect(await page.locator('.ac-adaptiveCard a').count()).toBe(0);
    expect(await page.locator('.ac-adaptiveCard img, .ac-adaptiveCard strong').count()).toBe(0);
    expect(dialogs).toBe(0);
    await context.close();
  });

  it('speaks Welsh with ?lang=cy', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.origin}/_dev/inbox?lang=cy`);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await page.getByRole('heading', { name: 'Mewnflwch sianeli datblygu' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Pob sianel' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('href')).toContain('lang=en');
    await context.close();
  });
});
