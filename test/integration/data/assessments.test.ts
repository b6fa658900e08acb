import type { Repositories } from '../../../src/data/repositories';
import { newAssessment, submitAssessment, type Assessment, type AssessmentTemplate } from '../../../src/domain';
import { SHIPPED_TEMPLATES } from '../../../src/domain/shippedTemplates';
import { countItems, reposAs, startServer, unique, type ListServer } from './helpers';

/** The assessment repository through PnPjs against the embedded SharePoint-compatible server (demo site). */
let server: ListServer;
let officer: Repositories;
let governance: Repositories;
let template: AssessmentTemplate;
let collaborationId: number;

beforeAll(async () => {
  server = await startServer({ demo: true });
  officer = reposAs(server, 'officer');
  governance = reposAs(server, 'governance');
  const published = await officer.templates.published();
  if (!published.ok) throw new Error(published.error.code);
  const wlga = published.value.find((t) => t.key === 'wlga-principles');
  template = wlga ?? (SHIPPED_TEMPLATES[0] as AssessmentTemplate);
  if (!wlga) {
    const saved = await governance.templates.save(template);
    if (!saved.ok) throw new Error(saved.error.code);
  }
  const collab = await officer.collaborations.getByReference('COL-0003');
  if (!collab.ok) throw new Error(collab.error.code);
  collaborationId = collab.value.id;
});
afterAll(async () => {
  await server.close();
});

function aDraft(): Assessment {
  const r = newAssessment({ key: unique('ASM-COL-0003'), collaborationId, template });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const byKey = (key: string) => countItems(server, 'Assessments', `AssessmentKey eq '${key}'`);

describe('assessments in SharePoint', () => {
  it('creates a draft under its client-made key and reads it back by key, with the version it was started on', async () => {
    const draft = aDraft();
    const created = await officer.assessments.create(draft);
    expect(created.ok).toBe(true);
    const read = await officer.assessments.getByKey(draft.key);
    expect(read.ok && read.value).toMatchObject({
      key: draft.key,
      collaborationId,
      templateKey: template.key,
      templateVersion: template.version,
      status: 'draft',
      answers: {},
    });
    const mine = await officer.assessments.forCollaboration(collaborationId);
    expect(mine.ok && mine.value.map((a) => a.key)).toContain(draft.key);
  });

  it('a retried create (the first one landed, its answer was lost) makes one item, not two', async () => {
    const draft = aDraft();
    const first = await officer.assessments.create(draft);
    const again = await officer.assessments.create(draft);
    expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
    expect(await byKey(draft.key)).toBe(1);
  });

  it('a different assessment under a key already taken is refused as a duplicate', async () => {
    const draft = aDraft();
    await officer.assessments.create(draft);
    const other = await officer.assessments.create({
      ...draft,
      answers: { locallyDriven: { kind: 'rag', value: 'red' } },
    });
    expect(other.ok ? 'created' : other.error.code).toBe('duplicate');
    expect(await byKey(draft.key)).toBe(1);
  });

  it('saves answers with the ETag it read, and keeps Welsh text intact', async () => {
    const created = await officer.assessments.create(aDraft());
    if (!created.ok) throw new Error(created.error.code);
    const text = "Cytunwyd gan y Cyd-bwyllgor: ŵyr, ŷd, â; O'Brien's nodyn";
    const saved = await officer.assessments.update({
      ...created.value,
      answers: { locallyDriven: { kind: 'rag', value: 'green' }, comments: { kind: 'text', value: text } },
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.etag).not.toBe(created.value.etag);
    const read = await governance.assessments.get(created.value.id);
    expect(read.ok && read.value.answers).toEqual({
      locallyDriven: { kind: 'rag', value: 'green' },
      comments: { kind: 'text', value: text },
    });
  });

  it('two people saving one draft: the second save is a 412 conflict carrying both versions, nothing overwritten', async () => {
    const created = await officer.assessments.create(aDraft());
    if (!created.ok) throw new Error(created.error.code);
    const theirs = await governance.assessments.update({
      ...created.value,
      answers: { locallyDriven: { kind: 'rag', value: 'amber' } },
    });
    expect(theirs.ok).toBe(true);
    const mine = await officer.assessments.update({
      ...created.value,
      answers: { locallyDriven: { kind: 'rag', value: 'green' } },
    });
    expect(mine.ok ? 'saved' : mine.error.code).toBe('conflict');
    if (mine.ok) return;
    expect(mine.error.theirs?.answers).toEqual({ locallyDriven: { kind: 'rag', value: 'amber' } });
    expect(mine.error.mine?.answers).toEqual({ locallyDriven: { kind: 'rag', value: 'green' } });
    const stored = await officer.assessments.get(created.value.id);
    expect(stored.ok && stored.value.answers).toEqual({ locallyDriven: { kind: 'rag', value: 'amber' } });
  });

  it('a submitted assessment holds the answers as a snapshot with its summary columns', async () => {
    const created = await officer.assessments.create(aDraft());
    if (!created.ok) throw new Error(created.error.code);
    const answers: Assessment['answers'] = {};
    for (const q of template.questions) {
      if (q.kind === 'rag') answers[q.key] = { kind: 'rag', value: 'green' };
      else if (q.kind === 'yesPartialNo') answers[q.key] = { kind: 'yesPartialNo', value: 'partial' };
      else if (q.kind === 'score') answers[q.key] = { kind: 'score', value: 3 };
      else if (q.kind === 'date') answers[q.key] = { kind: 'date', value: '2026-02-27' };
      else if (q.kind === 'evidence') answers[q.key] = { kind: 'evidence', value: 'https://example.gov.wales/a' };
      else answers[q.key] = { kind: 'text', value: 'Ie' };
    }
    const frozen = submitAssessment(
      { ...created.value, answers },
      template,
      { id: 9, displayName: 'Rhys Davies' },
      '2026-03-02T14:02:00Z',
    );
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const saved = await officer.assessments.update({ ...frozen.value, id: created.value.id, etag: created.value.etag });
    expect(saved.ok).toBe(true);
    const read = await governance.assessments.getByKey(created.value.key);
    if (!read.ok) throw new Error(read.error.code);
    expect(read.value).toMatchObject({
      status: 'submitted',
      templateVersion: template.version,
      score: frozen.value.score,
      overallRag: frozen.value.overallRag,
      submittedOn: '2026-03-02T14:02:00Z',
      answers,
    });
    expect(read.value.submittedBy?.id).toBe(9);
    expect(read.value.score).toBeGreaterThan(0);
    const drafts = await officer.assessments.drafts();
    expect(drafts.ok && drafts.value.some((a) => a.key === created.value.key)).toBe(false);
  });

  it('an unknown key is notFound', async () => {
    const r = await officer.assessments.getByKey("ASM-O'Brien-none");
    expect(r.ok ? 'found' : r.error.code).toBe('notFound');
  });
});
