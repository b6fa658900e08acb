import type { SPFI } from '@pnp/sp';
import { createRepositories, type Repositories } from '../../../src/data/repositories';
import { createSp, type SpConfig } from '../../../src/data/sp';
import { startListServer } from '../../../src/local/server';
import type { Collaboration } from '../../../src/domain/collaboration';

export type ListServer = Awaited<ReturnType<typeof startListServer>>;
export type ServerOptions = Omit<Parameters<typeof startListServer>[0], 'port' | 'dataFile'> & { dataFile?: string };

export async function startServer(options: ServerOptions = {}): Promise<ListServer> {
  return startListServer({ port: 0, dataFile: ':memory:', ...options });
}

/** The one SPFI set-up, signed in as a dev user, with quick retries for tests. */
export function spAs(server: ListServer, user = 'officer', extra: Partial<SpConfig> = {}): SPFI {
  return createSp({
    siteUrl: server.siteUrl,
    getToken: () => Promise.resolve(`dev:${user}`),
    retryBaseMs: 5,
    retryMaxMs: 200,
    ...extra,
  });
}

export function reposAs(server: ListServer, user = 'officer', extra: Partial<SpConfig> = {}): Repositories {
  return createRepositories(spAs(server, user, extra));
}

/**
 * The collaborations store as a use case sees it, but the first record it reads is then saved
 * by `other` with `edit` applied (a person saving between the use case's read and its write),
 * so the use case's own write meets a 412 and must read again.
 */
export function racingCollaborations(
  repos: Repositories,
  other: Repositories,
  edit: Partial<Collaboration>,
): Pick<Repositories['collaborations'], 'get' | 'update'> {
  let edited = false;
  return {
    get: async (id) => {
      const r = await repos.collaborations.get(id);
      if (!edited && r.ok) {
        edited = true;
        const saved = await other.collaborations.update({ ...r.value, ...edit });
        if (!saved.ok) throw new Error(saved.error.code);
      }
      return r;
    },
    update: (record) => repos.collaborations.update(record),
  };
}

/** A unique suffix so tests on one server never collide on keys. */
let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Counts the items of a list with a bare REST call (independent of the repositories). */
export async function countItems(server: ListServer, listTitle: string, filter?: string): Promise<number> {
  let url: string | undefined =
    `${server.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(listTitle)}')/items?$select=Id&$top=5000` +
    (filter ? `&$filter=${encodeURIComponent(filter)}` : '');
  let count = 0;
  while (url) {
    const r = await fetch(url, {
      headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' },
    });
    if (!r.ok) throw new Error(`count ${listTitle}: ${r.status} ${await r.text()}`);
    const json = (await r.json()) as { value: unknown[]; 'odata.nextLink'?: string };
    count += json.value.length;
    url = json['odata.nextLink'];
  }
  return count;
}
