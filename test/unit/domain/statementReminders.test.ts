import { statementKey, type AssuranceStatement } from '../../../src/domain/assuranceStatement';
import type { Person } from '../../../src/domain/collaboration';
import type { ReminderChannelMapping } from '../../../src/domain/reminders';
import {
  currentStatementSeason,
  DEFAULT_STATEMENT_REMINDER_POLICY,
  dueStatementReminders,
  statementSeason,
  type StatementReminderInput,
} from '../../../src/domain/statementReminders';
import { aCollaboration } from './fixtures';

/**
 * The annual assurance statements' reminders: the season (asked for from 1 April for the year
 * just ended, due by 30 June, overdue weekly through July), who is reminded (directorates with
 * records current in the year and no statement at all), and where (the directorate's channel).
 */
const dylan: Person = { id: 9, displayName: "Dylan O'Brien", email: 'dylan.obrien@example.gov.uk' };
const gareth: Person = { id: 12, displayName: 'Gareth Hughes' };
const llyr: Person = { id: 10, displayName: 'Llŷr Evans' };

// The year 2026–27 (1 April 2026 to 31 March 2027), reminded in the spring and summer of 2027.
const YEAR = 2026;
const records = [
  aCollaboration({ directorate: 'Economy and Environment', headOfService: dylan, startDate: '2020-04-01' }),
  aCollaboration({ directorate: ' economy and environment ', headOfService: gareth, startDate: '2024-09-01' }),
  aCollaboration({ directorate: 'Corporate Services', headOfService: gareth, startDate: '2014-07-01' }),
  // Closed during the year: still current in it, so Education must confirm.
  aCollaboration({
    directorate: 'Education',
    headOfService: llyr,
    startDate: '2010-01-01',
    endDate: '2026-09-30',
    status: 'closed',
  }),
  // Ended before the year began: Social Services has nothing current in it.
  aCollaboration({
    directorate: 'Social Services',
    headOfService: llyr,
    startDate: '2010-01-01',
    endDate: '2026-03-31',
  }),
  // No Head of Service named on Housing's only record.
  aCollaboration({ directorate: 'Housing', startDate: '2022-01-01' }),
];

const channels: ReminderChannelMapping[] = [
  {
    name: 'Economy and Environment',
    kind: 'directorate',
    channelKey: 'economy',
    channelName: 'Economy – partnerships',
    language: 'en',
  },
  {
    name: 'Corporate Services',
    nameCy: 'Gwasanaethau Corfforaethol',
    kind: 'directorate',
    channelKey: 'corporate',
    channelName: 'Corporate – partnerships',
    language: 'cy',
  },
  { name: 'EDUCATION', kind: 'directorate', channelKey: 'education', channelName: 'Education – partnerships' },
  {
    name: 'Housing',
    kind: 'directorate',
    channelKey: 'housing',
    channelName: 'Housing – partnerships',
    language: 'en',
  },
  // A panel of the same name is not the directorate's channel.
  { name: 'Social Services', kind: 'panel', channelKey: 'panel-ss', channelName: 'Panel' },
];

const statement = (directorate: string, over: Partial<AssuranceStatement> = {}): AssuranceStatement => ({
  key: statementKey(YEAR, directorate),
  year: YEAR,
  directorate,
  confirmedBy: dylan,
  confirmedOn: '2027-04-20',
  complete: true,
  ...over,
});

const input = (over: Partial<StatementReminderInput> = {}): StatementReminderInput => ({
  records,
  statements: [],
  channels,
  ...over,
});

const due = (today: string, over: Partial<StatementReminderInput> = {}) =>
  dueStatementReminders(input(over), { today });

describe('the statements season', () => {
  it('asks from 1 April for the year just ended, due 30 June, then overdue weekly through July', () => {
    expect(statementSeason(YEAR)).toEqual({
      year: 2026,
      opensOn: '2027-04-01',
      dueDate: '2027-06-30',
      milestones: [
        { milestone: 'statementRequested', sendOn: '2027-04-01' },
        { milestone: 'statementDueSoon', sendOn: '2027-06-16' },
        { milestone: 'statementOverdue.1', sendOn: '2027-07-01' },
        { milestone: 'statementOverdue.2', sendOn: '2027-07-08' },
        { milestone: 'statementOverdue.3', sendOn: '2027-07-15' },
        { milestone: 'statementOverdue.4', sendOn: '2027-07-22' },
      ],
    });
  });

  it('waits for the first working day when 1 April is not one, never asking before the year has ended', () => {
    // 1 April 2028 is a Saturday.
    expect(statementSeason(2027).milestones[0]).toEqual({ milestone: 'statementRequested', sendOn: '2028-04-03' });
  });

  it.each([
    ['2027-03-31', undefined, 'the year has not ended: nothing is asked yet'],
    ['2027-04-01', 'statementRequested', 'the day the season opens'],
    ['2027-05-12', 'statementRequested', 'the request stays current until "due soon"'],
    ['2027-06-16', 'statementDueSoon', 'a fortnight before the due date'],
    ['2027-06-30', 'statementDueSoon', 'on the due date'],
    ['2027-07-01', 'statementOverdue.1', 'the day after'],
    ['2027-07-23', 'statementOverdue.4', 'the last overdue reminder'],
    ['2027-07-29', undefined, 'a week after the last: quiet (the governance team sees it on the page)'],
    ['2027-12-08', undefined, 'out of season'],
    ['2028-01-20', undefined, 'still out of season in the new calendar year'],
  ])('on %s the current milestone is %s (%s)', (today, milestone, _why) => {
    const season = currentStatementSeason(today);
    expect(season?.current.milestone).toBe(milestone);
    if (milestone) expect(season?.year).toBe(YEAR);
  });

  it('is data: a council with another timetable changes the policy, not the code', () => {
    const policy = { ...DEFAULT_STATEMENT_REMINDER_POLICY, opens: { month: 5, day: 3 }, due: { month: 7, day: 31 } };
    expect(currentStatementSeason('2027-04-20', policy)).toBeUndefined();
    const season = statementSeason(YEAR, policy);
    expect(season.opensOn).toBe('2027-05-03');
    expect(season.dueDate).toBe('2027-07-31');
    expect(dueStatementReminders(input(), { today: '2027-05-04', policy }).reminders.length).toBeGreaterThan(0);
  });
});

