/**
 * Issue 15's action journey in Chromium, as the people whose job it is, through the same server
 * as `npm start` with the permissions provisioning and the demo give:
 * - Rhys Davies, the lead officer of a record, opens the 12-month plan, edits an action's title,
 *   re-dates it (a due date on Christmas Day is flagged and the working day before offered, which
 *   he takes) and reassigns it to Llŷr Evans;
 * - Llŷr sees it under "My actions" on his Home and updates its progress there;
 * - Dylan O'Brien, an officer who neither leads the record nor owns the action, is offered no edit;
 * - Rhys deletes it from the record's Actions tab after confirming, and it is gone from the list
 *   and from Llŷr's Home. The same screens in Welsh.
 */
import { createRepositories, createSp } from '../../src/data';
import { dueDateWarning, nextWorkingDay } from '../../src/domain/calendar';
import { todayInWales } from '../../src/cli/reminderSetup';
import { browserAvailable, screenshot, seriousViolations, settled, startRig, type TabRig } from './helpers/tab';

jest.setTimeout(240_000);

const run = browserAvailable() ? describe : describe.skip;

const stores = (rig: TabRig, user: string) =>
  createRepositories(
    createSp({
      siteUrl: rig.server.siteUrl,
      getToken: () => Promise.resolve(`dev:${user}`),
      retries: 2,
      retryBaseMs: 2,
      retryMaxMs: 20,
    }),
  );

run('an action managed by those whose job it is', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the lead officer edits, re-dates and reassigns it on the plan; the new owner sees it; then it is deleted', async () => {
    const governance = stores(rig, 'governance');
    const year = Number(nextWorkingDay(todayInWales()).slice(0, 4));
    // A record Rhys Davies (id 7) leads, and an action on it he owns, due this plan year.
    const records = await governance.collaborations.query({ leadOfficerId: 7, pageSize: 1 });
    const led = records.ok ? records.value.items[0] : undefined;
    expect(led).toBeDefined();
    const title = `E2E action ${Date.now().toString(36)}: agree the data-sharing protocol`;
    const created = await governance.actions.create({
      key: `ACT-E2E-${Date.now().toString(36)}`,
      title,
      scope: 'collaboration',
      collaborationId: led!.id,
      owner: { id: 7, displayName: 'Rhys Davies' },
      startDate: `${year}-01-05`,
      dueDate: `${year}-11-30`,
      progress: 10,
    });
    if (!created.ok) throw new Error(created.error.code);
    const id = created.value.id;
    const stored = async () => {
      const all = await governance.actions.forCollaboration(led!.id);
      if (!all.ok) throw new Error(all.error.code);
      return all.value.find((a) => a.id === id);
    };

    // Rhys, on the 12-month plan.
    const rhys = await (await rig.context({ user: 'officer' })).newPage();
    await rhys.goto(`/#/action-plan?year=${year}`);
    await settled(rhys);
    await rhys.getByRole('button', { name: `Edit ${title}` }).click();
    const form = rhys.getByRole('form', { name: `Edit ${title}` });
    const renamed = `${title} and sign it`;
    await form.getByRole('textbox', { name: /^Action/ }).fill(renamed);
    // Christmas Day: flagged, and the working day before offered.
    await form.locator('input[name="editAction.dueDate"]').fill(`25/12/${year}`);
    await form.getByText(/is a bank holiday/).waitFor();
    expect(await seriousViolations(rhys)).toEqual([]);
    await screenshot(rhys, 'action-edit-bank-holiday-en');
    await form.getByRole('button', { name: /^Use .* instead$/ }).click();
    const owner = form.getByRole('combobox', { name: /^Owner/ });
    await owner.fill('');
    await owner.pressSequentially('Llŷr');
    await rhys.getByRole('option', { name: /^Llŷr Evans \(/ }).click();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await rhys.getByText('Action saved.').waitFor();
    const edited = await stored();
    expect(edited).toMatchObject({ title: renamed, owner: { id: 10 }, progress: 10, startDate: `${year}-01-05` });
    expect(edited?.dueDate).toBe(dueDateWarning(`${year}-12-25`)?.workingDayBefore);

    // Llŷr, on his Home: the action is his now, and he updates its progress there.
    const llyr = await (await rig.context({ user: 'llyr' })).newPage();
    await llyr.goto('/#/');
    await settled(llyr);
    const mine = llyr.getByRole('region', { name: 'My actions' });
    await mine.getByText(renamed).waitFor();
    const update = mine.getByRole('form', { name: `Update ${renamed}` });
    await update.getByRole('spinbutton', { name: 'Progress' }).fill('60');
    await update.getByRole('textbox', { name: 'Progress note' }).fill('Draft shared with the health board.');
    await update.getByRole('button', { name: 'Save update' }).click();
    await mine.getByText('Update saved.').waitFor();
    expect(await stored()).toMatchObject({ progress: 60, progressNote: 'Draft shared with the health board.' });
    await screenshot(llyr, 'action-reassigned-home-en');

    // Dylan leads neither the record nor owns the action: he reads it, with no edit or delete.
    const dylan = await (await rig.context({ user: 'dylan' })).newPage();
    await dylan.goto(`/#/collaboration/${led!.reference}?tab=actions`);
    await settled(dylan);
    await dylan.getByRole('rowheader', { name: new RegExp(renamed) }).waitFor();
    expect(await dylan.getByRole('button', { name: `Edit ${renamed}` }).count()).toBe(0);
    expect(await dylan.getByRole('button', { name: `Delete ${renamed}` }).count()).toBe(0);

    // Rhys, still the record's lead officer, deletes it from the record's Actions tab, in Welsh.
    const rhysCy = await (await rig.context({ user: 'officer', locale: 'cy-GB' })).newPage();
    await rhysCy.goto(`/#/collaboration/${led!.reference}?tab=actions`);
    await settled(rhysCy);
    await rhysCy.getByRole('button', { name: `Dileu ${renamed}` }).click();
    const dialog = rhysCy.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await seriousViolations(rhysCy)).toEqual([]);
    await screenshot(rhysCy, 'action-delete-confirm-cy');
    await dialog.getByRole('button', { name: 'Dileu' }).click();
    await rhysCy.getByText('Dilëwyd y cam gweithredu.').waitFor();
    expect(await stored()).toBeUndefined();

    await llyr.reload();
    await settled(llyr);
    await llyr.getByRole('region', { name: 'My actions' }).waitFor();
    expect(await llyr.getByText(renamed).count()).toBe(0);
  });
});
