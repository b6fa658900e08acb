import {
  applyDecidedReview,
  awaitsApplying,
  finishOutcome,
  recordReviewOutcome,
  type RecordOutcomeInput,
  type RecordOutcomePorts,
} from '../../../src/app/recordReviewOutcome';
import type { Collaboration, Person } from '../../../src/domain/collaboration';
import type { Action, Review } from '../../../src/domain/entities';
import type { PeopleDirectory, Stored } from '../../../src/domain/ports';
import { parseSnapshot } from '../../../src/domain/reviews';
import { aCollaboration } from '../domain/fixtures';
import { FakeList } from './fakes';
import type { ItemAccess } from '../../../src/domain/policy';

const OWNER: Person = { id: 7, displayName: 'Rhian Evans', email: 'rhian@example.gov.uk' };

function world() {
  const collaborations = new FakeList<Collaboration>((c) => c.reference);
  const reviews = new FakeList<Review>();
  const actions = new FakeList<Action>();
  const searches: string[] = [];
  const people: PeopleDirectory = {
    search: (text) => {
      searches.push(text);
      return Promise.resolve({ ok: true, value: text.includes('rhian') || text === 'Rhian Evans' ? [OWNER] : [] });
    },
  };
  const record = collaborations.seed(
    aCollaboration({ status: 'active', reviewFrequency: 'annual', nextReviewDue: '2026-12-01', panel: 'CGRP' }),
  );
  const review = reviews.seed({
    key: 'REV-1',
    collaborationId: record.id,
    title: 'COL-0042 Annual review 2026',
    kind: 'annualReview',
    dueDate: '2026-12-01',
    panel: 'CGRP',
    attendees: [],
  });
  const secured: string[] = [];
  const reviewStore = Object.assign(reviews, {
    secure: (id: number, access: ItemAccess) => {
      secured.push(
        `${id}:${access.panelMembers ? `${access.panelMembers.panel} ${access.panelMembers.access}` : 'read-only'}`,
      );
      return Promise.resolve({ ok: true as const, value: undefined });
    },
  });
  const ports: RecordOutcomePorts = { collaborations, reviews: reviewStore, actions, people };
  const input = (overrides: Partial<RecordOutcomeInput> = {}): RecordOutcomeInput => ({
    review: reviews.items.get(review.id) as Stored<Review>,
    collaboration: collaborations.items.get(record.id) as Stored<Collaboration>,
    actions: [],
    today: '2026-12-02',
    outcome: 'continueWithActions',
    heldOn: '2026-12-02',
    decisionNote: 'Continue; the exit clause needs rewriting.',
    exitNote: '',
    newActions: [{ key: 'ACT-9', title: '  Rewrite the exit clause  ', owner: OWNER, dueDate: '2027-03-31' }],
    nextReviewKey: 'REV-2',
    nextReviewTitle: 'COL-0042 Annual review 2027',
    apply: true,
    ...overrides,
  });
  const allWrites = () => [
    ...reviews.writes.map((w) => `reviews.${w}`),
    ...collaborations.writes.map((w) => `collaborations.${w}`),
    ...actions.writes.map((w) => `actions.${w}`),
  ];
  return { collaborations, reviews, actions, ports, input, record, review, searches, allWrites, secured };
}

