import type { AssuranceStatement } from '../../domain/assuranceStatement';
import { isWorkingDay } from '../../domain/calendar';
import type { Collaboration } from '../../domain/collaboration';
import { addDays, type IsoDate } from '../../domain/dates';
import type { Assessment, ChannelMapping } from '../../domain/entities';
import type { ReminderLogEntry, RepoError, RepoResult, Stored } from '../../domain/ports';
import {
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  groupByChannel,
  type ChannelDigest,
  type Reminder,
  type ReminderAction,
  type ReminderAssessment,
  type ReminderChannelMapping,
  type ReminderCollaboration,
  type ReminderItem,
  type ReminderPolicy,
  type ReminderProblemCode,
} from '../../domain/reminders';
import {
  currentStatementSeason,
  DEFAULT_STATEMENT_REMINDER_POLICY,
  dueStatementReminders,
  type StatementReminderPolicy,
} from '../../domain/statementReminders';
import type {
  ChannelTarget,
  ChannelTransport,
  Log,
  ReminderChannelSettingRow as ReminderChannelSetting,
  ReminderReadStore,
  TransportKind,
} from '../../domain/reminderPorts';
import { mapLimit } from '../../lib/concurrency';
import { redactDeep, redactor } from '../../lib/redact';
import { isWebhookUrl } from '../../lib/urls';
import type { DigestCards, DigestPartInfo, ReminderRepositories } from './ports';

export type { ReminderRepositories } from './ports';

/**
 * The reminder job: what is due today, one digest per channel, each reminder
 * posted EXACTLY ONCE. docs/reminders.md explains the guarantee; in short:
 *
 * 1. Read on indexed filters only: collaborations whose NextReviewDue is in the
 *    window the reminder rules can reach; open actions due on or before the
 *    window's end (day by day when a list past the threshold refuses that);
 *    draft assessments; channel mappings; reminder channel settings; the
 *    collaborations that due actions and assessments belong to, by id. In the
 *    assurance statements' season (1 April to the end of July, on working days)
 *    the collaborations are read whole instead (paged by ID, no filter, so the
 *    threshold never applies: who must confirm depends on every record current
 *    in the year), with the year's Assurance Statements.
 * 2. `dueReminders` and `dueStatementReminders` decide what is due;
 *    `groupByChannel` makes one digest per channel; a digest too big for one
 *    message is split (cards.ts).
 * 3. For each reminder key, the Reminder Log is read first: Posted is skipped;
 *    Failed is tried again; Pending younger than the lease is another run's
 *    work in progress and left to it; Pending older than the lease was left by
 *    an interrupted run (see 6).
 * 4. CLAIM before posting: each reminder to post gets a Pending entry (create on
 *    the unique ReminderKey: a second run's create is refused as duplicate), or
 *    its Failed entry is updated to Pending with If-Match. The entry carries
 *    the id of the post it will go in (`MessageId = post:<id>`), and the card
 *    carries the same id.
 * 5. POST the card; then mark its entries Posted (message id, time). A post that
 *    fails marks its entries Failed, so the next run tries them again; a post
 *    that may have arrived although no success came back (connection broken
 *    after sending, time-out) leaves them Pending.
 * 6. RECOVERY of a Pending entry an interrupted run left: when the transport can
 *    look a post up (the dev inbox, Graph), the job asks whether the post with
 *    that id reached the channel: found -> recorded Posted, never posted again;
 *    not found -> claimed again and posted. A Workflows webhook cannot be asked:
 *    those entries are reported as "possibly posted" and NOT posted again (a
 *    person checks the channel and sets them Failed to resend, or Posted). That
 *    is the one window: between a claim and the Posted update, on a transport
 *    that cannot be asked, a crash makes the reminder at-most-once, reported.
 *
 * Nothing here throws for expected failures: a channel that cannot be posted
 * to is reported with its reason and the others still post. An AbortSignal
 * stops the run between steps (used by hosts that shut down, and by tests to
 * simulate a crash at an exact point).
 */

export interface RunOptions<Card = unknown> {
  readonly repos: ReminderRepositories;
  readonly transports: Partial<Record<TransportKind, ChannelTransport<Card>>>;
  /** Builds the digest cards (src/notify/cards.ts, bound to the record links). */
  readonly cards: DigestCards<Card>;
  readonly today: IsoDate;
  readonly dryRun?: boolean;
  /** Told what happens; every line is scrubbed of webhook addresses first. */
  readonly log?: Log;
  /** Where webhook addresses are read from (by the names in Reminder Channel Settings): the host's settings. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly policy?: ReminderPolicy;
  /** When the annual assurance statements are asked for and reminded (domain/statementReminders.ts). */
  readonly statementPolicy?: StatementReminderPolicy;
  /** Largest message payload, bytes. Default 28,000. */
  readonly maxBytes?: number;
  /** A Pending entry younger than this is another run's work in progress. Default 15 minutes. */
  readonly pendingLeaseMs?: number;
  /** Requests to the Reminder Log at once. Default 6. */
  readonly concurrency?: number;
  /** The directorate whose channel hears about programme actions (which belong to no collaboration). */
  readonly programmeDirectorate?: string;
  readonly signal?: AbortSignal;
  /** The clock (claim leases, Posted times). */
  readonly now: () => Date;
  /** A new random post id (32 hex digits). */
  readonly newPostId: () => string;
}

