/* eslint-disable @typescript-eslint/no-unsafe-member-access -- raw REST bodies are untyped JSON, checked property by property */
import { startApi, type Api } from './helpers';

jest.setTimeout(60_000);

/** Throttling as SharePoint Online does it: 429 or 503 with Retry-After, before anything happens. */
describe('fault injection', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ faultRate: 1, retryAfterSeconds: 0 });
  });
  afterAll(async () => {
    await api.server.close();
  });

  const setRate = async (rate: number, retryAfterSeconds?: number) => {
    const res = await fetch(`${api.server.url}/_dev/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(retryAfterSeconds === undefined ? { rate } : { rate, retryAfterSeconds }),
    });
    return { status: res.status, json: (await res.json()) as { rate: number; retryAfterSeconds: number } };
  };

  it('with rate 1 answers every request 429 or 503 with Retry-After', async () => {
    const statuses = new Set<number>();
    for (let n = 0; n < 30; n += 1) {
      const r = await api.call(n % 2 ? '/_api/web' : api.items('Actions', '?$top=1'));
      expect([429, 503]).toContain(r.status);
      expect(r.headers.get('retry-after')).toBe('0');
      expect(r.json['odata.error'].message.value).toMatch(/fault injected/);
      statuses.add(r.status);
    }
    expect([...statuses].sort()).toEqual([429, 503]);
  });

  it('faults a write before doing anything, so nothing is written', async () => {
    const r = await api.call(api.items('Actions'), {
      body: { Title: 'Never written', ActionKey: 'F-1', ActionScope: 'Programme' },
    });
    expect([429, 503]).toContain(r.status);
    expect((await setRate(0)).json.rate).toBe(0);
    const check = await api.call(api.items('Actions', "?$filter=ActionKey eq 'F-1'"));
    expect(check.status).toBe(200);
    expect(check.json.value).toEqual([]);
  });

  it('is controlled by GET and POST /_dev/faults, which are never faulted', async () => {
    expect((await setRate(1, 2)).json).toEqual({ rate: 1, retryAfterSeconds: 2 });
    const state = await fetch(`${api.server.url}/_dev/faults`);
    expect(state.status).toBe(200);
    expect(await state.json()).toEqual({ rate: 1, retryAfterSeconds: 2 });
    const r = await api.call('/_api/web');
    expect(r.headers.get('retry-after')).toBe('2');
    expect((await setRate(1.5)).status).toBe(400);
    await setRate(0, 0);
    expect((await api.call('/_api/web')).status).toBe(200);
  });

  it('with a fractional rate faults about that share of requests', async () => {
    await setRate(0.3, 0);
    let faulted = 0;
    for (let n = 0; n < 200; n += 1) if ((await api.call('/_api/web?$select=Title')).status !== 200) faulted += 1;
    expect(faulted).toBeGreaterThan(30);
    expect(faulted).toBeLessThan(90);
    await setRate(0);
  });
});
