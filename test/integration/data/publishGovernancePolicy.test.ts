import {
  applyGovernancePolicy,
  publishGovernancePolicy,
  type PublishPolicyInput,
  type PublishPolicyPorts,
} from '../../../src/app/publishGovernancePolicy';
import type { Repositories } from '../../../src/data/repositories';
import type { Collaboration, Person } from '../../../src/domain/collaboration';
import { DEFAULT_GOVERNANCE_POLICY, type GovernancePolicy } from '../../../src/domain/governancePolicy';
import { historyKey } from '../../../src/domain/history';
import type { Actor } from '../../../src/domain/policy';
import type { Stored } from '../../../src/domain/ports';
import { significanceOf, DEFAULT_SIGNIFICANCE_WEIGHTS } from '../../../src/domain/significance';
import { collaboration } from './fixtures';
import { countItems, reposAs, startServer, type ListServer } from './helpers';

/**
 * Publishing a governance policy through PnPjs against the embedded server (a site with the
 * lists and no demo data: only the records each test makes). Under the shipped weights (medium
 * from 4, high from 8):
 *   steady   statutory, local, medium risk     4  medium
 *   rising   local decision, local, medium     2  low
 *   top      statutory, all-Wales, high        8  high
 *   climbing statutory, Gwent-wide, high       7  medium
 *   quiet    local decision, local, low        0  low
 * Version 1 lowers the thresholds to medium 2, high 6: `rising` becomes medium and `climbing`
 * high; the rest keep their tiers.
 */
let server: ListServer;
let gov: Repositories;
let other: Repositories;
let officer: Repositories;
const sian: Person = { id: 6, displayName: 'Siân Powell' };
const rhys: Person = { id: 7, displayName: 'Rhys Davies' };
const GOVERNANCE: Actor = { person: { id: 6 }, roles: ['governance'], panels: [] };
const OFFICER: Actor = { person: { id: 7 }, roles: ['officers'], panels: [] };
const TODAY = '2026-06-01';

const records: Record<'steady' | 'rising' | 'top' | 'climbing' | 'quiet', Stored<Collaboration>> = {} as never;

const LOWER = {
  ...DEFAULT_SIGNIFICANCE_WEIGHTS,
  tiers: { medium: 2, high: 6 },
};
const draft = (significance = LOWER) => ({
  significance,
  assuranceCadence: DEFAULT_GOVERNANCE_POLICY.assuranceCadence,
});