export type ChannelStatus = 'posted' | 'nothing' | 'wouldPost' | 'failed' | 'misconfigured' | 'disabled';

export interface PostedMessage {
  readonly postId: string;
  readonly items: number;
  readonly bytes: number;
  readonly messageId?: string;
  readonly messageUrl?: string;
}

export interface ChannelSummary {
  readonly channelKey: string;
  readonly channelName: string;
  readonly transport?: TransportKind;
  status: ChannelStatus;
  /** Reminders due for the channel today. */
  readonly due: number;
  /** Items and messages posted by this run (or that a dry run would post). */
  posted: number;
  posts: number;
  /** Already Posted by an earlier run. */
  skipped: number;
  /** Pending in another run that is still within its lease. */
  inProgress: number;
  /** Found in the channel after an interrupted run, and recorded Posted. */
  recovered: number;
  /** Left Pending by an interrupted run on a transport that cannot be asked: not posted again, reported. */
  uncertain: number;
  /** Could not be claimed (not posted; the next run tries again). */
  notClaimed: number;
  /** Posted, but the Posted update failed (the next run recovers them). */
  notRecorded: number;
  /** Marked Failed (the next run tries again). */
  failedItems: number;
  reason?: string;
  readonly messages: PostedMessage[];
  /** The keys of the reminders posted by this run (or that a dry run would post). */
  readonly keys: string[];
}

export type ChannelProblemCode =
  'noSetting' | 'disabled' | 'noSecretName' | 'secretMissing' | 'secretMalformed' | 'noGraphIds' | 'noTransport';

export type RunProblem =
  | {
      readonly kind: 'item';
      readonly code: ReminderProblemCode;
      readonly item: ReminderItem;
      readonly itemRef: string;
      readonly title: string;
      readonly dueDate?: string;
    }
  | {
      readonly kind: 'channel';
      readonly code: ChannelProblemCode;
      readonly channelKey: string;
      readonly channelName: string;
      /** The NAME of the secret setting, never its value. */
      readonly secretName?: string;
      readonly transport?: string;
    };

export interface RunResult {
  readonly today: IsoDate;
  readonly workingDay: boolean;
  readonly dryRun: boolean;
  readonly channels: readonly ChannelSummary[];
  readonly problems: readonly RunProblem[];
  /** A read the whole run depends on failed: nothing was posted. */
  readonly fatal?: { readonly what: string; readonly code: string; readonly detail: string };
  readonly totals: {
    readonly items: number;
    readonly posts: number;
    readonly channels: number;
    readonly failed: number;
  };
  readonly failedChannels: readonly string[];
  /** 0 when every channel with something due posted (or had nothing new); 1 otherwise. */
  readonly exitCode: 0 | 1;
  readonly reads: {
    readonly collaborations: number;
    readonly actions: number;
    readonly assessments: number;
    /** Assurance Statements read (only in their season). */
    readonly statements: number;
  };
  /** The financial year whose assurance statements were due for reminders today, if any (2026 is 2026–27). */
  readonly statementYear?: number;
}

/** Non-working days in a row never exceed this in Wales; widens the read window as the domain's rules do. */
const MAX_SHIFT_DAYS = 10;
const POST_PREFIX = 'post:';
/** The MessageId of an entry whose post may have arrived (503/504 after sending, a time-out, a reset): never resent blindly. */
const MAYBE_PREFIX = 'maybe:';
const CLAIM_CLOCK_SKEW_MS = 5 * 60_000;

/** The window of due dates that can have a reminder on `today` under `policy`. */
export function readWindow(
  today: IsoDate,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): { from: IsoDate; to: IsoDate } {
  const soon = Math.max(policy.reviewDueSoonDays, policy.actionDueSoonDays, policy.assessmentDueSoonDays, 0);
  const back = 1 + Math.max(0, policy.overdueMaxRepeats - 1) * policy.overdueRepeatDays + policy.overdueRepeatDays;
  return { from: addDays(today, -(back + MAX_SHIFT_DAYS)), to: addDays(today, soon + MAX_SHIFT_DAYS) };
}

const describe = (e: RepoError): string => `${e.code}${e.detail ? `: ${e.detail}` : ''}`;

class ReadFailure extends Error {
  constructor(
    readonly what: string,
    readonly error: RepoError,
  ) {
    super(`${what}: ${describe(error)}`);
  }
}

