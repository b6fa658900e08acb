import type { Collaboration } from './collaboration';
import type { IsoDate } from './dates';
import type { Action } from './entities';
import type { FindResult, PostErrorCode, ReminderLogEntry, RepoResult, Stored } from './ports';

export type { FindResult, PostErrorCode } from './ports';

/**
 * The ports of the reminder job (src/app/reminders) beyond the stores of
 * ports.ts: the threshold-safe reads and batched Reminder Log writes the data
 * layer offers, the Reminder Channel Settings, and posting a card to a
 * channel (src/notify's transports implement it). Types only.
 */

/**
 * Reads that stay safe on a list past the 5,000-item view threshold (see
 * src/data/repositories/reminderReads.ts): one day at a time on an indexed
 * column, collaborations by id, the log by due date or by key.
 */
export interface ReminderReadStore {
  /** Collaborations whose next review is due on one day (`NextReviewDue eq`, indexed). */
  collaborationsReviewDueOn(day: IsoDate): Promise<RepoResult<Stored<Collaboration>[]>>;
  collaborationsByIds(ids: readonly number[]): Promise<RepoResult<Stored<Collaboration>[]>>;
  openActionsDueOn(day: IsoDate): Promise<RepoResult<Stored<Action>[]>>;
  logEntry(key: string): Promise<RepoResult<Stored<ReminderLogEntry> | undefined>>;
  /** Reminder Log entries of reminders due on one day (`DueDate eq`, indexed), as for actions. */
  logEntriesDueOn(day: IsoDate): Promise<RepoResult<Stored<ReminderLogEntry>[]>>;
}

/** The Reminder Log written in `$batch` requests of up to 100. */
export interface ReminderLogBulkStore {
  claimMany(entries: readonly ReminderLogEntry[]): Promise<RepoResult<Stored<ReminderLogEntry>>[]>;
  updateMany(entries: readonly Stored<ReminderLogEntry>[]): Promise<RepoResult<Stored<ReminderLogEntry>>[]>;
}

export type TransportKind = 'workflows' | 'graph' | 'devInbox';

/** A row of Reminder Channel Settings: how to post to one channel. Never a webhook address, only its setting's name. */
export interface ReminderChannelSettingRow {
  readonly channelKey: string;
  readonly title: string;
  readonly transport: TransportKind;
  readonly secretName?: string | undefined;
  readonly enabled: boolean;
}

export interface ReminderChannelSettingsStore {
  all(): Promise<RepoResult<Stored<ReminderChannelSettingRow>[]>>;
}

export interface ChannelTarget {
  readonly channelKey: string;
  readonly channelName: string;
  readonly transport: TransportKind;
  /** Workflows only: the webhook address read from the secret setting. Never logged. */
  readonly webhookUrl?: string;
  /** Workflows only: the NAME of the setting that holds the address (safe to show). */
  readonly secretName?: string;
  /** Graph only. */
  readonly teamId?: string;
  readonly channelId?: string;
}

export type PostResult =
  | { readonly ok: true; readonly messageId?: string; readonly messageUrl?: string }
  | {
      readonly ok: false;
      readonly code: PostErrorCode;
      /** For logs; holds no webhook address. */
      readonly detail: string;
      /** A later attempt may succeed (the next run retries). */
      readonly retryable: boolean;
      /** The request may have reached the channel although no success came back: never resend it blindly. */
      readonly maybeDelivered?: boolean;
    };

export interface PostOptions {
  /** An id the card carries (digest cards: the title's element id), for findPost. */
  readonly postId?: string;
}

export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string) => void;

/** Posts a card (of whatever kind the transport carries) to a channel. */
export interface ChannelTransport<Card> {
  readonly kind: TransportKind;
  post(channel: ChannelTarget, card: Card, options?: PostOptions): Promise<PostResult>;
  /** Whether a post carrying `postId` reached the channel. Absent when the transport cannot tell. */
  findPost?(channel: ChannelTarget, postId: string, options?: { since?: string }): Promise<FindResult>;
  /** Bytes of the payload that carries `card` (the size limit is measured on it). */
  measure?(card: Card): number;
}
