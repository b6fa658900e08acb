import { HttpRequestError } from '@pnp/queryable';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import { createSp, DEFAULT_USER_AGENT, toRepoError } from '../../../src/data/sp';
import { parseRetryAfter, retryDelayMs } from '../../../src/lib/retry';

const SITE = 'https://contoso.sharepoint.com/sites/council';

function httpError(status: number, body: unknown): HttpRequestError {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new HttpRequestError(
    `Error making HttpClient request in queryable [${status}] x ::> ${text}`,
    new Response(text, { status }),
  );
}

describe('toRepoError', () => {
  it.each([
    [
      httpError(412, {
        'odata.error': {
          code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
          message: { value: "The request ETag value '\"8\"' does not match the object's ETag value '\"9\"'." },
        },
      }),
      'conflict',
    ],
    [
      httpError(400, {
        'odata.error': {
          code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
          message: { value: 'This value already exists in the list.' },
        },
      }),
      'duplicate',
    ],
    [
      httpError(409, {
        error: { code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', message: { value: 'dup' } },
      }),
      'duplicate',
    ],
    [
      httpError(404, {
        'odata.error': { code: '-2130575338, System.ArgumentException', message: { value: 'Item does not exist.' } },
      }),
      'notFound',
    ],
    [httpError(401, 'Unauthorized'), 'forbidden'],
    [
      httpError(403, {
        'odata.error': {
          code: '-2147024891, System.UnauthorizedAccessException',
          message: { value: 'Access denied.' },
        },
      }),
      'forbidden',
    ],
    [httpError(429, ''), 'throttled'],
    [httpError(503, ''), 'throttled'],
    [
      httpError(500, {
        'odata.error': {
          code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
          message: { value: 'The attempted operation is prohibited because it exceeds the list view threshold.' },
        },
      }),
      'threshold',
    ],
    [
      httpError(400, {
        'odata.error': {
          code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          message: { value: 'Bad filter' },
        },
      }),
      'invalid',
    ],
    [httpError(500, 'boom'), 'unexpected'],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'network'],
    [new Error('something else'), 'unexpected'],
  ])('%#: -> %s', (e, code) => {
    expect(toRepoError(e).code).toBe(code);
  });

  it("keeps SharePoint's message as detail", () => {
    const e = httpError(412, { 'odata.error': { code: '-1', message: { lang: 'en-US', value: 'ETag mismatch' } } });
    expect(toRepoError(e).detail).toBe('412 ETag mismatch');
  });
});

describe('Retry-After and back-off (the policy createSp uses, src/lib/retry)', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
  const policy = (baseMs: number, maxDelayMs: number) => ({ retries: 4, baseMs, maxDelayMs });
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('nonsense', now)).toBeUndefined();
  });
  it('waits what the server says plus a little jitter, capped', () => {
    expect(retryDelayMs(policy(500, 60_000), { attempt: 1, retryAfter: '2', nowMs: now, random: 0.5 })).toBe(2050);
    expect(retryDelayMs(policy(500, 60_000), { attempt: 1, retryAfter: '600', nowMs: now, random: 0.5 })).toBe(60_000);
  });
  it('backs off exponentially with jitter when the server says nothing', () => {
    expect(retryDelayMs(policy(500, 60_000), { attempt: 1, nowMs: now, random: 1 })).toBe(500);
    expect(retryDelayMs(policy(500, 60_000), { attempt: 3, nowMs: now, random: 0 })).toBe(1000);
    expect(retryDelayMs(policy(500, 4000), { attempt: 20, nowMs: now, random: 1 })).toBe(4000);
  });
});