function must<T>(what: string, r: RepoResult<T>): T {
  if (!r.ok) throw new ReadFailure(what, r.error);
  return r.value;
}

interface Inputs {
  readonly collaborations: ReminderCollaboration[];
  readonly actions: ReminderAction[];
  readonly assessments: ReminderAssessment[];
  readonly mappings: Stored<ChannelMapping>[];
  readonly settings: Stored<ReminderChannelSetting>[];
  readonly reads: RunResult['reads'];
  /** In the statements' season: the year, every collaboration and the year's statements. */
  readonly statements?: {
    readonly year: number;
    readonly records: readonly Stored<Collaboration>[];
    readonly statements: readonly AssuranceStatement[];
  };
}

function toReminderCollaboration(c: Stored<Collaboration>): ReminderCollaboration {
  return {
    reference: c.reference,
    title: c.title,
    status: c.status,
    nextReviewDue: c.nextReviewDue,
    directorate: c.directorate,
    panel: c.panel,
    leadOfficer: c.leadOfficer,
  };
}

/**
 * A read on "due on or before the window's end", or, when a list past the view
 * threshold refuses it, the same items day by day over the window (the days
 * the reminder rules can reach; an item due earlier is past its last reminder).
 */
async function readWindowed<T>(
  options: RunOptions,
  what: string,
  window: { from: IsoDate; to: IsoDate },
  limit: number,
  range: () => Promise<RepoResult<T[]>>,
  day: (reads: ReminderReadStore, d: IsoDate) => Promise<RepoResult<T[]>>,
): Promise<T[]> {
  const all = await range();
  if (all.ok) return all.value;
  const reads = options.repos.reminderReads;
  if (all.error.code !== 'threshold' || !reads) throw new ReadFailure(what, all.error);
  options.log?.('info', `${what}: the list is past the view threshold; reading the window day by day.`);
  const days: IsoDate[] = [];
  for (let d = window.from; d <= window.to; d = addDays(d, 1)) days.push(d);
  const results = await mapLimit(days, limit, (d) => day(reads, d));
  return results.flatMap((r) => must(what, r));
}

async function readInputs(options: RunOptions, limit: number): Promise<Inputs> {
  const { repos, today } = options;
  const policy = options.policy ?? DEFAULT_REMINDER_POLICY;
  const window = readWindow(today, policy);
  // The statements' season needs every record current in the year: the whole list, paged by ID.
  const season = isWorkingDay(today)
    ? currentStatementSeason(today, options.statementPolicy ?? DEFAULT_STATEMENT_REMINDER_POLICY)
    : undefined;
  const [collabs, actions, drafts, mappings, settings, statements] = await Promise.all([
    season
      ? repos.collaborations.all({}).then((r) => must('collaborations', r))
      : // Only an upper bound: SharePoint applies the threshold to the first condition, and reviews
        // due up to the window's end are few, while those due after its start include every future one.
        readWindowed(
          options,
          'collaborations',
          window,
          limit,
          () => repos.collaborations.all({ reviewDueOnOrBefore: window.to }),
          (reads, d) => reads.collaborationsReviewDueOn(d),
        ),
    readWindowed(
      options,
      'actions',
      window,
      limit,
      () => repos.actions.openDueOnOrBefore(window.to),
      (reads, d) => reads.openActionsDueOn(d),
    ),
    repos.assessments.drafts().then((r) => must('assessments', r)),
    repos.channelMappings.all().then((r) => must('channel mappings', r)),
    repos.reminderChannels.all().then((r) => must('reminder channel settings', r)),
    season
      ? repos.assuranceStatements.forYear(season.year).then((r) => must('assurance statements', r))
      : Promise.resolve([]),
  ]);
  const byId = new Map<number, Stored<Collaboration>>(collabs.map((c) => [c.id, c]));
  const inWindow = (d: string | undefined) => d !== undefined && d >= window.from && d <= window.to;
  // Only the actions and drafts that can be due today need their collaboration.
  const dueActions = actions.filter((a) => inWindow(a.dueDate));
  const dueDrafts = drafts.filter((s) => inWindow(s.dueDate));
  const wanted = [...dueActions.map((a) => a.collaborationId), ...dueDrafts.map((s) => s.collaborationId)].filter(
    (id): id is number => id !== undefined && !byId.has(id),
  );
  const extra: Stored<Collaboration>[] = [];
  if (wanted.length > 0 && repos.reminderReads) {
    extra.push(...must('collaborations of due actions', await repos.reminderReads.collaborationsByIds(wanted)));
    for (const c of extra) byId.set(c.id, c);
  }
  const refOf = (id: number | undefined): string | undefined =>
    id === undefined ? undefined : (byId.get(id)?.reference ?? `#${id}`);
  const reminderActions: ReminderAction[] = dueActions.map((a) => ({
    key: a.key,
    title: a.title,
    dueDate: a.dueDate,
    owner: a.owner,
    progress: a.progress,
    completedOn: a.completedOn,
    collaborationReference: refOf(a.collaborationId),
    directorate: a.collaborationId === undefined && a.scope === 'programme' ? options.programmeDirectorate : undefined,
  }));
  const reminderAssessments: ReminderAssessment[] = dueDrafts.map((s: Stored<Assessment>) => ({
    key: s.key,
    title: byId.get(s.collaborationId)?.title ?? s.templateKey,
    status: s.status,
    dueDate: s.dueDate,
    collaborationReference: refOf(s.collaborationId) ?? `#${s.collaborationId}`,
  }));
  return {
    collaborations: [...collabs, ...extra].map(toReminderCollaboration),
    actions: reminderActions,
    assessments: reminderAssessments,
    mappings,
    settings,
    reads: {
      collaborations: collabs.length + extra.length,
      actions: actions.length,
      assessments: drafts.length,
      statements: statements.length,
    },
    ...(season ? { statements: { year: season.year, records: collabs, statements } } : {}),
  };
}

