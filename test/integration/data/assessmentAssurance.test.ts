import { giveAssessmentAssurance, type GiveAssuranceInput } from '../../../src/app/giveAssessmentAssurance';
import type { Repositories } from '../../../src/data/repositories';
import {
  newAssessment,
  submitAssessment,
  type Assessment,
  type AssessmentTemplate,
  type Person,
} from '../../../src/domain';
import type { Actor } from '../../../src/domain/policy';
import type { Stored } from '../../../src/domain/ports';
import { SHIPPED_TEMPLATES } from '../../../src/domain/shippedTemplates';
import { collaboration } from './fixtures';
import { racingCollaborations, reposAs, startServer, unique, type ListServer } from './helpers';

/**
 * A governance-arrangements check gives an assurance level (issue 18), through PnPjs against the
 * embedded server: the governance team gives it on the submitted check; the level, reason, giver
 * and day go on the assessment, the level on the record with the next review the cadence sets,
 * and one history entry keyed by the assessment. Officers may not; a draft, another template, a
 * missing reason are refused and change nothing; a retry writes nothing twice; an edit made to
 * the record meanwhile is kept.
 */
jest.setTimeout(60_000);

let server: ListServer;
let gov: Repositories;
let officer: Repositories;
const sian: Person = { id: 6, displayName: 'Siân Powell' };
const governance: Actor = { person: { id: 6 }, roles: ['governance'], panels: [] };
const rhys: Actor = { person: { id: 7 }, roles: ['officers'], panels: [] };
const TODAY = '2026-03-02';

const template = (key: string): AssessmentTemplate => {
  const t = SHIPPED_TEMPLATES.find((x) => x.key === key);
  if (!t) throw new Error(key);
  return t;
};

beforeAll(async () => {
  server = await startServer();
  gov = reposAs(server, 'governance');
  officer = reposAs(server, 'officer');
  for (const key of ['governance-arrangements', 'wlga-principles']) {
    const saved = await gov.templates.save(template(key));
    if (!saved.ok && saved.error.code !== 'duplicate') throw new Error(saved.error.code);
  }
});
afterAll(async () => {
  await server.close();
});

async function aRecord(extra: Parameters<typeof collaboration>[1] = {}) {
  const next = await gov.collaborations.nextReference();
  if (!next.ok) throw new Error(next.error.code);
  const created = await gov.collaborations.create(
    collaboration(next.value, { title: unique('Assured'), nextReviewDue: '2027-03-01', ...extra }),
  );
  if (!created.ok) throw new Error(`${created.error.code} ${created.error.detail ?? ''}`);
  return created.value;
}

/** An assessment of the record on a template, submitted (or left a draft), with every scored answer `value`. */
async function anAssessment(
  collaborationId: number,
  key = 'governance-arrangements',
  submit = true,
): Promise<Stored<Assessment>> {
  const tpl = template(key);
  const draft = newAssessment({ key: unique('ASM'), collaborationId, template: tpl });
  if (!draft.ok) throw new Error(JSON.stringify(draft.error));
  const created = await gov.assessments.create(draft.value);
  if (!created.ok) throw new Error(created.error.code);
  if (!submit) return created.value;
  const answers: Assessment['answers'] = {};
  for (const q of tpl.questions) {
    if (q.kind === 'rag') answers[q.key] = { kind: 'rag', value: 'amber' };
    else if (q.kind === 'yesPartialNo') answers[q.key] = { kind: 'yesPartialNo', value: 'partial' };
    else if (q.kind === 'score') answers[q.key] = { kind: 'score', value: 3 };
  }
  const frozen = submitAssessment({ ...created.value, answers }, tpl, sian, `${TODAY}T10:00:00Z`);
  if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
  const saved = await gov.assessments.update({ ...created.value, ...frozen.value });
  if (!saved.ok) throw new Error(saved.error.code);
  return saved.value;
}

const give = (assessmentId: number, extra: Partial<GiveAssuranceInput> = {}) =>
  giveAssessmentAssurance(gov, {
    assessmentId,
    level: 'limited',
    reason: 'The partnership agreement has lapsed and no risk register is kept.',
    actor: governance,
    by: sian,
    today: TODAY,
    ...extra,
  });

async function historyOf(id: number) {
  const h = await gov.history.forCollaboration(id);
  if (!h.ok) throw new Error(h.error.code);
  return h.value;
}

