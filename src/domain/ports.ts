import type { ItemAccess } from './policy';
import type { Collaboration, Person } from './collaboration';
import type { IsoDate } from './dates';
import type {
  Action,
  Assessment,
  AssessmentTemplate,
  ChannelLanguage,
  ChannelMapping,
  Partner,
  Review,
} from './entities';
import type { ReportNarrative } from './annualReport';
import type { AssuranceFilter } from './assuranceStanding';
import type { AssuranceStatement } from './assuranceStatement';
import type { GovernancePolicy } from './governancePolicy';
import type { HistoryEntry } from './history';
import type { Model, Rag, ReviewKind, SignificanceTier, Status } from './vocabulary';

/**
 * Ports: what the domain and the tab need from storage (STYLE.md, example 2).
 * src/data implements them for SharePoint with PnPjs; the embedded server is
 * just another SharePoint. Expected failures come back as values.
 */

/** A stored item: its SharePoint id and the ETag it was read with. */
export type Stored<T> = T & { readonly id: number; readonly etag: string; readonly modified?: string };

export type RepoErrorCode =
  | 'conflict'
  | 'duplicate'
  | 'notFound'
  | 'forbidden'
  | 'throttled'
  | 'threshold'
  | 'invalid'
  | 'network'
  | 'unexpected';

export interface RepoError<T = unknown> {
  readonly code: RepoErrorCode;
  /** For `conflict`: the version now stored, so the person can compare and merge. */
  readonly theirs?: Stored<T>;
  /** For `conflict`: what this person tried to save. */
  readonly mine?: T;
  /** For `invalid`: which item and field was wrong. */
  readonly field?: string;
  readonly itemId?: number;
  /** Technical detail for logs; never shown as the message. */
  readonly detail?: string;
}

export type RepoResult<T, E = unknown> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RepoError<E> };

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque token for the next page; absent on the last page. */
  readonly next?: string;
}

export type SortDirection = 'asc' | 'desc';

export interface CollaborationQuery {
  readonly status?: readonly Status[];
  readonly model?: readonly Model[];
  readonly inScope?: boolean;
  readonly directorate?: string;
  readonly significance?: readonly SignificanceTier[];
  /** Any of these assurance levels; `ASSURANCE_NOT_GIVEN` (assuranceStanding.ts) is a record given none yet (the column empty). */
  readonly assurance?: readonly AssuranceFilter[];
  /** A panel's stored value, or any of several (its key and names). */
  readonly panel?: string | readonly string[];
  readonly leadOfficerId?: number;
  /** Next review due on or before this date. */
  readonly reviewDueOnOrBefore?: IsoDate;
  readonly reviewDueOnOrAfter?: IsoDate;
  /** Words (or "quoted phrases") each found somewhere in the name (English or Welsh), reference, council reference, purpose, lead organisation or partners. Past the list view threshold the results come in search order, not `orderBy`. */
  readonly search?: string;
  readonly orderBy?: {
    readonly field: 'reference' | 'title' | 'nextReviewDue' | 'status' | 'startDate';
    readonly direction: SortDirection;
  };
  readonly pageSize?: number;
}

