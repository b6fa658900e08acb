/**
 * End-to-end set-up for the tab: the same server as `npm start` (src/cli/start.ts),
 * in this process on a free port with a throwaway data file, and Debian's Chromium
 * driven by playwright-core. Under CI a missing browser is a failure, never a skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTabServer, type RunningTabServer } from '../../../src/cli/start';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(__dirname, '..', '..', 'artifacts', 'e2e');

/** True when the journeys can run here; under CI, throws instead of skipping. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium); CI never skips these journeys.`,
    );
  }
  console.warn(`Skipping the tab's end-to-end journeys: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  return false;
}

export interface TabRig {
  readonly server: RunningTabServer;
  readonly browser: Browser;
  /** A new browser profile (its own storage), acting as a demo user. */
  context(options?: { user?: string; locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startRig(): Promise<TabRig> {
  const dir = mkdtempSync(join(tmpdir(), 'tab-e2e-'));
  const server = await startTabServer({ port: 0, dataFile: join(dir, 'register.db') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-GB', // date inputs as a British person sees them (dd/mm/yyyy)
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async context(options = {}) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
        locale: options.locale ?? 'en-GB',
        baseURL: `${server.url}/`,
      });
      await context.addInitScript(
        ([user]) => {
          if (!localStorage.getItem('collaboration-register:dev-user')) {
            localStorage.setItem('collaboration-register:dev-user', user ?? 'officer');
          }
        },
        [options.user ?? 'officer'],
      );
      contexts.push(context);
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** axe-core on the page as it is: serious or critical violations (WCAG 2.2 AA rules), described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself. The default mode runs each frame partially and then
  // opens a new page to finish the run, which doubles a scan's time (5.0 s against 2.4 s for the
  // register page) for frames the tab does not have. Should a page ever hold a frame, the default is
  // needed to scan it: fail rather than leave it unscanned.
  if (page.frames().length > 1) throw new Error(`${page.url()} holds a frame: scan it with axe's default mode`);
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // Tabster's focus sentinels (Fluent UI's keyboard navigation): invisible, aria-hidden elements that
    // receive focus only to pass it on at once. They are the library's mechanism, not content.
    .exclude('[data-tabster-dummy]')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until the page's lazy chunk and first data are in (no spinner in main). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main [role="status"] .fui-Spinner'), undefined, {
    timeout: 20_000,
  });
}

/** A day as a person types it into the tab's date fields (dd/mm/yyyy in both languages). */
export function typedDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
