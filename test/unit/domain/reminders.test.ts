import {
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  groupByChannel,
  reminderMilestones,
  type Reminder,
  type ReminderAction,
  type ReminderAssessment,
  type ReminderChannelMapping,
  type ReminderCollaboration,
  type ReminderInput,
} from '../../../src/domain/reminders';

const channels: ReminderChannelMapping[] = [
  { name: 'Corporate Services', kind: 'directorate', channelKey: 'corp', channelName: 'Corporate Services' },
  { name: 'Education', kind: 'directorate', channelKey: 'edu', channelName: 'Addysg / Education' },
  {
    name: 'Corporate Governance Review Panel',
    kind: 'panel',
    channelKey: 'cgrp',
    channelName: 'Corporate Governance Review Panel',
  },
];

const lead = { id: 7, displayName: 'Siân Ŵyn-Jones' };
const owner = { id: 8, displayName: "Dafydd O'Brien" };

function collaboration(overrides: Partial<ReminderCollaboration> = {}): ReminderCollaboration {
  return {
    reference: 'COL-0042',
    title: 'Gwent Joint Archives Service',
    status: 'active',
    directorate: 'Corporate Services',
    panel: 'Corporate Governance Review Panel',
    leadOfficer: lead,
    ...overrides,
  };
}

function action(overrides: Partial<ReminderAction> = {}): ReminderAction {
  return {
    key: 'ACT-0001',
    title: 'Agree the exit strategy',
    owner,
    progress: 20,
    collaborationReference: 'COL-0042',
    ...overrides,
  };
}

function assessment(overrides: Partial<ReminderAssessment> = {}): ReminderAssessment {
  return {
    key: 'ASM-0003',
    title: 'Governance arrangements check 2026',
    status: 'draft',
    collaborationReference: 'COL-0042',
    ...overrides,
  };
}

function run(input: Partial<ReminderInput>, today: string, policy = DEFAULT_REMINDER_POLICY) {
  return dueReminders({ collaborations: [], channels, ...input }, { today, policy });
}

function only(reminders: readonly Reminder[]): Reminder {
  expect(reminders).toHaveLength(1);
  const [first] = reminders;
  if (!first) throw new Error('no reminder');
  return first;
}

describe('review reminders for a review due Tuesday 8 December 2026', () => {
  const input = { collaborations: [collaboration({ nextReviewDue: '2026-12-08' })] };

  it.each<[string, string | undefined, string]>([
    ['2026-11-23', undefined, 'the day before the due-soon reminder: nothing'],
    ['2026-11-24', 'reviewDueSoon', 'fourteen days before'],
    ['2026-12-07', 'reviewDueSoon', 'a job that missed days still sends the current milestone'],
    ['2026-12-08', 'reviewDueToday', 'on the day'],
    ['2026-12-09', 'reviewOverdue.1', 'the day after'],
    ['2026-12-15', 'reviewOverdue.1', 'still the first overdue reminder a week on'],
    ['2026-12-16', 'reviewOverdue.2', 'the second overdue reminder, a week after the first'],
    ['2026-12-23', 'reviewOverdue.3', 'the third overdue repeat'],
    ['2026-12-29', 'reviewOverdue.3', 'after Christmas, before the fourth is due'],
    ['2026-12-30', 'reviewOverdue.4', 'the fourth and last'],
    ['2027-01-05', 'reviewOverdue.4', 'the last stays current for a week'],
    ['2027-01-06', undefined, 'the cap stops repeats'],
    ['2027-06-01', undefined, 'months later, still quiet'],
  ])('on %s: %s (%s)', (today, milestone) => {
    const { reminders, problems } = run(input, today);
    expect(problems).toEqual([]);
    expect(reminders.map((r) => r.milestone)).toEqual(milestone === undefined ? [] : [milestone]);
  });

  it('the third overdue repeat carries its number in its kind, its key and its repeat', () => {
    const r = only(run(input, '2026-12-23').reminders);
    expect(r).toMatchObject({
      kind: 'reviewOverdue',
      milestone: 'reviewOverdue.3',
      repeat: 3,
      overdue: true,
      key: 'reviewOverdue.3:COL-0042:2026-12-08:cgrp',
      dueDate: '2026-12-08',
      sendOn: '2026-12-23',
      daysOverdue: 15,
      item: 'review',
      itemRef: 'COL-0042',
      owner: lead,
    });
  });

  it('a rerun on the same day yields the same keys', () => {
    const first = run(input, '2026-12-16').reminders.map((r) => r.key);
    const second = run(input, '2026-12-16').reminders.map((r) => r.key);
    expect(second).toEqual(first);
    expect(first).toEqual(['reviewOverdue.2:COL-0042:2026-12-08:cgrp']);
  });

  it('a run on the next day while the same milestone is current yields the same key, so nothing is posted twice', () => {
    expect(run(input, '2026-12-10').reminders.map((r) => r.key)).toEqual(
      run(input, '2026-12-09').reminders.map((r) => r.key),
    );
  });

  it('the cap is data: two overdue reminders and then quiet', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, overdueMaxRepeats: 2 };
    expect(run(input, '2026-12-16', policy).reminders.map((r) => r.milestone)).toEqual(['reviewOverdue.2']);
    expect(run(input, '2026-12-23', policy).reminders).toEqual([]);
  });

  it('the due-soon lead is data', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, reviewDueSoonDays: 30 };
    expect(run(input, '2026-11-09', policy).reminders.map((r) => r.milestone)).toEqual(['reviewDueSoon']);
    expect(run(input, '2026-11-09').reminders).toEqual([]);
  });
});

