/**
 * The tab's benchmark, in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against the same server as `npm start`:
 * - Home: HTTP requests from page load to the first meaningful render (the
 *   compendium's figures on screen), all of them and those to the list API (aim: one $batch);
 * - the register at 5,000 and at 50,000 items: time to the first rows, from a page
 *   load and from a navigation inside the loaded tab, and the time to fetch and parse
 *   the same page of items with a bare `fetch` loop in the same browser, as a ratio;
 * - scroll frame time over 5,000 loaded rows (median and 95th percentile);
 * - the initial JavaScript, gzipped (the entry and its static imports; pages are lazy).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureTabBuilt, startTabServer, TAB_DIR } from '../cli/start';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
}

/** The entry chunk and every chunk it imports statically, gzipped: what a first visit must load. */
export function initialJavaScript(dir: string = TAB_DIR): { gzipBytes: number; rawBytes: number; files: number } {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry in the Vite manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk || !chunk.file.endsWith('.js')) return;
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entry);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const key of seen) {
    const code = readFileSync(join(dir, (manifest[key] as ManifestChunk).file));
    rawBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { gzipBytes, rawBytes, files: seen.size };
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Records, from the page's own clock, when the register's first data row appears. */
const FIRST_ROWS_PROBE = () => {
  const w = window as Window & { __firstRows?: number };
  new MutationObserver((_m, observer) => {
    if (document.querySelector('[role="row"][aria-rowindex="2"]')) {
      w.__firstRows = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function firstRowsAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as Window & { __firstRows?: number }).__firstRows !== undefined, undefined, {
    timeout: 120_000,
  });
  return page.evaluate(() => (window as Window & { __firstRows?: number }).__firstRows ?? 0);
}

async function newPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
    baseURL: `${base}/`,
  });
  return context.newPage();
}

async function benchHome(browser: Browser, base: string): Promise<Figure[]> {
  const page = await newPage(browser, base);
  const all: string[] = [];
  const api: string[] = [];
  page.on('request', (r) => {
    all.push(r.url());
    if (r.url().includes('/_api/')) api.push(r.url());
  });
  const started = Date.now();
  await page.goto('/#/');
  await page.getByRole('heading', { level: 2, name: "The compendium's figures" }).waitFor({ timeout: 60_000 });
  const renderedMs = await page.evaluate(() => performance.now());
  const figures = [
    { name: 'tab.home.requestsToFirstRender', value: all.length, unit: 'requests (page, scripts, data)' },
    {
      name: 'tab.home.apiRequestsToFirstRender',
      value: api.length,
      unit: `requests to the list API (${api.filter((u) => u.endsWith('/$batch')).length} $batch)`,
    },
    { name: 'tab.home.firstRender', value: round(renderedMs), unit: 'ms from navigation start' },
  ];
  void started;
  await page.context().close();
  return figures;
}

async function benchRegister(
  browser: Browser,
  base: string,
  size: number,
  label: string,
): Promise<{ figures: Figure[]; page: Page }> {
  // 1. A page load straight onto the register.
  const cold = await newPage(browser, base);
  await cold.addInitScript(FIRST_ROWS_PROBE);
  let itemsUrl: string | undefined;
  cold.on('request', (r) => {
    if (!itemsUrl && /\/items\?/.test(r.url()) && /Collaborations/i.test(decodeURIComponent(r.url())))
      itemsUrl = r.url();
  });
  await cold.goto('/#/register');
  const fromLoad = await firstRowsAt(cold);
  await cold.context().close();

  // 2. Inside the loaded tab: from pressing "Register" to the first rows (median of 5).
  const page = await newPage(browser, base);
  await page.goto('/#/new');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const inApp: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await page.goto('/#/new');
    await page.getByRole('heading', { level: 1, name: 'New collaboration' }).waitFor();
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector('[role="row"][aria-rowindex="2"]')) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document, { childList: true, subtree: true });
          (document.querySelector('nav a[href="#/register"]') as HTMLAnchorElement).click();
        }),
    );
    inApp.push(ms);
  }

  // 3. The same request, fetched and parsed with a bare fetch loop in the same browser (median of 5).
  if (!itemsUrl) throw new Error('the register made no items request');
  const bare: number[] = await page.evaluate(async (url) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      const r = await fetch(url, { headers: { Accept: 'application/json', Authorization: 'Bearer dev:officer' } });
      const json = (await r.json()) as { value: unknown[] };
      if (!Array.isArray(json.value)) throw new Error('no items');
      times.push(performance.now() - t0);
    }
    return times;
  }, itemsUrl);

  const figures: Figure[] = [
    {
      name: `tab.register.${label}.firstRowsFromLoad`,
      value: round(fromLoad),
      unit: `ms from navigation start (${size} items)`,
    },
    {
      name: `tab.register.${label}.firstRowsInApp`,
      value: round(median(inApp)),
      unit: 'ms from pressing Register (median of 5)',
    },
    {
      name: `tab.register.${label}.bareFetchFirstPage`,
      value: round(median(bare)),
      unit: 'ms to fetch and parse the same page (median of 5)',
    },
    {
      name: `tab.register.${label}.ratioToBareFetch`,
      value: round(median(inApp) / Math.max(0.1, median(bare)), 2),
      unit: 'x (first rows in app / bare fetch)',
    },
  ];
  return { figures, page };
}

