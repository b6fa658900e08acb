/**
 * Every page of the tab in English and Welsh, in Teams' light, dark and high
 * contrast themes, scanned with axe-core (no serious or critical violation) and
 * photographed into test/artifacts/e2e/ for a person to look at.
 */
import type { Page } from 'playwright-core';
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

const PAGES = [
  { name: 'home', hash: '#/' },
  { name: 'register', hash: '#/register' },
  { name: 'record', hash: '#/collaboration/COL-0001' },
  { name: 'new', hash: '#/new' },
  { name: 'config', hash: '#/config' },
  { name: 'policy', hash: '#/policy' },
] as const;

type Theme = 'light' | 'dark' | 'contrast';
const COMBINATIONS: readonly { lang: 'en' | 'cy'; theme: Theme }[] = [
  { lang: 'en', theme: 'light' },
  { lang: 'cy', theme: 'light' },
  { lang: 'en', theme: 'dark' },
  { lang: 'cy', theme: 'contrast' },
];

run('the tab is accessible in both languages and every theme', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** Switches language and theme the way a person does: with the header's controls. */
  async function choose(page: Page, lang: 'en' | 'cy', theme: Theme): Promise<void> {
    await page.goto('/#/');
    await settled(page);
    const current = await page.evaluate(() => document.documentElement.lang);
    if (lang === 'cy' && current !== 'cy-GB') {
      await page.getByRole('button', { name: 'Cymraeg' }).click();
      await page.getByRole('navigation', { name: 'Prif ddewislen' }).waitFor();
    }
    const label = lang === 'cy' ? 'Thema' : 'Theme';
    const option = {
      light: ['Light', 'Golau'],
      dark: ['Dark', 'Tywyll'],
      contrast: ['High contrast', 'Cyferbyniad uchel'],
    }[theme][lang === 'cy' ? 1 : 0]!;
    await page.getByLabel(label).selectOption({ label: option });
    await page.locator(`[data-theme="${theme}"]`).first().waitFor();
  }

  it.each(COMBINATIONS)('$lang, $theme theme: every page passes axe', async ({ lang, theme }) => {
    // The browser's own language is English: the Welsh run switches with the tab's control.
    const context = await rig.context({ locale: 'en-GB' });
    const page = await context.newPage();
    await choose(page, lang, theme);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'cy' ? 'cy-GB' : 'en-GB');
    const problems: string[] = [];
    for (const p of PAGES) {
      await page.goto(`/${p.hash}`);
      await settled(page);
      await page.waitForTimeout(150);
      for (const v of await seriousViolations(page)) problems.push(`${p.name}: ${v}`);
      await screenshot(page, `${p.name}-${lang}-${theme}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the register in Welsh words, dates and numbers', async () => {
    const context = await rig.context({ locale: 'cy-GB' });
    const page = await context.newPage();
    await choose(page, 'cy', 'light');
    await page.goto('/#/register?status=active');
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Cofrestr cydweithrediadau' }).waitFor();
    await page.getByText(/Cydweithrediadau yn yr olwg hon: \d+/).waitFor();
    const grid = page.getByRole('grid', { name: 'Cydweithrediadau' });
    await grid.getByRole('columnheader', { name: /Statws/ }).waitFor();
    await grid.getByRole('gridcell', { name: 'Gweithredol' }).first().waitFor();
    await expect(grid.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)/,
    );
    await context.close();
  });
});
