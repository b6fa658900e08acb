import { recordOutcome } from '../../../src/domain/reviews';
import { reviewItemAccess } from '../../../src/domain/policy';
import type { Action, Review } from '../../../src/domain/entities';
import type { Repositories } from '../../../src/data/repositories';
import { createServices } from '../../../src/ui/app/services';
import { startStack } from '../notify/stack';
import { countItems, reposAs, startServer, unique, type ListServer } from './helpers';

/** Reviews and actions through PnPjs against the embedded SharePoint-compatible server (demo site). */
let server: ListServer;
let officer: Repositories;
let panel: Repositories;
let governance: Repositories;
let dylan: Repositories;

beforeAll(async () => {
  server = await startServer({ demo: true, today: '2026-03-02' });
  officer = reposAs(server, 'officer');
  panel = reposAs(server, 'panel');
  governance = reposAs(server, 'governance');
  dylan = reposAs(server, 'dylan');
});
afterAll(async () => {
  await server.close();
});

const rhys = { id: 7, displayName: 'Rhys Davies' };
const llyr = { id: 10, displayName: 'Llŷr Evans' };

async function anOpenReview(): Promise<Review & { id: number; etag: string }> {
  const collab = await officer.collaborations.get(1);
  if (!collab.ok) throw new Error(collab.error.code);
  // Scheduled as the tab and the reminder job schedule: by the governance team, with the review's
  // own permissions (its panel's members contribute to it).
  const review: Review = {
    key: unique('REV'),
    collaborationId: collab.value.id,
    title: `${collab.value.reference} Governance arrangements check`,
    kind: 'governanceCheck',
    dueDate: '2026-03-10',
    panel: 'panel-cgrp',
    attendees: [],
  };
  const created = await governance.reviews.create(review);
  if (!created.ok) throw new Error(created.error.code);
  const secured = await governance.reviews.secure(created.value.id, reviewItemAccess(review));
  if (!secured.ok) throw new Error(secured.error.code);
  const again = await officer.reviews.get(created.value.id);
  if (!again.ok) throw new Error(again.error.code);
  return again.value;
}

