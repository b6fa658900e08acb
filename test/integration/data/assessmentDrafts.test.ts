import { assessmentKeyOf, startAssessment } from '../../../src/app/startAssessment';
import type { Repositories } from '../../../src/data/repositories';
import { submitAssessment, type Assessment, type AssessmentTemplate } from '../../../src/domain';
import { SHIPPED_TEMPLATES } from '../../../src/domain/shippedTemplates';
import { countItems, reposAs, startServer, type ListServer } from './helpers';

/** Starting and discarding drafts through PnPjs against the embedded SharePoint-compatible server (demo site). */
let server: ListServer;
let officer: Repositories;
let governance: Repositories;
let template: AssessmentTemplate;
let collaborationId: number;
const reference = 'COL-0004';

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
  const collab = await officer.collaborations.getByReference(reference);
  if (!collab.ok) throw new Error(collab.error.code);
  collaborationId = collab.value.id;
});
afterAll(async () => {
  await server.close();
});

const draftsOf = (authorId: number) =>
  countItems(
    server,
    'Assessments',
    `startswith(AssessmentKey, '${assessmentKeyOf({ reference, templateKey: template.key, authorId }, 0).slice(0, -1)}')`,
  );

describe('starting an assessment', () => {
  it('opening the same start twice (or twice at once) makes one draft', async () => {
    const input = { reference, collaborationId, template, authorId: 41 };
    const first = await startAssessment(officer.assessments, input);
    const [second, third] = await Promise.all([
      startAssessment(officer.assessments, input),
      startAssessment(officer.assessments, input),
    ]);
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    expect(second.value.key).toBe(first.value.key);
    expect(third.value.key).toBe(first.value.key);
    expect(first.value).toMatchObject({ status: 'draft', templateKey: template.key, collaborationId });
    expect(await countItems(server, 'Assessments', `AssessmentKey eq '${first.value.key}'`)).toBe(1);
  });

  it('another person starting the same template gets their own draft', async () => {
    const mine = await startAssessment(officer.assessments, { reference, collaborationId, template, authorId: 42 });
    const theirs = await startAssessment(officer.assessments, { reference, collaborationId, template, authorId: 43 });
    expect(mine.ok && theirs.ok && mine.value.key !== theirs.value.key).toBe(true);
  });

  it('after the draft is submitted, the next start is a new draft', async () => {
    const input = { reference, collaborationId, template, authorId: 44 };
    const first = await startAssessment(officer.assessments, input);
    if (!first.ok) throw new Error(first.error.code);
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
      { ...first.value, answers },
      template,
      { id: 9, displayName: 'Rhys Davies' },
      '2026-03-02T14:02:00Z',
    );
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const saved = await officer.assessments.update({ ...first.value, ...frozen.value });
    if (!saved.ok) throw new Error(saved.error.code);
    const next = await startAssessment(officer.assessments, input);
    expect(next.ok && next.value.key).not.toBe(first.value.key);
    expect(next.ok && next.value.status).toBe('draft');
  });
});

describe('discarding a draft', () => {
  it('deletes it with its ETag; the next start makes a fresh one under the same key', async () => {
    const input = { reference, collaborationId, template, authorId: 45 };
    const started = await startAssessment(officer.assessments, input);
    if (!started.ok) throw new Error(started.error.code);
    const deleted = await officer.assessments.delete(started.value.id, started.value.etag);
    expect(deleted).toEqual({ ok: true, value: undefined });
    expect(await draftsOf(45)).toBe(0);
    const gone = await officer.assessments.getByKey(started.value.key);
    expect(gone.ok ? 'found' : gone.error.code).toBe('notFound');
    // A retried delete of one already gone is no error.
    expect((await officer.assessments.delete(started.value.id, started.value.etag)).ok).toBe(true);
    const again = await startAssessment(officer.assessments, input);
    expect(again.ok && again.value.id).not.toBe(started.value.id);
  });

  it('refuses to delete a draft changed since it was read (412 is a conflict)', async () => {
    const started = await startAssessment(officer.assessments, { reference, collaborationId, template, authorId: 46 });
    if (!started.ok) throw new Error(started.error.code);
    const changed = await officer.assessments.update({ ...started.value, dueDate: '2026-04-30' });
    if (!changed.ok) throw new Error(changed.error.code);
    const stale = await officer.assessments.delete(started.value.id, started.value.etag);
    expect(stale.ok ? 'deleted' : stale.error.code).toBe('conflict');
    expect(await draftsOf(46)).toBe(1);
  });
});
