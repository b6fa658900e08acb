/**
 * Issue 16, "read it at any width, in both languages": Home, the Register, a record and the
 * action plan at 1366 px (a laptop), 1024 px (a narrow Teams window) and 400 px (Teams on a
 * phone), in English and Welsh. At every width nothing lies beyond the right edge or makes the
 * page scroll sideways (a wide table may scroll inside its own box), no text is cut short with
 * an ellipsis or clipped by its box, no heading, tab, link or button breaks a word in two, the
 * register's names wrap instead of being cut, and every tab of the record can be reached.
 * One browser and one page; the viewport changes under the page. Screenshots go to
 * test/artifacts/widths/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(180_000);

const run = browserAvailable() ? describe : describe.skip;

const SHOTS = resolve(__dirname, '..', 'artifacts', 'widths');
const WIDTHS = [1366, 1024, 400] as const;
const LOCALES = ['en-GB', 'cy-GB'] as const;
const PAGES = [
  { name: 'home', hash: '#/' },
  { name: 'register', hash: '#/register' },
  { name: 'record', hash: '#/collaboration/COL-0001' },
  { name: 'action-plan', hash: '#/action-plan' },
] as const;
/** From this width up the register shows every column without scrolling its grid sideways. */
const REGISTER_WHOLE_FROM = 1024;

interface Options {
  /** The register's grid must show every column (no sideways scroll inside it either). */
  readonly wholeGrid: boolean;
}

/**
 * Everything wrong with the page's layout as it is now, in words. Runs in the page. An element
 * inside a box that scrolls sideways (overflow-x auto or scroll) is that box's business: the
 * box itself must be within the page.
 */
function layoutProblems(options: Options): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  /** One kind of problem is listed up to eight times, then counted. */
  const report = (kind: string, detail: string) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    if (n <= 8) problems.push(`${kind}: ${detail}`);
  };
  const root = document.documentElement;
  const width = root.clientWidth;
  const label = (el: Element): string => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const role = el.getAttribute('role');
    return `<${el.tagName.toLowerCase()}${role ? ` role=${role}` : ''}> "${text}"`;
  };
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  /** The nearest ancestor that clips this element (one on its containing-block chain), if any. */
  const clipper = (el: Element): HTMLElement | undefined => {
    let position = getComputedStyle(el).position;
    for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (position === 'fixed') return undefined;
      const containing = s.position !== 'static' || s.transform !== 'none' || /paint|strict|content/.test(s.contain);
      if (position === 'absolute' && !containing) continue;
      if (s.overflowX !== 'visible') return p;
      if (position === 'absolute') position = s.position;
    }
    return undefined;
  };

  if (root.scrollWidth > width + 1) report('the page scrolls sideways', `${root.scrollWidth} px in ${width} px`);

  const all = Array.from(document.body.querySelectorAll('*')).filter(shown);
  for (const el of all) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 && r.left >= -1) continue;
    if (clipper(el)) continue;
    report('beyond the edge', `${label(el)} at ${Math.round(r.left)}–${Math.round(r.right)} of ${width} px`);
  }

  // Text cut short: an ellipsis or a line clamp with more text than it shows.
  for (const el of all) {
    const s = getComputedStyle(el);
    const ellipsis = s.textOverflow === 'ellipsis' && s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
    const clamp = s.getPropertyValue('-webkit-line-clamp');
    const clamped = clamp !== '' && clamp !== 'none' && el.scrollHeight > el.clientHeight + 1;
    if (ellipsis || clamped) report('text cut short', label(el));
  }

  // A word broken across two lines: headings, tabs, navigation, buttons, the register's names.
  const wordy = document.querySelectorAll(
    '[role="columnheader"], th, [role="tab"], nav a, button, [role="gridcell"] a, h1, h2',
  );
  for (const el of Array.from(wordy).filter(shown)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      // Words are split at spaces; a line may also break after a hyphen ("Cam-drin", "Glan-yr-Afon").
      for (const m of text.matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(
          Array.from(range.getClientRects())
            .filter((b) => b.width > 0)
            .map((b) => Math.round(b.top)),
        );
        if (tops.size > 1) report('a word broken across lines', `"${m[0]}" in ${label(el)}`);
      }
    }
  }

  // A badge is one line high: its words stay on that line, inside it.
  for (const el of Array.from(document.querySelectorAll('.fui-Badge')).filter(shown)) {
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      report('a badge too small for its words', label(el));
  }

  // Column headings hold their words: none spills out of its column.
  for (const el of Array.from(document.querySelectorAll('[role="columnheader"], [role="columnheader"] *')).filter(
    shown,
  )) {
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      report('a heading wider than its column', `${label(el)}: ${el.scrollWidth} px in ${el.clientWidth} px`);
  }

  // The register: no cell clips what it holds (a name wraps rather than being cut), and from
  // the widest width up every column is in view without scrolling the grid sideways.
  const grid = document.querySelector<HTMLElement>('[data-testid="register-grid"]');
  if (grid) {
    for (const cell of Array.from(grid.querySelectorAll('[role="gridcell"]')).filter(shown)) {
      for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
        const s = getComputedStyle(el);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          report(
            'a register cell clips what it holds',
            `${label(el)}: ${el.scrollWidth}×${el.scrollHeight} px in ${el.clientWidth}×${el.clientHeight} px`,
          );
      }
    }
    const scroller = clipper(grid) ?? grid;
    if (options.wholeGrid && scroller.scrollWidth > scroller.clientWidth + 1)
      report('the register hides columns', `they need ${scroller.scrollWidth} px, shown in ${scroller.clientWidth} px`);
  }
  for (const [kind, n] of counts) if (n > 8) problems.push(`${kind}: and ${n - 8} more`);
  return problems;
}

