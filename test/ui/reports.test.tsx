/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { annualSummary, directoratesOf, financialYear, quarterlyList, type AnnualSummary } from '../../src/domain';
import type { RunningListServer } from '../../src/local/server';
import { loadReportData, type ReportData } from '../../src/ui/features/reports/reportData';
import { fileSlug } from '../../src/ui/features/reports/ReportToolbar';
import { sheetName, toWorkbook } from '../../src/ui/features/reports/workbook';
import { renderTab, servicesFor, startServer, TODAY } from './helpers';

jest.setTimeout(60_000);

let server: RunningListServer;
let data: ReportData;
beforeAll(async () => {
  server = await startServer();
  const loaded = await loadReportData(servicesFor(server.siteUrl, { devUser: 'governance' }).stores);
  if (!loaded.ok) throw new Error(loaded.error.code);
  data = loaded.value;
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

/** The body rows of a table, each as its cells' text. */
function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );
}

function summaryFor(year: number): AnnualSummary {
  const r = annualSummary({ ...data, period: financialYear(year), today: TODAY });
  if (!r.ok) throw new Error('period');
  return r.value;
}

/** Clicks "Download Excel workbook" and returns the workbook the browser was handed, and its file name. */
async function downloadWorkbook(buttonName: string): Promise<{ workbook: ExcelJS.Workbook; fileName: string }> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  jest.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return 'blob:report';
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const user = userEvent.setup();
  // The button waits for everything the workbook holds (the annual report's statements too).
  const button = screen.getByRole('button', { name: buttonName });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 20_000 });
  await user.click(button);
  await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 20_000 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blobs[0]!.arrayBuffer());
  return { workbook, fileName: names[0] ?? '' };
}

/** A two-column table's rows (label, value) as a record. */
function figureMap(rows: readonly (readonly string[])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [label, value] of rows) if (label !== undefined) out[label] = value ?? '';
  return out;
}

describe('the reports index', () => {
  it('links to the quarterly list, the annual summary and the compendium export', async () => {
    renderTab(server.siteUrl, { hash: '#/reports' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Quarterly list for Heads of Service' })).toHaveAttribute(
      'href',
      '#/reports/quarterly',
    );
    expect(screen.getByRole('link', { name: 'Annual summary for the Governance and Audit Committee' })).toHaveAttribute(
      'href',
      '#/reports/annual',
    );
    expect(screen.getByRole('link', { name: 'Compendium export' })).toHaveAttribute('href', '#/compendium');
  });
});

describe('the quarterly list for Heads of Service', () => {
  it('lists one directorate when it is chosen, as the domain counts it', async () => {
    const user = userEvent.setup();
    const directorate = directoratesOf(data.records)[0]!;
    const expected = quarterlyList(data.records, data.reviews, data.actions, { today: TODAY, directorate });
    const everyone = quarterlyList(data.records, data.reviews, data.actions, { today: TODAY });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everyone.length);

    renderTab(server.siteUrl, { hash: '#/reports/quarterly' });
    const all = await screen.findByRole('table', { name: 'Collaborations' }, { timeout: 20_000 });
    expect(bodyRows(all)).toHaveLength(everyone.length);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Directorate' }), directorate);
    await waitFor(() =>
      expect(window.location.hash).toBe(
        `#/reports/quarterly?directorate=${encodeURIComponent(directorate).replace(/%20/g, '+')}`,
      ),
    );
    const table = await screen.findByRole('table', { name: 'Collaborations' });
    await waitFor(() => expect(bodyRows(table)).toHaveLength(expected.length));
    const rows = bodyRows(table);
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.reference));
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([directorate]));
    // Open and overdue actions, the last two columns, are the domain's counts.
    expect(rows.map((r) => [r[12], r[13]])).toEqual(
      expected.map((r) => [String(r.openActions), String(r.overdueActions)]),
    );
    // Status in words beside its shape, never colour alone.
    const overdue = expected.findIndex((r) => r.reviewState === 'overdue');
    if (overdue >= 0) expect(rows[overdue]?.[6]).toBe('Overdue');
    const total = expected.length;
    expect(screen.getByText(new RegExp(`^Collaborations: ${total}\\.`))).toBeInTheDocument();
  });
});

