import { saveReportNarrative } from '../../../src/app/saveReportNarrative';
import type { Repositories } from '../../../src/data/repositories';
import { NARRATIVE_MAX_LENGTH } from '../../../src/domain';
import type { Actor } from '../../../src/domain/policy';
import { countItems, reposAs, startServer, unique, type ListServer } from './helpers';

/**
 * The Report Narratives list through PnPjs against the embedded server: the governance
 * team writes a year's narrative, everyone reads it, a stale save is a conflict carrying
 * both versions, and a text over the limit saves nothing.
 */
let server: ListServer;
let officer: Repositories;
let governance: Repositories;
let governanceB: Repositories;
const gov: Actor = { roles: ['governance'], panels: [] };
const officerActor: Actor = { roles: ['officers'], panels: [] };

beforeAll(async () => {
  server = await startServer();
  officer = reposAs(server, 'officer');
  governance = reposAs(server, 'governance');
  governanceB = reposAs(server, 'governance');
});
afterAll(async () => {
  await server.close();
});

describe('the Report Narratives list', () => {
  it('is written by the governance team, found by its key and read by officers', async () => {
    const key = unique('annual');
    const created = await saveReportNarrative(governance.reportNarratives, {
      narrative: {
        key,
        introduction: 'This year the council reviewed every joint committee.',
        keyMessagesCy: 'Negeseuon: ŵ ŷ â',
      },
      actor: gov,
    });
    expect(created.ok).toBe(true);
    const read = await officer.reportNarratives.find(key);
    expect(read.ok && read.value).toMatchObject({
      key,
      introduction: 'This year the council reviewed every joint committee.',
      keyMessagesCy: 'Negeseuon: ŵ ŷ â',
    });
    expect(read.ok && read.value?.recommendations).toBeUndefined();
    // No narrative yet for another key: undefined, not an error.
    const none = await officer.reportNarratives.find(unique('annual'));
    expect(none).toEqual({ ok: true, value: undefined });
  });

  it("refuses an officer's write: the list is the governance team's (SharePoint's permissions, not only the tab's)", async () => {
    const key = unique('annual');
    const refused = await officer.reportNarratives.create({ key, introduction: 'Not mine to write.' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    // The use case asks the role policy before it writes at all.
    const viaUseCase = await saveReportNarrative(officer.reportNarratives, {
      narrative: { key, introduction: 'Not mine to write.' },
      actor: officerActor,
    });
    expect(viaUseCase).toEqual({ ok: false, forbidden: true });
    expect(await countItems(server, 'Report Narratives', `NarrativeKey eq '${key}'`)).toBe(0);
  });

  it('a save from a stale read is a conflict carrying both versions; with their ETag the merge goes through', async () => {
    const key = unique('annual');
    const first = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: 'First draft.' },
      actor: gov,
    });
    if (!first.ok) throw new Error('first save');
    const base = first.value;
    const theirs = await saveReportNarrative(governanceB.reportNarratives, {
      narrative: { key, introduction: 'Their change.', recommendations: 'Agree the plan.' },
      base,
      actor: gov,
    });
    expect(theirs.ok).toBe(true);

    const mine = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: 'My change, from a stale read.' },
      base,
      actor: gov,
    });
    expect(mine.ok).toBe(false);
    if (mine.ok || !('conflict' in mine)) throw new Error('expected a conflict');
    expect(mine.conflict.mine.introduction).toBe('My change, from a stale read.');
    expect(mine.conflict.theirs?.introduction).toBe('Their change.');
    expect(mine.conflict.theirs?.recommendations).toBe('Agree the plan.');
    // Nothing was overwritten.
    const stored = await officer.reportNarratives.find(key);
    expect(stored.ok && stored.value?.introduction).toBe('Their change.');

    const merged = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: 'My change, from a stale read.', recommendations: 'Agree the plan.' },
      ...(mine.conflict.theirs ? { base: mine.conflict.theirs } : {}),
      actor: gov,
    });
    expect(merged.ok).toBe(true);
    const after = await officer.reportNarratives.find(key);
    expect(after.ok && after.value).toMatchObject({
      introduction: 'My change, from a stale read.',
      recommendations: 'Agree the plan.',
    });
  });

  it('two first saves of the same year meet as a conflict, not as one overwriting the other', async () => {
    const key = unique('annual');
    const a = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: 'A' },
      actor: gov,
    });
    expect(a.ok).toBe(true);
    const b = await saveReportNarrative(governanceB.reportNarratives, {
      narrative: { key, introduction: 'B' },
      actor: gov,
    });
    expect(b.ok).toBe(false);
    if (b.ok || !('conflict' in b)) throw new Error('expected a conflict');
    expect(b.conflict.theirs?.introduction).toBe('A');
    expect(b.conflict.mine.introduction).toBe('B');
    expect(await countItems(server, 'Report Narratives', `NarrativeKey eq '${key}'`)).toBe(1);
  });

  it('a text over the limit saves nothing, on create and on update', async () => {
    const key = unique('annual');
    const tooLong = 'a'.repeat(NARRATIVE_MAX_LENGTH + 1);
    const refused = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: 'Fine.', recommendationsCy: tooLong },
      actor: gov,
    });
    expect(refused).toEqual({
      ok: false,
      invalid: [{ field: 'recommendationsCy', code: 'tooLong', params: { max: NARRATIVE_MAX_LENGTH } }],
    });
    expect(await countItems(server, 'Report Narratives', `NarrativeKey eq '${key}'`)).toBe(0);

    // At the limit, a long text (with line breaks and Welsh letters) is kept whole.
    const long = `${'ŵ'.repeat(NARRATIVE_MAX_LENGTH - 2)}\nx`;
    const saved = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: long },
      actor: gov,
    });
    if (!saved.ok) throw new Error('save at the limit');
    const update = await saveReportNarrative(governance.reportNarratives, {
      narrative: { key, introduction: tooLong },
      base: saved.value,
      actor: gov,
    });
    expect(update.ok).toBe(false);
    expect('invalid' in update).toBe(true);
    const stored = await officer.reportNarratives.find(key);
    expect(stored.ok && stored.value?.introduction).toBe(long);
  });
});
