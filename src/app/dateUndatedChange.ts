/**
 * Date a reform or withdrawal that the annual report counts in no year (an imported
 * status, a status from before the history was kept): from the record's version history
 * when it shows the day the status became one that means the change, otherwise on the
 * day the governance team gives. Either way a new, dated entry joins the record's history
 * (the undated one is kept: history is only added to), and the reports count the change
 * once, in that day's year.
 */
import type { Person } from '../domain/collaboration';
import { checkDate, type IsoDate } from '../domain/dates';
import { historyKey, reportedChange, type HistoryEntry, type ReportedChange } from '../domain/history';
import { may, type Actor } from '../domain/policy';
import type { CollaborationStore, HistoryStore, RepoError } from '../domain/ports';
import type { Status } from '../domain/vocabulary';

export interface DateChangePorts {
  readonly collaborations: Pick<CollaborationStore, 'statusChanges'>;
  readonly history: Pick<HistoryStore, 'record'>;
}

export interface UndatedChange {
  readonly id: number;
  readonly kind: ReportedChange;
  /** The record's status now (what the change led to, when no version shows it). */
  readonly status: Status;
}

export type DateChangeResult =
  | { readonly ok: true; readonly on: IsoDate; readonly source: 'versionHistory' | 'dated' }
  | { readonly ok: false; readonly code: 'forbidden' | 'notInVersionHistory' | 'invalidDate' | 'futureDate' }
  | { readonly ok: false; readonly code: 'store'; readonly error: RepoError };

/**
 * `on` absent: look in the version history (the first version whose status change means
 * `kind`). `on` given: that day, which must be a real date no later than `today`.
 */
export async function dateUndatedChange(
  ports: DateChangePorts,
  input: {
    readonly change: UndatedChange;
    readonly actor: Actor;
    /** Who dates it, as the history names them. */
    readonly by?: Person | undefined;
    readonly today: IsoDate;
    readonly on?: IsoDate | undefined;
    readonly reason?: string | undefined;
  },
): Promise<DateChangeResult> {
  if (!may(input.actor, { kind: 'dateChange' })) return { ok: false, code: 'forbidden' };
  const { change } = input;
  let entry: Omit<HistoryEntry, 'key' | 'collaborationId' | 'aspect' | 'sourceKey' | 'source'> & {
    source: 'versionHistory' | 'dated';
  };
  if (input.on === undefined) {
    const seen = await ports.collaborations.statusChanges(change.id);
    if (!seen.ok) return { ok: false, code: 'store', error: seen.error };
    const first = seen.value.find((s) => reportedChange({ aspect: 'status', from: s.from, to: s.to }) === change.kind);
    if (!first) return { ok: false, code: 'notInVersionHistory' };
    entry = { from: first.from, to: first.to, on: first.on, source: 'versionHistory' };
  } else {
    const problem = checkDate(input.on, { notAfter: input.today });
    if (problem === 'invalid') return { ok: false, code: 'invalidDate' };
    if (problem !== undefined) return { ok: false, code: 'futureDate' };
    entry = { to: change.status, on: input.on, source: 'dated' };
  }
  const sourceKey = `dated-${change.kind}`;
  const reason = input.reason?.trim();
  const written = await ports.history.record([
    {
      key: historyKey(change.id, 'status', sourceKey),
      collaborationId: change.id,
      aspect: 'status',
      ...entry,
      ...(input.by ? { by: input.by } : {}),
      ...(reason ? { reason } : {}),
      sourceKey,
    },
  ]);
  if (!written.ok) return { ok: false, code: 'store', error: written.error };
  return { ok: true, on: entry.on as IsoDate, source: entry.source };
}