describe('createSp', () => {
  function fakeFetch(responses: (() => Response)[]) {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: typeof url === 'string' ? url : url instanceof URL ? url.href : url.url, init: init ?? {} });
      const next = responses.shift();
      return next ? Promise.resolve(next()) : Promise.reject(new TypeError('fetch failed'));
    };
    return { calls, fetch };
  }
  const json =
    (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    () =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

  it('sends the bearer token and the User-Agent, and asks for no form digest', async () => {
    const f = fakeFetch([json({ Id: 1, 'odata.etag': '"1"' }, 201)]);
    const sp = createSp({ siteUrl: SITE, getToken: () => Promise.resolve('tok'), fetch: f.fetch });
    await sp.web.lists.getByTitle('Collaborations').items.add({ Title: 'x' });
    expect(f.calls).toHaveLength(1);
    const headers = new Headers(f.calls[0]?.init.headers);
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('User-Agent')).toBe(DEFAULT_USER_AGENT);
    expect(f.calls[0]?.url).toBe(`${SITE}/_api/web/lists/getByTitle('Collaborations')/items`);
  });

  it('retries 429 and 503 honouring Retry-After, then succeeds', async () => {
    const f = fakeFetch([
      json({}, 429, { 'Retry-After': '0' }),
      json({}, 503, { 'Retry-After': '0' }),
      json({ value: [{ Id: 1 }] }),
    ]);
    const retries: number[] = [];
    const sp = createSp({ siteUrl: SITE, fetch: f.fetch, retryBaseMs: 1, onRetry: (i) => retries.push(i.status ?? 0) });
    const items = await sp.web.lists.getByTitle('Collaborations').items();
    expect(items).toEqual([{ Id: 1 }]);
    expect(retries).toEqual([429, 503]);
  });

  it('gives up after the configured retries with the last status', async () => {
    const f = fakeFetch([json({}, 429), json({}, 429), json({}, 429)]);
    const sp = createSp({ siteUrl: SITE, fetch: f.fetch, retries: 2, retryBaseMs: 1 });
    const e = await sp.web.lists
      .getByTitle('Collaborations')
      .items()
      .catch((x: unknown) => x);
    expect(toRepoError(e).code).toBe('throttled');
    expect(f.calls).toHaveLength(3);
  });

  it('without a token, fetches a form digest before a write (PnPjs RequestDigest)', async () => {
    const f = fakeFetch([json({ FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 }), json({ Id: 1 }, 201)]);
    const sp = createSp({ siteUrl: 'https://contoso.sharepoint.com/sites/nodigest', fetch: f.fetch });
    await sp.web.lists.getByTitle('Collaborations').items.add({ Title: 'x' });
    expect(f.calls.map((c) => c.url)).toEqual([
      'https://contoso.sharepoint.com/sites/nodigest/_api/contextinfo',
      "https://contoso.sharepoint.com/sites/nodigest/_api/web/lists/getByTitle('Collaborations')/items",
    ]);
    expect(new Headers(f.calls[1]?.init.headers).get('X-RequestDigest')).toBe('digest');
  });

  it('retries a network failure and reports `network` when it persists', async () => {
    const f = fakeFetch([]);
    const sp = createSp({ siteUrl: SITE, fetch: f.fetch, retries: 1, retryBaseMs: 1 });
    const e = await sp.web.lists
      .getByTitle('Collaborations')
      .items()
      .catch((x: unknown) => x);
    expect(toRepoError(e).code).toBe('network');
    expect(f.calls).toHaveLength(2);
  });

  it('does not retry a 412', async () => {
    const f = fakeFetch([json({ 'odata.error': { code: '-1', message: { value: 'etag' } } }, 412)]);
    const sp = createSp({ siteUrl: SITE, getToken: () => Promise.resolve('tok'), fetch: f.fetch, retryBaseMs: 1 });
    const e: unknown = await sp.web.lists
      .getByTitle('Collaborations')
      .items.getById(1)
      .update({ Title: 'x' }, '"1"')
      .catch((x: unknown) => x);
    expect(toRepoError(e).code).toBe('conflict');
    expect(f.calls).toHaveLength(1);
    expect(new Headers(f.calls[0]?.init.headers).get('IF-Match')).toBe('"1"');
  });
});