describe('send dates on weekends and Welsh bank holidays', () => {
  it('a Saturday due date: reminded on the Friday, overdue from the Monday', () => {
    const input = { collaborations: [collaboration({ nextReviewDue: '2026-11-28' })] };
    expect(only(run(input, '2026-11-27').reminders)).toMatchObject({
      milestone: 'reviewDueToday',
      sendOn: '2026-11-27',
      daysOverdue: -1,
    });
    expect(only(run(input, '2026-11-30').reminders)).toMatchObject({
      milestone: 'reviewOverdue.1',
      sendOn: '2026-11-30',
    });
  });

  it('a due-soon reminder that falls on a Saturday is sent on the Friday', () => {
    const input = { collaborations: [collaboration({ nextReviewDue: '2026-11-28' })] };
    expect(run(input, '2026-11-12').reminders).toEqual([]);
    expect(only(run(input, '2026-11-13').reminders)).toMatchObject({
      milestone: 'reviewDueSoon',
      sendOn: '2026-11-13',
    });
  });

  it('an action due on a bank holiday is reminded the working day before', () => {
    const input = { collaborations: [collaboration()], actions: [action({ dueDate: '2026-05-04' })] };
    expect(only(run(input, '2026-05-01').reminders)).toMatchObject({
      milestone: 'actionDueToday',
      dueDate: '2026-05-04',
      sendOn: '2026-05-01',
      channelKey: 'corp',
      owner,
    });
    expect(only(run(input, '2026-05-05').reminders).milestone).toBe('actionOverdue.1');
  });

  it('an action due on Easter Monday is reminded on the Thursday before Good Friday', () => {
    const input = { collaborations: [collaboration()], actions: [action({ dueDate: '2026-04-06' })] };
    expect(only(run(input, '2026-04-02').reminders)).toMatchObject({
      milestone: 'actionDueToday',
      sendOn: '2026-04-02',
    });
  });

  it('an action due the day before Good Friday is not called overdue until the Tuesday after Easter', () => {
    const input = { collaborations: [collaboration()], actions: [action({ dueDate: '2026-04-02' })] };
    expect(only(run(input, '2026-04-02').reminders).milestone).toBe('actionDueToday');
    expect(only(run(input, '2026-04-07').reminders)).toMatchObject({
      milestone: 'actionOverdue.1',
      sendOn: '2026-04-07',
    });
  });

  it('a review due on Christmas Eve is overdue from the first working day after the holiday', () => {
    const input = { collaborations: [collaboration({ nextReviewDue: '2026-12-24' })] };
    expect(only(run(input, '2026-12-29').reminders)).toMatchObject({
      milestone: 'reviewOverdue.1',
      sendOn: '2026-12-29',
    });
  });

  it.each([
    ['2026-11-28', 'a Saturday'],
    ['2026-11-29', 'a Sunday'],
    ['2026-12-28', 'the Boxing Day substitute day'],
    ['2026-04-06', 'Easter Monday'],
  ])('on %s (%s) the job sends nothing', (today) => {
    const input = {
      collaborations: [collaboration({ nextReviewDue: today })],
      actions: [action({ dueDate: 'not a date' })],
    };
    expect(run(input, today)).toEqual({ today, workingDay: false, reminders: [], problems: [] });
  });

  it('lists the milestones of an item with their working-day send dates', () => {
    expect(reminderMilestones('review', '2026-11-28')).toEqual([
      { milestone: 'reviewDueSoon', sendOn: '2026-11-13' },
      { milestone: 'reviewDueToday', sendOn: '2026-11-27' },
      { milestone: 'reviewOverdue.1', sendOn: '2026-11-30' },
      { milestone: 'reviewOverdue.2', sendOn: '2026-12-04' },
      { milestone: 'reviewOverdue.3', sendOn: '2026-12-11' },
      { milestone: 'reviewOverdue.4', sendOn: '2026-12-18' },
    ]);
  });
});

