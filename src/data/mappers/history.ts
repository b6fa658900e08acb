import { historyEntrySchema, type HistoryEntry } from '../../domain/history';
import { RECORD_HISTORY } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = RECORD_HISTORY;

export const HISTORY_COLUMNS = {
  key: 'HistoryKey',
  collaborationId: 'Collaboration',
  aspect: 'HistoryAspect',
  from: 'FromValue',
  to: 'ToValue',
  on: 'ChangedOn',
  by: 'ChangedBy',
  reason: 'ChangeReason',
  source: 'ChangeSource',
  sourceKey: 'SourceKey',
} as const satisfies Record<keyof HistoryEntry, string>;

const c = HISTORY_COLUMNS;

/** "Status: active → withdrawing": the item's title, so the list reads well in SharePoint. */
export function historyTitle(v: Pick<HistoryEntry, 'aspect' | 'from' | 'to'>): string {
  return `${v.aspect}: ${v.from ?? '—'} → ${v.to}`;
}

export const historyMapper: ListMapper<HistoryEntry> = {
  list,
  columns: c,
  choiceSets: { HistoryAspect: 'historyAspect', ChangeSource: 'historySource' },
  fromItem: (item: SpItem) =>
    mapItem<HistoryEntry>(list, item, historyEntrySchema, c, (r) => ({
      key: r.text(c.key),
      collaborationId: r.lookupId(c.collaborationId),
      aspect: r.choice(c.aspect, 'historyAspect'),
      from: r.optText(c.from),
      to: r.text(c.to),
      on: r.date(c.on),
      by: r.person(c.by),
      reason: r.optText(c.reason),
      source: r.choice(c.source, 'historySource'),
      sourceKey: r.optText(c.sourceKey),
    })),
  toItem: (v: HistoryEntry) =>
    new ItemWriter(list)
      .text('Title', historyTitle(v))
      .text(c.key, v.key)
      .lookup(c.collaborationId, v.collaborationId)
      .choice(c.aspect, 'historyAspect', v.aspect)
      .text(c.from, v.from)
      .text(c.to, v.to)
      .date(c.on, v.on)
      .person(c.by, v.by)
      .text(c.reason, v.reason)
      .choice(c.source, 'historySource', v.source)
      .text(c.sourceKey, v.sourceKey)
      .build(),
  keyOf: (v) => v.key,
};
