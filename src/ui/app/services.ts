/**
 * The tab's composition root: the ONE module of src/ui that knows the data
 * layer exists. It builds the repositories over one PnPjs set-up and hands the
 * features the ports (src/domain/ports.ts) and nothing else, so the features
 * never see SharePoint, PnPjs or the embedded server.
 */
import { createSp } from '../../data/sp';
import { createRepositories, type Repositories } from '../../data/repositories';
import { PeopleRepository, type PeopleStore, type Role } from '../../data/repositories/people';
import { createImportTarget } from '../../data/import/target';
import type { ImportTarget } from '../../domain/import';
import type { TabConfig } from './config';
import type { ChannelPostTarget, Person, RepoResult, Review } from '../../domain';
import { postReviewToPanel, type PanelPostInput, type PanelPostResult } from '../../app/postReviewToPanel';
import { panelReviewCard } from '../../notify/cards';
import { devInboxTransport, graphTransport, type Transport } from '../../notify/transports';
import { reviewSubPage, recordDeepLink } from '../../teams/deepLinks';

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
  /**
   * Who the person is and which of the site's groups they are in, read once. A page's
   * `readBatched` carries these two reads in its own `$batch` when it comes first, or, with
   * `waitForPageBatch` (the shell, opening on Home), when it comes within WHO_AM_I_PAGE_WAIT_MS:
   * Home renders after ONE request. Otherwise they go at once, as one `$batch`. A failed read is
   * not kept: the next call asks again.
   */
  whoAmI(options?: { readonly waitForPageBatch?: boolean }): Promise<WhoAmI>;
  /** Dev mode: the demo users one may act as (empty elsewhere). */
  devUsers(): Promise<DevUser[]>;
  /** Posting to Teams channels as the person. */
  readonly channels: ChannelService;
  /**
   * Where an import writes: the same target as `npm run import`, so rows already imported are
   * found on the indexed ImportKey and Reference columns, never by reading the whole register.
   */
  importTarget(): ImportTarget;
}

export type { PanelPostCode, PanelPostInput, PanelPostResult } from '../../app/postReviewToPanel';

export interface WhoAmI {
  readonly person: RepoResult<Person>;
  readonly memberships: RepoResult<{ readonly roles: Role[]; readonly panels: string[] }>;
}

/** How long who-am-I waits for the page's batch (a lazily loaded page's first read) before it goes alone. */
export const WHO_AM_I_PAGE_WAIT_MS = 3_000;

export interface ChannelService {
  /**
   * Posts the review's card (notify's panelReviewCard, the reminders' card code) to
   * the panel's channel (Channel Mappings, kind `panel`, named as the review's panel)
   * and keeps the message's address on the review, with the ETag it was read with.
   * In Teams: Microsoft Graph, delegated ChannelMessage.Send. Dev mode: the dev inbox.
   */
  postPanelReview(input: PanelPostInput): Promise<PanelPostResult>;
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
  /** Production: a Microsoft Graph token with ChannelMessage.Send (src/teams/auth.ts getGraphToken). */
  readonly getGraphToken?: () => Promise<string>;
  /** The Teams app's id, for deep links on cards (without it, cards link to the tab's web address). */
  readonly teamsAppId?: string;
  /** The tab's web address (default: this page's, without the hash). */
  readonly tabUrl?: string;
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
  const channels = channelService(options, stores, doFetch);

  const meReads = (s: Stores): Promise<WhoAmI> =>
    Promise.all([s.people.current(), s.people.memberships()]).then(([person, memberships]) => ({
      person,
      memberships,
    }));
  let me: Promise<WhoAmI> | undefined;
  /** Set while who-am-I waits: a page batch takes it (clearing the wait) and answers it. */
  let joinMe: (() => (value: WhoAmI) => void) | undefined;

  /** Who-am-I's one promise, kept until a read of the person fails; its resolver answers it. */
  function startMe(): { readonly read: Promise<WhoAmI>; readonly answer: (value: WhoAmI) => void } {
    let answer: (value: WhoAmI) => void = () => undefined;
    const read = new Promise<WhoAmI>((resolve) => (answer = resolve));
    me = read;
    void read.then((r) => {
      if (!r.person.ok && me === read) me = undefined;
    });
    return { read, answer };
  }

