/**
 * The assessment form runner in real headless Chromium against `npm start`'s
 * server and demo data: start the WLGA Collaboration Principles assessment from
 * a record, answer half, reload, finish, submit, see the RAG on the register,
 * start the next one and compare; and axe on the runner in English and Welsh.
 */
import type { Page } from 'playwright-core';
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;
const REFERENCE = 'COL-0023';

run('the assessment runner in Chromium', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`/${hash}`);
    await settled(page);
  }

  /** Answers every question of the section on screen, as a person would with the keyboard and mouse. */
  async function answerSection(page: Page): Promise<void> {
    const main = page.locator('main');
    for (const group of await main.getByRole('radiogroup').all()) {
      for (const label of ['Green', 'Yes', '4']) {
        const radio = group.getByRole('radio', { name: label, exact: true });
        if ((await radio.count()) > 0) {
          await radio.check();
          break;
        }
      }
    }
    for (const box of await main.locator('textarea').all()) await box.fill('Cytunwyd gan y bwrdd; ŵyr ŷd â.');
    for (const input of await main.locator('input[type="url"]').all())
      await input.fill('https://glanyrafon.gov.wales/cofnodion');
    // Date questions take the day as a person in either language types it, not the browser's own format.
    for (const input of await main.getByPlaceholder(/^dd\/mm\/(yyyy|bbbb)$/).all()) await input.fill('20/02/2026');
  }

  async function sectionCount(page: Page): Promise<{ n: number; m: number }> {
    const text =
      (await page
        .locator('main')
        .getByText(/^Section \d+ of \d+$/)
        .textContent()) ?? '';
    const [, n, m] = /Section (\d+) of (\d+)/.exec(text) ?? [];
    return { n: Number(n), m: Number(m) };
  }

  it('starts, keeps half the answers across a reload, submits, shows the RAG on the register, and compares the next one', async () => {
    const context = await rig.context();
    const page = await context.newPage();
    await open(page, `#/collaboration/${REFERENCE}?tab=assessments`);
    await page.getByLabel('Template to answer').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Template to answer').selectOption({ value: 'wlga-principles' });
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'WLGA Collaboration Principles' }).waitFor();
    const key = decodeURIComponent(new URL(page.url()).hash.replace('#/assessment/', ''));
    expect(key).toMatch(new RegExp(`^ASM-${REFERENCE}-`));

    // Answer half the sections, keyboard-only moves between them.
    const { m } = await sectionCount(page);
    expect(m).toBeGreaterThan(1);
    const half = Math.ceil(m / 2);
    for (let i = 1; i <= half; i++) {
      await answerSection(page);
      if (i < half) await page.getByRole('button', { name: 'Next section' }).click();
    }
    await page.getByText(/^Saved at \d\d:\d\d$/).waitFor({ timeout: 15_000 });

    // Reload: the saved half comes back from SharePoint, and the runner opens where the person left off.
    await page.reload();
    await settled(page);
    expect((await sectionCount(page)).n).toBe(half + 1);
    await page.getByRole('button', { name: /^Go to section 1:/ }).click();
    const firstChecked = await page.locator('main').getByRole('radio', { checked: true }).count();
    expect(firstChecked).toBeGreaterThan(0);

    // Finish the rest and submit.
    await page.getByRole('button', { name: new RegExp(`^Go to section ${half + 1}:`) }).click();
    for (let i = half + 1; i <= m; i++) {
      await answerSection(page);
      if (i < m) await page.getByRole('button', { name: 'Next section' }).click();
    }
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await page.getByText(/The assessment is submitted\./).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Print' }).waitFor();
    expect(await page.locator('main').getByRole('radio').count()).toBe(0);
    const rag = (await page.locator('main dd [data-rag]').first().getAttribute('data-rag')) ?? '';
    expect(['red', 'amber', 'green']).toContain(rag);
    const ragWord = { red: 'Red', amber: 'Amber', green: 'Green' }[rag as 'red' | 'amber' | 'green'];
    await screenshot(page, 'assessment-submitted');
    expect(await seriousViolations(page)).toEqual([]);

    // The register shows the RAG (in words) and the score.
    await open(page, `#/register?q=${REFERENCE}`);
    const row = page.locator(`[data-reference="${REFERENCE}"]`);
    await row.waitFor();
    await row.getByText(ragWord).waitFor();
    await screenshot(page, 'assessment-register');

    // Start the next one and compare it with the one just submitted.
    await open(page, `#/collaboration/${REFERENCE}?tab=assessments`);
    await page.getByLabel('Template to answer').selectOption({ value: 'wlga-principles' });
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'WLGA Collaboration Principles' }).waitFor();
    expect(page.url()).not.toContain(key);
    await page.getByRole('button', { name: 'Compare with previous' }).click();
    await page.getByRole('heading', { level: 2, name: 'Changes since the previous assessment' }).waitFor();
    const changed = page.getByRole('table', { name: 'Answers that changed' }).getByRole('row');
    expect(await changed.count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it.each([
    ['wlga-principles', 'COL-0025'],
    ['governance-arrangements', 'COL-0026'],
    ['critical-success-factors', 'COL-0027'],
    ['five-ways-of-working', 'COL-0028'],
  ])('an officer can complete and submit %s', async (template, reference) => {
    const context = await rig.context();
    const page = await context.newPage();
    await open(page, `#/assessment/new?collaboration=${reference}&template=${template}`);
    await page.getByText(/^Section 1 of \d+$/).waitFor();
    const { m } = await sectionCount(page);
    for (let i = 1; i <= m; i++) {
      await answerSection(page);
      if (i < m) await page.getByRole('button', { name: 'Next section' }).click();
    }
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await page.getByText(/The assessment is submitted\./).waitFor({ timeout: 15_000 });
    await page.getByText('This assessment was submitted and cannot be changed.').waitFor();
    await context.close();
  });

  it('two people answering one draft: the second meets the conflict dialog with both answers, and keeps what they choose', async () => {
    const first = await rig.context();
    const second = await rig.context({ user: 'governance' });
    const a = await first.newPage();
    await open(a, `#/assessment/new?collaboration=COL-0029&template=five-ways-of-working`);
    await a.getByText(/^Section 1 of \d+$/).waitFor();
    const hash = new URL(a.url()).hash;
    const b = await second.newPage();
    await open(b, hash);
    await b.getByText(/^Section 1 of \d+$/).waitFor();
    // The first person answers and it saves.
    const groupA = a.locator('main').getByRole('radiogroup').first();
    await groupA.getByRole('radio', { name: 'Green', exact: true }).check();
    await a.getByText(/^Saved at \d\d:\d\d$/).waitFor({ timeout: 15_000 });
    // The second, still on the version they opened, answers the same question differently.
    const groupB = b.locator('main').getByRole('radiogroup').first();
    await groupB.getByRole('radio', { name: 'Red', exact: true }).check();
    const dialog = b.getByRole('alertdialog', { name: 'Someone else saved this assessment' });
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByText('Green').first().waitFor();
    await dialog.getByText('Red').first().waitFor();
    expect(await seriousViolations(b)).toEqual([]);
    await screenshot(b, 'assessment-conflict');
    await dialog.getByRole('button', { name: 'Save the merged answers' }).click();
    await b.getByText(/^Saved at \d\d:\d\d$/).waitFor({ timeout: 15_000 });
    // The second person's own answer is kept by default (they changed it); the list holds it now.
    const checked = await b.locator('main input[type="radio"]:checked').first().getAttribute('value');
    expect(checked).toBe('red');
    // The page is usable again once the dialog has closed: nothing around it is left hidden.
    await b.waitForFunction(() => document.querySelector('main')?.closest('[aria-hidden="true"]') === null, undefined, {
      timeout: 5_000,
    });
    await first.close();
    await second.close();
  });

  it('the runner passes axe in English and in Welsh', async () => {
    const context = await rig.context();
    const page = await context.newPage();
    await open(page, `#/assessment/new?collaboration=COL-0024&template=governance-arrangements`);
    await page
      .locator('main h1')
      .filter({ hasText: /Governance/ })
      .waitFor();
    await page.getByRole('radiogroup').first().waitFor();
    const problems = (await seriousViolations(page)).map((v) => `en: ${v}`);
    await screenshot(page, 'assessment-runner-en');
    // Submitting with nothing answered shows the list of what is missing: scanned too.
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await page.getByRole('list', { name: 'The assessment cannot be submitted yet' }).waitFor();
    problems.push(...(await seriousViolations(page)).map((v) => `en, missing: ${v}`));

    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByText(/^Adran \d+ o \d+$/).waitFor();
    problems.push(...(await seriousViolations(page)).map((v) => `cy: ${v}`));
    await screenshot(page, 'assessment-runner-cy');
    expect(problems).toEqual([]);
    await context.close();
  });
});
