/**
 * Reviews and the 12-month plan: laying 100,000 actions out on a plan year
 * (domain, no I/O), recording 10,000 outcomes (validation, record, snapshot),
 * and reading a plan year's actions from the embedded list server through the
 * repositories (a demo register of 5,000 collaborations and 5,000 actions).
 */
import { performance } from 'node:perf_hooks';
import { createRepositories } from '../data/repositories';
import { createSp } from '../data/sp';
import { addDays, planGrid, recordOutcome, type Action, type Collaboration, type IsoDate } from '../domain';
import { BENCH_COLLABORATION } from './collaboration';
import type { Figure } from './figure';
import { withListServer } from './measure';

const TODAY: IsoDate = '2026-11-24';

function actions(count: number): Action[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `ACT-${i}`,
    title: `Action ${i}`,
    scope: 'programme' as const,
    owner: { id: 7 + (i % 6), displayName: 'Owner' },
    startDate: addDays('2026-01-01', (i * 7) % 600),
    dueDate: addDays('2026-01-01', ((i * 7) % 600) + 20 + (i % 200)),
    progress: (i * 13) % 101,
  }));
}

const record: Collaboration & { id: number } = {
  id: 1,
  ...BENCH_COLLABORATION,
  reference: 'COL-0001',
  title: 'Bench collaboration',
  purpose: 'Bench',
  directorate: 'Corporate Services',
  serviceRisk: 'low',
};

export async function benchPlan(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const many = actions(100_000);
  planGrid(many.slice(0, 1000), { startYear: 2026, startMonth: 7, today: TODAY });
  let t = performance.now();
  const grid = planGrid(many, { startYear: 2026, startMonth: 7, today: TODAY });
  figures.push({ name: 'plan.grid.100k_actions', value: performance.now() - t, unit: 'ms' });
  figures.push({ name: 'plan.grid.100k_actions.rows', value: grid.rows.length, unit: 'rows' });

  t = performance.now();
  for (let i = 0; i < 10_000; i += 1) {
    const r = recordOutcome({
      review: {
        id: i + 1,
        key: `REV-${i}`,
        collaborationId: 1,
        title: 'x',
        kind: 'annualReview',
        dueDate: TODAY,
        attendees: [],
      },
      collaboration: record,
      outcome: i % 2 === 0 ? 'continue' : 'reform',
      heldOn: TODAY,
      decisionNote: 'Decision',
      newActions: [
        { key: `ACT-N${i}`, title: 'Act', owner: { id: 7, displayName: 'Rhys' }, dueDate: addDays(TODAY, 90) },
      ],
      nextReviewKey: `REV-N${i}`,
      nextReviewTitle: 'next',
    });
    if (!r.ok) throw new Error('bench outcome refused');
  }
  figures.push({ name: 'review.recordOutcome.10k', value: performance.now() - t, unit: 'ms' });

  await withListServer('bench-plan-', { demo: { size: 5000 }, today: TODAY }, async (server) => {
    const repos = createRepositories(
      createSp({ siteUrl: server.siteUrl, getToken: () => Promise.resolve('dev:governance') }),
    );
    t = performance.now();
    const plan = await repos.actions.forPlan('2026-07-01', '2027-06-30');
    figures.push({ name: 'plan.read.5k_demo_actions', value: performance.now() - t, unit: 'ms' });
    figures.push({ name: 'plan.read.5k_demo_actions.items', value: plan.ok ? plan.value.length : -1, unit: 'items' });
    t = performance.now();
    const mine = await repos.actions.forOwner(7);
    figures.push({ name: 'plan.read.forOwner', value: performance.now() - t, unit: 'ms' });
    figures.push({ name: 'plan.read.forOwner.items', value: mine.ok ? mine.value.length : -1, unit: 'items' });
  });
  return figures;
}
