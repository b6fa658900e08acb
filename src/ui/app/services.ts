/**
 * The tab's composition root: the ONE module of src/ui that knows the data
 * layer exists. It builds the repositories over one PnPjs set-up and hands the
 * features the ports (src/domain/ports.ts) and nothing else, so the features
 * never see SharePoint, PnPjs or the embedded server.
 */
import { createSp } from '../../data/sp';
import { createRepositories, type Repositories } from '../../data/repositories';
import { PeopleRepository, type PeopleStore } from '../../data/repositories/people';
import type { TabConfig } from './config';

export interface Stores extends Repositories {
  readonly people: PeopleStore;
}

/** A demo user of the embedded list server (dev mode only). */
export interface DevUser {
  readonly key: string;
  readonly id: number;
  readonly displayName: string;
  readonly email: string;
}

export interface Services {
  readonly config: TabConfig;
  readonly stores: Stores;
  /** Dev mode: the demo user the requests run as. */
  readonly devUser?: string;
  /**
   * Runs several reads as ONE `$batch` request (Home's first render). Each read
   * keeps its own result; if the batch itself cannot be sent, the reads run one
   * by one, so a failure is still each read's coded result and nothing hangs.
   */
  readBatched<T extends readonly unknown[]>(
    reads: (stores: Stores) => { readonly [K in keyof T]: Promise<T[K]> },
  ): Promise<T>;
  /** Dev mode: the demo users one may act as (empty elsewhere). */
  devUsers(): Promise<DevUser[]>;
}

export interface ServiceOptions {
  readonly config: TabConfig;
  /** Dev mode: the demo user key (`officer`, `governance`, `panel`...). */
  readonly devUser?: string;
  /** Production: a SharePoint token (src/teams/auth.ts). Dev mode uses `dev:<devUser>`. */
  readonly getToken?: () => Promise<string>;
  /** Retries after the first attempt of a throttled or lost request (default: createSp's). */
  readonly retries?: number;
  readonly retryBaseMs?: number;
  readonly fetch?: typeof fetch;
}

function storesOver(sp: ReturnType<typeof createSp>): Stores {
  return { ...createRepositories(sp), people: new PeopleRepository(sp) };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createServices(options: ServiceOptions): Services {
  const { config } = options;
  const devUser = config.dev ? (options.devUser ?? 'officer') : undefined;
  const getToken =
    devUser !== undefined ? () => Promise.resolve(`dev:${encodeURIComponent(devUser)}`) : options.getToken;
  const sp = createSp({
    siteUrl: config.siteUrl,
    ...(getToken ? { getToken } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const stores = storesOver(sp);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  return {
    config,
    stores,
    ...(devUser !== undefined ? { devUser } : {}),
    async readBatched<T extends readonly unknown[]>(
      reads: (s: Stores) => { readonly [K in keyof T]: Promise<T[K]> },
    ): Promise<T> {
      const [batched, execute] = sp.batched({ maxRequests: 100 });
      const inBatch = reads(storesOver(batched)) as readonly Promise<unknown>[];
      // Let every read reach PnPjs's send moment, so all of them join the batch.
      await nextTask();
      try {
        await execute();
      } catch {
        return (await Promise.all(reads(stores) as readonly Promise<unknown>[])) as unknown as T;
      }
      return (await Promise.all(inBatch)) as unknown as T;
    },
    async devUsers(): Promise<DevUser[]> {
      if (!config.dev) return [];
      try {
        const r = await doFetch(`${new URL(config.siteUrl).origin}/_dev/users`, {
          headers: { Accept: 'application/json' },
        });
        if (!r.ok) return [];
        const users = (await r.json()) as { key: string; Id: number; Title: string; Email: string }[];
        return users.map((u) => ({ key: u.key, id: u.Id, displayName: u.Title, email: u.Email }));
      } catch {
        return [];
      }
    },
  };
}
