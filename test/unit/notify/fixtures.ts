import type { Reminder, ReminderKind } from '../../../src/domain/reminders';
import type { RecordLinks } from '../../../src/notify/cards';

export const TODAY = '2026-12-08';

export const links: RecordLinks = {
  collaboration: (ref) => `http://127.0.0.1:4321/index.html#/collaboration/${encodeURIComponent(ref)}`,
  programme: () => 'http://127.0.0.1:4321/index.html#/action-plan',
  statements: (year) => `http://127.0.0.1:4321/index.html#/statements?year=${year}`,
};

const ITEM: Record<ReminderKind, Reminder['item']> = {
  reviewDueSoon: 'review',
  reviewDueToday: 'review',
  reviewOverdue: 'review',
  actionDueSoon: 'action',
  actionDueToday: 'action',
  actionOverdue: 'action',
  assessmentDueSoon: 'assessment',
  assessmentDueToday: 'assessment',
  assessmentNotSubmitted: 'assessment',
  statementRequested: 'statement',
  statementDueSoon: 'statement',
  statementOverdue: 'statement',
};

/** A reminder as dueReminders makes them; tests override what they are about. */
export function reminder(kind: ReminderKind, n: number, extra: Partial<Reminder> = {}): Reminder {
  const overdue = kind.endsWith('Overdue') || kind === 'assessmentNotSubmitted';
  const daysOverdue = overdue ? 3 : kind.endsWith('DueToday') ? 0 : -5;
  const itemRef = ITEM[kind] === 'review' ? `COL-${String(n).padStart(4, '0')}` : `ACT-${String(n).padStart(6, '0')}`;
  const dueDate = extra.dueDate ?? (overdue ? '2026-12-05' : kind.endsWith('DueToday') ? TODAY : '2026-12-13');
  const milestone = overdue ? `${kind}.1` : kind;
  return {
    key: `${milestone}:${itemRef}:${dueDate}:cgrp`,
    kind,
    milestone,
    ...(overdue ? { repeat: 1 } : {}),
    overdue,
    item: ITEM[kind],
    itemRef,
    title: `Gwent Regional Partnership Board ${n}`,
    dueDate,
    sendOn: TODAY,
    daysOverdue,
    channelKey: 'cgrp',
    channelName: 'Corporate Governance Review Panel',
    language: 'both',
    ...(ITEM[kind] !== 'review' ? { collaborationReference: `COL-${String(n % 50).padStart(4, '0')}` } : {}),
    owner: { id: 7, displayName: 'Angharad Ellis' },
    ...extra,
  };
}

/** `count` reminders of every kind in turn. */
export function manyReminders(count: number): Reminder[] {
  const kinds: ReminderKind[] = [
    'reviewOverdue',
    'reviewDueToday',
    'reviewDueSoon',
    'actionOverdue',
    'actionDueToday',
    'actionDueSoon',
    'assessmentNotSubmitted',
    'assessmentDueToday',
    'assessmentDueSoon',
  ];
  return Array.from({ length: count }, (_, i) => reminder(kinds[i % kinds.length] as ReminderKind, i + 1));
}
