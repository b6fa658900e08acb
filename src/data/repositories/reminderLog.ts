import type { SPFI } from '@pnp/sp';
import type { ReminderLogEntry, ReminderLogStore, RepoResult, Stored } from '../../domain/ports';
import { reminderLogMapper } from '../mappers';
import { ListRepository, ok } from './base';

/**
 * The reminder log. `claim` is EXCLUSIVE: any existing entry with the key is
 * `duplicate` (with the entry as `theirs`), even one with the same content,
 * because two runs claiming the same reminder must not both post it. A claim
 * whose response was lost therefore comes back `duplicate` on retry; the job
 * tells its own claim from another run's by `theirs.runDate`/`state`.
 */
export class ReminderLogRepository extends ListRepository<ReminderLogEntry> implements ReminderLogStore {
  constructor(sp: SPFI) {
    super(sp, reminderLogMapper);
  }

  async byKeys(keys: readonly string[]): Promise<RepoResult<Stored<ReminderLogEntry>[]>> {
    if (keys.length === 0) return ok([]);
    return this.findByKeys(keys);
  }

  claim(entry: ReminderLogEntry): Promise<RepoResult<Stored<ReminderLogEntry>>> {
    return this.createExclusive(entry);
  }
}