/** The mappings as `dueReminders` matches them: by the directorate's or panel's name. */
function reminderChannels(mappings: readonly ChannelMapping[]): ReminderChannelMapping[] {
  return mappings.map((m) => ({
    name: m.name,
    key: m.key,
    ...(m.nameCy ? { nameCy: m.nameCy } : {}),
    kind: m.kind,
    channelKey: m.channelKey,
    channelName: m.channelName,
    language: m.language,
  }));
}

function resolveTarget(
  digest: ChannelDigest,
  settings: ReadonlyMap<string, ReminderChannelSetting>,
  mappings: readonly ChannelMapping[],
  options: RunOptions,
): { target?: ChannelTarget; problem?: RunProblem & { kind: 'channel' } } {
  const env = options.env;
  const base = { kind: 'channel' as const, channelKey: digest.channelKey, channelName: digest.channelName };
  const setting = settings.get(digest.channelKey);
  if (!setting) return { problem: { ...base, code: 'noSetting' } };
  if (!setting.enabled) return { problem: { ...base, code: 'disabled', transport: setting.transport } };
  if (!options.transports[setting.transport])
    return { problem: { ...base, code: 'noTransport', transport: setting.transport } };
  const target = { channelKey: digest.channelKey, channelName: digest.channelName, transport: setting.transport };
  switch (setting.transport) {
    case 'workflows': {
      const secretName = setting.secretName?.trim();
      if (!secretName) return { problem: { ...base, code: 'noSecretName', transport: 'workflows' } };
      const value = env[secretName]?.trim();
      if (!value) return { problem: { ...base, code: 'secretMissing', secretName, transport: 'workflows' } };
      if (!isWebhookUrl(value))
        return { problem: { ...base, code: 'secretMalformed', secretName, transport: 'workflows' } };
      return { target: { ...target, webhookUrl: value, secretName } };
    }
    case 'graph': {
      const mapping = mappings.find((m) => m.channelKey === digest.channelKey && m.teamId && m.channelId);
      if (!mapping?.teamId || !mapping.channelId)
        return { problem: { ...base, code: 'noGraphIds', transport: 'graph' } };
      return { target: { ...target, teamId: mapping.teamId, channelId: mapping.channelId } };
    }
    case 'devInbox':
      return { target };
  }
}

function emptySummary(digest: ChannelDigest, status: ChannelStatus, transport?: TransportKind): ChannelSummary {
  return {
    channelKey: digest.channelKey,
    channelName: digest.channelName,
    ...(transport ? { transport } : {}),
    status,
    due: digest.reminders.length,
    posted: 0,
    posts: 0,
    skipped: 0,
    inProgress: 0,
    recovered: 0,
    uncertain: 0,
    notClaimed: 0,
    notRecorded: 0,
    failedItems: 0,
    messages: [],
    keys: [],
  };
}

const postIdOf = (e: ReminderLogEntry): string | undefined => {
  for (const prefix of [POST_PREFIX, MAYBE_PREFIX])
    if (e.messageId?.startsWith(prefix)) return e.messageId.slice(prefix.length);
  return undefined;
};

/** A refused write whose entry is already Posted (by another run, or our own retried write): success. */
const alreadyPosted = (error: RepoError): boolean =>
  (error.code === 'conflict' || error.code === 'duplicate') &&
  (error.theirs as Partial<ReminderLogEntry> | undefined)?.state === 'posted';