describe('what is reminded, and to which channel', () => {
  it('a review goes to its panel channel rather than its directorate channel', () => {
    const input = { collaborations: [collaboration({ nextReviewDue: '2026-11-24' })] };
    expect(only(run(input, '2026-11-24').reminders).channelKey).toBe('cgrp');
  });

  it('a review with no panel mapping goes to its directorate channel', () => {
    const input = { collaborations: [collaboration({ nextReviewDue: '2026-11-24', panel: 'Scrutiny Committee' })] };
    expect(only(run(input, '2026-11-24').reminders).channelKey).toBe('corp');
  });

  it('an action goes to its directorate channel even when its collaboration has a panel', () => {
    const input = { collaborations: [collaboration()], actions: [action({ dueDate: '2026-11-24' })] };
    expect(only(run(input, '2026-11-24').reminders)).toMatchObject({
      channelKey: 'corp',
      collaborationReference: 'COL-0042',
      key: 'actionDueToday:ACT-0001:2026-11-24:corp',
    });
  });

  it('an action of a directorate with no channel falls back to the panel channel', () => {
    const input = {
      collaborations: [collaboration({ directorate: 'Social Services' })],
      actions: [action({ dueDate: '2026-11-24' })],
    };
    expect(only(run(input, '2026-11-24').reminders).channelKey).toBe('cgrp');
  });

  it('a programme action names its own directorate', () => {
    const input = {
      actions: [action({ collaborationReference: undefined, directorate: 'Education', dueDate: '2026-11-24' })],
    };
    expect(only(run(input, '2026-11-24').reminders).channelKey).toBe('edu');
  });

  it('matches mapping names ignoring case and surrounding spaces', () => {
    const input = {
      collaborations: [
        collaboration({ panel: undefined, directorate: '  corporate SERVICES ', nextReviewDue: '2026-11-24' }),
      ],
    };
    expect(only(run(input, '2026-11-24').reminders).channelKey).toBe('corp');
  });

  it('a draft assessment is reminded before its due date and each week after it', () => {
    const input = { collaborations: [collaboration()], assessments: [assessment({ dueDate: '2026-12-01' })] };
    expect(only(run(input, '2026-11-24').reminders)).toMatchObject({
      milestone: 'assessmentDueSoon',
      item: 'assessment',
      channelKey: 'corp',
    });
    expect(only(run(input, '2026-12-09').reminders).milestone).toBe('assessmentNotSubmitted.2');
  });

  it.each<[string, Partial<ReminderInput>]>([
    [
      'a closed collaboration, however overdue its review',
      { collaborations: [collaboration({ status: 'closed', nextReviewDue: '2026-11-20' })] },
    ],
    [
      'the actions of a closed collaboration',
      { collaborations: [collaboration({ status: 'closed' })], actions: [action({ dueDate: '2026-11-20' })] },
    ],
    [
      'the assessments of a closed collaboration',
      { collaborations: [collaboration({ status: 'closed' })], assessments: [assessment({ dueDate: '2026-11-20' })] },
    ],
    [
      'an action with a completion date',
      { collaborations: [collaboration()], actions: [action({ dueDate: '2026-11-20', completedOn: '2026-11-19' })] },
    ],
    [
      'an action at 100%',
      { collaborations: [collaboration()], actions: [action({ dueDate: '2026-11-20', progress: 100 })] },
    ],
    ['an action with no due date', { collaborations: [collaboration()], actions: [action({ dueDate: undefined })] }],
    [
      'a submitted assessment',
      { collaborations: [collaboration()], assessments: [assessment({ status: 'submitted', dueDate: '2026-11-20' })] },
    ],
    ['a collaboration with no next review', { collaborations: [collaboration({ nextReviewDue: undefined })] }],
    ['an empty register', {}],
  ])('nothing for %s', (_case, input) => {
    expect(run(input, '2026-11-24')).toEqual({ today: '2026-11-24', workingDay: true, reminders: [], problems: [] });
  });

  it('a withdrawing collaboration with a review date is still reminded', () => {
    const input = { collaborations: [collaboration({ status: 'withdrawing', nextReviewDue: '2026-11-24' })] };
    expect(run(input, '2026-11-24').reminders).toHaveLength(1);
  });
});