describe('giving an assurance level from a governance arrangements check', () => {
  it('puts the level on the check and on the record, brings the next review forward, and writes one history entry', async () => {
    const record = await aRecord({ assuranceLevel: 'substantial', assuranceDate: '2025-05-01' });
    const check = await anAssessment(record.id);
    const r = await give(check.id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.laterLevelKept).toBe(false);

    const assessment = await gov.assessments.get(check.id);
    expect(assessment.ok && assessment.value).toMatchObject({
      assuranceLevel: 'limited',
      assuranceReason: 'The partnership agreement has lapsed and no risk register is kept.',
      assuranceGivenOn: TODAY,
      assuranceGivenBy: { id: 6 },
      // What was submitted stays as it was.
      status: 'submitted',
      score: check.score,
    });
    const after = await gov.collaborations.get(record.id);
    if (!after.ok) throw new Error(after.error.code);
    // Limited assurance: reviewed again within six months (the default cadence), sooner than 2027-03-01.
    expect(after.value).toMatchObject({
      assuranceLevel: 'limited',
      assuranceDate: TODAY,
      nextReviewDue: '2026-09-02',
      title: record.title,
    });
    const entries = (await historyOf(record.id)).filter((h) => h.aspect === 'assurance');
    expect(entries).toEqual([
      expect.objectContaining({
        from: 'substantial',
        to: 'limited',
        on: TODAY,
        source: 'assessment',
        sourceKey: check.key,
        reason: 'The partnership agreement has lapsed and no risk register is kept.',
      }),
    ]);
  });

  it('given again (a retry after a lost answer) writes nothing twice; a different level is refused', async () => {
    const record = await aRecord();
    const check = await anAssessment(record.id);
    expect((await give(check.id)).ok).toBe(true);
    const once = await gov.collaborations.get(record.id);
    const again = await give(check.id);
    expect(again.ok).toBe(true);
    const twice = await gov.collaborations.get(record.id);
    expect(once.ok && twice.ok && twice.value.etag).toBe(once.ok ? once.value.etag : 'x');
    expect((await historyOf(record.id)).filter((h) => h.aspect === 'assurance')).toHaveLength(1);

    const other = await give(check.id, { level: 'reasonable' });
    expect(!other.ok && 'invalid' in other && other.invalid.map((e) => e.code)).toEqual(['assuranceAlreadyGiven']);
  });

  it('keeps an edit made to the record meanwhile: the level goes on top of it', async () => {
    const record = await aRecord();
    const check = await anAssessment(record.id);
    // Someone saves the record between the tab's read and its write.
    const racing = { ...gov, collaborations: racingCollaborations(gov, officer, { purpose: 'Edited meanwhile' }) };
    const r = await giveAssessmentAssurance(racing, {
      assessmentId: check.id,
      level: 'reasonable',
      reason: 'Sound, with a gap in reporting.',
      actor: governance,
      by: sian,
      today: TODAY,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const after = await gov.collaborations.get(record.id);
    expect(after.ok && after.value).toMatchObject({ purpose: 'Edited meanwhile', assuranceLevel: 'reasonable' });
  });

  it('refuses an officer, a draft, another template and a missing reason, and changes nothing', async () => {
    const record = await aRecord();
    const check = await anAssessment(record.id);
    const draft = await anAssessment(record.id, 'governance-arrangements', false);
    const wlga = await anAssessment(record.id, 'wlga-principles');

    expect(await give(check.id, { actor: rhys })).toEqual({ ok: false, forbidden: true });
    const codes = async (id: number, extra: Partial<GiveAssuranceInput> = {}) => {
      const r = await give(id, extra);
      return !r.ok && 'invalid' in r ? r.invalid.map((e) => e.code).sort() : r;
    };
    expect(await codes(draft.id)).toEqual(['notSubmitted']);
    expect(await codes(wlga.id)).toEqual(['notAssuranceCheck']);
    expect(await codes(check.id, { reason: '   ', level: undefined })).toEqual(['invalidChoice', 'required']);
    expect(await codes(check.id, { reason: 'x'.repeat(2_001) })).toEqual(['tooLong']);

    const after = await gov.collaborations.get(record.id);
    expect(after.ok && after.value.assuranceLevel).toBeUndefined();
    const stored = await gov.assessments.get(check.id);
    expect(stored.ok && stored.value.assuranceLevel).toBeUndefined();
    expect((await historyOf(record.id)).filter((h) => h.aspect === 'assurance')).toEqual([]);
  });

  it('leaves a level a panel gave later as it is, but keeps the check’s own conclusion', async () => {
    const record = await aRecord({ assuranceLevel: 'substantial', assuranceDate: '2026-04-01' });
    const check = await anAssessment(record.id);
    const r = await give(check.id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.laterLevelKept).toBe(true);
    const after = await gov.collaborations.get(record.id);
    expect(after.ok && after.value).toMatchObject({ assuranceLevel: 'substantial', assuranceDate: '2026-04-01' });
    const stored = await gov.assessments.get(check.id);
    expect(stored.ok && stored.value.assuranceLevel).toBe('limited');
  });
});