/** Reads the log entries of these keys: OR-ed chunks, or one by one when the threshold refuses those. */
async function readLog(
  options: RunOptions,
  keys: readonly string[],
  limit: number,
): Promise<RepoResult<Map<string, Stored<ReminderLogEntry>>>> {
  const { repos } = options;
  const found = new Map<string, Stored<ReminderLogEntry>>();
  if (keys.length === 0) return { ok: true, value: found };
  const r = await repos.reminderLog.byKeys(keys);
  if (r.ok) {
    for (const e of r.value) found.set(e.key, e);
    return { ok: true, value: found };
  }
  if (r.error.code !== 'threshold' || !repos.reminderReads) return r;
  // Past the threshold: read by the due dates the keys carry (an indexed equality each).
  options.log?.('info', 'reminder log: the list is past the view threshold; reading it by due date.');
  const reads = repos.reminderReads;
  const wanted = new Set(keys);
  const days = [...new Set(keys.map((k) => /:(\d{4}-\d{2}-\d{2}):[^:]*$/.exec(k)?.[1] ?? ''))].filter((d) => d !== '');
  const each = await mapLimit(days, limit, (d) => reads.logEntriesDueOn(d));
  for (const e of each) {
    if (!e.ok) return e;
    for (const entry of e.value) if (wanted.has(entry.key)) found.set(entry.key, entry);
  }
  return { ok: true, value: found };
}

interface Held {
  readonly reminder: Reminder;
  readonly entry: Stored<ReminderLogEntry>;
}

const withoutPostedOn = (e: Stored<ReminderLogEntry>): Stored<ReminderLogEntry> => {
  const { postedOn: _postedOn, ...rest } = e;
  return rest;
};

/** Reminder Log writes: in $batch requests when the repositories offer them, else one request each. */
function logWriter(repos: ReminderRepositories, limit: number) {
  const bulk = repos.reminderLogBulk;
  return {
    claim: (entries: readonly ReminderLogEntry[]): Promise<RepoResult<Stored<ReminderLogEntry>>[]> =>
      entries.length === 0
        ? Promise.resolve([])
        : bulk
          ? bulk.claimMany(entries)
          : mapLimit(entries, limit, (e) => repos.reminderLog.claim(e)),
    update: (entries: readonly Stored<ReminderLogEntry>[]): Promise<RepoResult<Stored<ReminderLogEntry>>[]> =>
      entries.length === 0
        ? Promise.resolve([])
        : bulk
          ? bulk.updateMany(entries)
          : mapLimit(
              entries,
              limit,
              (e) => repos.reminderLog.update(e) as Promise<RepoResult<Stored<ReminderLogEntry>>>,
            ),
  };
}

