/**
 * The reminder job at scale: 10,000 collaborations and 30,000 actions across
 * 20 channels, through the real data layer (PnPjs) against the embedded list
 * server, posting to the dev inbox on the same port. Reports the run's time,
 * the posts made (checked against the channels with something due), the
 * SharePoint requests made (counted by a fetch wrapped into createSp), and
 * the same for a rerun the same day (which must post nothing).
 *
 * The register is built for the benchmark (the demo generator has four
 * directorates, not twenty): collaborations and actions are created through
 * the repositories' batched `createMany` before the clock starts. Actions are
 * spread so that those due on or before the job's window end stay under the
 * 5,000-item view threshold (15% of them), as in a real register where most
 * actions are due later or long done.
 *
 * A third run is on a day in the assurance statements' season (STATEMENT_DAY), after five
 * of the twenty directorates have confirmed: it reads the register whole and reminds the
 * other fifteen, once each; a rerun that day posts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelMappingRepository, createRepositories } from '../data/repositories';
import { AssuranceStatementRepository } from '../data/repositories/assuranceStatements';
import { ReminderChannelRepository } from '../data/repositories/reminderChannels';
import { checkStatement } from '../domain/assuranceStatement';
import { createSp } from '../data/sp';
import type { Collaboration } from '../domain/collaboration';
import { addDays, type IsoDate } from '../domain/dates';
import type { Action, ChannelLanguage } from '../domain/entities';
import { formatReference } from '../domain/reference';
import { createInbox } from '../local/inbox';
import { createListApi } from '../local/server';
import { createRecordLinks, createReminderRepositories, createTransports, runReminders } from '../cli/reminderSetup';
import { BENCH_COLLABORATION } from './collaboration';
import type { Figure } from './figure';
import { round } from './measure';

const TODAY: IsoDate = '2026-12-08';
/** A working day in the statements' season for 2026–27 (asked for from 1 April 2027). */
const STATEMENT_DAY: IsoDate = '2027-05-12';
const STATEMENT_YEAR = 2026;
const CONFIRMED_DIRECTORATES = 5;
const CHANNELS = 20;
const LANGUAGES: readonly ChannelLanguage[] = ['both', 'en', 'cy'];
const OWNERS = [
  { id: 7, displayName: 'Rhys Davies' },
  { id: 9, displayName: "Dylan O'Brien" },
  { id: 10, displayName: 'Llŷr Evans' },
  { id: 11, displayName: 'Angharad Price' },
];

const channelName = (c: number) => `Directorate ${String(c + 1).padStart(2, '0')}`;
/** Ten collaborations in a row share a directorate, so each directorate gets every review pattern. */
const directorate = (i: number) => channelName(Math.floor(i / 10) % CHANNELS);

function collaborationAt(i: number): Collaboration {
  const pattern = i % 10;
  const next =
    pattern === 0
      ? addDays(TODAY, -(5 + (i % 35)))
      : pattern === 1
        ? addDays(TODAY, 1 + (i % 6))
        : pattern === 2
          ? addDays(TODAY, 8 + (i % 22))
          : addDays(TODAY, 31 + (i % 300));
  return {
    ...BENCH_COLLABORATION,
    reference: formatReference(i + 1),
    title: `Bench collaboration ${i + 1} – Cydweithrediad ${i + 1}`,
    purpose: 'A benchmark record.',
    directorate: directorate(i),
    leadOfficer: OWNERS[i % OWNERS.length],
    // Each directorate's Head of Service, whom the assurance statements' reminders name.
    headOfService: OWNERS[Math.floor(i / 10) % OWNERS.length],
    nextReviewDue: next,
    serviceRisk: 'medium',
  };
}

