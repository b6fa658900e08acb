/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { randomUUID } from 'node:crypto';
import { DEFAULT_TEST_USER, startApi, type Api } from './helpers';

jest.setTimeout(60_000);

interface Part {
  method: 'GET' | 'POST' | 'MERGE' | 'DELETE';
  url: string;
  body?: unknown;
  ifMatch?: string;
}

/**
 * A $batch body as PnPjs's createBatch writes it (Microsoft: "Make batch requests
 * with the REST APIs"): GETs as their own parts, consecutive writes in one changeset.
 */
function batchBody(parts: Part[]): { boundary: string; body: string } {
  const batch = `batch_${randomUUID()}`;
  const lines: string[] = [];
  let changeset = '';
  for (const p of parts) {
    if (p.method === 'GET') {
      if (changeset) lines.push(`--${changeset}--\n\n`);
      changeset = '';
      lines.push(`--${batch}\n`);
    } else {
      if (!changeset) {
        changeset = `changeset_${randomUUID()}`;
        lines.push(`--${batch}\n`, `Content-Type: multipart/mixed; boundary="${changeset}"\n\n`);
      }
      lines.push(`--${changeset}\n`);
    }
    lines.push('Content-Type: application/http\n', 'Content-Transfer-Encoding: binary\n\n');
    lines.push(`${p.method} ${p.url} HTTP/1.1\n`);
    lines.push('Accept: application/json\n', 'Content-Type: application/json;charset=utf-8\n');
    if (p.ifMatch) lines.push(`IF-Match: ${p.ifMatch}\n`);
    lines.push('\n');
    if (p.body !== undefined) lines.push(`${JSON.stringify(p.body)}\n\n`);
  }
  if (changeset) lines.push(`--${changeset}--\n\n`);
  lines.push(`--${batch}--\n`);
  return { boundary: batch, body: lines.join('') };
}

interface PartResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses a batch response as strictly as PnPjs does: every part begins --batchresponse_. */
function parseBatch(text: string): PartResponse[] {
  const out: PartResponse[] = [];
  const chunks = text.split(/\r?\n(?=--batchresponse_)/);
  for (const chunk of chunks) {
    const lines = chunk.split(/\r?\n/);
    expect(lines[0]).toMatch(/^--batchresponse_[0-9a-f-]+(--)?$/);
    if ((lines[0] ?? '').endsWith('--')) continue;
    let i = 1;
    while (lines[i] !== '') i += 1;
    const status = /^HTTP\/1\.1 (\d+) /.exec(lines[i + 1] ?? '');
    expect(status).not.toBeNull();
    const headers: Record<string, string> = {};
    i += 2;
    for (; lines[i] !== ''; i += 1) {
      const [k, ...v] = (lines[i] ?? '').split(':');
      headers[(k ?? '').toLowerCase()] = v.join(':').trim();
    }
    out.push({
      status: Number(status?.[1]),
      headers,
      body: lines
        .slice(i + 1)
        .join('\n')
        .trim(),
    });
  }
  return out;
}

