/**
 * What the benchmarks share: the median of some runs, rounding a figure, counting a client's
 * HTTP requests, and an embedded list server on a file of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSp } from '../data/sp';
import { startListServer, type ListServerOptions, type RunningListServer } from '../local/server';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;

/** A `fetch` that counts the requests made through it; set `count` to 0 to start again. */
export interface RequestCounter {
  readonly fetch: typeof fetch;
  count: number;
}

export function countRequests(): RequestCounter {
  const counter: RequestCounter = {
    count: 0,
    fetch: (input, init) => {
      counter.count += 1;
      return fetch(input, init);
    },
  };
  return counter;
}

/** A PnPjs client for the embedded list server, signed in with a dev token, that counts its requests. */
export function countedSp(siteUrl: string, token: string) {
  const requests = countRequests();
  const sp = createSp({ siteUrl, getToken: () => Promise.resolve(token), fetch: requests.fetch });
  return { sp, requests };
}

/**
 * Runs `f` against an embedded list server whose data file is in a new temporary folder
 * (`prefix` names it); however `f` ends, the server is closed and the folder removed.
 */
export async function withListServer<T>(
  prefix: string,
  options: Omit<ListServerOptions, 'port' | 'dataFile'>,
  f: (server: RunningListServer) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startListServer({ port: 0, dataFile: join(dir, 'bench.db'), ...options });
  try {
    return await f(server);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
