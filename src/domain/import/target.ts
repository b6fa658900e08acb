/**
 * The port an import writes through (STYLE.md, example 2): src/data
 * implements it for SharePoint with batched, idempotent creates; the tab can
 * also build one over the ordinary stores.
 */
import type { Collaboration } from '../collaboration';
import type { Partner } from '../entities';
import type { HistoryEntry } from '../history';
import type { RepoError, RepoResult, Stored } from '../ports';

export interface ImportTarget {
  /** Every partner organisation. */
  partners(): Promise<RepoResult<Stored<Partner>[]>>;
  /** Creates partners; idempotent on their keys (a partner that landed already is returned). */
  createPartners(partners: readonly Partner[]): Promise<RepoResult<Stored<Partner>>[]>;
  /** Records whose ImportKey is among these (indexed, in chunks). */
  findByImportKeys(keys: readonly string[]): Promise<RepoResult<Stored<Collaboration>[]>>;
  /** Records whose Reference is among these (indexed, in chunks). */
  findByReferences(references: readonly string[]): Promise<RepoResult<Stored<Collaboration>[]>>;
  /**
   * Every record of the register (to find the rows' records by key, reference or name in one read),
   * and each item that could not be read, named.
   */
  records(): Promise<
    RepoResult<{ readonly items: Stored<Collaboration>[]; readonly unreadable: readonly RepoError[] }>
  >;
  nextReference(): Promise<RepoResult<string>>;
  /** Creates in batches; a create that landed before (same reference, same content) is success. */
  createMany(records: readonly Collaboration[]): Promise<RepoResult<Stored<Collaboration>>[]>;
  update(record: Stored<Collaboration>): Promise<RepoResult<Stored<Collaboration>, Collaboration>>;
  /** Writes the records' history (in batches; an entry already written is success). */
  recordHistory(entries: readonly HistoryEntry[]): Promise<RepoResult<void>>;
}