describe('reviews', () => {
  it('reads a review by its key, and notFound for a key that is not there', async () => {
    const review = await anOpenReview();
    const byKey = await officer.reviews.getByKey(review.key);
    expect(byKey.ok && byKey.value).toMatchObject({ id: review.id, kind: 'governanceCheck', attendees: [] });
    const missing = await officer.reviews.getByKey("REV-O'Brien-none");
    expect(!missing.ok && missing.error.code).toBe('notFound');
  });

  it('records an outcome with the ETag: frozen with its snapshot, attendees and note', async () => {
    const review = await anOpenReview();
    const collab = await officer.collaborations.get(review.collaborationId);
    if (!collab.ok) throw new Error(collab.error.code);
    const result = recordOutcome({
      review,
      collaboration: collab.value,
      outcome: 'continueWithActions',
      heldOn: '2026-03-02',
      decisionNote: 'Continue; strengthen scrutiny — ŵ ŷ â.',
      attendees: [rhys, llyr],
      newActions: [{ key: unique('ACT'), title: 'Report to scrutiny', owner: rhys, dueDate: '2026-06-30' }],
      nextReviewKey: unique('REV'),
      nextReviewTitle: 'next',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const saved = await panel.reviews.update({ ...result.value.review, id: review.id, etag: review.etag });
    expect(saved.ok).toBe(true);
    const back = await officer.reviews.get(review.id);
    expect(back.ok && back.value).toMatchObject({
      outcome: 'continueWithActions',
      heldOn: '2026-03-02',
      decisionNote: 'Continue; strengthen scrutiny — ŵ ŷ â.',
      attendees: [expect.objectContaining({ id: 7 }), expect.objectContaining({ id: 10 })],
    });
    expect(back.ok && JSON.parse(back.value.snapshot ?? '{}')).toMatchObject({
      version: 1,
      record: { reference: collab.value.reference },
    });
  });

  it('a second person recording on the same version meets a conflict carrying both versions', async () => {
    const review = await anOpenReview();
    const first = await panel.reviews.update({
      ...review,
      outcome: 'continue',
      decisionNote: 'Sound.',
      heldOn: '2026-03-02',
    });
    expect(first.ok).toBe(true);
    const second = await governance.reviews.update({
      ...review,
      outcome: 'withdraw',
      decisionNote: 'Withdraw.',
      heldOn: '2026-03-02',
    });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('conflict');
    expect(second.error.theirs).toMatchObject({ outcome: 'continue', decisionNote: 'Sound.' });
    expect(second.error.mine).toMatchObject({ outcome: 'withdraw', decisionNote: 'Withdraw.' });
    const stored = await officer.reviews.get(review.id);
    expect(stored.ok && stored.value.outcome).toBe('continue');
  });

  it('keeps the channel conversation link', async () => {
    const review = await anOpenReview();
    const url = `${server.url}/_dev/inbox?channel=cgrp#message-1`;
    const saved = await panel.reviews.update({ ...review, conversationUrl: url });
    expect(saved.ok && saved.value.conversationUrl).toBe(url);
    const back = await officer.reviews.get(review.id);
    expect(back.ok && back.value.conversationUrl).toBe(url);
  });
});

describe('actions', () => {
  const anAction = (overrides: Partial<Action> = {}): Action => ({
    key: unique('ACT'),
    title: 'Refresh the partnership list',
    scope: 'programme',
    owner: llyr,
    startDate: '2026-04-01',
    dueDate: '2026-07-31',
    progress: 0,
    ...overrides,
  });

  it('creates several in one batch, and a batch sent twice writes each once', async () => {
    const before = await countItems(server, 'Actions');
    const batch = [anAction({ title: 'One' }), anAction({ title: 'Two' }), anAction({ title: 'Three' })];
    const created = await officer.actions.createMany(batch);
    expect(created.map((r) => r.ok)).toEqual([true, true, true]);
    const again = await officer.actions.createMany(batch);
    expect(again.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await countItems(server, 'Actions')).toBe(before + 3);
  });

  it('forOwner returns the person’s actions, and forReview those of a review', async () => {
    const review = await anOpenReview();
    const mine = anAction({
      owner: { id: 11, displayName: 'Angharad Price' },
      scope: 'review',
      reviewId: review.id,
      collaborationId: review.collaborationId,
    });
    const created = await officer.actions.create(mine);
    expect(created.ok).toBe(true);
    const owned = await officer.actions.forOwner(11);
    expect(owned.ok && owned.value.map((a) => a.key)).toContain(mine.key);
    expect(owned.ok && owned.value.every((a) => a.owner?.id === 11)).toBe(true);
    const ofReview = await officer.actions.forReview(review.id);
    expect(ofReview.ok && ofReview.value.map((a) => a.key)).toEqual([mine.key]);
  });

  it('forPlan returns actions that touch the plan year, not those wholly before it', async () => {
    const inside = anAction({ startDate: '2026-08-01', dueDate: '2026-10-31' });
    const before = anAction({ startDate: '2025-01-01', dueDate: '2025-03-31' });
    const after = anAction({ startDate: '2027-09-01', dueDate: '2027-10-31' });
    for (const a of [inside, before, after]) expect((await officer.actions.create(a)).ok).toBe(true);
    const r = await officer.actions.forPlan('2026-07-01', '2027-06-30');
    const keys = r.ok ? r.value.map((a) => a.key) : [];
    expect(keys).toContain(inside.key);
    expect(keys).not.toContain(before.key);
    expect(keys).not.toContain(after.key);
  });

  it('refuses an owner who is not a site user, and writes nothing', async () => {
    const before = await countItems(server, 'Actions');
    const stranger = anAction({ owner: { id: 9999, displayName: 'Nobody Here' } });
    const r = await officer.actions.create(stranger);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid', field: 'owner' });
    const batch = await officer.actions.createMany([anAction(), stranger]);
    expect(batch.every((x) => !x.ok)).toBe(true);
    expect(await countItems(server, 'Actions')).toBe(before);
  });

  it('an update with a stale ETag is a conflict with both versions', async () => {
    const created = await officer.actions.create(anAction());
    if (!created.ok) throw new Error(created.error.code);
    const first = await dylan.actions.update({ ...created.value, progress: 40, progressNote: 'Theirs' });
    expect(first.ok).toBe(true);
    const second = await officer.actions.update({ ...created.value, progress: 60, progressNote: 'Mine' });
    expect(!second.ok && second.error.code).toBe('conflict');
    if (second.ok) return;
    expect(second.error.theirs).toMatchObject({ progress: 40, progressNote: 'Theirs' });
    expect(second.error.mine).toMatchObject({ progress: 60, progressNote: 'Mine' });
  });

  it('deletes with the ETag: a stale one is a conflict with theirs, a panel member is refused, a repeat is success', async () => {
    const created = await officer.actions.create(anAction());
    if (!created.ok) throw new Error(created.error.code);
    const changed = await dylan.actions.update({ ...created.value, title: 'Renamed meanwhile' });
    if (!changed.ok) throw new Error(changed.error.code);
    const stale = await officer.actions.delete(created.value.id, created.value.etag);
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect(!stale.ok && stale.error.theirs).toMatchObject({ id: created.value.id, title: 'Renamed meanwhile' });
    const refused = await panel.actions.delete(changed.value.id, changed.value.etag);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect((await officer.actions.delete(changed.value.id, changed.value.etag)).ok).toBe(true);
    const gone = await officer.actions.forOwner(llyr.id);
    expect(gone.ok && gone.value.some((a) => a.id === created.value.id)).toBe(false);
    expect((await officer.actions.delete(changed.value.id, changed.value.etag)).ok).toBe(true);
  });
});

describe('posting a review to the panel channel (the tab’s channels service, dev inbox)', () => {
  // The same list API and dev inbox `npm start` serves, over one file.
  let stack: Awaited<ReturnType<typeof startStack>>;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  const services = (user: string) =>
    createServices({
      config: { siteUrl: stack.siteUrl, dev: true, clientId: '', tenantId: '' },
      devUser: user,
      tabUrl: `${stack.origin}/index.html`,
      retries: 1,
      retryBaseMs: 1,
    });

  async function reviewOf(reference: string, panelName: string | undefined) {
    const s = services('governance').stores;
    const c = await s.collaborations.getByReference(reference);
    if (!c.ok) throw new Error(c.error.code);
    const r = await s.reviews.create({
      key: unique('REV'),
      collaborationId: c.value.id,
      title: `${reference} Annual review`,
      kind: 'annualReview',
      dueDate: '2026-12-20',
      ...(panelName ? { panel: panelName } : {}),
      attendees: [],
    });
    if (!r.ok) throw new Error(r.error.code);
    // Its panel's members contribute to it (the panel's key, whether the review holds the key or the name).
    const secured = await s.reviews.secure(r.value.id, reviewItemAccess({ panel: 'panel-cgrp' }));
    if (!secured.ok) throw new Error(secured.error.code);
    return { review: r.value, collaboration: c.value };
  }

  it('posts the card to the panel’s channel with Open on the record, and keeps the link on the review', async () => {
    const { review, collaboration } = await reviewOf('COL-0002', 'panel-cgrp');
    // A member of the review's panel posts it (the review's own permissions let them keep the link on it).
    const posted = await services('panel').channels.postPanelReview({ review, collaboration });
    expect(posted.ok).toBe(true);
    if (!posted.ok) return;
    expect(posted.messageUrl).toMatch(new RegExp(`^${stack.origin}/_dev/inbox\\?channel=cgrp#message-\\d+$`));
    const messages = await stack.inboxMessages('cgrp');
    const card = JSON.stringify(messages.at(-1)?.card);
    expect(card).toContain(collaboration.reference);
    // Open on the card leads to the review itself.
    expect(card).toContain(`${stack.origin}/index.html#/review/${review.key}`);
    const stored = await services('governance').stores.reviews.get(review.id);
    expect(stored.ok && stored.value.conversationUrl).toBe(posted.messageUrl);
  });

  it('keeps the link on the version now stored when someone else saved the review meanwhile', async () => {
    // A review made before panels had keys holds the panel's name: it is still posted to the panel.
    const { review, collaboration } = await reviewOf('COL-0003', 'Corporate Governance Review Panel');
    const other = await services('panel').stores.reviews.update({
      ...review,
      attendees: [{ id: 8, displayName: 'Eleri Morgan' }],
    });
    expect(other.ok).toBe(true);
    const posted = await services('governance').channels.postPanelReview({ review, collaboration });
    expect(posted.ok).toBe(true);
    const stored = await services('governance').stores.reviews.get(review.id);
    expect(stored.ok && stored.value.attendees.map((a) => a.id)).toEqual([8]);
    expect(stored.ok && stored.value.conversationUrl).toBe(posted.ok ? posted.messageUrl : 'none');
  });

  it('refuses to post when no channel is mapped to the panel, and posts nothing', async () => {
    const { review, collaboration } = await reviewOf('COL-0004', 'A panel nobody mapped');
    const before = (await stack.inboxMessages()).length;
    const posted = await services('officer').channels.postPanelReview({
      review,
      collaboration: { ...collaboration, panel: undefined },
    });
    expect(posted).toEqual({ ok: false, code: 'noChannel' });
    expect((await stack.inboxMessages()).length).toBe(before);
  });
});
