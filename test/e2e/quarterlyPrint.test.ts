/**
 * The quarterly list on paper, as a Head of Service reads it: printed to PDF by
 * real headless Chromium from `npm start`'s server, and the PDF read back with
 * pdfjs-dist. The pages are landscape A4, page one names the council and the
 * quarter, every page says "Page n of m" in the person's language, the heading
 * row repeats on each page, and no word of the table is broken across lines.
 * The annual summary stays portrait, with the same council, period and page
 * numbers. In English and Welsh.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserAvailable, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

interface PdfPage {
  readonly width: number;
  readonly height: number;
  /** The page's text as lines, top to bottom; pieces on a line apart by more than a space's width get a space. */
  readonly lines: readonly string[];
  /** Where the rightmost text ends, in points from the left edge. */
  readonly right: number;
}

/**
 * Reads a PDF's pages with pdfjs-dist in a child Node: its legacy build is an
 * ES module, which Jest's CommonJS sandbox cannot import.
 */
function readPdf(file: string): PdfPage[] {
  const script = `
    const { getDocument } = await import(${JSON.stringify(pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href)});
    const { readFileSync } = await import('node:fs');
    const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0 }).promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const items = (await page.getTextContent()).items.filter((i) => typeof i.str === 'string' && i.str !== '');
      const rows = new Map();
      for (const i of items) {
        const y = Math.round(i.transform[5]);
        const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 1) ?? y;
        rows.set(key, [...(rows.get(key) ?? []), i]);
      }
      const lines = [...rows.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, row]) => {
          row.sort((a, b) => a.transform[4] - b.transform[4]);
          let line = '';
          let end;
          for (const i of row) {
            const gap = end === undefined ? 0 : i.transform[4] - end;
            line += (end !== undefined && gap > 1.5 ? ' ' : '') + i.str;
            end = i.transform[4] + i.width;
          }
          return line.replace(/\\s+/g, ' ').trim();
        });
      const right = Math.max(0, ...items.map((i) => i.transform[4] + i.width));
      pages.push({ width, height, lines, right });
    }
    process.stdout.write(JSON.stringify(pages));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as PdfPage[];
}

/** The words of a line, without the punctuation around them. */
const words = (line: string) =>
  line
    .split(/\s+/)
    .map((w) => w.replace(/^[("'‘“]+|[)"'’”,.:;]+$/g, ''))
    .filter((w) => w !== '');

interface Case {
  readonly locale: string;
  readonly council: string;
  readonly period: RegExp;
  readonly pageOf: (n: number, of: number) => string;
  readonly reference: string;
  readonly headOfService: string;
  /** The annual summary's period, its subtitle. */
  readonly year: RegExp;
}

const CASES: readonly Case[] = [
  {
    locale: 'en-GB',
    council: 'Glan-yr-Afon County Borough Council',
    period: /^Reporting period: Quarter [1-4] of \d{4}–\d{2}: /,
    pageOf: (n, of) => `Page ${n} of ${of}`,
    reference: 'Reference',
    headOfService: 'Head of Service',
    year: /^Financial year \d{4}–\d{2}: /,
  },
  {
    locale: 'cy-GB',
    council: 'Cyngor Bwrdeistref Sirol Glan-yr-Afon',
    period: /^Cyfnod adrodd: Chwarter [1-4] \d{4}–\d{2}: /,
    pageOf: (n, of) => `Tudalen ${n} o ${of}`,
    reference: 'Cyfeirnod',
    headOfService: 'Pennaeth Gwasanaeth',
    year: /^Blwyddyn ariannol \d{4}–\d{2}: /,
  },
];

run('the quarterly list printed for a Head of Service', () => {
  let rig: TabRig;
  // Building the tab may first wait for another build of it (the build lock): up to five minutes.
  beforeAll(async () => {
    rig = await startRig();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 420_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** The table's heading row and every word in its cells, as the page shows them. */
  async function tableText(page: Page): Promise<{ headings: string[]; cells: string[] }> {
    return page.locator('[data-report-table="quarterly"]').evaluate((table) => ({
      headings: [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim()),
      cells: [...table.querySelectorAll('tbody td')].map((td) => (td.textContent ?? '').trim()),
    }));
  }

  it.each(CASES)('prints landscape A4, with the council, the quarter and page numbers, in $locale', async (c) => {
    // Dylan O'Brien, Head of Regeneration: the demo's Head of Service for Economy and Environment.
    const context = await rig.context({ user: 'dylan', locale: c.locale });
    const page = await context.newPage();
    await page.goto('/#/reports/quarterly');
    await settled(page);
    await page.locator('[data-report-table="quarterly"]').waitFor();
    const { headings, cells } = await tableText(page);
    expect(headings).toContain(c.reference);
    expect(headings).toContain(c.headOfService);
    expect(cells).toContain("Dylan O'Brien");

    await page.emulateMedia({ media: 'print' });
    // A look at the paper (for a person, not asserted): the window as wide as the landscape page's print area.
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.screenshot({ path: join(ARTIFACTS, `quarterly-print-${c.locale}.png`) });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    await page.emulateMedia({ media: 'screen' });
    const file = join(ARTIFACTS, `quarterly-print-${c.locale}.pdf`);
    writeFileSync(file, pdf);
    const pages = readPdf(file);

    // Landscape A4 (842 by 595 points) on every page, and no column off its right-hand edge.
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(Math.round(p.width)).toBe(842);
      expect(Math.round(p.height)).toBe(595);
      expect(p.right).toBeLessThanOrEqual(p.width);
    }

    // Page one says whose list it is and for when.
    const first = pages[0]!.lines;
    expect(first).toContain(c.council);
    expect(first.some((l) => c.period.test(l))).toBe(true);

    // "Page n of m" at the foot of each page, in the person's language.
    pages.forEach((p, i) => {
      expect(p.lines).toContain(c.pageOf(i + 1, pages.length));
    });

    // The heading row repeats on every page, each heading's words whole.
    const headingWords = headings.flatMap(words);
    for (const p of pages) {
      const onPage = new Set(p.lines.flatMap(words));
      expect(headingWords.filter((w) => !onPage.has(w))).toEqual([]);
    }

    // No word of the table is broken across lines: each one the page shows is whole somewhere in the PDF.
    const inPdf = new Set(pages.flatMap((p) => p.lines.flatMap(words)));
    const broken = [...new Set(cells.flatMap(words))].filter((w) => !inPdf.has(w));
    expect(broken).toEqual([]);
    await context.close();
  });

  it.each(CASES)(
    'prints the annual summary on A4 (portrait, its wide tables landscape) with the council, its year and page numbers, in $locale',
    async (c) => {
      const context = await rig.context({ user: 'governance', locale: c.locale });
      const page = await context.newPage();
      await page.goto('/#/reports/annual');
      await settled(page);
      await page.locator('[data-report-table="figures"]').waitFor();
      await page.emulateMedia({ media: 'print' });
      const file = join(ARTIFACTS, `annual-print-${c.locale}.pdf`);
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
      const pages = readPdf(file);

      expect(pages.length).toBeGreaterThan(1);
      // Page one is portrait; every page is A4, the wide tables' pages turned landscape.
      expect([Math.round(pages[0]!.width), Math.round(pages[0]!.height)]).toEqual([595, 842]);
      for (const p of pages) {
        expect([
          [595, 842],
          [842, 595],
        ]).toContainEqual([Math.round(p.width), Math.round(p.height)]);
      }
      expect(pages[0]!.lines).toContain(c.council);
      expect(pages[0]!.lines.some((l) => c.year.test(l))).toBe(true);
      pages.forEach((p, i) => {
        expect(p.lines).toContain(c.pageOf(i + 1, pages.length));
      });
      await context.close();
    },
  );
});