export interface VersionChange {
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

/** A change of status that a record's version history shows. */
export interface StatusChangeSeen {
  readonly on: IsoDate;
  readonly from: Status;
  readonly to: Status;
}

export interface ItemVersion {
  readonly versionLabel: string;
  readonly modified: string;
  readonly editor: string;
  readonly changes: readonly VersionChange[];
}

export interface CollaborationStore {
  query(query: CollaborationQuery, pageToken?: string): Promise<RepoResult<Page<Stored<Collaboration>>>>;
  /** Every item matching the query, following pages. */
  all(query: CollaborationQuery): Promise<RepoResult<Stored<Collaboration>[]>>;
  get(id: number): Promise<RepoResult<Stored<Collaboration>>>;
  getByReference(reference: string): Promise<RepoResult<Stored<Collaboration>>>;
  /** Creates with the record's reference as the unique key: a retried create is `duplicate`. */
  create(record: Collaboration): Promise<RepoResult<Stored<Collaboration>>>;
  /** Creates in `$batch` requests of 100; idempotent on the reference like `create` (imports). */
  createMany(records: readonly Collaboration[]): Promise<RepoResult<Stored<Collaboration>>[]>;
  /** Updates with If-Match on the ETag it was read with; a 412 is `conflict` with both versions. */
  update(record: Stored<Collaboration>): Promise<RepoResult<Stored<Collaboration>, Collaboration>>;
  nextReference(): Promise<RepoResult<string>>;
  versions(id: number): Promise<RepoResult<ItemVersion[]>>;
  /** The record's changes from one status to another as its version history shows them, oldest first, each on the day it was saved (UK time). */
  statusChanges(id: number): Promise<RepoResult<StatusChangeSeen[]>>;
  /**
   * Which partners each record names (only that, with the record's ETag): those naming
   * `partnerId`, or every record. Safe past the list view threshold (the partners column is
   * a multi-value lookup, which SharePoint cannot index).
   */
  partnerLinks(partnerId?: number): Promise<RepoResult<PartnerLinks[]>>;
  /**
   * Sets the partners a record names and nothing else, with If-Match on the ETag the links
   * were read with; a 412 is `conflict` with the links now stored as `theirs`.
   */
  setPartners(links: PartnerLinks): Promise<RepoResult<PartnerLinks, PartnerLinks>>;
}

/** The partners one record names, as read with its ETag. */
export interface PartnerLinks {
  readonly id: number;
  readonly etag: string;
  readonly reference: string;
  readonly partnerIds: readonly number[];
}

/** The partner list as read: every usable partner, and each item that could not be used, named. */
export interface PartnerList {
  readonly partners: Stored<Partner>[];
  /** `invalid` errors naming the item and column (a partner with no name, say); the rest are read. */
  readonly unreadable: readonly RepoError[];
}

export interface PartnerStore {
  /** Every usable partner, by name; an item that cannot be used is left out (see `list`). */
  all(): Promise<RepoResult<Stored<Partner>[]>>;
  /** Every partner, with the items that could not be used named beside them. */
  list(): Promise<RepoResult<PartnerList>>;
  get(id: number): Promise<RepoResult<Stored<Partner>>>;
  create(partner: Partner): Promise<RepoResult<Stored<Partner>>>;
  /** Creates in `$batch` requests of 100; idempotent on the partner key (imports). */
  createMany(partners: readonly Partner[]): Promise<RepoResult<Stored<Partner>>[]>;
  update(partner: Stored<Partner>): Promise<RepoResult<Stored<Partner>, Partner>>;
  /**
   * Deletes with If-Match on the ETag it was read with; a 412 is `conflict` with the stored
   * version as `theirs`; a partner already gone is success.
   */
  delete(id: number, etag: string): Promise<RepoResult<void, Partner>>;
}

export interface ReviewStore {
  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Review>[]>>;
  dueBetween(from: IsoDate, to: IsoDate): Promise<RepoResult<Stored<Review>[]>>;
  get(id: number): Promise<RepoResult<Stored<Review>>>;
  create(review: Review): Promise<RepoResult<Stored<Review>>>;
  update(review: Stored<Review>): Promise<RepoResult<Stored<Review>, Review>>;
  /** A review by its key (`#/review/<key>`); `notFound` when there is none. */
  getByKey(key: string): Promise<RepoResult<Stored<Review>>>;
  /** Reviews held from `from` to `to` inclusive (the indexed HeldOn column), for the annual summary. */
  heldBetween(from: IsoDate, to: IsoDate): Promise<RepoResult<Stored<Review>[]>>;
  /** Every review, read in pages of 5,000 in ID order (safe past the list view threshold). */
  all(): Promise<RepoResult<Stored<Review>[]>>;
  /**
   * Gives one review the permissions of its own the role policy says (domain/policy.ts
   * `reviewItemAccess`): inheritance broken on the item, then the roles' and the panel's
   * members' assignments. Safe to repeat. Needs the right to manage permissions.
   */
  secure(reviewId: number, access: ItemAccess): Promise<RepoResult<void>>;
}

export interface ActionStore {
  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Action>[]>>;
  forOwner(ownerId: number): Promise<RepoResult<Stored<Action>[]>>;
  /** Open actions (not completed) due on or before the date. */
  openDueOnOrBefore(date: IsoDate): Promise<RepoResult<Stored<Action>[]>>;
  create(action: Action): Promise<RepoResult<Stored<Action>>>;
  /** Several actions created together in one batch. */
  createMany(actions: readonly Action[]): Promise<RepoResult<Stored<Action>>[]>;
  update(action: Stored<Action>): Promise<RepoResult<Stored<Action>, Action>>;
  /**
   * Deletes with If-Match on the ETag it was read with; a 412 is `conflict` with the stored
   * version as `theirs`; an action already gone is success.
   */
  delete(id: number, etag: string): Promise<RepoResult<void, Action>>;
  /** The actions a review planned. */
  forReview(reviewId: number): Promise<RepoResult<Stored<Action>[]>>;
  /** Actions that may show on a plan from `from` to `to`: due on or after `from` and starting on or before `to` (or undated ends). */
  forPlan(from: IsoDate, to: IsoDate): Promise<RepoResult<Stored<Action>[]>>;
  /** Every action, read in pages of 5,000 in ID order (safe past the list view threshold), for the reports. */
  all(): Promise<RepoResult<Stored<Action>[]>>;
}

export interface AssessmentStore {
  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<Assessment>[]>>;
  drafts(): Promise<RepoResult<Stored<Assessment>[]>>;
  get(id: number): Promise<RepoResult<Stored<Assessment>>>;
  /** By its client-made key (`notFound` when none). */
  getByKey(key: string): Promise<RepoResult<Stored<Assessment>>>;
  create(assessment: Assessment): Promise<RepoResult<Stored<Assessment>>>;
  update(assessment: Stored<Assessment>): Promise<RepoResult<Stored<Assessment>, Assessment>>;
  /** Deletes a draft, If-Match its ETag (`conflict` when it changed meanwhile; one already gone is deleted). */
  delete(id: number, etag: string): Promise<RepoResult<void>>;
}

export interface TemplateStore {
  published(): Promise<RepoResult<AssessmentTemplate[]>>;
  version(key: string, version: number): Promise<RepoResult<AssessmentTemplate>>;
  /** Writes a template version and its questions. */
  save(template: AssessmentTemplate): Promise<RepoResult<AssessmentTemplate>>;
}

export interface ChannelMappingStore {
  all(): Promise<RepoResult<Stored<ChannelMapping>[]>>;
}

/** The governance team's narratives of the reports, one item per report and year (`annual-2025`). */
export interface ReportNarrativeStore {
  /** The narrative under `key`, or undefined when none has been written. */
  find(key: string): Promise<RepoResult<Stored<ReportNarrative> | undefined>>;
  /** Creates it; `duplicate` (with `theirs`) when someone else created the year's narrative first. */
  create(narrative: ReportNarrative): Promise<RepoResult<Stored<ReportNarrative>, ReportNarrative>>;
  /** With If-Match on the ETag read; `conflict` carries `theirs` and `mine`. */
  update(narrative: Stored<ReportNarrative>): Promise<RepoResult<Stored<ReportNarrative>, ReportNarrative>>;
}

/** The annual assurance statements, one item per directorate and year (`statement-2025-economy`). */
export interface AssuranceStatementStore {
  /** The year's statements, every directorate's. */
  forYear(year: number): Promise<RepoResult<Stored<AssuranceStatement>[]>>;
  /** Creates it; `duplicate` (with `theirs`) when someone else confirmed the directorate's year first. */
  create(statement: AssuranceStatement): Promise<RepoResult<Stored<AssuranceStatement>, AssuranceStatement>>;
  /** With If-Match on the ETag read; `conflict` carries `theirs` and `mine`. */
  update(statement: Stored<AssuranceStatement>): Promise<RepoResult<Stored<AssuranceStatement>, AssuranceStatement>>;
}

/** The records' history of status, assurance and significance (history.ts). */
export interface HistoryStore {
  /** Writes the entries; an entry already there (the same key: the same event) is left as it is. */
  record(entries: readonly HistoryEntry[]): Promise<RepoResult<void>>;
  /** One record's history, oldest first. */
  forCollaboration(collaborationId: number): Promise<RepoResult<Stored<HistoryEntry>[]>>;
  /** Every record's history (the reports), oldest first. */
  all(): Promise<RepoResult<Stored<HistoryEntry>[]>>;
  /** Changes an entry (the governance team dating it), with If-Match on the ETag read. */
  update(entry: Stored<HistoryEntry>): Promise<RepoResult<Stored<HistoryEntry>, HistoryEntry>>;
}

/** The versions of the governance policy (governancePolicy.ts). */
export interface PolicyStore {
  /** Every published version. */
  published(): Promise<RepoResult<GovernancePolicy[]>>;
  /** Publishes a new version; `duplicate` (with `theirs`) when someone published that version first. */
  publish(policy: GovernancePolicy): Promise<RepoResult<Stored<GovernancePolicy>, GovernancePolicy>>;
}

export interface ReminderLogEntry {
  readonly key: string;
  readonly kind: string;
  readonly itemRef: string;
  readonly dueDate: IsoDate;
  readonly channelKey: string;
  readonly state: 'pending' | 'posted' | 'failed';
  readonly runDate: IsoDate;
  readonly postedOn?: string;
  readonly messageId?: string;
}

export interface ReminderLogStore {
  /** Entries whose keys are among these (read on the indexed key column). */
  byKeys(keys: readonly string[]): Promise<RepoResult<Stored<ReminderLogEntry>[]>>;
  /** Claims a key: `duplicate` when it already exists. */
  claim(entry: ReminderLogEntry): Promise<RepoResult<Stored<ReminderLogEntry>>>;
  update(entry: Stored<ReminderLogEntry>): Promise<RepoResult<Stored<ReminderLogEntry>, ReminderLogEntry>>;
}

/** The site's people, as far as a use case needs them (src/data's PeopleRepository is one). */
export interface PeopleDirectory {
  /** People whose name or e-mail starts with `text` (or whose name contains it), at most `limit`. */
  search(text: string, limit?: number): Promise<RepoResult<Person[]>>;
}

/** Where a card goes: a channel of the Channel Mappings list. */
export interface ChannelPostTarget {
  readonly channelKey: string;
  readonly channelName: string;
  readonly teamId?: string;
  readonly channelId?: string;
}

/** Why a post failed, as the transports code it. */
export type PostErrorCode =
  | 'throttled'
  | 'rejected'
  | 'tooLarge'
  | 'unauthorized'
  | 'notFound'
  | 'serverError'
  | 'network'
  | 'timeout'
  | 'misconfigured'
  | 'unexpected';

export type ChannelPostCode = PostErrorCode;

/** Whether a post with a given id is in the channel. */
export type FindResult =
  | { readonly state: 'found'; readonly messageId?: string; readonly messageUrl?: string }
  | { readonly state: 'notFound' }
  | { readonly state: 'unknown'; readonly detail: string };

export type ChannelPostResult =
  | { readonly ok: true; readonly messageId?: string; readonly messageUrl?: string }
  | {
      readonly ok: false;
      readonly code: ChannelPostCode;
      /** The post may have arrived (503/504 after sending, a time-out): it must not be sent again blindly. */
      readonly maybeDelivered?: boolean;
    };

export type ChannelFindResult = FindResult;

/**
 * Posting a card to a channel (notify's transports: Graph as the person, the dev
 * inbox locally). `Card` is the card's type; the domain never looks inside it.
 */
export interface ChannelTransport<Card> {
  post(target: ChannelPostTarget, card: Card, options?: { readonly postId?: string }): Promise<ChannelPostResult>;
  /** Reads the channel back for a post id, where the transport can (Graph, the dev inbox). */
  findPost?(target: ChannelPostTarget, postId: string): Promise<ChannelFindResult>;
}

/** What a panel's review card shows (notify's panelReviewCard takes exactly this). */
export interface PanelCardInput {
  readonly language: ChannelLanguage;
  readonly collaboration: {
    readonly reference: string;
    readonly title: string;
    readonly titleCy?: string;
    readonly leadOfficer?: Person;
  };
  readonly review: { readonly kind: ReviewKind; readonly dueDate: IsoDate };
  readonly assessment?: { readonly overallRag?: Rag; readonly score?: number };
  /** Where Open goes (the collaboration's record). */
  readonly url: string;
}