/** One channel's digest, start to end. Never throws for expected failures; an abort propagates. */
async function runChannel<Card>(
  digest: ChannelDigest,
  target: ChannelTarget,
  transport: ChannelTransport<Card>,
  log: ReadonlyMap<string, Stored<ReminderLogEntry>>,
  options: RunOptions<Card>,
  limit: number,
): Promise<ChannelSummary> {
  const summary = emptySummary(digest, 'nothing', target.transport);
  const { repos, today, signal, now, newPostId } = options;
  const lease = options.pendingLeaseMs ?? 15 * 60_000;
  const say = (level: 'info' | 'warn' | 'error', message: string) =>
    options.log?.(level, `${digest.channelKey}: ${message}`);
  const writeLog = logWriter(repos, limit);

  // 3. What the log already knows.
  const candidates: Reminder[] = [];
  const retry = new Map<string, Stored<ReminderLogEntry>>();
  const stale = new Map<string, Held[]>();
  for (const r of digest.reminders) {
    const e = log.get(r.key);
    if (!e) candidates.push(r);
    else if (e.state === 'posted') summary.skipped += 1;
    else if (e.state === 'failed') {
      candidates.push(r);
      retry.set(r.key, e);
    } else {
      const claimedAt = e.modified !== undefined ? Date.parse(e.modified) : Number.NaN;
      // An entry recorded as possibly posted is no run's work in progress: it goes to recovery at once.
      const possiblyPosted = e.messageId?.startsWith(MAYBE_PREFIX) === true;
      if (!possiblyPosted && !Number.isNaN(claimedAt) && now().getTime() - claimedAt < lease) summary.inProgress += 1;
      else {
        const postId = postIdOf(e) ?? '';
        stale.set(postId, [...(stale.get(postId) ?? []), { reminder: r, entry: e }]);
      }
    }
  }

  // 6. Recovery of what an interrupted run left Pending.
  for (const [postId, held] of stale) {
    if (options.dryRun || !transport.findPost || postId === '') {
      summary.uncertain += held.length;
      continue;
    }
    const since = new Date(
      Math.min(...held.map((h) => Date.parse(h.entry.modified ?? '') || now().getTime())) - CLAIM_CLOCK_SKEW_MS,
    ).toISOString();
    const found = await transport.findPost(target, postId, { since });
    if (found.state === 'found') {
      const messageId = found.messageId ?? `${POST_PREFIX}${postId}`;
      const updated = await writeLog.update(
        held.map((h) => ({ ...h.entry, state: 'posted' as const, messageId, postedOn: now().toISOString() })),
      );
      summary.recovered += held.length;
      const lost = updated.filter((u) => !u.ok && !alreadyPosted(u.error));
      if (lost.length > 0) {
        summary.notRecorded += lost.length;
        summary.reason = `Posted update failed: ${describe((lost[0] as { ok: false; error: RepoError }).error)}`;
      }
      say('info', `${held.length} reminders of post ${postId} were found in the channel; recorded as posted`);
    } else if (found.state === 'notFound') {
      for (const h of held) {
        candidates.push(h.reminder);
        retry.set(h.reminder.key, h.entry);
      }
      say('info', `${held.length} reminders claimed for post ${postId} never reached the channel; posting them`);
    } else {
      summary.uncertain += held.length;
      say(
        'warn',
        `could not tell whether post ${postId} arrived (${found.detail}); ${held.length} reminders left for a person`,
      );
    }
  }
  if (candidates.length === 0) return settle(summary);
  // Keep the digest's order (overdue first, then by due date).
  const order = new Map(digest.reminders.map((r, i) => [r.key, i]));
  candidates.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));

  // 2. Split into posts, each with its post id.
  const ids: string[] = [];
  const idAt = (i: number): string => {
    while (ids.length <= i) ids.push(newPostId());
    return ids[i] as string;
  };
  const input = {
    channelName: digest.channelName,
    language: digest.language,
    today,
    reminders: candidates,
  };
  const measure = transport.measure?.bind(transport);
  const parts = options.cards.split(input, {
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(measure ? { measure } : {}),
    postIds: idAt,
  });
  if (options.dryRun) {
    summary.status = 'wouldPost';
    summary.keys.push(...candidates.map((r) => r.key));
    summary.posted = candidates.length;
    summary.posts = parts.length;
    return summary;
  }

  // 4. Claim every reminder before anything is posted.
  const jobs = parts.flatMap((p, i) => p.reminders.map((r) => ({ r, messageId: `${POST_PREFIX}${idAt(i)}`, part: i })));
  const creates = jobs.filter((j) => !retry.has(j.r.key));
  const reclaims = jobs.filter((j) => retry.has(j.r.key));
  const claimResults = await writeLog.claim(
    creates.map((j) => ({
      key: j.r.key,
      kind: j.r.kind,
      itemRef: j.r.itemRef,
      dueDate: j.r.dueDate,
      channelKey: j.r.channelKey,
      state: 'pending' as const,
      runDate: today,
      messageId: j.messageId,
    })),
  );
  const reclaimResults = await writeLog.update(
    reclaims.map((j) => ({
      ...withoutPostedOn(retry.get(j.r.key) as Stored<ReminderLogEntry>),
      state: 'pending',
      runDate: today,
      messageId: j.messageId,
    })),
  );
  const heldByKey = new Map<string, Held>();
  const refused = (error: RepoError) => {
    // Already Posted (by another run since the log was read): done, not a conflict.
    if (alreadyPosted(error)) summary.skipped += 1;
    // Another run holds it (a duplicate key, or a changed ETag): it is that run's to post.
    else if (error.code === 'duplicate' || error.code === 'conflict') summary.inProgress += 1;
    else {
      summary.notClaimed += 1;
      summary.reason ??= `claim failed: ${describe(error)}`;
    }
  };
  creates.forEach((j, k) => {
    const c = claimResults[k] as RepoResult<Stored<ReminderLogEntry>>;
    if (c.ok) heldByKey.set(j.r.key, { reminder: j.r, entry: c.value });
    // A retried create whose first attempt landed comes back duplicate: it is ours if it carries our post id.
    else if (
      c.error.code === 'duplicate' &&
      (c.error.theirs as Stored<ReminderLogEntry> | undefined)?.messageId === j.messageId
    ) {
      heldByKey.set(j.r.key, { reminder: j.r, entry: c.error.theirs as Stored<ReminderLogEntry> });
    } else refused(c.error);
  });
  reclaims.forEach((j, k) => {
    const u = reclaimResults[k] as RepoResult<Stored<ReminderLogEntry>>;
    if (u.ok) heldByKey.set(j.r.key, { reminder: j.r, entry: u.value });
    else refused(u.error);
  });
  signal?.throwIfAborted();
  const claimedParts = parts
    .map((p, i) => ({
      postId: idAt(i),
      held: p.reminders.map((r) => heldByKey.get(r.key)).filter((h): h is Held => h !== undefined),
    }))
    .filter((p) => p.held.length > 0);

  // 5. Post, then record.
  const mark = (list: readonly Held[], change: Partial<ReminderLogEntry>) =>
    writeLog.update(list.map((h) => ({ ...withoutPostedOn(h.entry), ...change })));
  for (let i = 0; i < claimedParts.length; i += 1) {
    const part = claimedParts[i] as (typeof claimedParts)[number];
    const partInfo: DigestPartInfo = { index: i + 1, count: claimedParts.length, postId: part.postId };
    const card = options.cards.card({ ...input, reminders: part.held.map((h) => h.reminder) }, partInfo);
    const result = await transport.post(target, card, { postId: part.postId });
    signal?.throwIfAborted();
    if (result.ok) {
      const messageId = result.messageId ?? `${POST_PREFIX}${part.postId}`;
      const updates = await mark(part.held, { state: 'posted', messageId, postedOn: now().toISOString() });
      const lost = updates.filter((u) => !u.ok && !alreadyPosted(u.error));
      if (lost.length > 0) {
        summary.notRecorded += lost.length;
        summary.reason ??= `Posted update failed: ${describe((lost[0] as { ok: false; error: RepoError }).error)}`;
      }
      summary.posted += part.held.length;
      summary.posts += 1;
      summary.keys.push(...part.held.map((h) => h.reminder.key));
      summary.messages.push({
        postId: part.postId,
        items: part.held.length,
        bytes: transport.measure ? transport.measure(card) : 0,
        ...(result.messageId ? { messageId: result.messageId } : {}),
        ...(result.messageUrl ? { messageUrl: result.messageUrl } : {}),
      });
      continue;
    }
    // A failed post stops the channel: this part and the rest are marked Failed for the next run,
    // unless the post may have arrived: then its entries are recorded as possibly posted (Pending,
    // MessageId maybe:<post id>) and reported, never resent blindly; recovery (6) settles them.
    summary.status = 'failed';
    summary.reason = `${result.code}: ${result.detail}`;
    say('error', `post ${i + 1} of ${claimedParts.length} failed: ${summary.reason}`);
    if (result.maybeDelivered) {
      summary.uncertain += part.held.length;
      summary.reason = `${result.code}: possibly posted (no answer after sending): check the channel; ${result.detail}`;
      const recorded = await mark(part.held, { state: 'pending', messageId: `${MAYBE_PREFIX}${part.postId}` });
      const unrecorded = recorded.filter((u) => !u.ok).length;
      if (unrecorded > 0) say('warn', `${unrecorded} possibly posted entries stay as claimed (post:${part.postId})`);
    }
    const rest = claimedParts.slice(i + (result.maybeDelivered ? 1 : 0)).flatMap((p) => p.held);
    const marked = await mark(rest, { state: 'failed' });
    summary.failedItems += marked.filter((m) => m.ok).length;
    break;
  }
  if (summary.status !== 'failed') summary.status = summary.posts > 0 ? 'posted' : 'nothing';
  return settle(summary);
}