describe('the annual summary for the Governance and Audit Committee', () => {
  const year = 2025; // 2025-26: the demo's reviews and actions fall in it (today is 2 March 2026)

  it("shows the domain's figures for the year, with every section under a heading", async () => {
    const summary = summaryFor(year);
    expect(summary.reviews.held).toBeGreaterThan(0);
    renderTab(server.siteUrl, { hash: `#/reports/annual?year=${year}` });
    const figures = await screen.findByRole('table', { name: 'Figures for the year' }, { timeout: 20_000 });
    const rows = figureMap(bodyRows(figures));
    expect(rows).toMatchObject({
      'Arrangements in place during the year': String(summary.figures.arrangements),
      'Formal partnerships': String(summary.figures.formalPartnerships),
      Collaborations: String(summary.figures.collaborations),
      'Arrangements the council leads': String(summary.figures.councilLeads),
      'Statutory, good practice or Welsh Government funded': String(summary.figures.statutoryGoodPracticeOrFunded),
      'Reviews held': String(summary.reviews.held),
      'Collaborations started': String(summary.started.length),
      'Collaborations reformed': String(summary.reformed.length),
      'Collaborations withdrawn from': String(summary.withdrawn.length),
      'Actions completed': String(summary.actions.completed.length),
      'Actions overdue at the end of the year': String(summary.actions.overdue.length),
    });
    for (const heading of [
      'Reviews held, by kind and outcome',
      'Reviews held',
      'Collaborations started',
      'Collaborations reformed',
      'Collaborations withdrawn from',
      'Actions completed',
      'Actions overdue at the end of the year',
      "Collaborations outside the protocol's scope",
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    }
    const reviews = screen.getByRole('table', { name: 'Reviews held' });
    expect(bodyRows(reviews)).toHaveLength(summary.reviews.held);
    // A review's panel by its name, never its key.
    await waitFor(() => expect(reviews).toHaveTextContent('Corporate Governance Review Panel'));
    expect(reviews).not.toHaveTextContent(/panel-(cgrp|gac)/);
    const outOfScope = summary.outOfScope[0];
    if (outOfScope) {
      const table = screen.getByRole('table', { name: "Collaborations outside the protocol's scope" });
      expect(bodyRows(table)[0]?.[4]).toMatch(/not covered by the protocol/);
    }
  });

  it('changes year with the picker', async () => {
    const user = userEvent.setup();
    renderTab(server.siteUrl, { hash: `#/reports/annual?year=${year}` });
    await screen.findByRole('table', { name: 'Figures for the year' }, { timeout: 20_000 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Financial year' }), '2020');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('2020–21'));
    const earlier = summaryFor(2020);
    const figures = screen.getByRole('table', { name: 'Figures for the year' });
    const rows = figureMap(bodyRows(figures));
    expect(rows['Reviews held']).toBe(String(earlier.reviews.held));
    expect(rows['Arrangements in place during the year']).toBe(String(earlier.figures.arrangements));
  });

  it('is in Welsh, page and workbook: headings, sheet names, real dates and numbers', async () => {
    const summary = summaryFor(year);
    renderTab(server.siteUrl, { hash: `#/reports/annual?year=${year}`, locale: 'cy-GB' });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Crynodeb blynyddol ar gyfer y Pwyllgor Llywodraethu ac Archwilio',
      }),
    ).toBeInTheDocument();
    await screen.findByRole('table', { name: "Ffigurau'r flwyddyn" }, { timeout: 20_000 });
    expect(screen.getByRole('heading', { level: 2, name: 'Adolygiadau a gynhaliwyd' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Blwyddyn ariannol' })).toHaveValue(String(year));

    const { workbook, fileName } = await downloadWorkbook('Lawrlwytho llyfr gwaith Excel');
    expect(fileName).toBe('crynodeb-blynyddol-2025-26.xlsx');
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual([
      'Ffigurau',
      'O flwyddyn i flwyddyn',
      'Costau yn ôl cyfarwyddiaeth',
      'Costau yn ôl model',
      'Graddfeydd RAG',
      'Arwyddocâd',
      'Sicrwydd',
      'Newid mewn sicrwydd',
      'Sicrwydd i lawr',
      'Adolygiadau yn ôl canlyniad',
      'Adolygiadau a gynhaliwyd',
      'Wedi dechrau',
      "Wedi'u diwygio",
      "Wedi tynnu'n ôl",
      'Camau a gwblhawyd',
      'Camau yn hwyr',
      "Y tu allan i'r cwmpas",
      'Datganiadau sicrwydd',
      'Heb gadarnhau eto',
    ]);
    // The assurance levels: each level in Welsh, "not yet given", and a total of every arrangement in the year.
    const assurance = workbook.getWorksheet('Sicrwydd')!;
    expect(assurance.getRow(1).values).toEqual([undefined, 'Lefel sicrwydd', 'Trefniadau']);
    expect(assurance.getColumn(1).values.slice(2)).toEqual([
      'Sicrwydd sylweddol',
      'Sicrwydd rhesymol',
      'Sicrwydd cyfyngedig',
      'Dim sicrwydd',
      'Heb ei rhoi eto',
      'Cyfanswm',
    ]);
    const levels = assurance.getColumn(2).values.slice(2, 7) as number[];
    expect(assurance.getRow(7).getCell(2).value).toBe(levels.reduce((a, b) => a + b, 0));
    // No statement made yet: the demo's directorates are all still to confirm, each with its Head(s) of Service.
    const pending = workbook.getWorksheet('Heb gadarnhau eto')!;
    expect(pending.getRow(1).values).toEqual([undefined, 'Cyfarwyddiaeth', 'Pennaeth Gwasanaeth']);
    expect(pending.rowCount).toBeGreaterThan(1);
    expect(workbook.getWorksheet('Datganiadau sicrwydd')!.rowCount).toBe(1);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(31);

    const figures = workbook.getWorksheet('Ffigurau')!;
    expect(figures.getRow(1).values).toEqual([undefined, 'Ffigur', 'Nifer']);
    expect(figures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const figure = (label: string) => {
      for (let r = 2; r <= figures.rowCount; r += 1) {
        if (figures.getRow(r).getCell(1).value === label) return figures.getRow(r).getCell(2).value;
      }
      return undefined;
    };
    expect(figure('Adolygiadau a gynhaliwyd')).toBe(summary.reviews.held);
    expect(typeof figure('Partneriaethau ffurfiol')).toBe('number');
    expect(figure('Partneriaethau ffurfiol')).toBe(summary.figures.formalPartnerships);

    const reviews = workbook.getWorksheet('Adolygiadau a gynhaliwyd')!;
    expect(reviews.getRow(1).getCell(1).value).toBe('Dyddiad cynnal');
    const heldOn = reviews.getRow(2).getCell(1);
    expect(heldOn.value).toBeInstanceOf(Date);
    const first = summary.reviews.list[0]!;
    expect(heldOn.value).toEqual(new Date(`${first.heldOn}T00:00:00Z`));
    expect(heldOn.numFmt).toBe('dd/mm/yyyy');
    expect(reviews.rowCount).toBe(summary.reviews.held + 1);
    expect(reviews.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });

  it('downloads the quarterly list as a workbook named in English', async () => {
    renderTab(server.siteUrl, { hash: '#/reports/quarterly' });
    await screen.findByRole('table', { name: 'Collaborations' }, { timeout: 20_000 });
    const { workbook, fileName } = await downloadWorkbook('Download Excel workbook');
    expect(fileName).toBe(`quarterly-list-${TODAY}.xlsx`);
    const sheet = workbook.getWorksheet('Quarterly list')!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toContain('Open actions');
    const col = headings.indexOf('Open actions') + 1;
    expect(typeof sheet.getRow(2).getCell(col).value).toBe('number');
    const lines = quarterlyList(data.records, data.reviews, data.actions, { today: TODAY });
    expect(sheet.rowCount).toBe(lines.length + 1);
    // Who answers for each line, as the domain names them (the demo names a Head of Service for each).
    expect(lines.every((r) => r.headOfService)).toBe(true);
    const people = ['Lead officer', 'Head of Service'].map((h) => sheet.getColumn(headings.indexOf(h) + 1));
    const named = (values: unknown[]) => values.slice(2).map((v) => (typeof v === 'string' ? v : ''));
    expect(named(people[0]!.values as unknown[])).toEqual(lines.map((r) => r.leadOfficer ?? ''));
    expect(named(people[1]!.values as unknown[])).toEqual(lines.map((r) => r.headOfService ?? ''));
  });
});

describe('the workbook', () => {
  it.each([
    ['a Welsh name of 31 letters or fewer is kept whole', "Y tu allan i'r cwmpas", [], "Y tu allan i'r cwmpas"],
    ['ŵ and ŷ count as one letter each', 'Adolygiadau ŵ ŷ yn ôl canlyniad', [], 'Adolygiadau ŵ ŷ yn ôl canlyniad'],
    [
      'a longer name is cut to 31',
      'Camau gweithredu yn hwyr ar ddiwedd y flwyddyn',
      [],
      'Camau gweithredu yn hwyr ar ddi',
    ],
    ['characters Excel refuses become spaces', 'Reviews: held [2025/26]?', [], 'Reviews held 2025 26'],
    ['no apostrophe at either end', "'Wedi'u diwygio'", [], "Wedi'u diwygio"],
    ['a name already taken gets a number', 'Figures', ['figures'], 'Figures (2)'],
  ])('%s', (_name, wanted, taken, expected) => {
    const name = sheetName(wanted, new Set(taken));
    expect(name).toBe(expected);
    expect([...name].length).toBeLessThanOrEqual(31);
  });

  it.each([
    [['annual-summary', '2025-26'], 'annual-summary-2025-26'],
    [['quarterly-list', 'Social Services', '2026-03-02'], 'quarterly-list-social-services-2026-03-02'],
    [
      ['rhestr-chwarterol', 'Gwasanaethau Cymdeithasol / Tŷ', '2026-03-02'],
      'rhestr-chwarterol-gwasanaethau-cymdeithasol-tŷ-2026-03-02',
    ],
  ])('names the file %j as %s', (parts, expected) => {
    expect(fileSlug(...parts)).toBe(expected);
  });

  it('writes an empty table as its heading row, and keeps user text as text, never a formula', async () => {
    const bytes = await toWorkbook(
      [
        { id: 'a', title: 'A', sheet: 'Empty', headings: ['One', 'Two'], rows: [] },
        {
          id: 'b',
          title: 'B',
          sheet: 'Text',
          headings: ['Name', 'Count'],
          rows: [
            [
              { kind: 'text', value: '=HYPERLINK("http://evil","x")' },
              { kind: 'number', value: 3 },
            ],
          ],
        },
      ],
      { title: 'Test' },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    expect(workbook.getWorksheet('Empty')!.rowCount).toBe(1);
    const cell = workbook.getWorksheet('Text')!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil","x")');
    expect(workbook.getWorksheet('Text')!.getRow(2).getCell(2).value).toBe(3);
  });
});
