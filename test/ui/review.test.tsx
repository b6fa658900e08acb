/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunningListServer } from '../../src/local/server';
import { collaboration } from '../integration/data/fixtures';
import { renderTab, servicesFor, settle, startServer } from './helpers';
import { reviewItemAccess } from '../../src/domain/policy';

let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());
afterEach(cleanup);

let n = 0;
/** A fresh collaboration (no actions) with one open review, made as the governance officer. */
async function anOpenReview(panel = 'panel-cgrp') {
  const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const ref = await stores.collaborations.nextReference();
  if (!ref.ok) throw new Error(ref.error.code);
  const c = await stores.collaborations.create(collaboration(ref.value, { panel, title: `Review test ${(n += 1)}` }));
  if (!c.ok) throw new Error(c.error.code);
  const r = await stores.reviews.create({
    key: `REV-UI-${Date.now().toString(36)}-${n}`,
    collaborationId: c.value.id,
    title: `${ref.value} Governance arrangements check`,
    kind: 'governanceCheck',
    dueDate: '2026-03-10',
    panel,
    attendees: [],
  });
  if (!r.ok) throw new Error(r.error.code);
  // As the tab and the reminder job schedule it: its panel's members contribute to it.
  const secured = await stores.reviews.secure(r.value.id, reviewItemAccess({ panel: 'panel-cgrp' }));
  if (!secured.ok) throw new Error(secured.error.code);
  return { review: await storedReview(r.value.id), collaboration: c.value };
}