/** The record's tabs: each can be brought into view within the page (not past its edge). */
function unreachableTabs(): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  for (const tab of Array.from(document.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"]'))) {
    tab.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = tab.getBoundingClientRect();
    if (r.left < -1 || r.right > width + 1 || window.scrollX !== 0)
      out.push(`tab "${tab.textContent ?? ''}" at ${Math.round(r.left)}–${Math.round(r.right)} of ${width} px`);
  }
  // Back to the start, as a person first sees it.
  for (const list of Array.from(document.querySelectorAll('[role="tablist"]'))) {
    for (let p = list.parentElement; p; p = p.parentElement) p.scrollLeft = 0;
  }
  window.scrollTo(0, 0);
  return out;
}

run('the tab reads at 1366, 1024 and 400 px in English and Welsh', () => {
  let rig: TabRig;
  let page: Page;
  beforeAll(async () => {
    rig = await startRig();
    const context = await rig.context();
    page = await context.newPage();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it.each(LOCALES)('%s: every page at every width', async (locale) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.goto('/#/');
    await page.evaluate((l) => localStorage.setItem('collaboration-register:locale', l), locale);
    const problems: string[] = [];
    for (const p of PAGES) {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await page.goto(`/${p.hash}`);
      await page.reload();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      if (p.name === 'register')
        await page.locator('[data-testid="register-grid"] [role="gridcell"]').first().waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        // Two frames: the resize is laid out, and anything measuring it (the grid's window) has drawn again.
        await page.evaluate(
          () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
        );
        const found = await page.evaluate(layoutProblems, {
          wholeGrid: p.name === 'register' && width >= REGISTER_WHOLE_FROM,
        });
        if (p.name === 'record') found.push(...(await page.evaluate(unreachableTabs)));
        problems.push(...found.map((f) => `${p.name} at ${width} px: ${f}`));
        await page.screenshot({ path: join(SHOTS, `${p.name}-${locale}-${width}.png`), fullPage: true });
      }
    }
    expect(problems).toEqual([]);
  });
});