function actionAt(i: number, collaborations: number): Action {
  const pattern = i % 20;
  const base: Action = {
    key: `BENCH-ACT-${String(i + 1).padStart(6, '0')}`,
    title: `Bench action ${i + 1}`,
    scope: 'collaboration',
    collaborationId: 1 + ((i * 7919) % collaborations),
    owner: OWNERS[i % OWNERS.length],
    progress: 20,
  };
  if (pattern === 0) return { ...base, dueDate: addDays(TODAY, -(1 + (i % 30))) };
  if (pattern === 1) return { ...base, dueDate: addDays(TODAY, 1 + (i % 10)) };
  if (pattern === 2)
    return {
      ...base,
      dueDate: addDays(TODAY, -(100 + (i % 200))),
      progress: 100,
      completedOn: addDays(TODAY, -(90 + (i % 200))),
    };
  return { ...base, dueDate: addDays(TODAY, 40 + (i % 360)) };
}

export async function benchReminders(options: { collaborations?: number; actions?: number } = {}): Promise<Figure[]> {
  const collaborations = options.collaborations ?? 10_000;
  const actions = options.actions ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'bench-reminders-'));
  const dataFile = join(dir, 'bench.db');
  const lists = await createListApi({ dataFile, demo: false, today: TODAY });
  const inbox = createInbox({ dataFile });
  const server = createServer((req, res) => {
    void (async () => {
      if (await inbox.handle(req, res)) return;
      if (!(await lists.handle(req, res))) res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site = `${origin}/sites/council`;
  const figures: Figure[] = [];
  try {
    // The register, before the clock starts.
    const sp = createSp({ siteUrl: site, getToken: () => Promise.resolve('dev:governance') });
    const mappings = new ChannelMappingRepository(sp);
    const settings = new ReminderChannelRepository(sp);
    for (let c = 0; c < CHANNELS; c += 1) {
      const name = channelName(c);
      const key = `dir-${String(c + 1).padStart(2, '0')}`;
      const m = await mappings.create({
        key: `map-${key}`,
        name,
        kind: 'directorate',
        channelKey: key,
        channelName: `${name} – partnerships`,
        language: LANGUAGES[c % LANGUAGES.length] ?? 'both',
      });
      const s = await settings.create({
        channelKey: key,
        title: `${name} – partnerships`,
        transport: 'devInbox',
        enabled: true,
      });
      if (!m.ok || !s.ok) throw new Error('could not create the channels');
    }
    let start = performance.now();
    const created = await createAll(sp, collaborations, actions);
    figures.push({
      name: `reminders.setup.${created}_items_created_in_batches`,
      value: round(performance.now() - start, 0),
      unit: 'ms',
    });

    // The run.
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const setup = { site, env: {}, sp: { fetch: counting } };
    const job = {
      repos: createReminderRepositories(setup),
      transports: createTransports(setup),
      links: createRecordLinks({ site, env: {} }),
      today: TODAY,
      env: {},
    };
    start = performance.now();
    const first = await runReminders(job);
    const firstMs = performance.now() - start;
    if (first.fatal)
      throw new Error(`the run could not read ${first.fatal.what}: ${first.fatal.code} ${first.fatal.detail}`);
    const withSomething = first.channels.filter((c) => c.due > 0).length;
    const inboxPosts = ((await (await fetch(`${origin}/_dev/inbox/messages`)).json()) as unknown[]).length;
    const label = `${collaborations}_collaborations_${actions}_actions_${CHANNELS}_channels`;
    figures.push({ name: `reminders.first_run.${label}`, value: round(firstMs, 0), unit: 'ms' });
    figures.push({ name: 'reminders.first_run.reminders_due_and_posted', value: first.totals.items, unit: 'items' });
    figures.push({ name: 'reminders.first_run.posts_to_dev_inbox', value: inboxPosts, unit: 'posts' });
    figures.push({ name: 'reminders.first_run.channels_with_something_due', value: withSomething, unit: 'channels' });
    figures.push({
      name: 'reminders.first_run.every_channel_with_something_due_posted_to',
      value: first.totals.channels === withSomething ? 1 : 0,
      unit: 'yes (1) / no (0)',
    });
    figures.push({
      name: 'reminders.first_run.largest_post',
      value: Math.max(...first.channels.flatMap((c) => c.messages.map((m) => m.bytes))),
      unit: 'bytes',
    });
    figures.push({ name: 'reminders.first_run.sharepoint_requests', value: requests, unit: 'requests' });
    if (first.exitCode !== 0 || inboxPosts !== first.totals.posts)
      throw new Error(`the run failed: ${first.failedChannels.join(', ')}`);

    requests = 0;
    start = performance.now();
    const again = await runReminders(job);
    figures.push({
      name: 'reminders.rerun_same_day.posts_nothing',
      value: round(performance.now() - start, 0),
      unit: 'ms',
    });
    figures.push({ name: 'reminders.rerun_same_day.sharepoint_requests', value: requests, unit: 'requests' });
    if (again.totals.posts !== 0) throw new Error(`the rerun posted ${again.totals.posts} messages`);

    // The statements' season: five directorates have confirmed; the other fifteen are reminded.
    const statements = new AssuranceStatementRepository(sp);
    for (let c = 0; c < CONFIRMED_DIRECTORATES; c += 1) {
      const checked = checkStatement({
        year: STATEMENT_YEAR,
        directorate: channelName(c),
        confirmedBy: OWNERS[c % OWNERS.length] ?? { id: 7, displayName: 'Rhys Davies' },
        confirmedOn: '2027-04-20',
        complete: true,
      });
      if (!checked.ok || !(await statements.create(checked.value)).ok) throw new Error('could not confirm');
    }
    requests = 0;
    start = performance.now();
    const season = await runReminders({ ...job, today: STATEMENT_DAY });
    const seasonMs = performance.now() - start;
    const statementKeys = season.channels.flatMap((c) => c.keys).filter((k) => k.startsWith('statement'));
    figures.push({ name: `reminders.statement_season.first_run.${label}`, value: round(seasonMs, 0), unit: 'ms' });
    figures.push({
      name: 'reminders.statement_season.statement_reminders_posted',
      value: statementKeys.length,
      unit: 'directorates',
    });
    figures.push({ name: 'reminders.statement_season.sharepoint_requests', value: requests, unit: 'requests' });
    if (season.exitCode !== 0 || statementKeys.length !== CHANNELS - CONFIRMED_DIRECTORATES)
      throw new Error(
        `the season's run reminded ${statementKeys.length} directorates, not ${CHANNELS - CONFIRMED_DIRECTORATES}`,
      );
    const seasonAgain = await runReminders({ ...job, today: STATEMENT_DAY });
    if (seasonAgain.totals.posts !== 0) throw new Error(`the season's rerun posted ${seasonAgain.totals.posts}`);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    lists.close();
    inbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function createAll(sp: ReturnType<typeof createSp>, collaborations: number, actions: number): Promise<number> {
  const repos = createRepositories(sp);
  const collabRepo = repos.collaborations as unknown as {
    createMany(values: readonly Collaboration[]): Promise<{ ok: boolean }[]>;
  };
  const made: { ok: boolean }[] = [];
  const CHUNK = 2000;
  for (let i = 0; i < collaborations; i += CHUNK) {
    made.push(
      ...(await collabRepo.createMany(
        Array.from({ length: Math.min(CHUNK, collaborations - i) }, (_, k) => collaborationAt(i + k)),
      )),
    );
  }
  for (let i = 0; i < actions; i += CHUNK) {
    made.push(
      ...(await repos.actions.createMany(
        Array.from({ length: Math.min(CHUNK, actions - i) }, (_, k) => actionAt(i + k, collaborations)),
      )),
    );
  }
  const failed = made.filter((r) => !r.ok).length;
  if (failed > 0) throw new Error(`${failed} creates failed`);
  return made.length;
}
