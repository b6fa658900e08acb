/**
 * Issue 7's journey in Chromium, through the same server as `npm start`: open a
 * due review, post it to the panel channel, see the card in the dev inbox and
 * follow its link back, record "continue with actions" with two actions, and
 * see them on the 12-month plan and on the owner's Home, then find the decision in
 * the annual summary and in its workbook, opened with exceljs. axe checks the
 * review page and the plan in English and Welsh.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { financialYearOf } from '../../src/domain';
import {
  browserAvailable,
  screenshot,
  seriousViolations,
  settled,
  startRig,
  typedDate,
  type TabRig,
} from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

const pad = (n: number) => String(n).padStart(2, '0');
/** The first day of the month `ahead` months from now, as the tab's ISO date. */
function monthStart(ahead: number): string {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() + ahead, 1);
  return `${m.getFullYear()}-${pad(m.getMonth() + 1)}-01`;
}
function monthEnd(ahead: number): string {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() + ahead + 1, 0);
  return `${m.getFullYear()}-${pad(m.getMonth() + 1)}-${pad(m.getDate())}`;
}

async function addAction(page: Page, index: number, title: string, start: string, due: string): Promise<void> {
  await page.getByRole('button', { name: 'Add an action' }).click();
  const group = page.getByRole('group', { name: `Action ${index + 1}` });
  await group.getByRole('textbox', { name: /^Action/ }).fill(title);
  const owner = group.getByRole('combobox', { name: /^Owner/ });
  await owner.click();
  await owner.pressSequentially('Rhys');
  await page.getByRole('option', { name: /^Rhys Davies \(/ }).click();
  await page.locator(`input[name="actions.${index}.startDate"]`).fill(typedDate(start));
  await page.locator(`input[name="actions.${index}.dueDate"]`).fill(typedDate(due));
}

run('a review from due to decided, with its channel post, actions and plan', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('posts to the panel channel, records continue with actions, shows the actions on the plan and Home, and counts the decision in the annual summary and its workbook', async () => {
    // The governance officer records it (they may record any review's outcome, and their tab
    // applies it at once); the owner, Rhys Davies, then finds the actions on Home.
    const context = await rig.context({ user: 'governance' });
    let page = await context.newPage();
    // A review of the demo council that is due and not yet held (every third demo review).
    await page.goto('/#/review/REV-000003');
    await settled(page);
    await page.getByRole('heading', { name: 'Record the outcome' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const reference = /COL-\d{4}/.exec((await page.locator('main h1').first().textContent()) ?? '')?.[0] ?? '';
    expect(reference).toMatch(/^COL-\d{4}$/);

    // Post to the panel channel; the review keeps the conversation's link.
    await page.getByRole('button', { name: 'Post to panel channel' }).click();
    await page.getByText('Posted to the panel channel.').waitFor();
    const conversation = page.getByRole('link', { name: 'Open the conversation' });
    expect(await conversation.getAttribute('href')).toMatch(/\/_dev\/inbox\?channel=[^#]+#message-\d+$/);

    // The card is in the dev inbox, and its Open button leads back to the review.
    const inbox = await context.newPage();
    await inbox.goto(`${rig.server.url}/_dev/inbox`);
    await inbox.waitForSelector('body[data-loaded="true"]');
    const card = inbox.locator('.ac-adaptiveCard').filter({ hasText: reference }).last();
    await card.waitFor();
    const [record] = await Promise.all([
      context.waitForEvent('page'),
      card.getByRole('link', { name: /Open/ }).first().click(),
    ]);
    expect(record.url()).toMatch(/#\/review\/REV-000003$/);
    await settled(record);
    await record.getByRole('heading', { name: 'Record the outcome' }).waitFor();
    await expect(record.locator('main h1').first().textContent()).resolves.toContain(reference);
    await record.close();
    await inbox.close();

    // Record "continue with actions" with two actions owned by Rhys Davies (the officer).
    await page.getByRole('radio', { name: 'Continue with actions' }).check();
    await page
      .getByRole('textbox', { name: /^Decision note/ })
      .fill('Continue; strengthen scrutiny reporting — ŵ ŷ â.');
    await addAction(page, 0, 'E2E: report twice a year to scrutiny', monthStart(1), monthEnd(3));
    await addAction(page, 1, 'E2E: refresh the partnership agreement', monthStart(2), monthEnd(5));
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByText('Outcome recorded. The review is now frozen.').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'What the panel saw' }).waitFor();
    await expect(page.getByTestId('frozen-outcome').textContent()).resolves.toBe('Continue with actions');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'review-frozen-en');

    // Both actions on the 12-month plan starting this month, with a bar in the months they span.
    const start = monthStart(0);
    await page.goto(
      `/#/action-plan?month=${Number(start.slice(5, 7))}&year=${start.slice(0, 4)}&collaboration=${reference}`,
    );
    await settled(page);
    const table = page.getByRole('table', { name: /Actions by month/ });
    await table.waitFor();
    for (const [title, months] of [
      ['E2E: report twice a year to scrutiny', [1, 2, 3]],
      ['E2E: refresh the partnership agreement', [2, 3, 4, 5]],
    ] as const) {
      const row = table.locator('tr', { has: page.getByRole('rowheader', { name: new RegExp(title) }) });
      await row.waitFor();
      const planned = await row
        .locator('td[data-planned="true"]')
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-month'))));
      expect(planned).toEqual(months);
    }
    await expect(table.locator('th[aria-current="date"]').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'action-plan-en');

    // The owner's Home lists them under "My actions", to update in place.
    const owner = await rig.context({ user: 'officer' });
    page = await owner.newPage();
    await page.goto('/#/');
    await settled(page);
    const mine = page.getByRole('region', { name: 'My actions' });
    await mine.getByRole('form', { name: 'Update E2E: report twice a year to scrutiny' }).waitFor();
    await mine.getByRole('form', { name: 'Update E2E: refresh the partnership agreement' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Updated in place with the keyboard alone: progress, Tab to the note, Tab past "Complete" to Save, Enter.
    const update = mine.getByRole('form', { name: 'Update E2E: report twice a year to scrutiny' });
    await update.getByRole('spinbutton', { name: 'Progress' }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dates agreed with the scrutiny officer.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await mine.getByText('Update saved.').waitFor();
    await screenshot(page, 'home-my-actions-en');

    // The annual summary for this financial year counts the decision, and so does its workbook.
    const pad2 = (n: number) => String(n).padStart(2, '0');
    const now = new Date();
    const year = financialYearOf(`${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`);
    await page.goto(`/#/reports/annual?year=${year}`);
    await settled(page);
    const heldTable = page.getByRole('table', { name: 'Reviews held', exact: true });
    await heldTable.waitFor();
    const heldRows = await heldTable.evaluate((el) =>
      [...el.querySelectorAll('tbody tr')].map((tr) => tr.textContent ?? ''),
    );
    expect(heldRows.filter((r) => r.includes(reference) && r.includes('Continue with actions'))).toHaveLength(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Excel workbook' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const heldSheet = workbook.getWorksheet('Reviews held');
    expect(heldSheet).toBeDefined();
    const inBook: string[] = [];
    heldSheet?.eachRow((row, n) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      if (n > 1) inBook.push(cells.join(' | '));
    });
    expect(inBook).toHaveLength(heldRows.length);
    expect(inBook.filter((r) => r.includes(reference) && r.includes('Continue with actions'))).toHaveLength(1);
    let figure: unknown;
    workbook.getWorksheet('Figures')?.eachRow((row) => {
      if (row.getCell(1).text === 'Reviews held') figure = row.getCell(2).value;
    });
    expect(figure).toBe(heldRows.length);

    // The review page and the plan in Welsh pass axe too (as the governance officer, who may record it).
    page = await context.newPage();
    await page.goto('/#/');
    await settled(page);
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('navigation', { name: 'Prif ddewislen' }).waitFor();
    await page.goto('/#/review/REV-000006');
    await settled(page);
    await page
      .getByRole('heading', { name: 'Cofnodi’r canlyniad' })
      .or(page.getByRole('heading', { name: "Cofnodi'r canlyniad" }))
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'review-cy');
    await page.goto('/#/action-plan');
    await settled(page);
    await page.getByRole('table', { name: /Camau gweithredu fesul mis/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'action-plan-cy');
    await owner.close();
    await context.close();
  });
});