describe('who is reminded', () => {
  it('each directorate with records current in the year and no statement, once, in its own channel', () => {
    const run = due('2027-05-12');
    expect(run.year).toBe(YEAR);
    expect(run.reminders.map((r) => [r.title, r.channelKey])).toEqual([
      ['Corporate Services', 'corporate'],
      ['Economy and Environment', 'economy'],
      ['Education', 'education'],
      ['Housing', 'housing'],
    ]);
    const economy = run.reminders.find((r) => r.channelKey === 'economy');
    expect(economy).toMatchObject({
      key: 'statementRequested:statement-2026-economy-and-environment:2027-06-30:economy',
      kind: 'statementRequested',
      item: 'statement',
      itemRef: 'statement-2026-economy-and-environment',
      overdue: false,
      dueDate: '2027-06-30',
      sendOn: '2027-04-01',
      statementYear: 2026,
      language: 'en',
    });
    // Everyone named as Head of Service on the directorate's records, by name.
    expect(economy?.expected?.map((p) => p.displayName)).toEqual(["Dylan O'Brien", 'Gareth Hughes']);
  });

  it('keeps the same key every day of a stage, so the log posts it once however many runs there are', () => {
    const keys = (today: string) => due(today).reminders.map((r) => r.key);
    expect(keys('2027-04-01')).toEqual(keys('2027-06-15'));
    expect(keys('2027-06-16')).not.toEqual(keys('2027-06-15'));
    expect(keys('2027-07-01')).toEqual(keys('2027-07-07'));
    expect(keys('2027-07-01')[0]).toMatch(/^statementOverdue\.1:/);
  });

  it.each([
    ['a statement that confirms "complete and correct"', statement('Economy and Environment')],
    [
      'a statement that says "not yet complete": answered, the governance team follows it up',
      statement('Economy and Environment', { complete: false, comment: 'Two records still to update.' }),
    ],
    [
      'a statement under another spelling of the directorate',
      statement('Economy and Environment', { directorate: 'ECONOMY AND ENVIRONMENT' }),
    ],
  ])('stops reminding a directorate once it has %s', (_what, s) => {
    const run = due('2027-07-01', { statements: [s] });
    expect(run.reminders.map((r) => r.title)).not.toContain('Economy and Environment');
    expect(run.reminders).toHaveLength(3);
  });

  it("does not count another year's statement", () => {
    const lastYear = {
      ...statement('Economy and Environment'),
      year: 2025,
      key: statementKey(2025, 'Economy and Environment'),
    };
    expect(due('2027-05-12', { statements: [lastYear] }).reminders.map((r) => r.title)).toContain(
      'Economy and Environment',
    );
  });

  it('reminds nobody when every directorate has answered', () => {
    const all = ['Corporate Services', 'Economy and Environment', 'Education', 'Housing'].map((d) => statement(d));
    expect(due('2027-07-01', { statements: all })).toEqual({ year: YEAR, reminders: [], problems: [] });
  });

  it('reminds nothing on a weekend or bank holiday', () => {
    expect(due('2027-05-15').reminders).toEqual([]); // a Saturday
    expect(due('2027-05-31').reminders).toEqual([]); // the spring bank holiday
  });

  it('reports a directorate with no channel, and still reminds one whose records name no Head of Service', () => {
    const run = due('2027-07-01', { channels: channels.filter((c) => c.channelKey !== 'education') });
    expect(run.reminders.map((r) => r.title)).not.toContain('Education');
    expect(run.problems).toEqual(
      expect.arrayContaining([
        { item: 'statement', itemRef: '2026–27', title: 'Education', code: 'noChannel', dueDate: '2027-06-30' },
        { item: 'statement', itemRef: '2026–27', title: 'Housing', code: 'noHeadOfService', dueDate: '2027-06-30' },
      ]),
    );
    const housing = run.reminders.find((r) => r.title === 'Housing');
    expect(housing?.expected).toEqual([]);
    expect(housing?.overdue).toBe(true);
    expect(housing?.daysOverdue).toBe(1);
  });

  it("is in the channel's language, with the directorate's Welsh name from its mapping", () => {
    const corporate = due('2027-05-12').reminders.find((r) => r.channelKey === 'corporate');
    expect(corporate?.language).toBe('cy');
    expect(corporate?.titleCy).toBe('Gwasanaethau Corfforaethol');
    expect(due('2027-05-12').reminders.find((r) => r.channelKey === 'education')?.language).toBe('both');
  });
});