describe('problems are listed, never dropped and never thrown', () => {
  it.each([
    ['2026-02-30', 'a day that does not exist'],
    ['24/11/2026', 'a British-style date'],
    ['', 'an empty string'],
    ['2026-11-24T09:00:00Z', 'a date and time'],
  ])('a review due %j is a problem (%s) every working day', (nextReviewDue) => {
    const { reminders, problems } = run({ collaborations: [collaboration({ nextReviewDue })] }, '2026-11-24');
    expect(reminders).toEqual([]);
    expect(problems).toEqual([
      {
        item: 'review',
        itemRef: 'COL-0042',
        title: 'Gwent Joint Archives Service',
        code: 'invalidDueDate',
        dueDate: nextReviewDue,
      },
    ]);
  });

  it('an action with a bad due date is a problem, by key and title', () => {
    const { problems } = run(
      { collaborations: [collaboration()], actions: [action({ dueDate: '2026-13-01' })] },
      '2026-11-24',
    );
    expect(problems).toEqual([
      {
        item: 'action',
        itemRef: 'ACT-0001',
        title: 'Agree the exit strategy',
        code: 'invalidDueDate',
        dueDate: '2026-13-01',
      },
    ]);
  });

  it('a review due with no channel for its panel or directorate is a problem instead of a reminder', () => {
    const input = {
      collaborations: [
        collaboration({ panel: undefined, directorate: 'Social Services', nextReviewDue: '2026-11-24' }),
      ],
    };
    expect(run(input, '2026-11-24')).toMatchObject({
      reminders: [],
      problems: [{ item: 'review', itemRef: 'COL-0042', code: 'noChannel' }],
    });
  });

  it('a review with no channel that is not yet due is not reported', () => {
    const input = {
      collaborations: [
        collaboration({ panel: undefined, directorate: 'Social Services', nextReviewDue: '2027-06-01' }),
      ],
    };
    expect(run(input, '2026-11-24').problems).toEqual([]);
  });

  it('an action with no owner is still reminded, and reported', () => {
    const input = { collaborations: [collaboration()], actions: [action({ owner: undefined, dueDate: '2026-11-24' })] };
    const { reminders, problems } = run(input, '2026-11-24');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.owner).toBeUndefined();
    expect(problems).toEqual([
      { item: 'action', itemRef: 'ACT-0001', title: 'Agree the exit strategy', code: 'noOwner', dueDate: '2026-11-24' },
    ]);
  });

  it('an action of a collaboration the job was not given is a problem', () => {
    const input = {
      collaborations: [],
      actions: [action({ collaborationReference: 'COL-9999', dueDate: '2026-11-24' })],
    };
    expect(run(input, '2026-11-24')).toMatchObject({ reminders: [], problems: [{ code: 'unknownCollaboration' }] });
  });

  it('an assessment of a collaboration the job was not given is a problem', () => {
    const input = { assessments: [assessment({ collaborationReference: 'COL-9999', dueDate: '2026-11-24' })] };
    expect(run(input, '2026-11-24')).toMatchObject({
      reminders: [],
      problems: [{ item: 'assessment', code: 'unknownCollaboration' }],
    });
  });

  it('a programme action with neither collaboration nor directorate has no channel', () => {
    const input = { actions: [action({ collaborationReference: undefined, dueDate: '2026-11-24' })] };
    expect(run(input, '2026-11-24')).toMatchObject({
      reminders: [],
      problems: [{ item: 'action', code: 'noChannel' }],
    });
  });

  it('one bad item does not stop the others', () => {
    const input = {
      collaborations: [
        collaboration({ reference: 'COL-0001', nextReviewDue: 'soon' }),
        collaboration({ reference: 'COL-0002', nextReviewDue: '2026-11-24' }),
      ],
    };
    const { reminders, problems } = run(input, '2026-11-24');
    expect(reminders.map((r) => r.itemRef)).toEqual(['COL-0002']);
    expect(problems.map((p) => p.itemRef)).toEqual(['COL-0001']);
  });
});

describe('digests by channel', () => {
  const input: Partial<ReminderInput> = {
    collaborations: [
      collaboration({ reference: 'COL-0001', nextReviewDue: '2026-12-01', panel: undefined }),
      collaboration({ reference: 'COL-0002', nextReviewDue: '2026-11-10', panel: undefined }),
      collaboration({ reference: 'COL-0003', nextReviewDue: '2026-11-24' }),
      collaboration({ reference: 'COL-0004', nextReviewDue: '2026-11-17', panel: undefined }),
    ],
    actions: [action({ key: 'ACT-0009', dueDate: '2026-11-24', collaborationReference: 'COL-0003' })],
  };

  it('one digest per channel, overdue first, then by due date', () => {
    const digests = groupByChannel(run(input, '2026-11-24').reminders);
    expect(digests.map((d) => d.channelKey)).toEqual(['cgrp', 'corp']);
    const corp = digests[1];
    expect(corp?.reminders.map((r) => [r.itemRef, r.milestone])).toEqual([
      ['COL-0002', 'reviewOverdue.2'],
      ['COL-0004', 'reviewOverdue.1'],
      ['ACT-0009', 'actionDueToday'],
      ['COL-0001', 'reviewDueSoon'],
    ]);
    expect(corp?.overdueCount).toBe(2);
    expect(digests[0]?.reminders.map((r) => r.itemRef)).toEqual(['COL-0003']);
  });

  it('no reminders, no digests', () => {
    expect(groupByChannel([])).toEqual([]);
  });
});
