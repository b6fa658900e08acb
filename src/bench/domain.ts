/**
 * Domain benchmark: which reminders are due, over a synthetic register of
 * 100,000 collaborations and 300,000 actions, against a bare loop that only
 * reads the same items' due dates. The input is deterministic (a seeded PRNG),
 * and `today` is fixed, so two runs compute the same reminders.
 */
import { performance } from 'node:perf_hooks';
import { seededRandom as prng } from '../lib/random';
import {
  addDays,
  dueReminders,
  groupByChannel,
  STATUSES,
  type IsoDate,
  type ReminderAction,
  type ReminderChannelMapping,
  type ReminderCollaboration,
  type ReminderInput,
} from '../domain';

const COLLABORATIONS = 100_000;
const ACTIONS = 300_000;
/** A Tuesday, a working day. */
const TODAY: IsoDate = '2026-11-24';

export function syntheticRegister(seed = 42): ReminderInput {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const directorates = Array.from({ length: 12 }, (_, i) => `Directorate ${i + 1}`);
  const panels = ['Corporate Governance Review Panel', 'Audit Committee', 'Policy and Resources Scrutiny'];
  // The last directorate has no channel, so the run also reports problems.
  const channels: ReminderChannelMapping[] = [
    ...directorates.slice(0, -1).map((name, i) => ({
      name,
      kind: 'directorate' as const,
      channelKey: `dir-${i + 1}`,
      channelName: `${name} channel`,
    })),
    ...panels.map((name, i) => ({ name, kind: 'panel' as const, channelKey: `panel-${i + 1}`, channelName: name })),
  ];

  const collaborations: ReminderCollaboration[] = Array.from({ length: COLLABORATIONS }, (_, i) => ({
    reference: `COL-${String(i + 1).padStart(6, '0')}`,
    title: `Collaboration ${i + 1}`,
    status: random() < 0.1 ? 'closed' : pick(STATUSES.filter((s) => s !== 'closed')),
    nextReviewDue: random() < 0.05 ? undefined : addDays(TODAY, int(-200, 400)),
    directorate: pick(directorates),
    panel: random() < 0.4 ? pick(panels) : undefined,
    leadOfficer: { id: int(1, 500), displayName: `Officer ${int(1, 500)}` },
  }));
  const actions: ReminderAction[] = Array.from({ length: ACTIONS }, (_, i) => {
    const done = random() < 0.2;
    return {
      key: `ACT-${String(i + 1).padStart(7, '0')}`,
      title: `Action ${i + 1}`,
      dueDate: random() < 0.05 ? undefined : addDays(TODAY, int(-180, 365)),
      owner: random() < 0.97 ? { id: int(1, 500), displayName: `Owner ${int(1, 500)}` } : undefined,
      progress: done ? 100 : int(0, 90),
      completedOn: done ? TODAY : undefined,
      collaborationReference: `COL-${String(int(1, COLLABORATIONS)).padStart(6, '0')}`,
    };
  });
  // Round-trip through JSON, as the repositories deliver items parsed from SharePoint's responses.
  return JSON.parse(JSON.stringify({ collaborations, actions, assessments: [], channels })) as ReminderInput;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

export function benchDomain(): { name: string; value: number; unit: string }[] {
  const input = syntheticRegister();
  // Warm the holiday tables and the JIT once, then time a fresh run.
  dueReminders(input, { today: '2026-11-23' });
  const compute = time(() => dueReminders(input, { today: TODAY }));
  const bare = time(() => {
    let dated = 0;
    for (const c of input.collaborations) if (c.nextReviewDue !== undefined && c.nextReviewDue <= TODAY) dated += 1;
    for (const a of input.actions ?? []) if (a.dueDate !== undefined && a.dueDate <= TODAY) dated += 1;
    return dated;
  });
  const digests = time(() => groupByChannel(compute.value.reminders));
  return [
    { name: 'reminders.compute.100k_collabs_300k_actions', value: compute.ms, unit: 'ms' },
    { name: 'reminders.bare_loop', value: bare.ms, unit: 'ms' },
    { name: 'reminders.rules_over_bare_loop', value: compute.ms / Math.max(bare.ms, 0.001), unit: 'x' },
    { name: 'reminders.due', value: compute.value.reminders.length, unit: 'reminders' },
    { name: 'reminders.problems', value: compute.value.problems.length, unit: 'problems' },
    { name: 'reminders.group_by_channel', value: digests.ms, unit: 'ms' },
    { name: 'reminders.channels', value: digests.value.length, unit: 'digests' },
  ];
}
