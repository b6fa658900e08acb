/**
 * Assessments: scoring and submitting 10,000 answered WLGA assessments and
 * comparing 10,000 pairs (domain, no I/O); and, against the embedded list
 * server with the demo data, what opening the runner costs (requests and
 * time for the assessment, its template version, the record and its other
 * assessments), an autosave (one update with its ETag) and a submit.
 */
import { performance } from 'node:perf_hooks';
import { createRepositories } from '../data/repositories';
import {
  compareAssessments,
  newAssessment,
  submitAssessment,
  type Answer,
  type Assessment,
  type AssessmentTemplate,
} from '../domain';
import { SHIPPED_TEMPLATES } from '../domain/shippedTemplates';
import type { Figure } from './figure';
import { countedSp, withListServer } from './measure';

function answersFor(template: AssessmentTemplate, seed: number): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  template.questions.forEach((q, i) => {
    const n = (seed + i * 7) % 5;
    if (q.kind === 'rag') out[q.key] = { kind: 'rag', value: (['red', 'amber', 'green'] as const)[n % 3] ?? 'green' };
    else if (q.kind === 'yesPartialNo')
      out[q.key] = { kind: 'yesPartialNo', value: (['yes', 'partial', 'no'] as const)[n % 3] ?? 'yes' };
    else if (q.kind === 'score') out[q.key] = { kind: 'score', value: n + 1 };
    else if (q.kind === 'date') out[q.key] = { kind: 'date', value: '2026-02-20' };
    else if (q.kind === 'evidence') out[q.key] = { kind: 'evidence', value: 'https://example.gov.wales/a' };
    else out[q.key] = { kind: 'text', value: 'Cytunwyd.' };
  });
  return out;
}

export async function benchAssess(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const template = SHIPPED_TEMPLATES.find((t) => t.key === 'wlga-principles') as AssessmentTemplate;
  const drafts: Assessment[] = Array.from({ length: 10_000 }, (_, i) => ({
    key: `ASM-${i}`,
    collaborationId: 1 + (i % 500),
    templateKey: template.key,
    templateVersion: template.version,
    status: 'draft',
    answers: answersFor(template, i),
  }));
  let t = performance.now();
  let submitted = 0;
  for (const d of drafts) if (submitAssessment(d, template, undefined, '2026-03-02T10:00:00Z').ok) submitted += 1;
  figures.push({ name: 'assess.submit.10k_wlga', value: performance.now() - t, unit: 'ms' });
  figures.push({ name: 'assess.submit.10k_wlga.accepted', value: submitted, unit: 'assessments' });
  t = performance.now();
  for (let i = 1; i < drafts.length; i += 1)
    compareAssessments(drafts[i - 1] as Assessment, drafts[i] as Assessment, template);
  figures.push({ name: 'assess.compare.10k_pairs', value: performance.now() - t, unit: 'ms' });

  await withListServer('bench-assess-', { demo: true, today: '2026-03-02' }, async (server) => {
    const { sp, requests } = countedSp(server.siteUrl, 'dev:officer');
    const stores = createRepositories(sp);
    const collab = await stores.collaborations.getByReference('COL-0030');
    if (!collab.ok) throw new Error(collab.error.code);
    const draft = newAssessment({ key: `ASM-BENCH-${Date.now()}`, collaborationId: collab.value.id, template });
    if (!draft.ok) throw new Error('draft');
    const created = await stores.assessments.create(draft.value);
    if (!created.ok) throw new Error(created.error.code);

    requests.count = 0;
    t = performance.now();
    const a = await stores.assessments.getByKey(created.value.key);
    if (!a.ok) throw new Error(a.error.code);
    await Promise.all([
      stores.templates.version(a.value.templateKey, a.value.templateVersion),
      stores.collaborations.get(a.value.collaborationId),
      stores.assessments.forCollaboration(a.value.collaborationId),
    ]);
    figures.push({ name: 'assess.runner.open', value: performance.now() - t, unit: 'ms' });
    figures.push({ name: 'assess.runner.open.requests', value: requests.count, unit: 'requests' });

    requests.count = 0;
    t = performance.now();
    const saved = await stores.assessments.update({ ...a.value, answers: answersFor(template, 3) });
    if (!saved.ok) throw new Error(saved.error.code);
    figures.push({ name: 'assess.autosave', value: performance.now() - t, unit: 'ms' });
    figures.push({ name: 'assess.autosave.requests', value: requests.count, unit: 'requests' });

    const frozen = submitAssessment(saved.value, template, undefined, '2026-03-02T10:00:00Z');
    if (!frozen.ok) throw new Error('submit');
    requests.count = 0;
    t = performance.now();
    const done = await stores.assessments.update({ ...frozen.value, id: saved.value.id, etag: saved.value.etag });
    if (!done.ok) throw new Error(done.error.code);
    const record = await stores.collaborations.get(collab.value.id);
    if (!record.ok) throw new Error(record.error.code);
    const r = await stores.collaborations.update({
      ...record.value,
      ...(done.value.overallRag ? { lastAssessmentRag: done.value.overallRag } : {}),
      ...(done.value.score !== undefined ? { lastAssessmentScore: done.value.score } : {}),
    });
    if (!r.ok) throw new Error(r.error.code);
    figures.push({ name: 'assess.submit_and_update_record', value: performance.now() - t, unit: 'ms' });
    figures.push({ name: 'assess.submit_and_update_record.requests', value: requests.count, unit: 'requests' });
  });
  return figures;
}
