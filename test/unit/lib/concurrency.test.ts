import { mapLimit } from '../../../src/lib/concurrency';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('mapLimit', () => {
  it('keeps the order of the items and never runs more than `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      running += 1;
      most = Math.max(most, running);
      for (let k = 0; k < n; k += 1) await tick();
      running -= 1;
      return `${i}:${n * 2}`;
    });
    expect(out).toEqual(['0:10', '1:2', '2:8', '3:4', '4:6', '5:0', '6:12']);
    expect(most).toBe(3);
  });
  it('handles no items, and a limit below one or above the count', async () => {
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
    expect(await mapLimit([1, 2], 0, (n) => Promise.resolve(n + 1))).toEqual([2, 3]);
    expect(await mapLimit([1, 2], 99, (n) => Promise.resolve(n + 1))).toEqual([2, 3]);
  });
  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapLimit([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        await tick();
        if (n === 2) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