/**
 * A channel whose reminders were not all delivered and recorded needs a person
 * (or the next run): reminders not claimed, posted but not recorded, or
 * possibly posted by an interrupted run. It counts as failed, with the reason.
 */
function settle(summary: ChannelSummary): ChannelSummary {
  if (summary.status === 'failed' || summary.status === 'wouldPost') return summary;
  if (summary.notClaimed > 0 || summary.notRecorded > 0 || summary.uncertain > 0) {
    summary.status = 'failed';
    summary.reason ??=
      summary.uncertain > 0
        ? `${summary.uncertain} possibly posted by an interrupted run: check the channel`
        : 'not all recorded';
  }
  return summary;
}

/**
 * The addresses the run must never show: the value of every setting that
 * Reminder Channel Settings name (a webhook address, even a malformed one).
 */
function secretsOf(env: RunOptions['env'], settings: readonly ReminderChannelSetting[]): string[] {
  const out = new Set<string>();
  for (const s of settings) {
    const name = s.secretName?.trim();
    const value = name ? env[name]?.trim() : undefined;
    if (value) out.add(value);
  }
  return [...out];
}

/**
 * Runs the reminder job once (see the comment at the top). Everything it
 * tells (`log`) and returns is scrubbed of the webhook addresses it read:
 * every part of them, their signatures included, plain or URL-encoded.
 */
export async function runReminders<Card>(options: RunOptions<Card>): Promise<RunResult> {
  const secrets: string[] = [];
  let hide: ((text: string) => string) | undefined;
  const told = options.log;
  const log: Log = (level, message) => {
    if (secrets.length > 0) hide ??= redactor(secrets);
    told?.(level, hide ? hide(message) : message);
  };
  const result = await run({ ...options, log }, secrets);
  return redactDeep(result, secrets);
}

