import { isWorkingDayNumber, nextWorkingDayNumber, previousWorkingDayNumber } from './calendar';
import type { Person } from './collaboration';
import { fromDayNumber, toDayNumber, tryDayNumber, type IsoDate } from './dates';
import type { AssessmentStatus, ChannelLanguage, ChannelMapping } from './entities';
import type { Status } from './vocabulary';
import { DEFAULT_REVIEW_STATE_POLICY } from './reviewCycle';

/**
 * Which reminders are due on a given day (DESIGN.md: the reminder job).
 *
 * Each item (a collaboration's next review, an open action, a draft
 * assessment) has milestones, each with a send date:
 * - review: reviewDueSoon at due − reviewDueSoonDays, reviewDueToday on the due date,
 *   reviewOverdue.1 the day after, then .2, .3 ... every overdueRepeatDays, up to
 *   overdueMaxRepeats overdue reminders in all;
 * - action: actionDueSoon at due − actionDueSoonDays, actionDueToday, then actionOverdue.1 ...;
 * - assessment (drafts only): assessmentDueSoon at due − assessmentDueSoonDays,
 *   assessmentDueToday, then assessmentNotSubmitted.1 ...
 * A send date on a weekend or Welsh bank holiday moves back to the previous working
 * day, except that an overdue reminder never moves back onto or before the due date
 * (that would call it overdue before it is): it moves forward to the next working day.
 *
 * The job runs on working days; on any other day nothing is due. On a working day
 * an item yields at most one reminder: its latest milestone whose send date is on
 * or before today. A job that missed days therefore catches up with the current
 * milestone and never sends the stale ones it passed. The last milestone stays
 * current for overdueRepeatDays after its send date; after that the item is quiet
 * (the cap). Every reminder has a stable key,
 * `${milestone}:${itemRef}:${dueDate}:${channelKey}` (milestone = kind, plus
 * `.n` for the n-th overdue reminder), which the ReminderLog claims, so a rerun on
 * the same day, or on the following days while the milestone is current, never
 * posts twice.
 *
 * Channels: a review goes to its panel's channel, else its directorate's; an action
 * or an assessment to its directorate's channel, else its collaboration's panel's.
 * Names are matched ignoring case and surrounding spaces.
 *
 * Nothing is dropped silently and nothing throws for bad data: an item whose due
 * date is not an ISO date is a problem (`invalidDueDate`) every working day; an
 * item with a reminder due today but no channel (`noChannel`), or an action
 * referring to a collaboration that is not in the input and naming no directorate
 * of its own (`unknownCollaboration`) is a problem instead of a reminder; an
 * action with no owner is reminded and also reported (`noOwner`). Closed
 * collaborations, their actions and assessments, complete actions and submitted
 * assessments produce nothing.
 */

export interface ReminderPolicy {
  readonly reviewDueSoonDays: number;
  /** Days between overdue reminders, and how long the last one stays current. */
  readonly overdueRepeatDays: number;
  /** How many overdue reminders an item gets in all (reviewOverdue.1 ... .n). */
  readonly overdueMaxRepeats: number;
  readonly actionDueSoonDays: number;
  readonly assessmentDueSoonDays: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  // The one review-state window: "due soon" here is what the register calls due soon.
  reviewDueSoonDays: DEFAULT_REVIEW_STATE_POLICY.dueSoonDays,
  overdueRepeatDays: 7,
  overdueMaxRepeats: 4,
  actionDueSoonDays: 7,
  assessmentDueSoonDays: 7,
};

