import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../../domain/dates';
import type { ReminderLogEntry } from '../../domain/ports';
import { REMINDER_LOG } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = REMINDER_LOG;
const isoDate = z.custom<IsoDate>((v) => isIsoDate(v), { message: 'invalidDate' });

/** The ports declare the entry as an interface; this checks what comes back from the list. */
export const reminderLogSchema = z.object({
  key: z.string().min(1),
  kind: z.string().min(1),
  itemRef: z.string(),
  dueDate: isoDate,
  channelKey: z.string(),
  state: z.enum(['pending', 'posted', 'failed']),
  runDate: isoDate,
  postedOn: z.string().optional(),
  messageId: z.string().optional(),
});

export const REMINDER_LOG_COLUMNS = {
  key: 'ReminderKey',
  kind: 'ReminderKind',
  itemRef: 'ItemRef',
  dueDate: 'DueDate',
  channelKey: 'ChannelKey',
  state: 'ReminderState',
  runDate: 'RunDate',
  postedOn: 'PostedOn',
  messageId: 'MessageId',
} as const satisfies Record<keyof ReminderLogEntry, string>;

const c = REMINDER_LOG_COLUMNS;

export const reminderLogMapper: ListMapper<ReminderLogEntry> = {
  list,
  columns: c,
  choiceSets: { ReminderKind: 'reminderKind', ReminderState: 'reminderState' },
  fromItem: (item: SpItem) =>
    mapItem<ReminderLogEntry>(list, item, reminderLogSchema, c, (r) => ({
      key: r.text(c.key),
      kind: r.choice(c.kind, 'reminderKind'),
      itemRef: r.text(c.itemRef),
      dueDate: r.date(c.dueDate),
      channelKey: r.text(c.channelKey),
      state: r.choice(c.state, 'reminderState'),
      runDate: r.text(c.runDate),
      postedOn: r.dateTime(c.postedOn),
      messageId: r.optText(c.messageId),
    })),
  toItem: (v: ReminderLogEntry) =>
    new ItemWriter(list)
      .text('Title', v.key)
      .text(c.key, v.key)
      .choice(c.kind, 'reminderKind', v.kind)
      .text(c.itemRef, v.itemRef)
      .date(c.dueDate, v.dueDate)
      .text(c.channelKey, v.channelKey)
      .choice(c.state, 'reminderState', v.state)
      .text(c.runDate, v.runDate)
      .dateTime(c.postedOn, v.postedOn)
      .text(c.messageId, v.messageId)
      .build(),
  keyOf: (v) => v.key,
};
