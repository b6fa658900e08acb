/**
 * The one write of a document the tab keeps one of per key (a year's narrative, a directorate's
 * statement): the first save creates it, a later one updates it with the ETag it was read with.
 * When someone else saved first (a conflict on update, a duplicate on create), the result is
 * their version beside this person's, so nothing typed is lost or silently overwritten.
 */
import type { RepoError, RepoResult, Stored } from '../domain/ports';

export type KeyedSave<T> =
  | { readonly ok: true; readonly value: Stored<T> }
  | { readonly ok: false; readonly conflict: { readonly mine: T; readonly theirs?: Stored<T> } }
  | { readonly ok: false; readonly error: RepoError };

export interface KeyedStore<T> {
  create(value: T): Promise<RepoResult<Stored<T>, T>>;
  update(value: Stored<T>): Promise<RepoResult<Stored<T>, T>>;
}

export async function saveKeyed<T>(store: KeyedStore<T>, mine: T, base: Stored<T> | undefined): Promise<KeyedSave<T>> {
  const r = base ? await store.update({ ...mine, id: base.id, etag: base.etag }) : await store.create(mine);
  if (r.ok) return r;
  if (r.error.code === 'conflict' || r.error.code === 'duplicate')
    return { ok: false, conflict: { mine, ...(r.error.theirs ? { theirs: r.error.theirs } : {}) } };
  return { ok: false, error: r.error };
}