/** Scrolls the register's body about three rows a frame for up to 300 frames; resolves each frame's duration. */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const body = document.querySelector('[data-virtual-body]');
  body.scrollTop = 0;
  const deltas = [];
  let last = performance.now();
  let n = 0;
  function step(now) {
    deltas.push(now - last);
    last = now;
    body.scrollTop += 120;
    n += 1;
    if (n < 300 && body.scrollTop + body.clientHeight < body.scrollHeight) requestAnimationFrame(step);
    else resolve(deltas.slice(2));
  }
  requestAnimationFrame(step);
})`;

/** Loads all 5,000 rows into the grid (scrolling pages in), then scrolls and records each frame's time. */
async function benchScroll(page: Page, size: number): Promise<Figure[]> {
  await page.goto('/#/register');
  await page.getByRole('grid', { name: 'Collaborations' }).waitFor();
  const loadStarted = Date.now();
  for (;;) {
    const done = await page.evaluate((n) => {
      const text = document.querySelector('main [role="status"]')?.textContent ?? '';
      const body = document.querySelector<HTMLElement>('[data-virtual-body]');
      if (body) body.scrollTop = body.scrollHeight;
      return text.replace(/[^\d]/g, '') === String(n) && !/scroll/i.test(text);
    }, size);
    if (done) break;
    if (Date.now() - loadStarted > 180_000) throw new Error('the register did not load every row in 3 minutes');
    await page.waitForTimeout(50);
  }
  const loadAllMs = Date.now() - loadStarted;
  // A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
  const frames = await page.evaluate<number[]>(SCROLL_SCRIPT);
  return [
    {
      name: 'tab.register.5000.loadAllRowsByScrolling',
      value: round(loadAllMs / 1000, 2),
      unit: 's (pages of 100 as the person scrolls)',
    },
    { name: 'tab.register.5000.scrollFrameMedian', value: round(median(frames), 2), unit: 'ms per frame' },
    { name: 'tab.register.5000.scrollFrameP95', value: round(percentile(frames, 95), 2), unit: 'ms per frame' },
    {
      name: 'tab.register.5000.scrollFramesOver16ms',
      value: frames.filter((f) => f > 16.7 * 1.5).length,
      unit: `of ${frames.length} frames over 25 ms`,
    },
  ];
}

export async function benchTab(options: { large?: number } = {}): Promise<Figure[]> {
  await ensureTabBuilt('auto', () => undefined);
  const initial = initialJavaScript();
  const figures: Figure[] = [
    {
      name: 'tab.initialJavaScript',
      value: round(initial.gzipBytes / 1024, 1),
      unit: `kB gzipped (${initial.files} files, ${round(initial.rawBytes / 1024, 0)} kB raw; pages lazy)`,
    },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'bench-tab-'));
  const browser = await launch();
  try {
    const demo = await startTabServer({ port: 0, dataFile: join(dir, 'demo.db'), build: 'never' });
    try {
      figures.push(...(await benchHome(browser, demo.url)));
    } finally {
      await demo.close();
    }

    const medium = await startTabServer({ port: 0, dataFile: join(dir, 'r5000.db'), demoSize: 5000, build: 'never' });
    try {
      const { figures: f, page } = await benchRegister(browser, medium.url, 5000, '5000');
      figures.push(...f);
      figures.push(...(await benchScroll(page, 5000)));
      await page.context().close();
    } finally {
      await medium.close();
    }

    const largeSize = options.large ?? 50_000;
    const large = await startTabServer({
      port: 0,
      dataFile: join(dir, 'r50000.db'),
      demoSize: largeSize,
      build: 'never',
    });
    try {
      const { figures: f, page } = await benchRegister(browser, large.url, largeSize, String(largeSize));
      figures.push(...f);
      await page.context().close();
    } finally {
      await large.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

// `tsx src/bench/tab.ts` runs this section alone.
if (/[\\/]bench[\\/]tab\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  benchTab()
    .then((figures) => {
      for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