export const REMINDER_KINDS = [
  'reviewDueSoon',
  'reviewDueToday',
  'reviewOverdue',
  'actionDueSoon',
  'actionDueToday',
  'actionOverdue',
  'assessmentDueSoon',
  'assessmentDueToday',
  'assessmentNotSubmitted',
  // The annual assurance statements (statementReminders.ts).
  'statementRequested',
  'statementDueSoon',
  'statementOverdue',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** `statement`: a directorate's annual assurance statement, still to confirm (statementReminders.ts). */
export type ReminderItem = 'review' | 'action' | 'assessment' | 'statement';

/** What the job needs of a collaboration; a domain `Collaboration` fits. */
export interface ReminderCollaboration {
  readonly reference: string;
  readonly title: string;
  readonly status: Status;
  readonly nextReviewDue?: string | undefined;
  readonly directorate: string;
  readonly panel?: string | undefined;
  readonly leadOfficer?: Person | undefined;
}

export interface ReminderAction {
  readonly key: string;
  readonly title: string;
  readonly dueDate?: string | undefined;
  readonly owner?: Person | undefined;
  readonly progress: number;
  readonly completedOn?: string | undefined;
  /** The collaboration it belongs to (looked up in `collaborations` for its directorate and panel). */
  readonly collaborationReference?: string | undefined;
  /** The directorate that owns it; needed for programme actions, and wins over the collaboration's. */
  readonly directorate?: string | undefined;
}

export interface ReminderAssessment {
  readonly key: string;
  readonly title: string;
  readonly status: AssessmentStatus;
  readonly dueDate?: string | undefined;
  readonly collaborationReference: string;
}

export type ReminderChannelMapping = Pick<ChannelMapping, 'name' | 'kind' | 'channelKey' | 'channelName'> & {
  readonly language?: ChannelLanguage | undefined;
  /** The mapping's key: records hold a panel's key (older ones its name; both are found). */
  readonly key?: string | undefined;
  readonly nameCy?: string | undefined;
};

export interface ReminderInput {
  /** Every collaboration, closed ones included: they are also the lookup for actions and assessments. */
  readonly collaborations: readonly ReminderCollaboration[];
  readonly actions?: readonly ReminderAction[];
  readonly assessments?: readonly ReminderAssessment[];
  readonly channels: readonly ReminderChannelMapping[];
}

export interface Reminder {
  /** `${milestone}:${itemRef}:${dueDate}:${channelKey}`: claimed in the ReminderLog so it is posted once. */
  readonly key: string;
  readonly kind: ReminderKind;
  /** The kind, with `.n` for the n-th overdue reminder: `reviewOverdue.2`. */
  readonly milestone: string;
  /** For overdue kinds, 1 ... overdueMaxRepeats. */
  readonly repeat?: number;
  readonly overdue: boolean;
  readonly item: ReminderItem;
  /** The collaboration reference (reviews), the action key or the assessment key. */
  readonly itemRef: string;
  readonly title: string;
  readonly dueDate: IsoDate;
  /** The milestone's send date, after moving off weekends and bank holidays. */
  readonly sendOn: IsoDate;
  /** Today minus the due date: negative before it, 0 on it. */
  readonly daysOverdue: number;
  readonly channelKey: string;
  readonly channelName: string;
  readonly language: ChannelLanguage;
  readonly collaborationReference?: string;
  /** The action's owner, or the collaboration's lead officer for a review. */
  readonly owner?: Person;
  /** The title in Welsh, where there is one (a statement's directorate, from its channel mapping). */
  readonly titleCy?: string;
  /** Statements: the start year of the financial year to confirm (2026 is 2026–27). */
  readonly statementYear?: number;
  /** Statements: the Heads of Service expected to confirm, by name (never an address). */
  readonly expected?: readonly Person[];
}

export const REMINDER_PROBLEMS = [
  'invalidDueDate',
  'noChannel',
  'noOwner',
  'unknownCollaboration',
  'noHeadOfService',
] as const;
export type ReminderProblemCode = (typeof REMINDER_PROBLEMS)[number];

export interface ReminderProblem {
  readonly item: ReminderItem;
  readonly itemRef: string;
  readonly title: string;
  readonly code: ReminderProblemCode;
  /** The due date as stored, when there is one. */
  readonly dueDate?: string;
}

export interface ReminderRun {
  readonly today: IsoDate;
  readonly workingDay: boolean;
  readonly reminders: readonly Reminder[];
  readonly problems: readonly ReminderProblem[];
}

export interface ReminderOptions {
  readonly today: IsoDate;
  readonly policy?: ReminderPolicy;
}

/** Non-working days in a row never exceed this in Wales (Easter and Christmas give four); used only to skip items early. */
const MAX_SHIFT_DAYS = 10;

interface Milestone {
  readonly kind: ReminderKind;
  readonly repeat?: number;
  readonly sendDay: number;
}

interface Schedule {
  readonly dueSoon: ReminderKind;
  readonly dueToday: ReminderKind;
  readonly overdue: ReminderKind;
  readonly soonDays: number;
}

/** The items whose reminders follow a due date of their own (statements follow a season: statementReminders.ts). */
type DatedItem = Exclude<ReminderItem, 'statement'>;

const SCHEDULES: Readonly<Record<DatedItem, (p: ReminderPolicy) => Schedule>> = {
  review: (p) => ({
    dueSoon: 'reviewDueSoon',
    dueToday: 'reviewDueToday',
    overdue: 'reviewOverdue',
    soonDays: p.reviewDueSoonDays,
  }),
  action: (p) => ({
    dueSoon: 'actionDueSoon',
    dueToday: 'actionDueToday',
    overdue: 'actionOverdue',
    soonDays: p.actionDueSoonDays,
  }),
  assessment: (p) => ({
    dueSoon: 'assessmentDueSoon',
    dueToday: 'assessmentDueToday',
    overdue: 'assessmentNotSubmitted',
    soonDays: p.assessmentDueSoonDays,
  }),
};

/** Every milestone of an item due on `dueDay`, in order, with working-day send dates. */
function milestonesOf(dueDay: number, schedule: Schedule, policy: ReminderPolicy): Milestone[] {
  const list: Milestone[] = [
    { kind: schedule.dueSoon, sendDay: previousWorkingDayNumber(dueDay - schedule.soonDays) },
    { kind: schedule.dueToday, sendDay: previousWorkingDayNumber(dueDay) },
  ];
  for (let repeat = 1; repeat <= policy.overdueMaxRepeats; repeat += 1) {
    const nominal = dueDay + 1 + (repeat - 1) * policy.overdueRepeatDays;
    let sendDay = previousWorkingDayNumber(nominal);
    if (sendDay <= dueDay) sendDay = nextWorkingDayNumber(nominal);
    list.push({ kind: schedule.overdue, repeat, sendDay });
  }
  return list;
}

/**
 * The due days for which an item can have a current milestone on `todayDay`
 * (widened by MAX_SHIFT_DAYS for moves off non-working days): a cheap test
 * that spares most items of a large register the milestone arithmetic.
 */
function dueWindow(todayDay: number, schedule: Schedule, policy: ReminderPolicy): { from: number; to: number } {
  const lastOffset = 1 + Math.max(0, policy.overdueMaxRepeats - 1) * policy.overdueRepeatDays;
  return {
    from: todayDay - lastOffset - policy.overdueRepeatDays - MAX_SHIFT_DAYS,
    to: todayDay + Math.max(0, schedule.soonDays) + MAX_SHIFT_DAYS,
  };
}

/** The milestone current on `todayDay`, or undefined: the latest whose send day has come, within the cap. */
function currentMilestone(
  dueDay: number,
  todayDay: number,
  schedule: Schedule,
  policy: ReminderPolicy,
): Milestone | undefined {
  return latestMilestone(milestonesOf(dueDay, schedule, policy), todayDay, policy.overdueRepeatDays);
}

/**
 * Of milestones in send order, the latest whose send day has come; undefined before the
 * first, and once the last has been repeated for `overdueRepeatDays` (the cap).
 */
export function latestMilestone<M extends { readonly sendDay: number }>(
  list: readonly M[],
  todayDay: number,
  overdueRepeatDays: number,
): M | undefined {
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const m = list[i];
    if (m === undefined || m.sendDay > todayDay) continue;
    if (i === list.length - 1 && todayDay >= m.sendDay + overdueRepeatDays) return undefined;
    return m;
  }
  return undefined;
}

