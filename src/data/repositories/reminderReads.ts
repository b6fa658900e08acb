import type { SPFI } from '@pnp/sp';
import type { Collaboration } from '../../domain/collaboration';
import { addDays, type IsoDate } from '../../domain/dates';
import type { Action } from '../../domain/entities';
import type { ReminderLogEntry, RepoResult, Stored } from '../../domain/ports';
import { actionMapper, collaborationMapper, reminderLogMapper, type ListMapper } from '../mappers';
import { and, datetime, type Clause, type FilterBuilder } from '../odata';
import type { ReminderLogBulkStore, ReminderReadStore } from '../../domain/reminderPorts';
import { mapLimit } from '../../lib/concurrency';
import { BATCH_ROUND_POLICY, fail, ListRepository, ok } from './base';

/**
 * Reads the reminder job needs that the stores of ports.ts do not offer, each
 * safe on a list past the 5,000-item view threshold, where SharePoint (and the
 * embedded server) refuse a query whose first condition matches more than the
 * threshold or is an `or`:
 * - collaborations by id: OR-ed `ID eq` in chunks, and one `getById` each when
 *   the list is past the threshold;
 * - collaborations whose next review is due on ONE day, and open actions due
 *   on ONE day: `NextReviewDue eq` / `DueDate eq <that day>` (an equality on the
 *   indexed column, so it matches only that day's actions), asked for both
 *   instants a date-only value can be stored as on a British site (midnight
 *   UTC in winter, 23:00 UTC the day before in summer time; see
 *   mappers/common.ts). The job walks the days of its window with these when
 *   `all({ reviewDueOnOrBefore })` or `openDueOnOrBefore` is refused;
 * - Reminder Log entries by the due date their keys carry (`DueDate eq`, as
 *   for actions), or one by its key (`ReminderKey eq`), for when `byKeys`'
 *   OR-ed chunks are refused.
 */
export type { ReminderReadStore } from '../../domain/reminderPorts';

const CONCURRENCY = 8;
const ID_CHUNK = 40;

class Reader<T extends object> extends ListRepository<T> {
  readonly filters: FilterBuilder;
  constructor(sp: SPFI, mapper: ListMapper<T>) {
    super(sp, mapper);
    this.filters = this.f;
  }
}

export class ReminderReadRepository implements ReminderReadStore {
  private readonly collaborations: Reader<Collaboration>;
  private readonly actions: Reader<Action>;
  private readonly log: Reader<ReminderLogEntry>;
  /** Set once the collaborations list refused an OR-ed read: then read one by one. */
  private oneByOne = false;

  constructor(sp: SPFI) {
    this.collaborations = new Reader(sp, collaborationMapper);
    this.actions = new Reader(sp, actionMapper);
    this.log = new Reader(sp, reminderLogMapper);
  }

  async collaborationsByIds(ids: readonly number[]): Promise<RepoResult<Stored<Collaboration>[]>> {
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    const out: Stored<Collaboration>[] = [];
    if (!this.oneByOne) {
      for (let i = 0; i < unique.length; i += ID_CHUNK) {
        const chunk = unique.slice(i, i + ID_CHUNK);
        const r = await this.collaborations.readAll({ filter: this.collaborations.filters.anyOf('ID', chunk) });
        if (r.ok) {
          out.push(...r.value);
          continue;
        }
        if (r.error.code !== 'threshold') return r;
        this.oneByOne = true;
        break;
      }
      if (!this.oneByOne) return ok(out);
    }
    const have = new Set(out.map((c) => c.id));
    const rest = unique.filter((id) => !have.has(id));
    const results = await mapLimit(rest, CONCURRENCY, (id) => this.collaborations.getById(id));
    for (const r of results) {
      if (r.ok) out.push(r.value);
      else if (r.error.code !== 'notFound') return r;
    }
    return ok(out);
  }

