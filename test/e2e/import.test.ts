/**
 * Bringing a register in through the tab, in real headless Chromium against
 * `npm start`'s server, as the governance officer: upload a CSV, check the
 * suggested mapping and the preview's problems, fix one cell, skip one row,
 * import, read the summary and find the new record in the register. Axe on
 * the import and compendium screens.
 */
import { browserAvailable, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

const CSV = [
  'Ref,Partnership name,Model,Status,Lead organisation,Partners,Directorate,Purpose,Annual cost,Next review,Lead Officer',
  'E2E-1,Gwent Shared Legal Service,Joint committee,Live,Glan-yr-Afon County Borough Council,"South Wales Police; Tŷ Newydd Trust",Corporate Services,Legal advice for three councils,£250k,31/03/2027,Rhys Davies',
  'E2E-2,Archifau Rhanbarthol Gwent,Sort of,Gweithredol,Glan-yr-Afon County Borough Council,Natural Resources Wales,Education,Shared archives service,1.2m,Mar-27,',
  'E2E-3,Broken row,Joint committee,Live,Glan-yr-Afon County Borough Council,,Education,"=HYPERLINK(""http://evil.example"",""x"")",-,,',
].join('\r\n');

run('importing a register in Chromium', () => {
  let rig: TabRig;
  // Starting the rig may wait for another build of the tab (the build lock).
  beforeAll(async () => {
    rig = await startRig();
  }, 600_000);
  afterAll(async () => {
    await rig?.close();
  });

  async function storedByImportKey(key: string): Promise<Record<string, unknown>[]> {
    const url = `${rig.server.siteUrl}/_api/web/lists/getbytitle('Collaborations')/items?$filter=ImportKey eq '${key}'&$select=Title,Reference,ImportKey`;
    const r = await fetch(url, {
      headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' },
    });
    return ((await r.json()) as { value: Record<string, unknown>[] }).value;
  }

  it('an officer is told the import is for the governance team', async () => {
    const context = await rig.context({ user: 'officer' });
    const page = await context.newPage();
    await page.goto('/#/import');
    await settled(page);
    await page.getByText('Only the governance team can import a register.', { exact: false }).waitFor();
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await context.close();
  });

  it('uploads, previews, fixes a cell, skips a row and imports without duplicates', async () => {
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await page.goto('/#/import');
    await settled(page);
    const input = page.locator('input[type=file]');
    expect(await input.getAttribute('id')).toBe(
      await page.locator('label', { hasText: 'Choose a file (CSV, Excel or JSON)' }).getAttribute('for'),
    );
    await input.setInputFiles({
      name: 'register.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByText('register.csv: 3 rows').waitFor();

    // The suggested mapping, by heading.
    const fieldOf = (column: string) => page.getByRole('combobox', { name: `Field for the column ${column}` });
    expect(await fieldOf('Lead Officer').inputValue()).toBe('leadOfficer');
    expect(await fieldOf('Partnership name').inputValue()).toBe('title');
    expect(await fieldOf('Ref').inputValue()).toBe('reference');
    expect(await fieldOf('Next review').inputValue()).toBe('nextReviewDue');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Preview: each row as it will be saved' }).waitFor();
    const plan = page.getByText(/to create, .* with errors\./);
    await expect(plan.textContent()).resolves.toBe('1 to create, 0 to update, 0 unchanged, 0 skipped, 2 with errors.');
    // Problems by row and column, in words.
    // A refused value is named with the options the register allows.
    await page
      .getByText(
        'Model: “Sort of” is not one of the options: Delegation of functions, Joint committee, Informal arrangement, Shared appointment or secondment, Contractual arrangement, Corporate vehicle or joint venture.',
      )
      .waitFor();
    await page.getByText(/^Purpose: This cell is a spreadsheet formula/).waitFor();
    await page
      .getByText('note: Partners: “Tŷ Newydd Trust” is not a partner organisation yet: it will be added as a new one.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);

    // Fix the model of row 3; skip row 4.
    const fix = page.getByRole('textbox', { name: 'Fix Model in row 3' });
    await fix.fill('Joint committee');
    await page.locator('form', { has: fix }).getByRole('button', { name: 'Apply the fix' }).click();
    await page.getByText('2 to create, 0 to update, 0 unchanged, 0 skipped, 1 with errors.').waitFor();
    await page.getByRole('checkbox', { name: 'Skip row 4' }).check();
    await page.getByText('2 to create, 0 to update, 0 unchanged, 1 skipped, 0 with errors.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Import finished').waitFor({ timeout: 60_000 });
    await page.getByText('2 created, 0 updated, 0 unchanged, 1 skipped, 0 failed.').waitFor();
    expect(await storedByImportKey('id:E2E-1')).toHaveLength(1);
    expect(await storedByImportKey('id:E2E-2')).toHaveLength(1);
    expect(await storedByImportKey('id:E2E-3')).toHaveLength(0);

    // The same file again: nothing new.
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('0 to create, 0 to update, 2 unchanged, 1 skipped, 0 with errors.').waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('0 created, 0 updated, 2 unchanged, 1 skipped, 0 failed.').waitFor({ timeout: 60_000 });
    expect(await storedByImportKey('id:E2E-1')).toHaveLength(1);

    // The new record is in the register.
    const reference = String((await storedByImportKey('id:E2E-1'))[0]?.['Reference']);
    await page.goto(`/#/register?q=${encodeURIComponent(reference)}`);
    await settled(page);
    await page.getByRole('link', { name: 'Gwent Shared Legal Service' }).waitFor();
    await context.close();
  });

  it('the compendium page offers the three downloads, with no serious accessibility problems', async () => {
    const context = await rig.context({ user: 'governance' });
    const page = await context.newPage();
    await page.goto('/#/compendium');
    await settled(page);
    await page
      .getByRole('radiogroup', { name: 'Column headings' })
      .getByRole('radio', { name: 'Welsh', exact: true })
      .check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^compendium-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')[0]).toContain('"Cyfeirnod","Enw"');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