/** Every milestone of an item due on `dueDate`, for a card or a calendar to show what will be sent when. */
export function reminderMilestones(
  item: DatedItem,
  dueDate: IsoDate,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): { readonly milestone: string; readonly sendOn: IsoDate }[] {
  return milestonesOf(toDayNumber(dueDate), SCHEDULES[item](policy), policy).map((m) => ({
    milestone: m.repeat === undefined ? m.kind : `${m.kind}.${m.repeat}`,
    sendOn: fromDayNumber(m.sendDay),
  }));
}

const normalise = (name: string): string => name.trim().toLowerCase();

/**
 * Finds a directorate's or panel's channel mapping by name, key or Welsh name, ignoring case
 * and surrounding spaces (a record names its panel by key, older ones by name: domain/panels.ts).
 * The first mapping to claim a name keeps it.
 */
export function channelLookup(
  channels: readonly ReminderChannelMapping[],
): (kind: 'panel' | 'directorate', name: string | undefined) => ReminderChannelMapping | undefined {
  const mappings = {
    panel: new Map<string, ReminderChannelMapping>(),
    directorate: new Map<string, ReminderChannelMapping>(),
  };
  for (const m of channels) {
    for (const name of [m.name, m.key, m.nameCy]) {
      if (name === undefined || name.trim() === '') continue;
      const key = normalise(name);
      if (!mappings[m.kind].has(key)) mappings[m.kind].set(key, m);
    }
  }
  const cache = {
    panel: new Map<string, ReminderChannelMapping | null>(),
    directorate: new Map<string, ReminderChannelMapping | null>(),
  };
  return (kind, name) => {
    if (name === undefined) return undefined;
    let found = cache[kind].get(name);
    if (found === undefined) {
      found = mappings[kind].get(normalise(name)) ?? null;
      cache[kind].set(name, found);
    }
    return found ?? undefined;
  };
}