  async collaborationsReviewDueOn(day: IsoDate): Promise<RepoResult<Stored<Collaboration>[]>> {
    return this.onDay(this.collaborations, 'NextReviewDue', day);
  }

  /** Items whose date-only column holds `day`: both instants a British site may store it as. */
  private async onDay<T extends object>(
    reader: Reader<T>,
    column: string,
    day: IsoDate,
    extra?: Clause,
  ): Promise<RepoResult<Stored<T>[]>> {
    const out: Stored<T>[] = [];
    // Winter (and the embedded server): midnight UTC. British Summer Time: 23:00 UTC the day before.
    for (const instant of [datetime(day), datetime(addDays(day, -1), 23)]) {
      const eq = reader.filters.eq(column, instant);
      const r = await reader.readAll({ filter: extra ? and(eq, extra) : eq });
      if (!r.ok) return r;
      out.push(...r.value);
    }
    return ok(out);
  }

  async openActionsDueOn(day: IsoDate): Promise<RepoResult<Stored<Action>[]>> {
    return this.onDay(this.actions, 'DueDate', day, this.actions.filters.isNull('CompletedOn'));
  }

  async logEntry(key: string): Promise<RepoResult<Stored<ReminderLogEntry> | undefined>> {
    return this.log.findByKey(key);
  }

  async logEntriesDueOn(day: IsoDate): Promise<RepoResult<Stored<ReminderLogEntry>[]>> {
    return this.onDay(this.log, 'DueDate', day);
  }
}

/**
 * The Reminder Log written in `$batch` requests of up to 100, for runs with
 * many reminders (one request per reminder otherwise).
 * - `claimMany` creates Pending entries. It stays exclusive because every
 *   claim carries its run's own post id (`MessageId`): a create refused as
 *   duplicate is ours only when the stored entry has exactly our content
 *   (createMany's rule), otherwise it is `duplicate` with the other run's entry.
 * - `updateMany` updates with If-Match on each entry's ETag: a 412 is
 *   `conflict` unless the stored entry already holds what we wrote (a retried
 *   update that had landed); parts refused as throttled are sent again.
 */
export type { ReminderLogBulkStore } from '../../domain/reminderPorts';

export class ReminderLogBulkRepository extends ListRepository<ReminderLogEntry> implements ReminderLogBulkStore {
  constructor(sp: SPFI) {
    super(sp, reminderLogMapper);
  }

  claimMany(entries: readonly ReminderLogEntry[]): Promise<RepoResult<Stored<ReminderLogEntry>>[]> {
    return this.createMany(entries);
  }

  async updateMany(
    entries: readonly Stored<ReminderLogEntry>[],
    rounds = BATCH_ROUND_POLICY.retries + 1,
  ): Promise<RepoResult<Stored<ReminderLogEntry>>[]> {
    return this.inBatchRounds(entries.length, rounds, {
      body: (i) => {
        const { id: _id, etag: _etag, modified: _modified, ...value } = entries[i] as Stored<ReminderLogEntry>;
        return this.body(value);
      },
      send: (items, i, body) => {
        const e = entries[i] as Stored<ReminderLogEntry>;
        return items.getById(e.id).update(body, e.etag);
      },
      done: async (i, r) => {
        const e = entries[i] as Stored<ReminderLogEntry>;
        const etag = (r as { etag?: string | null } | undefined)?.etag ?? undefined;
        return etag ? ok({ ...e, etag }) : await this.getById(e.id);
      },
      setAside: 'conflict',
      settle: async (conflicts) => {
        const settled: RepoResult<Stored<ReminderLogEntry>>[] = [];
        for (const i of conflicts) {
          const e = entries[i] as Stored<ReminderLogEntry>;
          const theirs = await this.getById(e.id);
          settled.push(
            theirs.ok && this.sameContent(theirs.value, e)
              ? theirs
              : fail({ code: 'conflict', ...(theirs.ok ? { theirs: theirs.value } : {}) }),
          );
        }
        return settled;
      },
    });
  }
}
