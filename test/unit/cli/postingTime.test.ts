import { hourInWales, postsNow, REMINDERS_SCHEDULE } from '../../../src/cli/reminderSetup';

/**
 * The timer fires at 07:00 and 08:00 UTC (schedules are UTC on Linux plans, which do not honour
 * WEBSITE_TIME_ZONE): the job posts from the one that is 08:00 in Wales, in GMT and in BST.
 */
describe('the reminders post at 08:00 in Wales, summer and winter', () => {
  const fire = (iso: string, pastDue = false) => postsNow(new Date(iso), pastDue);

  it('fires at 07:00 and 08:00 UTC on weekdays', () => {
    expect(REMINDERS_SCHEDULE).toBe('0 0 7,8 * * 1-5');
  });

  it('in winter (GMT) the 08:00 UTC firing posts and the 07:00 one does not', () => {
    expect(hourInWales(new Date('2026-12-08T07:00:00Z'))).toBe(7);
    expect(fire('2026-12-08T07:00:00Z')).toBe(false);
    expect(fire('2026-12-08T08:00:00Z')).toBe(true);
  });

  it('in summer (BST) the 07:00 UTC firing posts and the 08:00 one (09:00 in Wales) does not', () => {
    expect(hourInWales(new Date('2026-06-09T07:00:00Z'))).toBe(8);
    expect(fire('2026-06-09T07:00:00Z')).toBe(true);
    expect(fire('2026-06-09T08:00:00Z')).toBe(false);
  });

  it('across the clock changes: the last Sunday of March and of October', () => {
    // Monday 30 March 2026 is the first weekday of BST; Monday 26 October 2026 the first of GMT.
    expect([fire('2026-03-30T07:00:00Z'), fire('2026-03-30T08:00:00Z')]).toEqual([true, false]);
    expect([fire('2026-10-26T07:00:00Z'), fire('2026-10-26T08:00:00Z')]).toEqual([false, true]);
  });

  it('a late firing posts when the host says it is past due, never before 08:00', () => {
    expect(fire('2026-12-08T08:40:00Z')).toBe(true);
    expect(fire('2026-12-08T10:05:00Z', true)).toBe(true);
    expect(fire('2026-12-08T10:05:00Z', false)).toBe(false);
    expect(fire('2026-12-08T07:30:00Z', true)).toBe(false);
  });
});
