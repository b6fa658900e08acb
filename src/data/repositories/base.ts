import { parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import { SPCollection, type SPFI } from '@pnp/sp';
import type { IItems } from '@pnp/sp/items/index.js';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/batching.js';
import type { ItemVersion, Page, RepoError, RepoResult, Stored, VersionChange } from '../../domain/ports';
import { and, filterFor, odataString, or, type Clause, type FilterBuilder } from '../odata';
import { collection, etagOf, fromSpDate, selectFor, unstored, type ListMapper, type SpItem } from '../mappers';
import { choiceCode, type ChoiceSet } from '../schema';
import { siteUrlOf, toRepoError } from '../sp';
import { retryDelayMs, sleep, type RetryPolicy } from '../../lib/retry';

/**
 * What every list repository does, written once: reads with the schema's
 * $select/$expand on indexed filters, pages with $skiptoken (PnPjs follows
 * `odata.nextLink`), creates that are safe to retry, batched creates, updates
 * with the ETag that was read, and field-level version history.
 */
export const MAX_PAGE = 5000;
export const BATCH_SIZE = 100;
/** Keep a `$filter` of OR-ed keys well inside SharePoint's URL length limit. */
const MAX_FILTER_CHARS = 1500;
/** How many leading characters keys of one chunk share at least (COL-, ACT-, id:…). */
const KEY_PREFIX = 4;

const commonPrefix = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
};

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E = never>(error: RepoError<E>): { ok: false; error: RepoError<E> } => ({ ok: false, error });

export interface ReadOptions {
  readonly filter?: Clause;
  readonly orderBy?: readonly (readonly [column: string, ascending: boolean])[];
  /** Items per request (1-5000). */
  readonly top?: number;
}

interface PageJson {
  readonly items: SpItem[];
  readonly next?: string;
}

/** Parses one page of items and the link to the next one (minimal: odata.nextLink; verbose: d.__next). */
function PageParse() {
  return parseBinderWithErrorCheck(async (r: Response): Promise<PageJson> => {
    const json = (await r.json()) as Record<string, unknown>;
    const d = json['d'] as { __next?: unknown } | undefined;
    const next = json['odata.nextLink'] ?? json['@odata.nextLink'] ?? d?.__next;
    const items = parseODataJSON(json) as SpItem[];
    return typeof next === 'string' && next !== '' ? { items, next } : { items };
  });
}

/** Stable JSON for comparing item bodies (key order ignored). */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Batch rounds: parts refused as throttled or lost to the network go again in
 * the next round, after the one retry policy's back-off (src/lib/retry.ts;
 * a `$batch` answer carries no Retry-After per part). Each request inside a
 * round has already been retried by createSp's RetryingFetch.
 */
export const BATCH_ROUND_POLICY: RetryPolicy = { retries: 4, baseMs: 250, maxDelayMs: 5000 };

/** Waits before batch round `round` (1-based retry; round 0 does not wait). */
export function waitBeforeRound(round: number): Promise<void> {
  if (round <= 0) return Promise.resolve();
  return sleep(retryDelayMs(BATCH_ROUND_POLICY, { attempt: round, nowMs: Date.now(), random: Math.random() }));
}

export class ListRepository<T extends object> {
  protected readonly f: FilterBuilder;

  constructor(
    protected readonly sp: SPFI,
    protected readonly mapper: ListMapper<T>,
  ) {
    this.f = filterFor(mapper.list);
  }

  protected get title(): string {
    return this.mapper.list.title;
  }

  protected items(sp: SPFI = this.sp): IItems {
    return sp.web.lists.getByTitle(this.title).items;
  }

  /** Items with the schema's $select and $expand (never `*`). */
  protected selected(items: IItems = this.items()): IItems {
    const { select, expand } = selectFor(this.mapper.list);
    const q = items.select(...select);
    return expand.length > 0 ? q.expand(...expand) : q;
  }

  protected itemsQuery(opts: ReadOptions): IItems {
    let q = this.selected().top(Math.min(MAX_PAGE, Math.max(1, opts.top ?? 100)));
    if (opts.filter) q = q.filter(opts.filter.text);
    for (const [column, ascending] of opts.orderBy ?? []) q = q.orderBy(column, ascending);
    return q;
  }

