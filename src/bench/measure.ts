/** What the benchmarks share: the median of some runs, rounding a figure, and counting a client's HTTP requests. */
import { createSp } from '../data/sp';

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
