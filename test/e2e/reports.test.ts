/**
 * The governance reports in real headless Chromium against `npm start`'s
 * server: a review is held and decided, the annual summary counts it, the
 * workbook is downloaded and opened with exceljs, and its figures are the
 * page's. Both reports pass axe in English and Welsh, and print without the
 * navigation.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { financialYearOf, type Review } from '../../src/domain';
import { createRepositories } from '../../src/data/repositories';
import { createSp } from '../../src/data/sp';
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

/** Today as the tab sees it (the browser's local day). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A table on the page as rows of cell text (heading row first). */
async function tableRows(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: true });
  await table.waitFor();
  return table.evaluate((el) =>
    [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? '')),
  );
}

/** "1,234" as written on the page, as a number. */
const count = (text: string | undefined): number => Number((text ?? '').replace(/[^\d]/g, ''));

/** A two-column table's rows (label, value) as a record. */
function figureMap(rows: readonly (readonly string[])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [label, value] of rows) if (label !== undefined) out[label] = value ?? '';
  return out;
}

run('the governance reports in Chromium', () => {
  let rig: TabRig;
  // Building the tab may first wait for another build of it (the build lock): up to five minutes.
  beforeAll(async () => {
    rig = await startRig();
  }, 420_000);
  afterAll(async () => {
    await rig?.close();
  });

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`/${hash}`);
    await settled(page);
  }

  it('from a review held today to the annual summary, downloaded and opened with exceljs', async () => {
    const year = financialYearOf(today());
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await open(page, `#/reports/annual?year=${year}`);
    const before = figureMap((await tableRows(page, 'Figures for the year')).slice(1));

    // The panel holds a due review today and decides to reform the arrangement.
    const repos = createRepositories(
      createSp({ siteUrl: rig.server.siteUrl, getToken: () => Promise.resolve('dev:governance') }),
    );
    const collaboration = await repos.collaborations.getByReference('COL-0003');
    if (!collaboration.ok) throw new Error(collaboration.error.code);
    const review: Review = {
      key: `REV-E2E-${Date.now()}`,
      collaborationId: collaboration.value.id,
      title: `${collaboration.value.reference} annual review`,
      kind: 'annualReview',
      dueDate: today(),
      heldOn: today(),
      panel: 'Corporate Governance Review Panel',
      attendees: [],
      outcome: 'reform',
      decisionNote: 'Reform: bring proposals to the panel within six months.',
    };
    const created = await repos.reviews.create(review);
    if (!created.ok) throw new Error(created.error.code);

    await page.reload();
    await settled(page);
    const figures = await tableRows(page, 'Figures for the year');
    const after = figureMap(figures.slice(1));
    expect(count(after['Reviews held'])).toBe(count(before['Reviews held']) + 1);
    const reviews = await tableRows(page, 'Reviews held');
    expect(reviews.some((r) => r.includes(collaboration.value.reference) && r.includes('Reform'))).toBe(true);
    const reformed = await tableRows(page, 'Collaborations reformed');
    expect(reformed.some((r) => r.includes(collaboration.value.reference))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Excel workbook' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `annual-summary-${year}-${String((year + 1) % 100).padStart(2, '0')}.xlsx`,
    );
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Figures',
      'Year on year',
      'Costs by directorate',
      'Costs by model',
      'RAG ratings',
      'Significance',
      'Assurance',
      'Assurance movement',
      'Assurance down',
      'Reviews by outcome',
      'Reviews held',
      'Started',
      'Reformed',
      'Withdrawn',
      'Actions completed',
      'Actions overdue',
      'Out of scope',
      'Assurance statements',
      'Yet to confirm',
    ]);
    const sheet = workbook.getWorksheet('Figures')!;
    const inBook: Record<string, unknown> = {};
    sheet.eachRow((row, n) => {
      if (n > 1) inBook[row.getCell(1).text] = row.getCell(2).value;
    });
    // Every figure on the page is the same number in the workbook, and a number, not text.
    expect(Object.keys(inBook)).toEqual(figures.slice(1).map(([k]) => k));
    for (const [label, value] of figures.slice(1)) expect(inBook[label ?? '']).toBe(count(value));
    const held = workbook.getWorksheet('Reviews held')!;
    expect(held.rowCount - 1).toBe(count(after['Reviews held']));
    const dates = held.getColumn(1).values.slice(2);
    expect(dates.every((d) => d instanceof Date)).toBe(true);
    await screenshot(page, 'annual-summary-en');
    await context.close();
  });

  it.each([
    [
      'en-GB',
      'Reports',
      'Quarterly list for Heads of Service',
      'Annual summary for the Governance and Audit Committee',
    ],
    [
      'cy-GB',
      'Adroddiadau',
      'Rhestr chwarterol ar gyfer Penaethiaid Gwasanaeth',
      'Crynodeb blynyddol ar gyfer y Pwyllgor Llywodraethu ac Archwilio',
    ],
  ])(
    'in %s, the index and both reports have no serious accessibility violations',
    async (locale, index, quarterly, annual) => {
      const context = await rig.context({ user: 'officer' });
      await context.addInitScript((l) => localStorage.setItem('collaboration-register:locale', l), locale);
      const page = await context.newPage();
      await open(page, '#/reports');
      await page.getByRole('heading', { level: 1, name: index }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: quarterly }).click();
      await settled(page);
      await page.getByRole('heading', { level: 1, name: quarterly }).waitFor();
      await page.locator('[data-report-table="quarterly"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await open(page, '#/reports');
      await page.getByRole('link', { name: annual }).click();
      await settled(page);
      await page.getByRole('heading', { level: 1, name: annual }).waitFor();
      await page.locator('[data-report-table="figures"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `annual-summary-${locale}`);

      // The workbook is in the same language: file name, sheet names and headings.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-print="hide"] button').filter({ hasText: 'Excel' }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const figures = workbook.worksheets[0]!;
      if (locale === 'cy-GB') {
        expect(download.suggestedFilename()).toMatch(/^crynodeb-blynyddol-\d{4}-\d{2}\.xlsx$/);
        expect(figures.name).toBe('Ffigurau');
        expect(figures.getRow(1).getCell(1).text).toBe('Ffigur');
        expect(workbook.worksheets.map((w) => w.name)).toContain("Y tu allan i'r cwmpas");
      } else {
        expect(download.suggestedFilename()).toMatch(/^annual-summary-\d{4}-\d{2}\.xlsx$/);
        expect(figures.name).toBe('Figures');
        expect(figures.getRow(1).getCell(1).text).toBe('Figure');
      }
      await context.close();
    },
  );

  it('prints the quarterly list on A4 without the navigation or the buttons, one table to a page', async () => {
    const context = await rig.context();
    const page = await context.newPage();
    await open(page, '#/reports/quarterly');
    await page.getByRole('combobox', { name: 'Directorate' }).selectOption({ index: 1 });
    await page.waitForURL(/#\/reports\/quarterly\?directorate=/);
    await page.locator('[data-report-table="quarterly"]').waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav').first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('combobox', { name: 'Directorate' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-report-table="quarterly"]').isVisible()).resolves.toBe(true);
    // Black on white, whatever the theme.
    const colour = await page
      .locator('[data-report-table="quarterly"] td')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(0, 0, 0)');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });

    // The annual summary: each of its nine sections starts a page of its own.
    await open(page, '#/reports/annual');
    await page.locator('[data-report-table="figures"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const annual = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = annual.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(9);
    // Its wide tables (six columns or more) print on landscape A4 pages, the rest on portrait.
    const boxes = [...annual.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(boxes.some(([w, h]) => w! > h!)).toBe(true);
    expect(boxes.some(([w, h]) => w! < h!)).toBe(true);
    await context.close();
  });
});