async function storedReview(id: number) {
  const r = await servicesFor(server.siteUrl, { devUser: 'governance' }).stores.reviews.get(id);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** The review page as `devUser` (the governance officer unless said: they may record and apply). */
async function openReview(key: string, devUser = 'governance') {
  renderTab(server.siteUrl, { hash: `#/review/${key}`, devUser });
  return screen.findByRole('heading', { name: 'Record the outcome' }, { timeout: 10_000 });
}

describe('a review', () => {
  it('refuses an outcome without a decision note, and saves nothing', async () => {
    const user = userEvent.setup();
    const { review } = await anOpenReview();
    await openReview(review.key);
    await user.click(screen.getByRole('radio', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(await screen.findByText('Nothing was saved')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Decision note/ })).toHaveAccessibleDescription(
      'Write the decision note: what the panel decided and why.',
    );
    const stored = await storedReview(review.id);
    expect(stored.etag).toBe(review.etag);
    expect(stored.outcome).toBeUndefined();
  });

  it('continue with actions asks for actions, refuses one due before it starts, then records and freezes', async () => {
    const user = userEvent.setup();
    const { review, collaboration: c } = await anOpenReview();
    await openReview(review.key);
    await user.click(screen.getByRole('radio', { name: 'Continue with actions' }));
    await user.click(screen.getByRole('textbox', { name: /^Decision note/ }));
    await user.paste('Continue; report to scrutiny twice a year.');
    expect(screen.getByText(/This outcome asks for an action plan/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(await screen.findAllByText('This outcome needs an action plan: add at least one action.')).not.toHaveLength(
      0,
    );
    expect((await storedReview(review.id)).outcome).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    const action = screen.getByRole('group', { name: 'Action 1' });
    await user.click(within(action).getByRole('textbox', { name: /^Action/ }));
    await user.paste('Report to the scrutiny committee');
    const owner = within(action).getByRole('combobox', { name: /^Owner/ });
    await user.click(owner);
    await user.paste('Rhys');
    await user.click(await screen.findByRole('option', { name: /^Rhys Davies \(/ }, { timeout: 5000 }));
    await user.type(within(action).getByLabelText(/^Start/), '2026-06-01');
    await user.type(within(action).getByLabelText(/^Due/), '2026-05-01');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(await within(action).findByText('The end date must be on or after the start date.')).toBeInTheDocument();
    expect((await storedReview(review.id)).outcome).toBeUndefined();

    await user.clear(within(action).getByLabelText(/^Due/));
    await user.type(within(action).getByLabelText(/^Due/), '2026-09-30');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(
      await screen.findByText('Outcome recorded. The review is now frozen.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'What the panel saw' })).toBeInTheDocument();
    expect(screen.getByTestId('frozen-outcome')).toHaveTextContent('Continue with actions');
    expect(screen.queryByRole('button', { name: 'Record outcome' })).not.toBeInTheDocument();
    await settle();

    const services = servicesFor(server.siteUrl, { devUser: 'governance' });
    const stored = await storedReview(review.id);
    expect(stored).toMatchObject({ outcome: 'continueWithActions', heldOn: '2026-03-02' });
    const actions = await services.stores.actions.forReview(review.id);
    expect(actions.ok && actions.value.map((a) => [a.title, a.owner?.id, a.dueDate])).toEqual([
      ['Report to the scrutiny committee', 7, '2026-09-30'],
    ]);
    const record = await services.stores.collaborations.get(c.id);
    expect(record.ok && record.value).toMatchObject({
      status: 'active',
      lastReviewDate: '2026-03-02',
      nextReviewDue: '2027-03-02',
    });
    const reviews = await services.stores.reviews.forCollaboration(c.id);
    expect(reviews.ok && reviews.value.map((r) => [r.dueDate, r.outcome])).toEqual([
      ['2026-03-10', 'continueWithActions'],
      ['2027-03-02', undefined],
    ]);
  });

  it('a second person recording an outcome meets the conflict dialog, and the note typed is kept', async () => {
    const user = userEvent.setup();
    const { review } = await anOpenReview();
    await openReview(review.key);
    await user.click(screen.getByRole('radio', { name: 'Withdraw' }));
    await user.click(screen.getByRole('textbox', { name: /^Decision note/ }));
    await user.paste('Withdraw at the end of the year.');
    await user.click(screen.getByRole('textbox', { name: /^Exit plan/ }));
    await user.paste('Six months notice.');

    const other = servicesFor(server.siteUrl, { devUser: 'panel' }).stores.reviews;
    const theirs = {
      ...review,
      outcome: 'continue' as const,
      decisionNote: 'The panel agreed to continue.',
      heldOn: '2026-03-01',
    };
    expect((await other.update(theirs)).ok).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    const dialog = await screen.findByRole(
      'alertdialog',
      { name: 'Someone else saved this review first' },
      { timeout: 5_000 },
    );
    expect(within(dialog).getByTestId('theirs-outcome')).toHaveTextContent('Continue');
    expect(within(dialog).getByTestId('mine-outcome')).toHaveTextContent('Withdraw');
    expect(within(dialog).getByTestId('theirs-decisionNote')).toHaveTextContent('The panel agreed to continue.');
    expect(within(dialog).getByTestId('mine-decisionNote')).toHaveTextContent('Withdraw at the end of the year.');
    expect(within(dialog).queryByRole('button', { name: 'Save mine on their version' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Use theirs' }));

    expect(await screen.findByTestId('frozen-outcome', {}, { timeout: 10_000 })).toHaveTextContent('Continue');
    expect(screen.getByTestId('unrecorded-note')).toHaveTextContent('Withdraw at the end of the year.');
    await settle();
    expect((await storedReview(review.id)).decisionNote).toBe('The panel agreed to continue.');
  });

  it('withdraw asks for an exit plan, then starts withdrawing with no next review, keeping the record', async () => {
    const user = userEvent.setup();
    const { review, collaboration: c } = await anOpenReview();
    await openReview(review.key);
    await user.click(screen.getByRole('radio', { name: 'Withdraw' }));
    await user.click(screen.getByRole('textbox', { name: /^Decision note/ }));
    await user.paste('The arrangement no longer adds value.');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(screen.getByRole('textbox', { name: /^Exit plan/ })).toHaveAccessibleDescription(
      expect.stringContaining('Write an exit note: why it is closing, or the exit plan.'),
    );
    expect((await storedReview(review.id)).outcome).toBeUndefined();
    await user.click(screen.getByRole('textbox', { name: /^Exit plan/ }));
    await user.paste('Give six months notice; transfer the records to Tŷ Penallta.');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(
      await screen.findByText('Outcome recorded. The review is now frozen.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await settle();
    const services = servicesFor(server.siteUrl, { devUser: 'governance' });
    const record = await services.stores.collaborations.get(c.id);
    expect(record.ok && record.value).toMatchObject({
      status: 'withdrawing',
      exitNote: 'Give six months notice; transfer the records to Tŷ Penallta.',
      lastReviewDate: '2026-03-02',
    });
    expect(record.ok && record.value.nextReviewDue).toBeUndefined();
    const reviews = await services.stores.reviews.forCollaboration(c.id);
    expect(reviews.ok && reviews.value).toHaveLength(1);
    const versions = await services.stores.collaborations.versions(c.id);
    expect(versions.ok && versions.value.length).toBeGreaterThan(1);
  });

  it('names the assessment considered by its title, in Welsh with the record’s Welsh name', async () => {
    const stores = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
    const { review, collaboration: c } = await anOpenReview();
    const renamed = await stores.collaborations.update({ ...c, titleCy: 'Prawf adolygu Cymraeg' });
    if (!renamed.ok) throw new Error(renamed.error.code);
    const a = await stores.assessments.create({
      key: `ASM-UI-REV-${Date.now().toString(36)}`,
      collaborationId: c.id,
      templateKey: 'wlga-principles',
      templateVersion: 1,
      status: 'submitted',
      submittedOn: '2026-02-01',
      answers: {},
    });
    if (!a.ok) throw new Error(a.error.code);
    const withIt = await stores.reviews.update({ ...review, assessmentId: a.value.id });
    if (!withIt.ok) throw new Error(withIt.error.code);

    renderTab(server.siteUrl, { hash: `#/review/${review.key}`, devUser: 'governance', locale: 'cy-GB' });
    const considered = await screen.findByRole('combobox', { name: 'Asesiad a ystyriwyd' }, { timeout: 10_000 });
    expect((considered as HTMLInputElement).value).toBe(
      'Egwyddorion Cydweithio CLlLC f1, cyflwynwyd 1 Chwefror 2026, sgôr –',
    );
    expect(screen.getByRole('link', { name: new RegExp('Prawf adolygu Cymraeg') })).toBeInTheDocument();
    cleanup();

    renderTab(server.siteUrl, { hash: `#/review/${review.key}`, devUser: 'governance' });
    const inEnglish = await screen.findByRole('combobox', { name: 'Assessment considered' }, { timeout: 10_000 });
    expect((inEnglish as HTMLInputElement).value).toBe(
      'WLGA Collaboration Principles v1, submitted 1 February 2026, rating –',
    );
  });

  it('says so when no channel is mapped to the panel', async () => {
    const user = userEvent.setup();
    const { review } = await anOpenReview('A panel with no channel');
    await openReview(review.key);
    await user.click(screen.getByRole('button', { name: 'Post to panel channel' }));
    expect(await screen.findByText(/No channel is mapped to this panel/)).toBeInTheDocument();
    expect((await storedReview(review.id)).conversationUrl).toBeUndefined();
  });

  it('the record’s Reviews tab lists reviews with where they stand, and schedules one', async () => {
    const user = userEvent.setup();
    const { collaboration: c } = await anOpenReview();
    renderTab(server.siteUrl, { hash: `#/collaboration/${c.reference}?tab=reviews`, devUser: 'governance' });
    const table = await screen.findByRole('table', { name: `Reviews of ${c.reference}` }, { timeout: 10_000 });
    expect(
      within(table).getByRole('link', { name: `${c.reference} Governance arrangements check` }),
    ).toBeInTheDocument();
    expect(within(table).getByText('Due soon')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Schedule a review' }));
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(
      await screen.findByRole(
        'heading',
        { name: `${c.reference} Governance arrangements check`, level: 1 },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/review\/REV-/));
  });

  it('a member of the review’s panel records the outcome; what follows waits for the governance team', async () => {
    const user = userEvent.setup();
    const { review, collaboration: c } = await anOpenReview();
    await openReview(review.key, 'panel');
    await user.click(screen.getByRole('radio', { name: 'Continue' }));
    await user.click(screen.getByRole('textbox', { name: /^Decision note/ }));
    await user.paste('Sound arrangements.');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(
      await screen.findByText(
        /Outcome recorded\. The review is now frozen\. The record’s dates/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    await settle();
    const stored = await storedReview(review.id);
    expect(stored).toMatchObject({ outcome: 'continue' });
    expect(stored.appliedOn).toBeUndefined();
    const record = await servicesFor(server.siteUrl, { devUser: 'governance' }).stores.collaborations.get(c.id);
    expect(record.ok && record.value.lastReviewDate).toBeUndefined();
    cleanup();
    // The governance officer opens it: the rest is applied at once.
    renderTab(server.siteUrl, { hash: `#/review/${review.key}`, devUser: 'governance' });
    expect(
      await screen.findByText('Outcome recorded. The review is now frozen.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await settle();
    expect((await storedReview(review.id)).appliedOn).toBeDefined();
    const moved = await servicesFor(server.siteUrl, { devUser: 'governance' }).stores.collaborations.get(c.id);
    expect(moved.ok && moved.value.lastReviewDate).toBe('2026-03-02');
  });

  it('offers an officer who sits on no panel no outcome form, and says who may record it', async () => {
    const { review } = await anOpenReview();
    renderTab(server.siteUrl, { hash: `#/review/${review.key}`, devUser: 'dylan' });
    expect(
      await screen.findByText(
        'Only members of the Corporate Governance Review Panel and the governance team may record this review’s outcome.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Record the outcome' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record outcome' })).not.toBeInTheDocument();
  });

  it('offers an officer the reviews to read but no "Schedule" (the governance team schedules reviews)', async () => {
    const { collaboration: c } = await anOpenReview();
    renderTab(server.siteUrl, { hash: `#/collaboration/${c.reference}?tab=reviews`, devUser: 'officer' });
    await screen.findByRole('table', { name: `Reviews of ${c.reference}` }, { timeout: 10_000 });
    await settle();
    expect(screen.queryByRole('button', { name: 'Schedule a review' })).not.toBeInTheDocument();
  });
});
