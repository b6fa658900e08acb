/**
 * The one concurrency helper: maps `items` through `fn` with at most `limit`
 * calls in flight, keeping the results in the items' order. A rejection of
 * `fn` rejects the whole map (as Promise.all does), and no further item is
 * started after it.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next;
      next += 1;
      try {
        out[i] = await fn(items[i] as T, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  if (items.length === 0) return out;
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}