/**
 * Reminders due on `options.today`, and the items that could not be reminded.
 * `today` must be an ISO date: anything else is a caller's bug and throws a RangeError.
 */
export function dueReminders(input: ReminderInput, options: ReminderOptions): ReminderRun {
  const today = options.today;
  const todayDay = toDayNumber(today);
  if (!isWorkingDayNumber(todayDay)) return { today, workingDay: false, reminders: [], problems: [] };
  const policy = options.policy ?? DEFAULT_REMINDER_POLICY;
  const schedules = {
    review: SCHEDULES.review(policy),
    action: SCHEDULES.action(policy),
    assessment: SCHEDULES.assessment(policy),
  };
  const windows = {
    review: dueWindow(todayDay, schedules.review, policy),
    action: dueWindow(todayDay, schedules.action, policy),
    assessment: dueWindow(todayDay, schedules.assessment, policy),
  };

  const channelFor = channelLookup(input.channels);

  const reminders: Reminder[] = [];
  const problems: ReminderProblem[] = [];
  const problem = (item: ReminderItem, itemRef: string, title: string, code: ReminderProblemCode, dueDate?: string) =>
    problems.push(dueDate === undefined ? { item, itemRef, title, code } : { item, itemRef, title, code, dueDate });

  const remind = (
    item: ReminderItem,
    itemRef: string,
    title: string,
    dueDate: IsoDate,
    dueDay: number,
    m: Milestone,
    channel: ReminderChannelMapping,
    extra: { collaborationReference?: string; owner?: Person | undefined },
  ): void => {
    const milestone = m.repeat === undefined ? m.kind : `${m.kind}.${m.repeat}`;
    reminders.push({
      key: `${milestone}:${itemRef}:${dueDate}:${channel.channelKey}`,
      kind: m.kind,
      milestone,
      ...(m.repeat !== undefined && { repeat: m.repeat }),
      overdue: m.repeat !== undefined,
      item,
      itemRef,
      title,
      dueDate,
      sendOn: fromDayNumber(m.sendDay),
      daysOverdue: todayDay - dueDay,
      channelKey: channel.channelKey,
      channelName: channel.channelName,
      language: channel.language ?? 'both',
      ...(extra.collaborationReference !== undefined && { collaborationReference: extra.collaborationReference }),
      ...(extra.owner !== undefined && { owner: extra.owner }),
    });
  };

  // Reviews. The loop also builds the lookup that actions and assessments use.
  const byReference = new Map<string, ReminderCollaboration>();
  for (const c of input.collaborations) {
    byReference.set(c.reference, c);
    if (c.status === 'closed' || c.nextReviewDue === undefined) continue;
    const dueDay = tryDayNumber(c.nextReviewDue);
    if (dueDay === undefined) {
      problem('review', c.reference, c.title, 'invalidDueDate', c.nextReviewDue);
      continue;
    }
    if (dueDay < windows.review.from || dueDay > windows.review.to) continue;
    const m = currentMilestone(dueDay, todayDay, schedules.review, policy);
    if (!m) continue;
    const channel = channelFor('panel', c.panel) ?? channelFor('directorate', c.directorate);
    if (!channel) problem('review', c.reference, c.title, 'noChannel', c.nextReviewDue);
    else remind('review', c.reference, c.title, c.nextReviewDue, dueDay, m, channel, { owner: c.leadOfficer });
  }
  const collaborationOf = (reference: string | undefined): ReminderCollaboration | undefined =>
    reference === undefined ? undefined : byReference.get(reference);

  // Actions: the collaboration is looked up only for the few that are due (or broken),
  // since random lookups over a large register cost more than the rules themselves.
  for (const a of input.actions ?? []) {
    if (a.completedOn !== undefined || a.progress >= 100 || a.dueDate === undefined) continue;
    const dueDay = tryDayNumber(a.dueDate);
    if (dueDay === undefined) {
      if (collaborationOf(a.collaborationReference)?.status !== 'closed') {
        problem('action', a.key, a.title, 'invalidDueDate', a.dueDate);
      }
      continue;
    }
    if (dueDay < windows.action.from || dueDay > windows.action.to) continue;
    const m = currentMilestone(dueDay, todayDay, schedules.action, policy);
    if (!m) continue;
    const collaboration = collaborationOf(a.collaborationReference);
    if (collaboration?.status === 'closed') continue;
    if (a.collaborationReference !== undefined && !collaboration && a.directorate === undefined) {
      problem('action', a.key, a.title, 'unknownCollaboration', a.dueDate);
      continue;
    }
    const channel =
      channelFor('directorate', a.directorate ?? collaboration?.directorate) ??
      channelFor('panel', collaboration?.panel);
    if (!channel) {
      problem('action', a.key, a.title, 'noChannel', a.dueDate);
      continue;
    }
    if (a.owner === undefined) problem('action', a.key, a.title, 'noOwner', a.dueDate);
    remind('action', a.key, a.title, a.dueDate, dueDay, m, channel, {
      ...(a.collaborationReference !== undefined && { collaborationReference: a.collaborationReference }),
      owner: a.owner,
    });
  }

  // Draft assessments.
  for (const s of input.assessments ?? []) {
    if (s.status !== 'draft' || s.dueDate === undefined) continue;
    const collaboration = byReference.get(s.collaborationReference);
    if (collaboration?.status === 'closed') continue;
    const dueDay = tryDayNumber(s.dueDate);
    if (dueDay === undefined) {
      problem('assessment', s.key, s.title, 'invalidDueDate', s.dueDate);
      continue;
    }
    if (dueDay < windows.assessment.from || dueDay > windows.assessment.to) continue;
    const m = currentMilestone(dueDay, todayDay, schedules.assessment, policy);
    if (!m) continue;
    if (!collaboration) {
      problem('assessment', s.key, s.title, 'unknownCollaboration', s.dueDate);
      continue;
    }
    const channel = channelFor('directorate', collaboration.directorate) ?? channelFor('panel', collaboration.panel);
    if (!channel) problem('assessment', s.key, s.title, 'noChannel', s.dueDate);
    else {
      remind('assessment', s.key, s.title, s.dueDate, dueDay, m, channel, {
        collaborationReference: s.collaborationReference,
        owner: collaboration.leadOfficer,
      });
    }
  }

  return { today, workingDay: true, reminders, problems };
}

export interface ChannelDigest {
  readonly channelKey: string;
  readonly channelName: string;
  readonly language: ChannelLanguage;
  /** Overdue first, then by due date (then by key, so the order is stable). */
  readonly reminders: readonly Reminder[];
  readonly overdueCount: number;
}

export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** One digest per channel (in channel key order), so a channel gets one message a day, not one per item. */
export function groupByChannel(reminders: readonly Reminder[]): ChannelDigest[] {
  const groups = new Map<string, Reminder[]>();
  for (const r of reminders) {
    const group = groups.get(r.channelKey);
    if (group) group.push(r);
    else groups.set(r.channelKey, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([channelKey, list]) => {
      const sorted = [...list].sort(compareReminders);
      const first = sorted[0];
      return {
        channelKey,
        channelName: first?.channelName ?? channelKey,
        language: first?.language ?? 'both',
        reminders: sorted,
        overdueCount: sorted.filter((r) => r.overdue).length,
      };
    });
}
