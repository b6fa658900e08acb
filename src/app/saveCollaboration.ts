/**
 * Save an edit of a collaboration: the record with If-Match on the ETag it was read with,
 * then its history (history.ts): one entry for each change of its status, assurance level
 * or significance, dated today and named for the person. The entry's key is the saved
 * version's, so a retry writes it once. A history write that fails leaves the record
 * saved: the annual report then shows the change as undated for the governance team to
 * date, rather than losing it or counting it in a year it may not belong to.
 */
import type { Collaboration, Person } from '../domain/collaboration';
import type { IsoDate } from '../domain/dates';
import { changesOf, type HistorySource } from '../domain/history';
import type { CollaborationStore, HistoryStore, RepoResult, Stored } from '../domain/ports';

export interface SaveCollaborationPorts {
  readonly collaborations: Pick<CollaborationStore, 'update'>;
  readonly history?: Pick<HistoryStore, 'record'>;
}

export interface SaveContext {
  readonly today: IsoDate;
  readonly by?: Person | undefined;
  readonly reason?: string;
  readonly source?: HistorySource;
}

/** A version's own stamp, safe in a key: the ETag's characters that are letters, digits, commas or hyphens. */
export function versionStamp(etag: string): string {
  return etag.replace(/[^A-Za-z0-9,-]/g, '') || 'v';
}

export async function saveCollaboration(
  ports: SaveCollaborationPorts,
  base: Stored<Collaboration>,
  record: Collaboration,
  context: SaveContext,
): Promise<RepoResult<Stored<Collaboration>, Collaboration>> {
  const saved = await ports.collaborations.update({ ...record, id: base.id, etag: base.etag });
  if (saved.ok && ports.history) {
    const entries = changesOf(base, saved.value, {
      source: context.source ?? 'edit',
      sourceKey: `edit-${versionStamp(saved.value.etag)}`,
      on: context.today,
      by: context.by,
      reason: context.reason,
    });
    await ports.history.record(entries);
  }
  return saved;
}
