/**
 * Register a collaboration: the record, checked by the caller, is created
 * with the next reference. The reference is made by the client and lands on a
 * unique, indexed column, so:
 * - someone else took that reference meanwhile: the store answers `duplicate`,
 *   and the next reference is asked for and the create tried again;
 * - our own create landed but its response was lost: the store recognises the
 *   retry (same reference, same content) and answers with the stored item.
 */
import type { Collaboration, Person } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import { changesOf } from '../domain/history';
import type { CollaborationStore, HistoryStore, RepoResult, Stored } from '../domain/ports';

export type RegisterPorts = Pick<CollaborationStore, 'nextReference' | 'create'>;

export interface RegisterOptions {
  /** How many references to try before giving up with `duplicate` (default 3). */
  readonly attempts?: number;
  /** Where the record's first status, assurance and tier are written, dated `today`, by `by`. */
  readonly history?: Pick<HistoryStore, 'record'>;
  readonly today?: IsoDate;
  readonly by?: Person | undefined;
}

export const REGISTER_ATTEMPTS = 3;

/** Creates `record` under the next free reference; the record's own reference is ignored. */
export async function registerCollaboration(
  store: RegisterPorts,
  record: Collaboration,
  options: RegisterOptions = {},
): Promise<RepoResult<Stored<Collaboration>>> {
  const attempts = options.attempts ?? REGISTER_ATTEMPTS;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const reference = await store.nextReference();
    if (!reference.ok) return reference;
    const created = await store.create({ ...record, reference: reference.value });
    if (created.ok) {
      // Its first values: keyed by the record, so a retried create writes them once.
      if (options.history)
        await options.history.record(
          changesOf(undefined, created.value, {
            source: 'created',
            sourceKey: 'created',
            on: options.today,
            by: options.by,
          }),
        );
      return created;
    }
    if (created.error.code !== 'duplicate') return created;
  }
  return { ok: false, error: { code: 'duplicate' } };
}