async function run<Card>(options: RunOptions<Card> & { log: Log }, secrets: string[]): Promise<RunResult> {
  const { today, log } = options;
  const dryRun = options.dryRun ?? false;
  const limit = Math.max(1, options.concurrency ?? 6);
  const base = { today, dryRun };
  const result = (
    workingDay: boolean,
    channels: ChannelSummary[],
    problems: RunProblem[],
    reads: RunResult['reads'],
    fatal?: RunResult['fatal'],
  ): RunResult => {
    const failed = channels.filter((c) => c.status === 'failed' || c.status === 'misconfigured');
    return {
      ...base,
      workingDay,
      channels,
      problems,
      ...(fatal ? { fatal } : {}),
      totals: {
        items: channels.reduce((n, c) => n + c.posted, 0),
        posts: channels.reduce((n, c) => n + c.posts, 0),
        channels: channels.filter((c) => c.posts > 0).length,
        failed: failed.length,
      },
      failedChannels: failed.map((c) => c.channelKey),
      exitCode: fatal || failed.length > 0 ? 1 : 0,
      reads,
      ...(season.statementYear !== undefined ? { statementYear: season.statementYear } : {}),
    };
  };
  /** Set once the statements' reminders are worked out. */
  const season: { statementYear?: number } = {};

  let inputs: Inputs;
  try {
    inputs = await readInputs(options, limit);
  } catch (e) {
    if (e instanceof ReadFailure) {
      log('error', `could not read ${e.what}: ${describe(e.error)}`);
      return result(
        true,
        [],
        [],
        { collaborations: 0, actions: 0, assessments: 0, statements: 0 },
        {
          what: e.what,
          code: e.error.code,
          detail: e.error.detail ?? '',
        },
      );
    }
    throw e;
  }
  const channelMappings = reminderChannels(inputs.mappings);
  const items = dueReminders(
    {
      collaborations: inputs.collaborations,
      actions: inputs.actions,
      assessments: inputs.assessments,
      channels: channelMappings,
    },
    { today, ...(options.policy ? { policy: options.policy } : {}) },
  );
  const statementRun = inputs.statements
    ? dueStatementReminders(
        { records: inputs.statements.records, statements: inputs.statements.statements, channels: channelMappings },
        { today, ...(options.statementPolicy ? { policy: options.statementPolicy } : {}) },
      )
    : undefined;
  const run = {
    workingDay: items.workingDay,
    reminders: [...items.reminders, ...(statementRun?.reminders ?? [])],
    problems: [...items.problems, ...(statementRun?.problems ?? [])],
  };
  const problems: RunProblem[] = run.problems.map((p) => ({ kind: 'item', ...p }));
  if (!run.workingDay) {
    log('info', `${today} is not a working day: nothing is due`);
    return result(false, [], problems, inputs.reads);
  }
  if (statementRun?.year !== undefined) {
    season.statementYear = statementRun.year;
    log(
      'info',
      `assurance statements ${statementRun.year}: ${statementRun.reminders.length} directorates still to confirm are reminded`,
    );
  }
  const digests = groupByChannel(run.reminders);
  log('info', `${run.reminders.length} reminders due today in ${digests.length} channels; ${problems.length} problems`);

  secrets.push(...secretsOf(options.env, inputs.settings));
  const settings = new Map(inputs.settings.map((s) => [s.channelKey, s]));
  const logRead = await readLog(
    options,
    run.reminders.map((r) => r.key),
    limit,
  );
  if (!logRead.ok) {
    log('error', `could not read the Reminder Log: ${describe(logRead.error)}`);
    return result(true, [], problems, inputs.reads, {
      what: 'reminder log',
      code: logRead.error.code,
      detail: logRead.error.detail ?? '',
    });
  }

  const channels: ChannelSummary[] = [];
  for (const digest of digests) {
    options.signal?.throwIfAborted();
    const { target, problem } = resolveTarget(digest, settings, inputs.mappings, options);
    if (problem) {
      problems.push(problem);
      const summary = emptySummary(
        digest,
        problem.code === 'disabled' ? 'disabled' : 'misconfigured',
        settings.get(digest.channelKey)?.transport,
      );
      summary.reason = problem.code;
      channels.push(summary);
      log(problem.code === 'disabled' ? 'info' : 'error', `${digest.channelKey}: not posted (${problem.code})`);
      continue;
    }
    const t = target as ChannelTarget;
    const transport = options.transports[t.transport] as ChannelTransport<Card>;
    try {
      const summary = await runChannel(digest, t, transport, logRead.value, options, limit);
      channels.push(summary);
      log(
        summary.status === 'failed' ? 'error' : 'info',
        `${digest.channelKey}: ${summary.status}, ${summary.posted} items in ${summary.posts} posts`,
      );
    } catch (e) {
      if (options.signal?.aborted) throw e;
      const summary = emptySummary(digest, 'failed', t.transport);
      summary.reason = `unexpected: ${e instanceof Error ? e.message : String(e)}`;
      channels.push(summary);
      log('error', `${digest.channelKey}: ${summary.reason}`);
    }
  }
  return result(true, channels, problems, inputs.reads);
}
