import type { SPFI } from '@pnp/sp';
import { z } from 'zod';
import type { RepoResult, Stored } from '../../domain/ports';
import { ItemWriter, mapItem, type ListMapper, type SpItem } from '../mappers';
import { REMINDER_CHANNELS } from '../schema';
import { ListRepository } from './base';

/**
 * Reminder Channel Settings: how the reminder job posts to each channel. The
 * list is readable by the governance team only (the job runs as an app or as
 * a governance officer). It never holds a webhook address: `secretName` is the
 * NAME of the setting (environment variable, or app setting that is a Key
 * Vault reference) whose value is the address.
 */
export const REMINDER_TRANSPORTS = ['workflows', 'graph', 'devInbox'] as const;
export type ReminderTransport = (typeof REMINDER_TRANSPORTS)[number];

export const reminderChannelSettingSchema = z.object({
  channelKey: z.string().min(1),
  title: z.string(),
  transport: z.enum(REMINDER_TRANSPORTS),
  secretName: z.string().optional(),
  enabled: z.boolean(),
});
export type ReminderChannelSetting = z.infer<typeof reminderChannelSettingSchema>;

export interface ReminderChannelStore {
  all(): Promise<RepoResult<Stored<ReminderChannelSetting>[]>>;
  /** Creates a row, keyed on the unique channel key (a retried create is recognised). */
  create(setting: ReminderChannelSetting): Promise<RepoResult<Stored<ReminderChannelSetting>>>;
}

const list = REMINDER_CHANNELS;

export const REMINDER_CHANNEL_COLUMNS = {
  channelKey: 'ChannelKey',
  title: 'Title',
  transport: 'Transport',
  secretName: 'SecretName',
  enabled: 'Enabled',
} as const satisfies Record<keyof ReminderChannelSetting, string>;

const c = REMINDER_CHANNEL_COLUMNS;

export const reminderChannelMapper: ListMapper<ReminderChannelSetting> = {
  list,
  columns: c,
  choiceSets: { Transport: 'transport' },
  fromItem: (item: SpItem) =>
    mapItem<ReminderChannelSetting>(list, item, reminderChannelSettingSchema, c, (r) => ({
      channelKey: r.text(c.channelKey),
      title: r.text(c.title) ?? '',
      transport: r.choice(c.transport, 'transport'),
      secretName: r.optText(c.secretName)?.trim() || undefined,
      enabled: r.boolean(c.enabled, true),
    })),
  toItem: (v: ReminderChannelSetting) =>
    new ItemWriter(list)
      .text(c.title, v.title)
      .text(c.channelKey, v.channelKey)
      .choice(c.transport, 'transport', v.transport)
      .text(c.secretName, v.secretName)
      .boolean(c.enabled, v.enabled)
      .build(),
  keyOf: (v) => v.channelKey,
};

export class ReminderChannelRepository extends ListRepository<ReminderChannelSetting> implements ReminderChannelStore {
  constructor(sp: SPFI) {
    super(sp, reminderChannelMapper);
  }

  /** Every row: the list is small (one row a channel). */
  all(): Promise<RepoResult<Stored<ReminderChannelSetting>[]>> {
    return this.readAll();
  }
}