async function send(
  api: Api,
  parts: Part[],
): Promise<{ status: number; contentType: string; text: string; parts: PartResponse[] }> {
  const { boundary, body } = batchBody(parts);
  const res = await fetch(`${api.siteUrl}/_api/$batch`, {
    method: 'POST',
    headers: {
      'Content-Type': `multipart/mixed; boundary=${boundary}`,
      Accept: 'application/json',
      Authorization: `Bearer dev:${DEFAULT_TEST_USER}`,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, parts: parseBatch(text) };
}

const action = (key: string, extra: Record<string, unknown> = {}) => ({
  Title: `Batch action ${key}`,
  ActionKey: key,
  ActionScope: 'Programme',
  ...extra,
});

async function actionByKey(api: Api, key: string): Promise<any[]> {
  return (await api.call(api.items('Actions', `?$filter=ActionKey eq '${key}'`))).json.value;
}

describe('$batch (Microsoft: "Make batch requests with the REST APIs")', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.server.close();
  });

  it('answers one part per request, every part beginning --batchresponse_', async () => {
    const items = `${api.siteUrl}/_api/web/lists/getbytitle('Actions')/items`;
    const r = await send(api, [
      { method: 'GET', url: `${api.siteUrl}/_api/web?$select=Title` },
      { method: 'POST', url: items, body: action('B-1') },
      { method: 'POST', url: items, body: action('B-2') },
      { method: 'GET', url: `${items}?$filter=ActionKey eq 'B-1'&$select=ActionKey` },
    ]);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    expect(r.parts.map((p) => p.status)).toEqual([200, 201, 201, 200]);
    expect(JSON.parse(r.parts[0]?.body ?? '').Title).toBe('Collaboration Register');
    expect(r.parts[1]?.headers.etag).toBe('"1"');
    expect(JSON.parse(r.parts[3]?.body ?? '').value).toEqual([expect.objectContaining({ ActionKey: 'B-1' })]);
    expect(r.text.trimEnd().endsWith('--')).toBe(true);
  });

  it('runs MERGE and DELETE with If-Match inside a changeset, 412 included', async () => {
    const created = await api.call(api.items('Actions'), { body: action('B-3') });
    const url = `${api.siteUrl}/_api/web/lists/getbytitle('Actions')/items(${created.json.Id})`;
    const r = await send(api, [
      { method: 'MERGE', url, ifMatch: '"1"', body: { Progress: 50 } },
      { method: 'MERGE', url, ifMatch: '"1"', body: { Progress: 60 } },
      { method: 'DELETE', url, ifMatch: '"2"' },
    ]);
    expect(r.parts.map((p) => p.status)).toEqual([204, 412, 200]);
    expect(r.parts[0]?.headers.etag).toBe('"2"');
    expect(JSON.parse(r.parts[1]?.body ?? '')['odata.error'].message.value).toBe(
      `The request ETag value '"1"' does not match the object's ETag value '"2"'.`,
    );
    expect(await actionByKey(api, 'B-3')).toEqual([]);
  });

  it('is not transactional, as SharePoint documents: a failing part writes nothing, the others are written', async () => {
    const items = `${api.siteUrl}/_api/web/lists/getbytitle('Actions')/items`;
    const r = await send(api, [
      { method: 'POST', url: items, body: action('B-4') },
      { method: 'POST', url: items, body: action('B-5', { Colour: 'red' }) },
      { method: 'POST', url: items, body: action('B-4') },
      { method: 'POST', url: items, body: action('B-6') },
    ]);
    expect(r.parts.map((p) => p.status)).toEqual([201, 400, 400, 201]);
    expect(JSON.parse(r.parts[2]?.body ?? '')['odata.error'].code).toBe(
      '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
    );
    expect(await actionByKey(api, 'B-4')).toHaveLength(1);
    expect(await actionByKey(api, 'B-5')).toHaveLength(0);
    expect(await actionByKey(api, 'B-6')).toHaveLength(1);
  });

  it('runs each part as the batch request user, with their permissions', async () => {
    const { boundary, body } = batchBody([
      {
        method: 'POST',
        url: `${api.siteUrl}/_api/web/lists/getbytitle('Partner Organisations')/items`,
        body: { Title: 'X', PartnerKey: 'x-batch', Sector: 'Other' },
      },
    ]);
    const res = await fetch(`${api.siteUrl}/_api/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, Authorization: 'Bearer dev:officer' },
      body,
    });
    const parts = parseBatch(await res.text());
    expect(parts.map((p) => p.status)).toEqual([403]);
  });

  it('rejects a body that is not multipart', async () => {
    const r = await api.call('/_api/$batch', { body: { not: 'multipart' } });
    expect(r.status).toBe(400);
  });
});

describe('$batch with atomicChangesets (an option; SharePoint Online does not roll back)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ atomicChangesets: true });
  });
  afterAll(async () => {
    await api.server.close();
  });

  it('leaves nothing of a changeset written when one of its parts fails', async () => {
    const items = `${api.siteUrl}/_api/web/lists/getbytitle('Actions')/items`;
    const before = (await api.call(`${api.list('Actions')}?$select=ItemCount`)).json.ItemCount;
    const r = await send(api, [
      { method: 'POST', url: items, body: action('A-1') },
      { method: 'POST', url: items, body: action('A-2', { Colour: 'red' }) },
      { method: 'POST', url: items, body: action('A-3') },
      { method: 'GET', url: `${api.siteUrl}/_api/web?$select=Title` },
      { method: 'POST', url: items, body: action('A-4') },
    ]);
    expect(r.parts.map((p) => p.status)).toEqual([424, 400, 424, 200, 201]);
    expect(await actionByKey(api, 'A-1')).toHaveLength(0);
    expect(await actionByKey(api, 'A-3')).toHaveLength(0);
    expect(await actionByKey(api, 'A-4')).toHaveLength(1);
    expect((await api.call(`${api.list('Actions')}?$select=ItemCount`)).json.ItemCount).toBe(before + 1);
  });
});
