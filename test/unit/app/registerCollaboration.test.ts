import { registerCollaboration } from '../../../src/app/registerCollaboration';
import type { Collaboration } from '../../../src/domain/collaboration';
import { formatReference, parseReference } from '../../../src/domain/reference';
import type { RepoResult } from '../../../src/domain/ports';
import { aCollaboration } from '../domain/fixtures';
import { FakeList } from './fakes';

/** A register whose next reference may be stale: it answers what it answered `lag` calls ago. */
function register(staleAnswers: string[] = []) {
  const list = new FakeList<Collaboration>((c) => c.reference);
  let nextCalls = 0;
  return {
    list,
    nextCalls: () => nextCalls,
    store: {
      nextReference: (): Promise<RepoResult<string>> => {
        nextCalls += 1;
        const stale = staleAnswers.shift();
        if (stale) return Promise.resolve({ ok: true, value: stale });
        const max = Math.max(0, ...list.all().map((c) => parseReference(c.reference) ?? 0));
        return Promise.resolve({ ok: true, value: formatReference(max + 1) });
      },
      create: (c: Collaboration) => list.create(c),
    },
  };
}

describe('registerCollaboration', () => {
  it('creates the record under the next reference, whatever reference the form held', async () => {
    const r = register();
    r.list.seed(aCollaboration({ reference: 'COL-0041', title: 'Older' }));
    const created = await registerCollaboration(r.store, aCollaboration({ reference: 'COL-0001' }));
    expect(created.ok && created.value.reference).toBe('COL-0042');
    expect(r.list.all().map((c) => c.reference)).toEqual(['COL-0041', 'COL-0042']);
  });

  it('takes the next reference and tries again when someone else took the one it was given', async () => {
    const r = register(['COL-0041']);
    r.list.seed(aCollaboration({ reference: 'COL-0041', title: 'Someone else’s, created meanwhile' }));
    const created = await registerCollaboration(r.store, aCollaboration({ title: 'Mine' }));
    expect(created.ok).toBe(true);
    expect(created.ok && created.value.reference).toBe('COL-0042');
    expect(created.ok && created.value.title).toBe('Mine');
    expect(r.list.items.get(1)?.title).toBe('Someone else’s, created meanwhile');
    expect(r.nextCalls()).toBe(2);
  });

  it('gives up with `duplicate` after three references that were all taken, having created nothing', async () => {
    const r = register(['COL-0001', 'COL-0001', 'COL-0001', 'COL-0001']);
    r.list.seed(aCollaboration({ reference: 'COL-0001', title: 'Taken' }));
    const created = await registerCollaboration(r.store, aCollaboration({ title: 'Mine' }));
    expect(created).toEqual({ ok: false, error: { code: 'duplicate' } });
    expect(r.nextCalls()).toBe(3);
    expect(r.list.all()).toHaveLength(1);
  });

  it('recognises its own earlier create that landed (a retry after a lost response) as success', async () => {
    const r = register(['COL-0007']);
    const mine = aCollaboration({ reference: 'COL-0007', title: 'Mine' });
    r.list.seed(mine);
    const created = await registerCollaboration(r.store, mine);
    expect(created.ok && created.value.id).toBe(1);
    expect(r.list.all()).toHaveLength(1);
  });

  it('returns any other failure at once, without trying another reference', async () => {
    const r = register();
    r.list.failNext('create', { code: 'throttled' });
    const created = await registerCollaboration(r.store, aCollaboration());
    expect(created).toEqual({ ok: false, error: { code: 'throttled' } });
    expect(r.nextCalls()).toBe(1);
    expect(r.list.all()).toHaveLength(0);
  });

  it('returns the failure to find a reference, creating nothing', async () => {
    const r = register();
    const store = {
      ...r.store,
      nextReference: () => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const } }),
    };
    const created = await registerCollaboration(store, aCollaboration());
    expect(created).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(r.list.all()).toHaveLength(0);
  });
});
