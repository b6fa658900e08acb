/**
 * In-memory fakes of the domain's PORTS (src/domain/ports.ts) for the use
 * cases' unit tests: items keyed by id, ETags that change on every write, a
 * 412-style `conflict` when an update carries an old ETag, creates idempotent
 * on the client-made key (same content is success, other content is
 * `duplicate`), and failures injected per call. Nothing of src/data is used;
 * the integration tests prove the real repositories against the embedded server.
 */
import type { RepoError, RepoResult, Stored } from '../../../src/domain/ports';

export type Fault = RepoError | undefined;

export class FakeList<T extends object> {
  readonly items = new Map<number, Stored<T>>();
  /** Every write, in order: `create:<key>`, `update:<id>`. */
  readonly writes: string[] = [];
  private nextId = 1;
  private version = 1;
  /** Failures for the next calls of a method (first in, first out). */
  private readonly faults = new Map<string, Fault[]>();

  constructor(private readonly keyOf: (v: T) => string = (v) => String((v as { key?: unknown }).key)) {}

  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  fault(method: string): RepoError | undefined {
    return this.faults.get(method)?.shift();
  }

  seed(value: T): Stored<T> {
    const stored = { ...value, id: this.nextId++, etag: `"${this.version++}"` } as Stored<T>;
    this.items.set(stored.id, stored);
    return stored;
  }

  /** Someone else's save: the item changes and gets a new ETag. */
  touch(id: number, change: Partial<T> = {}): Stored<T> {
    const now = this.items.get(id);
    if (!now) throw new Error(`no item ${id}`);
    const next = { ...now, ...change, etag: `"${this.version++}"` } as Stored<T>;
    this.items.set(id, next);
    return next;
  }

  all(): Stored<T>[] {
    return [...this.items.values()];
  }

  async get(id: number): Promise<RepoResult<Stored<T>>> {
    const f = this.fault('get');
    if (f) return { ok: false, error: f };
    const found = this.items.get(id);
    return Promise.resolve(found ? { ok: true, value: found } : { ok: false, error: { code: 'notFound' } });
  }

  async create(value: T): Promise<RepoResult<Stored<T>>> {
    const f = this.fault('create');
    if (f) return { ok: false, error: f };
    this.writes.push(`create:${this.keyOf(value)}`);
    const existing = this.all().find((x) => this.keyOf(x) === this.keyOf(value));
    if (existing) {
      const { id: _id, etag: _etag, ...content } = existing;
      return JSON.stringify(content) === JSON.stringify(value)
        ? { ok: true, value: existing }
        : { ok: false, error: { code: 'duplicate', theirs: existing } };
    }
    return Promise.resolve({ ok: true, value: this.seed(value) });
  }

  async createMany(values: readonly T[]): Promise<RepoResult<Stored<T>>[]> {
    const out: RepoResult<Stored<T>>[] = [];
    for (const v of values) out.push(await this.create(v));
    return out;
  }

  async update(value: Stored<T>): Promise<RepoResult<Stored<T>, T>> {
    const f = this.fault('update');
    if (f) return { ok: false, error: f as RepoError<T> };
    this.writes.push(`update:${value.id}`);
    const now = this.items.get(value.id);
    if (!now) return { ok: false, error: { code: 'notFound' } };
    if (now.etag !== value.etag) return { ok: false, error: { code: 'conflict', theirs: now, mine: value } };
    const next = { ...value, etag: `"${this.version++}"` };
    this.items.set(value.id, next);
    return Promise.resolve({ ok: true, value: next });
  }
}
