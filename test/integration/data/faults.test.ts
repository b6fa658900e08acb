import { countItems, reposAs, startServer, unique, type ListServer } from './helpers';
import { action, collaboration } from './fixtures';

/**
 * 20% of requests fail with 429 or 503 (Retry-After small). Every write must
 * land exactly once: creates are idempotent on their keys, batches resend
 * only what did not land, updates that landed are recognised.
 */
describe('with 20% of requests throttled or unavailable', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true, faultRate: 0.2, retryAfterSeconds: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('every create, batched create and update lands exactly once', async () => {
    const repos = reposAs(server, 'officer', { retries: 8, retryBaseMs: 2, retryMaxMs: 50 });
    const tag = unique('FAULT');

    const singles = [];
    for (let i = 0; i < 40; i++)
      singles.push(await repos.actions.create(action(`${tag}-S${i}`, { title: `${tag} single ${i}` })));
    expect(singles.filter((r) => !r.ok)).toEqual([]);

    const batch = await repos.actions.createMany(
      Array.from({ length: 300 }, (_, i) => action(`${tag}-B${i}`, { title: `${tag} batch ${i}` })),
    );
    expect(batch.filter((r) => !r.ok)).toEqual([]);

    const updates = [];
    for (const r of singles.slice(0, 20)) {
      if (r.ok)
        updates.push(await repos.actions.update({ ...r.value, progress: 50, progressNote: `Half way — ${tag}` }));
    }
    expect(updates.filter((r) => !r.ok)).toEqual([]);

    const refs = [];
    for (let i = 0; i < 10; i++) {
      const next = await repos.collaborations.nextReference();
      if (!next.ok) throw new Error(next.error.code);
      const c = await repos.collaborations.create(collaboration(next.value, { directorate: tag }));
      if (!c.ok) throw new Error(`${c.error.code} ${c.error.detail ?? ''}`);
      refs.push(c.value.reference);
    }

    // Count with faults off the table: a bare read on a fault-free connection to the same data.
    const count = async (filter: string) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await countItems(server, 'Actions', filter);
        } catch (e) {
          if (attempt > 20) throw e;
        }
      }
    };
    expect(await count(`startswith(ActionKey,'${tag}-S')`)).toBe(40);
    expect(await count(`startswith(ActionKey,'${tag}-B')`)).toBe(300);
    const all = await repos.actions.openDueOnOrBefore('2026-09-30');
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    const mine = all.value.filter((a) => a.key.startsWith(tag));
    expect(mine).toHaveLength(340);
    expect(mine.filter((a) => a.progress === 50)).toHaveLength(20);
    const collaborations = await repos.collaborations.all({ directorate: tag });
    expect(collaborations.ok && collaborations.value.map((c) => c.reference).sort()).toEqual([...refs].sort());
  }, 120_000);
});

/**
 * The harder case: the write lands but its response is lost (the client sees
 * a network failure after the server committed). The retry then meets the
 * client-made key (create), its own new ETag (update) or both (batch): each
 * must be recognised as the earlier attempt, not written again.
 */
describe('when 25% of write responses are lost after the write landed', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('every create, batched create and update still lands exactly once', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let lost = 0;
    const lossyFetch: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (init?.method === 'POST' && random() < 0.25) {
        await response.arrayBuffer();
        lost++;
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      }
      return response;
    };
    const repos = reposAs(server, 'officer', { fetch: lossyFetch, retries: 10, retryBaseMs: 1, retryMaxMs: 5 });
    const tag = unique('LOST');

    const singles = [];
    for (let i = 0; i < 30; i++) singles.push(await repos.actions.create(action(`${tag}-S${i}`)));
    expect(singles.filter((r) => !r.ok)).toEqual([]);
    const batch = await repos.actions.createMany(Array.from({ length: 250 }, (_, i) => action(`${tag}-B${i}`)));
    expect(batch.filter((r) => !r.ok)).toEqual([]);
    const updates = [];
    for (const r of singles) if (r.ok) updates.push(await repos.actions.update({ ...r.value, progress: 75 }));
    expect(updates.filter((r) => !r.ok)).toEqual([]);

    expect(lost).toBeGreaterThan(5);
    expect(await countItems(server, 'Actions', `startswith(ActionKey,'${tag}-S')`)).toBe(30);
    expect(await countItems(server, 'Actions', `startswith(ActionKey,'${tag}-B')`)).toBe(250);
    const read = await reposAs(server, 'officer').actions.openDueOnOrBefore('2026-09-30');
    expect(read.ok && read.value.filter((a) => a.key.startsWith(`${tag}-S`) && a.progress === 75)).toHaveLength(30);
  }, 120_000);
});