  async function readBatched<T extends readonly unknown[]>(
    reads: (s: Stores) => { readonly [K in keyof T]: Promise<T[K]> },
  ): Promise<T> {
    const [batched, execute] = sp.batched({ maxRequests: 100 });
    const inBatchStores = storesOver(batched);
    const inBatch = reads(inBatchStores) as readonly Promise<unknown>[];
    // Who-am-I rides along: the one waiting for a batch, or, not asked yet, the first page's.
    const answerMe = joinMe?.() ?? (me === undefined ? startMe().answer : undefined);
    const meInBatch = answerMe ? meReads(inBatchStores) : undefined;
    // Let every read reach PnPjs's send moment, so all of them join the batch.
    await nextTask();
    try {
      await execute();
    } catch {
      if (answerMe) void meReads(stores).then(answerMe);
      return (await Promise.all(reads(stores) as readonly Promise<unknown>[])) as unknown as T;
    }
    if (answerMe && meInBatch) void meInBatch.then(answerMe);
    return (await Promise.all(inBatch)) as unknown as T;
  }

  function whoAmI(options?: { readonly waitForPageBatch?: boolean }): Promise<WhoAmI> {
    if (me) return me;
    const { read, answer } = startMe();
    const timer = setTimeout(
      () => {
        joinMe = undefined;
        void readBatched<[RepoResult<Person>, WhoAmI['memberships']]>((s) => [
          s.people.current(),
          s.people.memberships(),
        ]).then(([person, memberships]) => answer({ person, memberships }));
      },
      options?.waitForPageBatch ? WHO_AM_I_PAGE_WAIT_MS : 0,
    );
    joinMe = () => {
      clearTimeout(timer);
      joinMe = undefined;
      return answer;
    };
    return read;
  }

  return {
    config,
    stores,
    channels,
    importTarget: () => createImportTarget(sp),
    ...(devUser !== undefined ? { devUser } : {}),
    readBatched,
    whoAmI,
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

/** A post id the card carries (so a lost response can be found again), without node:crypto. */
function postIdFor(review: Review): string {
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID().replace(/-/g, '')
      : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `review-${review.key}-${random}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64);
}

function tabAddress(options: ServiceOptions): string {
  if (options.tabUrl) return options.tabUrl.replace(/#.*$/, '');
  if (typeof location !== 'undefined' && /^https?:/.test(location.href)) return location.href.replace(/#.*$/, '');
  return `${new URL(options.config.siteUrl).origin}/index.html`;
}

function channelService(options: ServiceOptions, stores: Stores, doFetch: typeof fetch): ChannelService {
  const { config } = options;
  const transport = (): Transport | undefined => {
    if (config.dev) {
      return devInboxTransport({
        baseUrl: new URL(config.siteUrl).origin,
        fetch: doFetch,
        retries: 2,
        retryBaseMs: 200,
      });
    }
    if (!options.getGraphToken) return undefined;
    return graphTransport({ getToken: options.getGraphToken, fetch: doFetch, retries: 2 });
  };

  const reviewUrl = (reviewKey: string): string => {
    const webUrl = `${tabAddress(options)}#/review/${encodeURIComponent(reviewKey)}`;
    return options.teamsAppId
      ? recordDeepLink({
          appId: options.teamsAppId,
          entityId: 'home',
          subPageId: reviewSubPage(reviewKey),
          webUrl,
          label: reviewKey,
        })
      : webUrl;
  };

  return {
    postPanelReview(input: PanelPostInput): Promise<PanelPostResult> {
      const send = transport();
      return postReviewToPanel(
        {
          mappings: stores.channelMappings,
          reviews: stores.reviews,
          transport: send
            ? {
                post: (target, card, opts) => send.post({ ...target, transport: send.kind }, card, opts),
                ...(send.findPost
                  ? {
                      findPost: (target: ChannelPostTarget, postId: string) =>
                        send.findPost!({ ...target, transport: send.kind }, postId),
                    }
                  : {}),
              }
            : undefined,
          card: panelReviewCard,
          reviewUrl,
          postId: postIdFor,
        },
        input,
      );
    },
  };
}
