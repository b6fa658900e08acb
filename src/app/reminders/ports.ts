import type { IsoDate } from '../../domain/dates';
import type {
  ActionStore,
  AssessmentStore,
  AssuranceStatementStore,
  ChannelMappingStore,
  CollaborationStore,
  ReminderLogStore,
} from '../../domain/ports';
import type { ChannelDigest, Reminder } from '../../domain/reminders';
import type { ReminderChannelSettingsStore, ReminderLogBulkStore, ReminderReadStore } from '../../domain/reminderPorts';

/**
 * What the reminder job (job.ts) needs from the world, as ports: the stores
 * (src/data implements them over SharePoint), the transports
 * (domain/reminderPorts.ts ChannelTransport; src/notify implements them) and
 * the digest cards (src/notify/cards.ts, bound to the record links by the
 * composition in src/cli/reminderSetup.ts).
 */
export interface ReminderRepositories {
  readonly collaborations: Pick<CollaborationStore, 'all'>;
  readonly actions: Pick<ActionStore, 'openDueOnOrBefore'>;
  readonly assessments: Pick<AssessmentStore, 'drafts'>;
  /** The year's annual assurance statements, read in their season only. */
  readonly assuranceStatements: Pick<AssuranceStatementStore, 'forYear'>;
  readonly channelMappings: ChannelMappingStore;
  readonly reminderLog: ReminderLogStore;
  readonly reminderChannels: ReminderChannelSettingsStore;
  /** Threshold-safe fallbacks; without them a refused read fails the run. */
  readonly reminderReads?: ReminderReadStore;
  /** Batched Reminder Log writes; without them, one request per entry. */
  readonly reminderLogBulk?: ReminderLogBulkStore;
}

/** What one digest card is about: a channel's reminders on a day. */
export interface DigestRequest {
  readonly channelName: string;
  readonly language: ChannelDigest['language'];
  readonly today: IsoDate;
  readonly reminders: readonly Reminder[];
}

export interface DigestPartInfo {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** The id the card carries, so that a transport can later find the message. */
  readonly postId?: string;
}

export interface DigestSplitOptions<Card> {
  /** The largest payload allowed, bytes. */
  readonly maxBytes?: number;
  /** Bytes of the payload that will carry a card. */
  readonly measure?: (card: Card) => number;
  readonly postIds: (index: number) => string | undefined;
}

/** Builds digest cards: split into posts under the size limit, and one post's card. */
export interface DigestCards<Card> {
  split(
    input: DigestRequest,
    options: DigestSplitOptions<Card>,
  ): readonly { readonly card: Card; readonly reminders: readonly Reminder[] }[];
  card(input: DigestRequest, part: DigestPartInfo): Card;
}
