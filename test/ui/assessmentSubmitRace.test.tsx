/** @jest-environment ./test/ui/jsdom-with-fetch-env.js */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { RunningListServer } from '../../src/local/server';
import { newAssessment, type AssessmentTemplate } from '../../src/domain';
import type { AssessmentStore } from '../../src/domain/ports';
import { SHIPPED_TEMPLATES } from '../../src/domain/shippedTemplates';
import { useAssessment, type AssessmentStores } from '../../src/ui/features/assessment/useAssessment';
import { servicesFor, startServer } from './helpers';

/**
 * Submitting while the autosave is on its way (found in CI, on a loaded machine): the submit
 * waits for the save already sent and submits against the ETag it brought back, rather than
 * meeting the person's own save as a change made meanwhile and opening the conflict dialog.
 */
jest.setTimeout(60_000);
let server: RunningListServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

it('a submit made while the autosave is in flight waits for it, and submits', async () => {
  const real = servicesFor(server.siteUrl, { devUser: 'governance' }).stores;
  const template = SHIPPED_TEMPLATES.find((t) => t.key === 'critical-success-factors') as AssessmentTemplate;
  const saved = await real.templates.save(template);
  if (!saved.ok && saved.error.code !== 'duplicate') throw new Error(saved.error.code);
  const record = await real.collaborations.getByReference('COL-0004');
  if (!record.ok) throw new Error(record.error.code);
  const draft = newAssessment({ key: `ASM-RACE-${Date.now()}`, collaborationId: record.value.id, template });
  if (!draft.ok) throw new Error(JSON.stringify(draft.error));
  const created = await real.assessments.create(draft.value);
  if (!created.ok) throw new Error(created.error.code);

  // The autosave lands on the server, but its answer is held until released; the submit's goes straight through.
  let release: () => void = () => undefined;
  let held = 0;
  const assessments: AssessmentStore = Object.create(real.assessments) as AssessmentStore;
  assessments.update = async (a) => {
    const r = await real.assessments.update(a);
    if (a.status === 'draft' && held++ === 0) await new Promise<void>((resolve) => (release = resolve));
    return r;
  };
  const stores: AssessmentStores = { ...real, assessments };

  const { result } = renderHook(() => useAssessment(stores, draft.value.key, 60_000));
  await waitFor(() => expect(result.current.status).toBe('ready'));
  act(() => {
    for (const q of template.questions) {
      if (q.kind === 'rag') result.current.setAnswer(q.key, { kind: 'rag', value: 'green' });
      else if (q.kind === 'yesPartialNo') result.current.setAnswer(q.key, { kind: 'yesPartialNo', value: 'yes' });
      else if (q.kind === 'score') result.current.setAnswer(q.key, { kind: 'score', value: 4 });
    }
  });
  act(() => result.current.saveNow());
  await waitFor(() => expect(held).toBe(1));
  let submitted: Promise<void> = Promise.resolve();
  act(() => {
    submitted = result.current.submitNow({ id: 6, displayName: 'Siân Powell' }, '2026-03-02T10:00:00Z');
  });
  release();
  await act(() => submitted);
  await waitFor(() => expect(result.current.submit.kind).toBe('submitted'));
  expect(result.current.save.kind).not.toBe('conflict');
  const stored = await real.assessments.getByKey(draft.value.key);
  expect(stored.ok && stored.value.status).toBe('submitted');
});