async function make(reference: string, extra: Partial<Collaboration>): Promise<Stored<Collaboration>> {
  const base = collaboration(reference, extra);
  const r = await gov.collaborations.create({ ...base, significance: significanceOf(base).tier });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function tierOf(id: number): Promise<string | undefined> {
  const r = await gov.collaborations.get(id);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.significance;
}

async function policyHistory() {
  const all = await gov.history.all();
  if (!all.ok) throw new Error(JSON.stringify(all.error));
  return all.value.filter((h) => h.source === 'policy');
}

async function versions(): Promise<GovernancePolicy[]> {
  const r = await gov.policies.published();
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const input = (extra: Partial<PublishPolicyInput> = {}): PublishPolicyInput => ({
  draft: draft(),
  note: 'Lower the thresholds: more of the register is watched closely.',
  actor: GOVERNANCE,
  by: sian,
  today: TODAY,
  ...extra,
});

beforeAll(async () => {
  server = await startServer({ demo: false });
  gov = reposAs(server, 'governance');
  other = reposAs(server, 'governance');
  officer = reposAs(server, 'officer');
  records.steady = await make('COL-8101', { basis: 'statutory', footprint: 'local', serviceRisk: 'medium' });
  records.rising = await make('COL-8102', { basis: 'localDecision', footprint: 'local', serviceRisk: 'medium' });
  records.top = await make('COL-8103', { basis: 'statutory', footprint: 'allWales', serviceRisk: 'high' });
  records.climbing = await make('COL-8104', { basis: 'statutory', footprint: 'gwent', serviceRisk: 'high' });
  records.quiet = await make('COL-8105', { basis: 'localDecision', footprint: 'local', serviceRisk: 'low' });
});
afterAll(async () => {
  await server.close();
});

describe('publishGovernancePolicy', () => {
  it('refuses an officer, and writes nothing', async () => {
    const r = await publishGovernancePolicy(officer, input({ actor: OFFICER, by: rhys }));
    expect(r.ok ? 'published' : r.error.code).toBe('forbidden');
    expect(await versions()).toEqual([]);
    expect(await tierOf(records.rising.id)).toBe('low');
    expect(await policyHistory()).toEqual([]);
  });

  it('refuses an invalid policy with every reason by field, and writes nothing', async () => {
    const r = await publishGovernancePolicy(
      gov,
      input({
        draft: draft({
          ...LOWER,
          tiers: { medium: 5, high: 5 },
          partners: [
            { from: 3, points: 1 },
            { from: 3, points: 2 },
          ],
          serviceRisk: { low: 0, medium: 2, high: 101 },
        }),
        note: '   ',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok || r.error.code !== 'invalid') throw new Error(JSON.stringify(r));
    expect(r.error.errors.map((e) => [e.field, e.code]).sort()).toEqual(
      [
        ['note', 'required'],
        ['significance.serviceRisk.high', 'outOfRange'],
      ].sort(),
    );
    // The range fixed, the cross-field checks speak too.
    const again = await publishGovernancePolicy(
      gov,
      input({
        draft: draft({
          ...LOWER,
          tiers: { medium: 5, high: 5 },
          partners: [
            { from: 3, points: 1 },
            { from: 3, points: 2 },
          ],
        }),
      }),
    );
    expect(again.ok || again.error.code !== 'invalid' ? again : again.error.errors.map((e) => e.field).sort()).toEqual([
      'significance.partners',
      'significance.tiers.high',
    ]);
    expect(await versions()).toEqual([]);
    expect(await tierOf(records.climbing.id)).toBe('medium');
    expect(await policyHistory()).toEqual([]);
  });

  it('publishes version 1 and moves exactly the records whose tier the new weights change, with one history entry each', async () => {
    const r = await publishGovernancePolicy(gov, input({ basedOn: 0 }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.version).toBe(1);
    expect(r.value.changed.map((c) => [c.reference, c.from, c.to]).sort()).toEqual([
      ['COL-8102', 'low', 'medium'],
      ['COL-8104', 'medium', 'high'],
    ]);
    expect(r.value.unsaved).toEqual([]);
    expect(r.value.historyUnwritten).toEqual([]);

    const stored = await versions();
    expect(
      stored.map((p) => [p.version, p.publishedOn, p.publishedBy?.displayName, p.note, p.significance.tiers]),
    ).toEqual([
      [
        1,
        TODAY,
        'Siân Powell',
        'Lower the thresholds: more of the register is watched closely.',
        { medium: 2, high: 6 },
      ],
    ]);
    expect(await tierOf(records.rising.id)).toBe('medium');
    expect(await tierOf(records.climbing.id)).toBe('high');
    expect(await tierOf(records.steady.id)).toBe('medium');
    expect(await tierOf(records.top.id)).toBe('high');
    expect(await tierOf(records.quiet.id)).toBe('low');

    const history = await policyHistory();
    expect(
      history
        .map((h) => [h.key, h.collaborationId, h.aspect, h.from, h.to, h.on, h.by?.id, h.reason, h.sourceKey])
        .sort(),
    ).toEqual(
      [
        [
          historyKey(records.rising.id, 'significance', 'v1'),
          records.rising.id,
          'significance',
          'low',
          'medium',
          TODAY,
          6,
          'Lower the thresholds: more of the register is watched closely.',
          'v1',
        ],
        [
          historyKey(records.climbing.id, 'significance', 'v1'),
          records.climbing.id,
          'significance',
          'medium',
          'high',
          TODAY,
          6,
          'Lower the thresholds: more of the register is watched closely.',
          'v1',
        ],
      ].sort(),
    );
    // Nothing but the tier moved: the records' other history (status, assurance) is untouched.
    const all = await gov.history.all();
    expect(all.ok && all.value.filter((h) => h.source !== 'policy')).toEqual([]);
  });

  it('a re-run of the same version writes no duplicates, and finishes a record a stopped run left', async () => {
    const [v1] = await versions();
    if (!v1) throw new Error('no v1');
    const before = await countItems(server, 'Record History');
    const again = await applyGovernancePolicy(gov, { policy: v1, actor: GOVERNANCE, by: sian, today: TODAY });
    expect(again.ok && again.value.changed).toEqual([]);
    expect(await countItems(server, 'Record History')).toBe(before);

    // A run stopped after the history entry but before the record was saved (put the old tier back).
    const climbing = await gov.collaborations.get(records.climbing.id);
    if (!climbing.ok) throw new Error('read');
    const back = await gov.collaborations.update({ ...climbing.value, significance: 'medium' });
    expect(back.ok).toBe(true);
    const finish = await applyGovernancePolicy(gov, { policy: v1, actor: GOVERNANCE, by: sian, today: TODAY });
    expect(finish.ok && finish.value.changed.map((c) => c.reference)).toEqual(['COL-8104']);
    expect(await tierOf(records.climbing.id)).toBe('high');
    // The same record and version: the same entry, once.
    expect(await countItems(server, 'Record History')).toBe(before);
    expect((await policyHistory()).filter((h) => h.collaborationId === records.climbing.id)).toHaveLength(1);
  });

  it('refuses to publish over a version someone published since the editor read the policy', async () => {
    const r = await publishGovernancePolicy(gov, input({ basedOn: 0, note: 'Built on version 0.' }));
    expect(r.ok ? 'published' : r.error.code).toBe('conflict');
    expect(!r.ok && r.error.code === 'conflict' && r.error.theirs.version).toBe(1);
    expect((await versions()).map((p) => p.version)).toEqual([1]);
  });

  it('a record saved by someone else meanwhile is read again and gets its tier on their version; one that keeps changing is reported by reference', async () => {
    const rising = records.rising.id;
    const climbing = records.climbing.id;
    let risingEdited = false;
    /** Someone else's real edit of the record's purpose, just before the use case saves it. */
    const editPurpose = async (id: number, purpose: string) => {
      const now = await other.collaborations.get(id);
      if (!now.ok) throw new Error('read');
      const saved = await other.collaborations.update({ ...now.value, purpose });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    };
    const ports: PublishPolicyPorts = {
      policies: gov.policies,
      history: gov.history,
      collaborations: {
        all: (q) => gov.collaborations.all(q),
        get: (id) => gov.collaborations.get(id),
        update: async (record) => {
          if (record.id === rising && !risingEdited) {
            risingEdited = true;
            await editPurpose(rising, 'Rewritten by the lead officer meanwhile.');
          }
          if (record.id === climbing) await editPurpose(climbing, `Edited again at ${Date.now()}.`);
          return gov.collaborations.update(record);
        },
      },
    };
    // Version 2: the shipped thresholds again, so both move back.
    const r = await publishGovernancePolicy(
      ports,
      input({ draft: draft(DEFAULT_SIGNIFICANCE_WEIGHTS), note: 'Back to the shipped thresholds.', basedOn: 1 }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.version).toBe(2);
    expect(r.value.changed.map((c) => [c.reference, c.from, c.to])).toEqual([['COL-8102', 'medium', 'low']]);
    expect(r.value.unsaved.map((u) => [u.reference, u.error.code])).toEqual([['COL-8104', 'conflict']]);

    const risingNow = await gov.collaborations.get(rising);
    expect(risingNow.ok && [risingNow.value.significance, risingNow.value.purpose]).toEqual([
      'low',
      'Rewritten by the lead officer meanwhile.',
    ]);
    expect(await tierOf(climbing)).toBe('high');
    const v2 = (await policyHistory()).filter((h) => h.sourceKey === 'v2');
    expect(v2.map((h) => [h.collaborationId, h.from, h.to])).toEqual([[rising, 'medium', 'low']]);

    // Run again once the edits stop: the reported record gets its tier and its entry.
    const [latest] = [...(await versions())].sort((a, b) => b.version - a.version);
    if (!latest) throw new Error('no version');
    const rerun = await applyGovernancePolicy(gov, { policy: latest, actor: GOVERNANCE, by: sian, today: TODAY });
    expect(rerun.ok && [rerun.value.changed.map((c) => c.reference), rerun.value.unsaved]).toEqual([['COL-8104'], []]);
    expect((await policyHistory()).filter((h) => h.sourceKey === 'v2')).toHaveLength(2);
  });
});
