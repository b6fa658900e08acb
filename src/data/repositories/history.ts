import type { SPFI } from '@pnp/sp';
import type { HistoryEntry } from '../../domain/history';
import type { HistoryStore, RepoResult, Stored } from '../../domain/ports';
import { historyMapper } from '../mappers';
import { ListRepository } from './base';

/**
 * The records' history. Each entry's key names its event (`HIS-12-status-REV-0042`), so a
 * job run again or a retried save writes it once: `create` of an existing key is the entry
 * already there.
 */
export class HistoryRepository extends ListRepository<HistoryEntry> implements HistoryStore {
  constructor(sp: SPFI) {
    super(sp, historyMapper);
  }

  async record(entries: readonly HistoryEntry[]): Promise<RepoResult<void>> {
    if (entries.length === 0) return { ok: true, value: undefined };
    const made = await this.createMany(entries);
    const failed = made.find((r) => !r.ok);
    return failed && !failed.ok ? { ok: false, error: failed.error } : { ok: true, value: undefined };
  }

  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<HistoryEntry>[]>> {
    return this.readAll({
      filter: this.f.eq('CollaborationId', collaborationId),
      orderBy: [
        ['ChangedOn', true],
        ['Id', true],
      ],
    });
  }

  all(): Promise<RepoResult<Stored<HistoryEntry>[]>> {
    return this.readAll({ orderBy: [['Id', true]] });
  }
}