describe('recordReviewOutcome', () => {
  it('freezes the review first, then moves the record, creates the actions and schedules the next review', async () => {
    const w = world();
    const order: string[] = [];
    const r = await recordReviewOutcome(
      w.ports,
      w.input({ onSaving: () => order.push('saving'), onFrozen: (f) => order.push(`frozen:${f.outcome}`) }),
    );
    expect(r.ok).toBe(true);
    expect(order).toEqual(['saving', 'frozen:continueWithActions']);

    const frozen = w.reviews.items.get(w.review.id);
    expect(frozen).toMatchObject({ outcome: 'continueWithActions', heldOn: '2026-12-02' });
    expect(parseSnapshot(frozen?.snapshot)?.record.title).toBe('Gwent Joint Archives Service');
    expect(w.collaborations.items.get(w.record.id)).toMatchObject({
      status: 'active',
      lastReviewDate: '2026-12-02',
      nextReviewDue: '2027-12-02',
    });
    expect(w.actions.all()).toEqual([
      expect.objectContaining({
        key: 'ACT-9',
        title: 'Rewrite the exit clause',
        scope: 'review',
        collaborationId: w.record.id,
        reviewId: w.review.id,
        owner: OWNER,
      }),
    ]);
    expect(w.reviews.all().find((x) => x.key === 'REV-2')).toMatchObject({
      dueDate: '2027-12-02',
      title: 'COL-0042 Annual review 2027',
      kind: 'annualReview',
      panel: 'CGRP',
      attendees: [],
    });
    expect(w.reviews.writes[0]).toBe(`update:${w.review.id}`);
  });

  it('refuses what the domain refuses (no decision note) and writes nothing', async () => {
    const w = world();
    const r = await recordReviewOutcome(w.ports, w.input({ decisionNote: '  ' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code === 'invalid' && r.error.errors).toEqual(
      expect.arrayContaining([{ field: 'decisionNote', code: 'decisionNoteRequired' }]),
    );
    expect(w.allWrites()).toEqual([]);
  });

  it('refuses "reform" without any action, new or open, and writes nothing', async () => {
    const w = world();
    const r = await recordReviewOutcome(w.ports, w.input({ outcome: 'reform', newActions: [] }));
    expect(!r.ok && r.error.code === 'invalid' && r.error.errors).toEqual([
      { field: 'actions', code: 'actionsRequired' },
    ]);
    expect(w.allWrites()).toEqual([]);
  });

  it('refuses an owner who is not a site user before anything is written', async () => {
    const w = world();
    const stranger: Person = { id: 99, displayName: 'Somebody Else' };
    const r = await recordReviewOutcome(
      w.ports,
      w.input({
        newActions: [
          { key: 'ACT-1', title: 'One', owner: OWNER, dueDate: '2027-01-31' },
          { key: 'ACT-2', title: 'Two', owner: stranger, dueDate: '2027-01-31' },
        ],
      }),
    );
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid', errors: [{ field: 'actions.1.owner', code: 'ownerNotSiteUser' }] },
    });
    expect(w.searches).toEqual(['rhian@example.gov.uk', 'Somebody Else']);
    expect(w.allWrites()).toEqual([]);
  });

  it('meets a second person’s outcome as a conflict with both versions, writing nothing more', async () => {
    const w = world();
    const stale = w.input();
    w.reviews.touch(w.review.id, { outcome: 'continue', decisionNote: 'Theirs' });
    const r = await recordReviewOutcome(w.ports, stale);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.code !== 'conflict') throw new Error('expected a conflict');
    expect(r.error.theirs.decisionNote).toBe('Theirs');
    expect(r.error.mine.decisionNote).toBe('Continue; the exit clause needs rewriting.');
    expect(w.collaborations.writes).toEqual([]);
    expect(w.actions.all()).toEqual([]);
  });

  it('reports a review that could not be frozen as failed, with nothing else written', async () => {
    const w = world();
    w.reviews.failNext('update', { code: 'forbidden' });
    const r = await recordReviewOutcome(w.ports, w.input());
    expect(r).toEqual({ ok: false, error: { code: 'failed', error: { code: 'forbidden' } } });
    expect(w.collaborations.writes).toEqual([]);
  });

  it('is unfinished when the actions fail after the freeze; finishing writes each thing exactly once', async () => {
    const w = world();
    w.actions.failNext('create', { code: 'throttled' });
    const r = await recordReviewOutcome(w.ports, w.input());
    if (r.ok || r.error.code !== 'unfinished') throw new Error('expected unfinished');
    expect(r.error.error).toEqual({ code: 'throttled' });
    expect(r.error.review.outcome).toBe('continueWithActions');
    expect(w.collaborations.items.get(w.record.id)?.nextReviewDue).toBe('2027-12-02');
    expect(w.reviews.all().some((x) => x.key === 'REV-2')).toBe(false);

    const done = await finishOutcome(w.ports, r.error.pending);
    expect(done.ok).toBe(true);
    // Again, as a person pressing "Finish saving" twice would: still one action, one next review.
    expect((await finishOutcome(w.ports, r.error.pending)).ok).toBe(true);
    expect(w.actions.all().map((a) => a.key)).toEqual(['ACT-9']);
    expect(w.reviews.all().filter((x) => x.key === 'REV-2')).toHaveLength(1);
    expect(w.collaborations.items.get(w.record.id)).toMatchObject({
      status: 'active',
      lastReviewDate: '2026-12-02',
      nextReviewDue: '2027-12-02',
    });
  });

  it('applies the outcome on the record as stored now, keeping someone else’s edit made meanwhile', async () => {
    const w = world();
    const stale = w.input();
    w.collaborations.touch(w.record.id, { serviceArea: 'Their edit' });
    const r = await recordReviewOutcome(w.ports, stale);
    expect(r.ok).toBe(true);
    expect(w.collaborations.items.get(w.record.id)).toMatchObject({
      serviceArea: 'Their edit',
      lastReviewDate: '2026-12-02',
    });
  });

  it('is unfinished with `conflict` when the record changes on every one of three tries', async () => {
    const w = world();
    w.collaborations.failNext('update', { code: 'conflict' }, { code: 'conflict' }, { code: 'conflict' });
    const r = await recordReviewOutcome(w.ports, w.input());
    if (r.ok || r.error.code !== 'unfinished') throw new Error('expected unfinished');
    expect(r.error.error.code).toBe('conflict');
    expect(w.actions.all()).toEqual([]);
    const done = await finishOutcome(w.ports, r.error.pending);
    expect(done.ok).toBe(true);
    expect(w.actions.all()).toHaveLength(1);
  });

  it('withdraw starts withdrawing with the exit plan and schedules no next review', async () => {
    const w = world();
    const r = await recordReviewOutcome(
      w.ports,
      w.input({ outcome: 'withdraw', newActions: [], exitNote: 'Hand the archive back by March.' }),
    );
    expect(r.ok).toBe(true);
    const record = w.collaborations.items.get(w.record.id);
    expect(record).toMatchObject({ status: 'withdrawing', exitNote: 'Hand the archive back by March.' });
    expect(record?.nextReviewDue).toBeUndefined();
    expect(w.reviews.all().map((x) => x.key)).toEqual(['REV-1']);
  });
});

