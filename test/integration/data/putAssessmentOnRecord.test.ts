import { putAssessmentOnRecord } from '../../../src/app/putAssessmentOnRecord';
import type { Repositories } from '../../../src/data/repositories';
import { collaboration } from './fixtures';
import { racingCollaborations, reposAs, startServer, unique, type ListServer } from './helpers';

/**
 * A submitted assessment's RAG and score go on the record, through PnPjs against the embedded
 * server; an edit someone saves in between is kept (the record is read again on the 412).
 */
let server: ListServer;
let gov: Repositories;
beforeAll(async () => {
  server = await startServer();
  gov = reposAs(server, 'governance');
});
afterAll(async () => {
  await server.close();
});

async function aRecord() {
  const next = await gov.collaborations.nextReference();
  if (!next.ok) throw new Error(next.error.code);
  const created = await gov.collaborations.create(collaboration(next.value, { title: unique('Scored') }));
  if (!created.ok) throw new Error(created.error.code);
  return created.value;
}

it('puts the RAG and score on the record', async () => {
  const record = await aRecord();
  const r = await putAssessmentOnRecord(gov.collaborations, {
    collaborationId: record.id,
    overallRag: 'amber',
    score: 62,
  });
  expect(r.ok && r.value).toMatchObject({ lastAssessmentRag: 'amber', lastAssessmentScore: 62, title: record.title });
});

it('keeps an edit saved in between: read again, the two values on top', async () => {
  const record = await aRecord();
  const racing = racingCollaborations(gov, gov, { purpose: 'Edited meanwhile' });
  const r = await putAssessmentOnRecord(racing, { collaborationId: record.id, overallRag: 'green', score: 90 });
  expect(r.ok).toBe(true);
  const after = await gov.collaborations.get(record.id);
  expect(after.ok && after.value).toMatchObject({
    purpose: 'Edited meanwhile',
    lastAssessmentRag: 'green',
    lastAssessmentScore: 90,
  });
});

it('says so when the record is gone, and writes nothing', async () => {
  const r = await putAssessmentOnRecord(gov.collaborations, { collaborationId: 999_999, overallRag: 'red', score: 10 });
  expect(!r.ok && r.error.code).toBe('notFound');
});