  protected mapAll(items: readonly SpItem[]): RepoResult<Stored<T>[]> {
    const out: Stored<T>[] = [];
    for (const item of items) {
      const m = this.mapper.fromItem(item);
      if (!m.ok) return m;
      out.push(m.value);
    }
    return ok(out);
  }

  async getById(id: number): Promise<RepoResult<Stored<T>>> {
    try {
      const { select, expand } = selectFor(this.mapper.list);
      const q = this.items()
        .getById(id)
        .select(...select);
      const item = await (expand.length > 0 ? q.expand(...expand) : q)<SpItem>();
      return this.mapper.fromItem(item);
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  /**
   * One page. The token is the `odata.nextLink` SharePoint returned (with its
   * `$skiptoken=Paged=TRUE&p_ID=...`); it is only followed on this site.
   */
  async page(opts: ReadOptions, token?: string): Promise<RepoResult<Page<Stored<T>>>> {
    try {
      let data: PageJson;
      if (token !== undefined) {
        if (!this.ownsLink(token))
          return fail({ code: 'invalid', field: 'pageToken', detail: 'page token is not a link on this site' });
        data = await SPCollection([this.items(), token]).using(PageParse())<PageJson>();
      } else {
        data = await this.itemsQuery(opts).using(PageParse())<PageJson>();
      }
      const mapped = this.mapAll(data.items);
      if (!mapped.ok) return mapped;
      return ok(data.next !== undefined ? { items: mapped.value, next: data.next } : { items: mapped.value });
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  private ownsLink(link: string): boolean {
    try {
      const site = new URL(siteUrlOf(this.sp));
      const target = new URL(link, site);
      return target.origin === site.origin && target.pathname.toLowerCase().startsWith(site.pathname.toLowerCase());
    } catch {
      return false;
    }
  }

  /** Every matching item, 5,000 a request, following SharePoint's next links (PnPjs async iteration). */
  async readAll(opts: ReadOptions = {}): Promise<RepoResult<Stored<T>[]>> {
    const out: Stored<T>[] = [];
    try {
      for await (const page of this.itemsQuery({ ...opts, top: opts.top ?? MAX_PAGE })) {
        const mapped = this.mapAll(page as SpItem[]);
        if (!mapped.ok) return mapped;
        out.push(...mapped.value);
      }
      return ok(out);
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  /**
   * Every matching item that can be used, and each that cannot (an `invalid` error naming the item
   * and column: a choice typed by hand in SharePoint, say) beside them: one bad item does not stop
   * the rest being read.
   */
  async readUsable(opts: ReadOptions = {}): Promise<RepoResult<{ items: Stored<T>[]; unreadable: RepoError[] }>> {
    const items: Stored<T>[] = [];
    const unreadable: RepoError[] = [];
    try {
      for await (const page of this.itemsQuery({ ...opts, top: opts.top ?? MAX_PAGE })) {
        for (const item of page as SpItem[]) {
          const m = this.mapper.fromItem(item);
          if (m.ok) items.push(m.value);
          else unreadable.push(m.error);
        }
      }
      return ok({ items, unreadable });
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  protected get keyColumn(): string {
    return this.mapper.list.keyField;
  }

  async findByKey(key: string): Promise<RepoResult<Stored<T> | undefined>> {
    const found = await this.readAll({ filter: this.f.eq(this.keyColumn, key), top: 2 });
    if (!found.ok) return found;
    return ok(found.value[0]);
  }

  async getByKey(key: string): Promise<RepoResult<Stored<T>>> {
    const found = await this.findByKey(key);
    if (!found.ok) return found;
    return found.value
      ? ok(found.value)
      : fail({ code: 'notFound', detail: `${this.title}: no ${this.keyColumn} ${key}` });
  }

  /**
   * Items whose key is among these, read in a way that passes the list view threshold (see
   * `findIn`): a retried create that met its own earlier write is found this way on any size of list.
   */
  findByKeys(keys: readonly string[]): Promise<RepoResult<Stored<T>[]>> {
    return this.findIn(this.keyColumn, keys, (v) => Math.min(KEY_PREFIX, v.length));
  }

  /**
   * Items whose indexed `column` is one of `values`, in chunks: each request is
   * `startswith(column,'<the chunk's common prefix>') and (column eq ... or ...)`, so its leftmost
   * condition is a seekable one on the indexed column (an `or` first fails on a list of more
   * than 5,000 items). Values are sorted so a chunk shares a long prefix (at least `minPrefix`
   * characters); a chunk SharePoint still refuses is halved until it passes.
   */
  async findIn(
    column: string,
    values: readonly string[],
    minPrefix: (v: string) => number,
  ): Promise<RepoResult<Stored<T>[]>> {
    const sorted = [...new Set(values)].sort();
    const out: Stored<T>[] = [];
    const read = async (chunk: readonly string[], prefix: string): Promise<RepoError | undefined> => {
      const filter = and(this.f.startswith(column, prefix), this.f.anyOf(column, chunk));
      const r = await this.readAll({ filter });
      if (r.ok) {
        out.push(...r.value);
        return undefined;
      }
      if (r.error.code !== 'threshold' || chunk.length === 1) return r.error;
      const half = Math.ceil(chunk.length / 2);
      const [first, second] = [chunk.slice(0, half), chunk.slice(half)];
      return (await read(first, first.reduce(commonPrefix))) ?? (await read(second, second.reduce(commonPrefix)));
    };
    let chunk: string[] = [];
    let prefix = '';
    let length = 0;
    for (const v of sorted) {
      const size = column.length + odataString(v).length + 8;
      const next = chunk.length === 0 ? v : commonPrefix(prefix, v);
      if (chunk.length > 0 && (length + size > MAX_FILTER_CHARS || next.length < Math.min(minPrefix(v), v.length))) {
        const e = await read(chunk, prefix);
        if (e) return fail(e);
        chunk = [];
        length = 0;
      }
      prefix = chunk.length === 0 ? v : commonPrefix(prefix, v);
      chunk.push(v);
      length += size;
    }
    if (chunk.length > 0) {
      const e = await read(chunk, prefix);
      if (e) return fail(e);
    }
    return ok(out);
  }

  /** True when the stored item holds what `value` would write. */
  protected sameContent(stored: Stored<T>, value: T): boolean {
    try {
      return stable(this.mapper.toItem(unstored(stored) as T)) === stable(this.mapper.toItem(value));
    } catch {
      return false;
    }
  }

  protected body(value: T): RepoResult<Record<string, unknown>> {
    try {
      return ok(this.mapper.toItem(value));
    } catch (e) {
      return fail({ code: 'invalid', detail: `${this.title}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  /** The stored value after a create: what was sent, with the id and ETag SharePoint gave it. */
  protected async afterCreate(value: T, data: SpItem): Promise<RepoResult<Stored<T>>> {
    const id = data['Id'] ?? data['ID'];
    const etag = etagOf(data);
    if (typeof id !== 'number') return fail({ code: 'unexpected', detail: `${this.title}: create returned no id` });
    if (etag === undefined) return this.getById(id);
    const modified = typeof data['Modified'] === 'string' ? { modified: data['Modified'] } : {};
    return ok({ ...value, id, etag, ...modified });
  }

  /**
   * A create refused because the key exists: if the item holding the key has
   * the same content, this is our own earlier attempt that landed (a retry
   * after a lost response) and it is returned as success; otherwise
   * `duplicate`, with the existing item as `theirs`.
   */
  protected async resolveDuplicate(value: T, existing?: Stored<T>): Promise<RepoResult<Stored<T>>> {
    let found = existing;
    if (!found) {
      const r = await this.findByKey(this.mapper.keyOf(value));
      if (!r.ok) return r;
      found = r.value;
    }
    if (found && this.sameContent(found, value)) return ok(found);
    return fail({
      code: 'duplicate',
      field: this.keyColumn,
      detail: `${this.title}: ${this.keyColumn} '${this.mapper.keyOf(value)}' already exists`,
      ...(found ? { theirs: found } : {}),
    });
  }

  /** Creates one item; idempotent on the client-made key (see resolveDuplicate). */
  async create(value: T): Promise<RepoResult<Stored<T>>> {
    return this.add(value, () => this.resolveDuplicate(value));
  }

  /** Creates with no idempotence: any existing key is `duplicate` (claims). */
  async createExclusive(value: T): Promise<RepoResult<Stored<T>>> {
    return this.add(value, async (error) => {
      const found = await this.findByKey(this.mapper.keyOf(value));
      return fail({ ...error, field: this.keyColumn, ...(found.ok && found.value ? { theirs: found.value } : {}) });
    });
  }

  /**
   * Creates a document one person owns per key (a year's narrative, a directorate's statement):
   * our own earlier attempt that landed (a retry after a lost response) is success; anyone else's
   * under the key is `duplicate` with `theirs` and `mine`, for the conflict dialog.
   */
  async createKeepingTheirs(value: T): Promise<RepoResult<Stored<T>, T>> {
    const r = await this.createExclusive(value);
    if (r.ok || r.error.code !== 'duplicate') return r as RepoResult<Stored<T>, T>;
    const theirs = r.error.theirs as Stored<T> | undefined;
    if (theirs && this.sameContent(theirs, value)) return { ok: true, value: theirs };
    const { code, field, detail } = r.error;
    return {
      ok: false,
      error: {
        code,
        mine: value,
        ...(field ? { field } : {}),
        ...(detail ? { detail } : {}),
        ...(theirs ? { theirs } : {}),
      },
    };
  }

  /** Adds one item; a refusal as `duplicate` is left to `onDuplicate`, any other error is the result. */
  private async add(
    value: T,
    onDuplicate: (error: RepoError) => Promise<RepoResult<Stored<T>>>,
  ): Promise<RepoResult<Stored<T>>> {
    const body = this.body(value);
    if (!body.ok) return body;
    try {
      const data = (await this.items().add(body.value)) as SpItem;
      return await this.afterCreate(value, data);
    } catch (e) {
      const error = toRepoError(e);
      return error.code === 'duplicate' ? onDuplicate(error) : fail(error);
    }
  }

  /**
   * Creates in `$batch` requests of up to 100. Parts refused as throttled or
   * lost to the network are sent again in a later round (after a back-off);
   * duplicates are resolved as in `create`, so a whole batch that is sent
   * twice still writes every item exactly once.
   */
  async createMany(values: readonly T[], rounds = BATCH_ROUND_POLICY.retries + 1): Promise<RepoResult<Stored<T>>[]> {
    return this.inBatchRounds(values.length, rounds, {
      body: (i) => this.body(values[i] as T),
      send: (items, _i, body) => items.add(body),
      done: (i, data) => this.afterCreate(values[i] as T, data as SpItem),
      setAside: 'duplicate',
      settle: async (duplicates) => {
        const found = await this.findByKeys(duplicates.map((i) => this.mapper.keyOf(values[i] as T)));
        const settled: RepoResult<Stored<T>>[] = [];
        for (const i of duplicates) {
          const value = values[i] as T;
          if (!found.ok) {
            settled.push(found);
            continue;
          }
          const existing = found.value.find((s) => this.mapper.keyOf(unstored(s) as T) === this.mapper.keyOf(value));
          settled.push(await this.resolveDuplicate(value, existing));
        }
        return settled;
      },
    });
  }

  /**
   * Sends one request an item (`step.send`) in `$batch` requests of up to
   * 100, in up to `rounds` rounds. An item refused as throttled or lost to the
   * network, alone or with its whole batch, goes again in the next round
   * (after a back-off); one refused with `step.setAside` is left to
   * `step.settle` at the end of its round; any other error is its result.
   * Items still pending after the last round are `throttled`.
   */
  protected async inBatchRounds(
    count: number,
    rounds: number,
    step: {
      readonly body: (i: number) => RepoResult<Record<string, unknown>>;
      readonly send: (items: IItems, i: number, body: Record<string, unknown>) => Promise<unknown>;
      readonly done: (i: number, response: unknown) => Promise<RepoResult<Stored<T>>>;
      readonly setAside: RepoError['code'];
      readonly settle: (indices: readonly number[]) => Promise<RepoResult<Stored<T>>[]>;
    },
  ): Promise<RepoResult<Stored<T>>[]> {
    const results: (RepoResult<Stored<T>> | undefined)[] = Array.from({ length: count }, () => undefined);
    const bodies = results.map((_, i) => {
      const b = step.body(i);
      if (!b.ok) results[i] = b;
      return b.ok ? b.value : undefined;
    });
    let pending = bodies.map((_, i) => i).filter((i) => bodies[i] !== undefined);
    for (let round = 0; pending.length > 0 && round < rounds; round++) {
      await waitBeforeRound(round);
      const retry: number[] = [];
      const setAside: number[] = [];
      for (let start = 0; start < pending.length; start += BATCH_SIZE) {
        const chunk = pending.slice(start, start + BATCH_SIZE);
        const [batched, execute] = this.sp.batched({ maxRequests: BATCH_SIZE });
        const parts = chunk.map((i) =>
          step.send(this.items(batched), i, bodies[i] as Record<string, unknown>).then(
            (response: unknown) => ({ i, response }),
            (e: unknown) => ({ i, e }),
          ),
        );
        try {
          await execute();
        } catch (e) {
          const error = toRepoError(e);
          for (const i of chunk) {
            if (error.code === 'throttled' || error.code === 'network') retry.push(i);
            else results[i] = fail(error);
          }
          continue;
        }
        for (const part of await Promise.all(parts)) {
          if ('response' in part) {
            results[part.i] = await step.done(part.i, part.response);
            continue;
          }
          const error = toRepoError(part.e);
          if (error.code === step.setAside) setAside.push(part.i);
          else if (error.code === 'throttled' || error.code === 'network') retry.push(part.i);
          else results[part.i] = fail(error);
        }
      }
      if (setAside.length > 0) {
        const settled = await step.settle(setAside);
        setAside.forEach((i, n) => (results[i] = settled[n]));
      }
      pending = retry;
    }
    for (const i of pending)
      results[i] = fail({ code: 'throttled', detail: `${this.title}: still throttled after ${rounds} rounds` });
    return results.map((r) => r ?? fail({ code: 'unexpected', detail: 'no result' }));
  }

  /**
   * Updates with If-Match on the ETag the value was read with. A 412 becomes
   * `conflict` carrying the version now stored (`theirs`) and this person's
   * (`mine`), unless what is stored already equals `mine` (a retried update
   * whose first attempt landed), which is success.
   */
  async update(stored: Stored<T>): Promise<RepoResult<Stored<T>, T>> {
    const { id, etag } = stored;
    const mine = unstored(stored) as T;
    const body = this.body(mine);
    if (!body.ok) return fail<T>(plain(body.error));
    try {
      const r = (await this.items().getById(id).update(body.value, etag)) as { etag?: string | null };
      if (typeof r?.etag === 'string' && r.etag !== '') return ok({ ...mine, id, etag: r.etag });
      const reread = await this.getById(id);
      return reread.ok ? reread : fail<T>(plain(reread.error));
    } catch (e) {
      const error = toRepoError(e);
      if (error.code !== 'conflict') return fail(error);
      const theirs = await this.getById(id);
      if (theirs.ok && this.sameContent(theirs.value, mine)) return theirs;
      return fail<T>({ ...error, mine, ...(theirs.ok ? { theirs: theirs.value } : {}) });
    }
  }

  /**
   * Deletes with If-Match on the ETag the item was read with. A 412 becomes `conflict`
   * carrying the version now stored (`theirs`), so the person sees what changed before
   * deleting it after all; an item already gone (a retried delete whose first attempt
   * landed, or someone else's delete) is success: either way it is no longer there.
   */
  protected async deleteWithEtag(id: number, etag: string): Promise<RepoResult<void, T>> {
    try {
      await this.items().getById(id).delete(etag);
      return ok(undefined);
    } catch (e) {
      const error = toRepoError(e);
      if (error.code === 'notFound') return ok(undefined);
      if (error.code !== 'conflict') return fail(error);
      const theirs = await this.getById(id);
      if (!theirs.ok && theirs.error.code === 'notFound') return ok(undefined);
      return fail<T>({ ...error, ...(theirs.ok ? { theirs: theirs.value } : {}) });
    }
  }

  /** Moves an item to the recycle bin (recoverable), for replaced child rows only. */
  protected async recycle(id: number): Promise<RepoResult<void>> {
    try {
      await this.items().getById(id).recycle();
      return ok(undefined);
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  /**
   * The item's versions, newest first, each with the columns that changed
   * from the version before it (the first version lists every value set).
   * Columns are named by their domain field where the domain has one.
   */
  async versions(id: number): Promise<RepoResult<ItemVersion[]>> {
    try {
      const raw = await this.items().getById(id).versions<SpItem[]>();
      const ordered = [...raw].sort((a, b) => versionNumber(a) - versionNumber(b));
      const domainName = new Map(Object.entries(this.mapper.columns).map(([k, v]) => [v, k]));
      const out: ItemVersion[] = [];
      let previous: Record<string, unknown> = {};
      for (const v of ordered) {
        const values: Record<string, unknown> = {};
        for (const f of this.mapper.list.fields) values[f.internalName] = this.versionValue(v, f.internalName);
        const changes: VersionChange[] = [];
        for (const [column, value] of Object.entries(values)) {
          const before = previous[column];
          if (stable(before) !== stable(value)) {
            changes.push({
              field: domainName.get(column) ?? column,
              oldValue: before ?? null,
              newValue: value ?? null,
            });
          }
        }
        out.push({
          versionLabel:
            typeof v['VersionLabel'] === 'string' || typeof v['VersionLabel'] === 'number'
              ? String(v['VersionLabel'])
              : '',
          modified:
            typeof v['Modified'] === 'string' ? v['Modified'] : typeof v['Created'] === 'string' ? v['Created'] : '',
          editor: editorOf(v),
          changes,
        });
        previous = values;
      }
      return ok(out.reverse());
    } catch (e) {
      return fail(toRepoError(e));
    }
  }

  /** A column's value in a version, in domain terms where it can be (codes, days, ids, names). */
  private versionValue(v: SpItem, column: string): unknown {
    const def = this.mapper.list.fields.find((f) => f.internalName === column);
    const raw = v[column] ?? v[`${column}Id`];
    if (raw === null || raw === undefined || raw === '') return null;
    const set = this.mapper.choiceSets?.[column] as ChoiceSet | undefined;
    const lookup = (x: unknown): unknown => {
      if (x !== null && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (def?.type === 'User' || def?.type === 'UserMulti')
          return o['LookupValue'] ?? o['Title'] ?? o['LookupId'] ?? null;
        return o['LookupId'] ?? o['Id'] ?? o['LookupValue'] ?? null;
      }
      return x;
    };
    const many = collection(raw);
    if (many) return many.map((x) => (set && typeof x === 'string' ? (choiceCode(set, x) ?? x) : lookup(x)));
    if (set && typeof raw === 'string') return choiceCode(set, raw) ?? raw;
    if (def?.type === 'DateTime' && def.dateOnly) {
      try {
        return fromSpDate(raw) ?? null;
      } catch {
        return raw;
      }
    }
    return lookup(raw);
  }
}

/** The error without `theirs`/`mine`, so it fits any result type. */
export function plain(error: RepoError<unknown>): RepoError<never> {
  const { theirs: _theirs, mine: _mine, ...rest } = error;
  return rest;
}

function versionNumber(v: SpItem): number {
  const id = v['VersionId'];
  if (typeof id === 'number') return id;
  const label = v['VersionLabel'];
  return typeof label === 'string' ? Number(label) * 512 : 0;
}

function editorOf(v: SpItem): string {
  const e = v['Editor'] ?? v['ModifiedBy'] ?? v['CreatedBy'];
  if (typeof e === 'string') return e;
  if (e !== null && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const name = o['LookupValue'] ?? o['Title'] ?? o['Email'] ?? o['EMail'];
    if (typeof name === 'string') return name;
  }
  return '';
}

/** Combines optional clauses with `and` (indexed first), or undefined when none. */
export function allOf(...clauses: (Clause | undefined)[]): Clause | undefined {
  const present = clauses.filter((c): c is Clause => c !== undefined);
  return present.length === 0 ? undefined : and(...present);
}

export { or };
