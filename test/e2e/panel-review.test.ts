/**
 * Issue 15's journeys in Chromium, each as the person whose job it is, through the same
 * server as `npm start` with the permissions provisioning and the demo give:
 * - the governance officer schedules a review of an overdue record (it gets its panel's
 *   permissions); Eleri Morgan, a member of the Corporate Governance Review Panel, posts it
 *   to the panel channel, opens it from the card in the dev inbox (the review itself, not
 *   the record), and records "continue with actions" with one action for Rhys Davies;
 * - that night's reminder job applies the outcome first (record's status and dates, the
 *   action, the next review, the review locked) and so no longer reminds anyone of it; the
 *   action is on the 12-month plan and on its owner's Home;
 * - Dylan O'Brien, an officer on no panel, is offered no outcome form, and SharePoint (the
 *   embedded server) refuses his write;
 * - the decided review is read-only to the panel and to officers; the governance team may
 *   change it.
 */
import type { Page } from 'playwright-core';
import { scheduleReviewWithAccess } from '../../src/app/scheduleReview';
import { nextWorkingDay } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';
import {
  createRecordLinks,
  createReminderRepositories,
  createTransports,
  runReminders,
  todayInWales,
  withDecisions,
} from '../../src/cli/reminderSetup';
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

/** A REST call as a demo user, as any client of the site would make it. */
async function rest(rig: TabRig, path: string, user: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${rig.server.siteUrl}${path}`, {
    ...init,
    headers: {
      Accept: 'application/json;odata=nometadata',
      Authorization: `Bearer dev:${user}`,
      ...(init.body ? { 'Content-Type': 'application/json;charset=utf-8' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

const merge = (rig: TabRig, list: string, id: number, user: string, body: Record<string, unknown>) =>
  rest(rig, `/_api/web/lists/getbytitle('${list}')/items(${id})`, user, {
    method: 'POST',
    headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    body: JSON.stringify(body),
  });

async function itemsOf<T>(rig: TabRig, list: string, query: string): Promise<T[]> {
  const r = await rest(rig, `/_api/web/lists/getbytitle('${list}')/items?${query}`, 'governance');
  return ((await r.json()) as { value: T[] }).value;
}

async function addAction(page: Page, title: string, due: string): Promise<void> {
  await page.getByRole('button', { name: 'Add an action' }).click();
  const group = page.getByRole('group', { name: 'Action 1' });
  await group.getByRole('textbox', { name: /^Action/ }).fill(title);
  const owner = group.getByRole('combobox', { name: /^Owner/ });
  await owner.click();
  await owner.pressSequentially('Rhys');
  await page.getByRole('option', { name: /^Rhys Davies \(/ }).click();
  await page.locator('input[name="actions.0.dueDate"]').fill(typedDate(due));
}

run('a review the panel can finish', () => {
  let rig: TabRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the panel member records the outcome from the card; the job applies it whole; an officer on no panel cannot', async () => {
    const today = nextWorkingDay(todayInWales());
    const site = rig.server.siteUrl;
    const setup = { site, env: {}, sp: { retries: 4, retryBaseMs: 2, retryMaxMs: 20 } };
    const repos = createReminderRepositories(setup);

    // An overdue record of the Corporate Governance Review Panel, with no open review yet.
    const overdue = await itemsOf<{ Id: number; Reference: string; Title: string }>(
      rig,
      'Collaborations',
      `$select=Id,Reference,Title&$filter=${encodeURIComponent(`NextReviewDue lt '${today}T00:00:00Z' and Panel eq 'panel-cgrp' and Status eq 'Active'`)}&$top=50`,
    );
    expect(overdue.length).toBeGreaterThan(0);
    const record = overdue[0]!;
    const scheduled = await scheduleReviewWithAccess(
      repos.reviews,
      {
        key: `REV-E2E-${Date.now().toString(36)}`,
        collaborationId: record.Id,
        title: `${record.Reference} Annual review`,
        kind: 'annualReview',
        dueDate: addDays(today, 5),
        panel: 'panel-cgrp',
        attendees: [],
      },
      [],
    );
    if (!scheduled.ok) throw new Error(scheduled.error.code);
    const review = scheduled.value;

    // Eleri Morgan posts it to the panel's channel.
    const panelCtx = await rig.context({ user: 'panel' });
    const page = await panelCtx.newPage();
    await page.goto(`/#/review/${review.key}`);
    await settled(page);
    await page.getByRole('heading', { name: 'Record the outcome' }).waitFor();
    await page.getByRole('button', { name: 'Post to panel channel' }).click();
    await page.getByText('Posted to the panel channel.').waitFor();

    // The card in the dev inbox opens the review itself.
    const inbox = await panelCtx.newPage();
    await inbox.goto(`${rig.server.url}/_dev/inbox?channel=cgrp`);
    await inbox.waitForSelector('body[data-loaded="true"]');
    const card = inbox.locator('.ac-adaptiveCard').filter({ hasText: record.Reference }).last();
    await card.waitFor();
    const [opened] = await Promise.all([
      panelCtx.waitForEvent('page'),
      card.getByRole('link', { name: /Open/ }).first().click(),
    ]);
    expect(opened.url()).toContain(`#/review/${review.key}`);
    await settled(opened);
    await opened.getByRole('heading', { name: 'Record the outcome' }).waitFor();
    await page.close();
    await inbox.close();

    // Eleri records "continue with actions" with one action for Rhys Davies.
    await opened.getByRole('radio', { name: 'Continue with actions' }).check();
    await opened.getByRole('textbox', { name: /^Decision note/ }).fill('Continue; report to scrutiny twice a year.');
    await addAction(opened, 'E2E panel: report to scrutiny twice a year', addDays(today, 60));
    await opened.getByRole('button', { name: 'Record outcome' }).click();
    await opened
      .getByText(/The record’s dates, the new actions and the next review follow/)
      .waitFor({ timeout: 30_000 });
    await opened.getByRole('heading', { name: 'What the panel saw' }).waitFor();
    // The action the panel added, shown as waiting to be created; the panel by its name.
    await opened.getByText('The panel added these actions. They are created when the outcome is applied.').waitFor();
    await opened.getByText(/E2E panel: report to scrutiny twice a year · Rhys Davies/).waitFor();
    await opened.getByText('Corporate Governance Review Panel', { exact: true }).first().waitFor();
    expect(await seriousViolations(opened)).toEqual([]);
    await screenshot(opened, 'review-recorded-by-panel-en');

    // Officers and other panels' members may not change it; until the decision is applied its
    // panel's members still could through SharePoint itself (docs/permissions.md), not in the tab.
    for (const user of ['officer', 'bethan', 'dylan']) {
      expect((await merge(rig, 'Reviews', review.id, user, { DecisionNote: 'changed' })).status).toBe(403);
    }

    // Tonight's reminder job applies the outcome before it works out what is due.
    const result = await runReminders({
      ...withDecisions(repos),
      transports: createTransports(setup),
      links: createRecordLinks({ site, env: {} }),
      today,
      env: {},
      programmeDirectorate: 'Corporate Services',
    });
    expect(result.failedChannels).toEqual([]);
    const [moved] = await itemsOf<{ Status: string; LastReviewDate: string; NextReviewDue: string }>(
      rig,
      'Collaborations',
      `$select=Status,LastReviewDate,NextReviewDue&$filter=Id eq ${record.Id}`,
    );
    expect(moved?.Status).toBe('Active');
    expect(moved?.LastReviewDate.slice(0, 10)).toBe(today);
    expect(moved && moved.NextReviewDue.slice(0, 10) > addDays(today, 300)).toBe(true);
    // No review reminder for the record was claimed by the run.
    const log = await itemsOf<{ ReminderKey: string }>(rig, 'Reminder Log', '$select=ReminderKey&$top=5000');
    expect(log.length).toBeGreaterThan(0);
    expect(
      log.filter((e) => e.ReminderKey.startsWith('review') && e.ReminderKey.includes(`:${record.Reference}:`)),
    ).toEqual([]);
    // The next review is scheduled, with its panel's permissions; the decided one is marked applied.
    const reviews = await itemsOf<{ Id: number; Outcome: string | null; AppliedOn: string | null }>(
      rig,
      'Reviews',
      `$select=Id,Outcome,AppliedOn&$filter=CollaborationId eq ${record.Id}&$orderby=Id`,
    );
    expect(reviews.find((r) => r.Id === review.id)?.AppliedOn).not.toBeNull();
    // Applied: the decided review is now read-only to everyone but the governance team.
    for (const user of ['panel', 'officer', 'bethan']) {
      expect((await merge(rig, 'Reviews', review.id, user, { DecisionNote: 'changed' })).status).toBe(403);
      const del = await rest(rig, `/_api/web/lists/getbytitle('Reviews')/items(${review.id})`, user, {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' },
      });
      expect(del.status).toBe(403);
    }
    const next = reviews.at(-1);
    expect(next?.Id).not.toBe(review.id);
    expect(next?.Outcome).toBeNull();
    expect((await merge(rig, 'Reviews', next!.Id, 'panel', { DecisionNote: '' })).status).toBe(204);
    expect((await merge(rig, 'Reviews', next!.Id, 'dylan', { DecisionNote: '' })).status).toBe(403);

    // The owner sees the action on Home and on the 12-month plan.
    const officerCtx = await rig.context({ user: 'officer' });
    const home = await officerCtx.newPage();
    await home.goto('/#/');
    await settled(home);
    await home
      .getByRole('region', { name: 'My actions' })
      .getByRole('form', { name: 'Update E2E panel: report to scrutiny twice a year' })
      .waitFor();
    await home.goto(`/#/action-plan?collaboration=${record.Reference}`);
    await settled(home);
    await home.getByRole('rowheader', { name: /E2E panel: report to scrutiny twice a year/ }).waitFor();
    await officerCtx.close();

    // An officer on no panel: no outcome form, told who may, and his write refused.
    const other = await itemsOf<{ Id: number; ReviewKey: string }>(
      rig,
      'Reviews',
      `$select=Id,ReviewKey&$filter=${encodeURIComponent("Panel eq 'panel-cgrp' and Outcome eq null")}&$top=1`,
    );
    const dylanCtx = await rig.context({ user: 'dylan' });
    const dylan = await dylanCtx.newPage();
    await dylan.goto(`/#/review/${other[0]!.ReviewKey}`);
    await settled(dylan);
    await dylan
      .getByText(
        'Only members of the Corporate Governance Review Panel and the governance team may record this review’s outcome.',
      )
      .waitFor();
    expect(await dylan.getByRole('button', { name: 'Record outcome' }).count()).toBe(0);
    expect(await seriousViolations(dylan)).toEqual([]);
    await screenshot(dylan, 'review-officer-no-panel-en');
    expect((await merge(rig, 'Reviews', other[0]!.Id, 'dylan', { Outcome: 'Continue' })).status).toBe(403);
    await dylanCtx.close();

    // The governance team may still correct the decided review.
    expect(
      (await merge(rig, 'Reviews', review.id, 'huw', { DecisionNote: 'Corrected by the governance team.' })).status,
    ).toBe(204);

    // The panel member's review page in Welsh: the panel by its Welsh name, and axe passes.
    await opened.getByRole('button', { name: 'Cymraeg' }).click();
    await opened.goto(`/#/review/${other[0]!.ReviewKey}`);
    await settled(opened);
    await opened
      .getByText(/Panel Adolygu Llywodraethu Corfforaethol/)
      .first()
      .waitFor();
    expect(await seriousViolations(opened)).toEqual([]);
    await screenshot(opened, 'review-panel-cy');
    await panelCtx.close();
  });
});
