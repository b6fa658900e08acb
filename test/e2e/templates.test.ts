/**
 * Template editing in a real Chromium: the governance team's pages pass axe
 * (no serious or critical violation) in English and Welsh, light and dark, and
 * a new version can be edited and published with the keyboard alone.
 */
import type { Page } from 'playwright-core';
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

run('assessment templates in the browser', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function scan(page: Page, name: string, problems: string[]): Promise<void> {
    await settled(page);
    await page.waitForTimeout(150);
    for (const v of await seriousViolations(page)) problems.push(`${name}: ${v}`);
    await screenshot(page, name);
  }

  it('the list, a published version and the draft editor pass axe in English and Welsh', async () => {
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto('/#/templates');
    await page.getByRole('table', { name: 'Assessment templates' }).waitFor();
    await scan(page, 'templates-list-en', problems);
    await page.goto('/#/templates/governance-arrangements');
    await page.getByRole('button', { name: 'Edit a new version' }).waitFor();
    await scan(page, 'templates-view-en', problems);
    await page.getByRole('button', { name: 'Edit a new version' }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).waitFor();
    await scan(page, 'templates-editor-en', problems);
    // A refused publish, with its messages on screen.
    await page.getByRole('button', { name: 'Add a question to section 1' }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Not published: correct the problems below').waitFor();
    await scan(page, 'templates-refused-en', problems);

    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.goto('/#/templates');
    await page.getByRole('table', { name: 'Templedi asesu' }).waitFor();
    await page.getByLabel('Thema').selectOption({ label: 'Tywyll' });
    await scan(page, 'templates-list-cy-dark', problems);
    await page.goto('/#/templates/five-ways-of-working');
    await page.getByRole('button', { name: 'Golygu fersiwn newydd' }).click();
    await page.getByRole('button', { name: 'Cyhoeddi fersiwn 2' }).waitFor();
    await scan(page, 'templates-editor-cy-dark', problems);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a governance officer edits and publishes a new version with the keyboard alone', async () => {
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await page.goto('/#/templates/critical-success-factors');
    const edit = page.getByRole('button', { name: 'Edit a new version' });
    await edit.waitFor();
    await edit.focus();
    await page.keyboard.press('Enter');
    const question = page.getByLabel(/^Question 1 \(English\)/);
    await question.waitFor();
    await question.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('How clear were the goals and roles from the start?');
    // Tab on to the Welsh wording and change it too.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type("Pa mor glir oedd y nodau a'r rolau o'r dechrau?");
    await page.getByRole('button', { name: 'Publish version 2' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Version 2 is published/).waitFor();
    expect(await page.getByText('How clear were the goals and roles from the start?').count()).toBe(1);

    const r = await fetch(
      `${rig.server.siteUrl}/_api/web/lists/getbytitle('Assessment Questions')/items?$select=QuestionCy&$filter=QuestionKey eq 'critical-success-factors@v2/goalsAndRoles'`,
      { headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' } },
    );
    const json = (await r.json()) as { value: { QuestionCy: string }[] };
    expect(json.value.map((v) => v.QuestionCy)).toEqual(["Pa mor glir oedd y nodau a'r rolau o'r dechrau?"]);
    await context.close();
  });

  it('an officer is told that only the governance team edits templates, accessibly', async () => {
    const context = await rig.context({ user: 'officer' });
    const page = await context.newPage();
    await page.goto('/#/templates');
    await settled(page);
    await page.getByText('Only the governance team can edit templates').waitFor();
    const problems: string[] = [];
    await scan(page, 'templates-officer-en', problems);
    expect(problems).toEqual([]);
    await context.close();
  });
});