describe('a decision recorded by a panel member, applied later', () => {
  it('writes only the review (with what follows) when the person may not apply it', async () => {
    const w = world();
    const r = await recordReviewOutcome(w.ports, w.input({ apply: false }));
    expect(r.ok && r.value.applied).toBe(false);
    expect(w.allWrites()).toEqual([`reviews.update:${w.review.id}`]);
    const frozen = w.reviews.items.get(w.review.id) as Stored<Review>;
    expect(awaitsApplying(frozen)).toBe(true);
    expect(w.collaborations.items.get(w.record.id)?.lastReviewDate).toBeUndefined();
    expect(w.actions.items.size).toBe(0);
    expect(w.secured).toEqual([]);
  });

  it('is applied whole by someone with the rights, once, however often it is run', async () => {
    const w = world();
    await recordReviewOutcome(w.ports, w.input({ apply: false }));
    const frozen = w.reviews.items.get(w.review.id) as Stored<Review>;
    const first = await applyDecidedReview(w.ports, frozen, [], '2026-12-03');
    expect(first.ok).toBe(true);
    expect(w.collaborations.items.get(w.record.id)).toMatchObject({
      lastReviewDate: '2026-12-02',
      nextReviewDue: '2027-12-02',
    });
    expect([...w.actions.items.values()].map((a) => [a.title, a.reviewId])).toEqual([
      ['Rewrite the exit clause', w.review.id],
    ]);
    const next = [...w.reviews.items.values()].find((x) => x.key === 'REV-2');
    expect(next).toMatchObject({ dueDate: '2027-12-02', panel: 'CGRP' });
    // The next review: its panel contributes; the decided one: read-only but for the governance team.
    expect(w.secured).toEqual([`${next?.id}:CGRP contribute`, `${w.review.id}:read-only`]);
    expect(w.reviews.items.get(w.review.id)?.appliedOn).toBe('2026-12-03');
    const again = await applyDecidedReview(
      w.ports,
      w.reviews.items.get(w.review.id) as Stored<Review>,
      [],
      '2026-12-04',
    );
    expect(again.ok).toBe(true);
    expect(w.actions.items.size).toBe(1);
    expect([...w.reviews.items.values()].filter((x) => x.key === 'REV-2')).toHaveLength(1);
    expect(w.reviews.items.get(w.review.id)?.appliedOn).toBe('2026-12-03');
  });

  it('refuses a review that carries no decision', async () => {
    const w = world();
    const r = await applyDecidedReview(
      w.ports,
      { ...(w.reviews.items.get(w.review.id) as Stored<Review>), outcome: 'continue' },
      [],
    );
    expect(r.ok).toBe(false);
  });
});
