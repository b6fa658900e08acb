import { recordReviewOutcome } from '../../../src/app/recordReviewOutcome';
import { saveCollaboration } from '../../../src/app/saveCollaboration';
import type { Repositories } from '../../../src/data/repositories';
import { PeopleRepository } from '../../../src/data/repositories/people';
import { annualSummary, DEFAULT_GOVERNANCE_POLICY, financialYear, type Person, type Review } from '../../../src/domain';
import { collaboration } from './fixtures';
import { reposAs, spAs, startServer, type ListServer } from './helpers';

/**
 * The Record History and Governance Policies lists through PnPjs against the embedded
 * server: an officer's edit and a panel's outcome each write the change once (a retry is
 * the same entry), the annual summary counts the withdrawal from the history once, and a
 * policy version is published once.
 */
let server: ListServer;
let gov: Repositories;
const sian: Person = { id: 6, displayName: 'Siân Powell' };

beforeAll(async () => {
  server = await startServer();
  gov = reposAs(server, 'governance');
});
afterAll(async () => {
  await server.close();
});

it("an edit's change of status is written once, dated and named, and a repeat of the same write adds nothing", async () => {
  const created = await gov.collaborations.create(collaboration('COL-7101'));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const moved = await saveCollaboration(
    gov,
    created.value,
    { ...created.value, status: 'reforming' },
    { today: '2026-05-04', by: sian },
  );
  if (!moved.ok) throw new Error(JSON.stringify(moved.error));
  const again = await gov.history.record([
    {
      key: `HIS-${created.value.id}-status-edit-x`,
      collaborationId: created.value.id,
      aspect: 'status',
      to: 'reforming',
      source: 'edit',
    },
  ]);
  expect(again.ok).toBe(true);
  const history = await gov.history.forCollaboration(created.value.id);
  if (!history.ok) throw new Error(JSON.stringify(history.error));
  const status = history.value.filter((h) => h.aspect === 'status' && h.source === 'edit' && h.on !== undefined);
  expect(status.map((h) => [h.from, h.to, h.on, h.by?.displayName])).toEqual([
    ['active', 'reforming', '2026-05-04', 'Siân Powell'],
  ]);
  // Recording the same entries again (a retried save) leaves one.
  const first = status[0]!;
  const { id: _id, etag: _etag, modified: _modified, ...plain } = first;
  expect((await gov.history.record([plain])).ok).toBe(true);
  const after = await gov.history.forCollaboration(created.value.id);
  expect(after.ok && after.value.filter((h) => h.key === first.key)).toHaveLength(1);
});

it("a panel's withdraw outcome with limited assurance writes both changes once, and the year counts it once", async () => {
  const created = await gov.collaborations.create(
    collaboration('COL-7102', { exitNote: 'Notice to partners by March.' }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const review: Review = {
    key: 'REV-7102',
    collaborationId: created.value.id,
    title: 'COL-7102 Annual review',
    kind: 'annualReview',
    dueDate: '2026-05-01',
    attendees: [],
  };
  const stored = await gov.reviews.create(review);
  if (!stored.ok) throw new Error(JSON.stringify(stored.error));
  const input = {
    review: stored.value,
    collaboration: created.value,
    actions: [],
    today: '2026-05-20',
    outcome: 'withdraw' as const,
    heldOn: '2026-05-12',
    decisionNote: 'The board no longer meets its purpose.',
    exitNote: '',
    newActions: [],
    nextReviewKey: 'REV-7102-next',
    nextReviewTitle: 'COL-7102 Annual review',
    apply: true,
    assurance: { level: 'limited' as const, reason: 'No signed agreement; no risk register.' },
    policy: DEFAULT_GOVERNANCE_POLICY,
  };
  const r = await recordReviewOutcome({ ...gov, people: new PeopleRepository(spAs(server, 'governance')) }, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const record = await gov.collaborations.get(created.value.id);
  expect(record.ok && [record.value.status, record.value.assuranceLevel, record.value.assuranceDate]).toEqual([
    'withdrawing',
    'limited',
    '2026-05-12',
  ]);
  const history = await gov.history.forCollaboration(created.value.id);
  if (!history.ok) throw new Error(JSON.stringify(history.error));
  expect(history.value.map((h) => [h.aspect, h.from, h.to, h.on, h.source, h.sourceKey])).toEqual([
    ['status', 'active', 'withdrawing', '2026-05-12', 'review', 'REV-7102'],
    ['assurance', undefined, 'limited', '2026-05-12', 'review', 'REV-7102'],
    // The fixture was stored without its tier (straight to the list): the outcome's save worked it out.
    ['significance', undefined, 'low', '2026-05-12', 'review', 'REV-7102'],
  ]);

  const [records, reviews, all] = await Promise.all([
    gov.collaborations.all({}),
    gov.reviews.heldBetween('2026-04-01', '2027-03-31'),
    gov.history.all(),
  ]);
  if (!records.ok || !reviews.ok || !all.ok) throw new Error('read');
  const year = annualSummary({
    records: records.value,
    reviews: reviews.value,
    actions: [],
    history: all.value,
    period: financialYear(2026),
    today: '2026-05-20',
  });
  expect(
    year.ok && year.value.withdrawn.filter((w) => w.reference === 'COL-7102').map((w) => [w.on, w.source]),
  ).toEqual([['2026-05-12', 'outcome']]);
});

it('a policy version is published once: the same version a second time is theirs, as a duplicate', async () => {
  const v1 = {
    ...DEFAULT_GOVERNANCE_POLICY,
    version: 1,
    publishedOn: '2026-06-01' as const,
    note: 'Lower the high tier.',
  };
  const published = await gov.policies.publish(v1);
  expect(published.ok).toBe(true);
  const again = await gov.policies.publish({ ...v1, note: 'Someone else' });
  expect(again.ok ? 'published twice' : again.error.code).toBe('duplicate');
  const versions = await gov.policies.published();
  expect(versions.ok && versions.value.map((p) => [p.version, p.note, p.assuranceCadence.limited])).toEqual([
    [1, 'Lower the high tier.', 6],
  ]);
});
