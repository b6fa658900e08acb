import { createRepositories } from '../../../src/data/repositories';
import { ReminderChannelRepository } from '../../../src/data/repositories/reminderChannels';
import { ReminderReadRepository } from '../../../src/data/repositories/reminderReads';
import { createSp } from '../../../src/data/sp';
import { dueReminders } from '../../../src/domain/reminders';
import { startListServer } from '../../../src/local/server';
import type { AdaptiveCard } from '../../../src/notify/cardSchema';
import { readWindow, type ReminderRepositories } from '../../../src/app/reminders';
import { runReminders } from '../../../src/cli/reminderSetup';
import type { ChannelTarget, Transport } from '../../../src/notify/transports';
import { links, TODAY } from '../../unit/notify/fixtures';
import { cardProblems } from '../../unit/notify/validate';

/**
 * The job end to end over the embedded list server (the one fake of the
 * lists, STYLE.md example 11) with the only other fake at the transport
 * boundary: a transport that records what it is asked to post.
 */
type Server = Awaited<ReturnType<typeof startListServer>>;

interface Posted {
  channel: ChannelTarget;
  card: AdaptiveCard;
  postId?: string;
}

function recordingTransport(): Transport & { posted: Posted[] } {
  const posted: Posted[] = [];
  return {
    kind: 'devInbox',
    posted,
    post(channel, card, options) {
      posted.push({ channel, card, ...(options?.postId ? { postId: options.postId } : {}) });
      return Promise.resolve({ ok: true, messageId: `m${posted.length}` });
    },
    findPost(_channel, postId) {
      return Promise.resolve(posted.some((p) => p.postId === postId) ? { state: 'found' } : { state: 'notFound' });
    },
  };
}

function reposFor(server: Server): ReminderRepositories {
  const sp = createSp({
    siteUrl: server.siteUrl,
    getToken: () => Promise.resolve('dev:governance'),
    retryBaseMs: 5,
    retryMaxMs: 50,
  });
  return {
    ...createRepositories(sp),
    reminderChannels: new ReminderChannelRepository(sp),
    reminderReads: new ReminderReadRepository(sp),
  };
}

/** Items named on a card (the bold line of each item: "REF · title"). */
function itemRefs(card: AdaptiveCard): string[] {
  const refs: string[] = [];
  for (const el of card.body) {
    if (el.type === 'Container') {
      const first = el.items[0];
      if (first?.type === 'TextBlock') refs.push(el.id ?? first.text.split(' · ')[0] ?? '');
    }
  }
  return refs;
}

describe('the reminder job', () => {
  let server: Server;
  let repos: ReminderRepositories;

  beforeEach(async () => {
    server = await startListServer({ port: 0, dataFile: ':memory:', today: TODAY });
    repos = reposFor(server);
  });
  afterEach(async () => {
    await server.close();
  });

  /** What the domain says is due, computed from the whole register (a test may read it all). */
  async function expected() {
    const all = await repos.collaborations.all({});
    const mappings = await repos.channelMappings.all();
    if (!all.ok || !mappings.ok) throw new Error('read failed');
    const run = dueReminders(
      {
        collaborations: all.value,
        channels: [
          ...mappings.value,
          ...mappings.value.filter((m) => m.kind === 'panel').map((m) => ({ ...m, name: m.key })),
        ],
      },
      { today: TODAY },
    );
    return run.reminders.filter((r) => r.item === 'review');
  }

  it('posts one digest per channel with something due, each reminder once, on valid cards', async () => {
    const transport = recordingTransport();
    const result = await runReminders({
      repos,
      transports: { devInbox: transport },
      today: TODAY,
      links,
      programmeDirectorate: 'Corporate Services',
    });
    expect(result.exitCode).toBe(0);
    expect(result.fatal).toBeUndefined();
    const channelsWithPosts = result.channels.filter((c) => c.posts > 0).map((c) => c.channelKey);
    expect(transport.posted.map((p) => p.channel.channelKey).sort()).toEqual([...channelsWithPosts].sort());
    expect(result.totals.posts).toBe(transport.posted.length);
    for (const p of transport.posted) expect(cardProblems(p.card)).toEqual([]);

    // Reviews: exactly what the domain says is due, in the channel it says.
    const reviews = await expected();
    const postedReviews = transport.posted.flatMap((p) =>
      itemRefs(p.card)
        .filter((r) => r.startsWith('COL-'))
        .map((ref) => `${ref}@${p.channel.channelKey}`),
    );
    expect(postedReviews.sort()).toEqual(reviews.map((r) => `${r.itemRef}@${r.channelKey}`).sort());
    const all = transport.posted.flatMap((p) => itemRefs(p.card));
    expect(new Set(all).size).toBe(all.length);
    expect(result.totals.items).toBe(all.length);
  });

  it('claims every reminder in the Reminder Log under its key, and marks it Posted with the message id', async () => {
    const transport = recordingTransport();
    const result = await runReminders({
      repos,
      transports: { devInbox: transport },
      today: TODAY,
      links,
      programmeDirectorate: 'Corporate Services',
    });
    const reviews = await expected();
    const keys = reviews.map((r) => r.key);
    expect(
      keys.every((k) => /^review(DueSoon|DueToday|Overdue\.\d):COL-\d{4}:\d{4}-\d{2}-\d{2}:[a-z-]+$/.test(k)),
    ).toBe(true);
    const log = await repos.reminderLog.byKeys(keys);
    if (!log.ok) throw new Error(log.error.code);
    expect(log.value).toHaveLength(keys.length);
    for (const e of log.value) {
      expect(e.state).toBe('posted');
      expect(e.runDate).toBe(TODAY);
      expect(e.messageId).toMatch(/^m\d+$/);
      expect(e.postedOn).toBeDefined();
      expect(e.kind).toBe(reviews.find((r) => r.key === e.key)!.kind);
    }
    expect(result.totals.items).toBeGreaterThanOrEqual(keys.length);
  });

  it('posts nothing when run again the same day', async () => {
    const first = recordingTransport();
    await runReminders({ repos, transports: { devInbox: first }, today: TODAY, links });
    const second = recordingTransport();
    const result = await runReminders({ repos, transports: { devInbox: second }, today: TODAY, links });
    expect(second.posted).toHaveLength(0);
    expect(result.exitCode).toBe(0);
    expect(result.channels.every((c) => c.status === 'nothing' && c.skipped === c.due)).toBe(true);
  });

  it('in a dry run, says what it would post and claims and posts nothing', async () => {
    const transport = recordingTransport();
    const result = await runReminders({
      repos,
      transports: { devInbox: transport },
      today: TODAY,
      links,
      dryRun: true,
    });
    expect(transport.posted).toHaveLength(0);
    expect(result.channels.length).toBeGreaterThan(0);
    expect(result.channels.every((c) => c.status === 'wouldPost')).toBe(true);
    const keys = (await expected()).map((r) => r.key);
    const log = await repos.reminderLog.byKeys(keys);
    expect(log.ok && log.value).toEqual([]);
  });

  it('does nothing on a weekend', async () => {
    const transport = recordingTransport();
    const result = await runReminders({ repos, transports: { devInbox: transport }, today: '2026-12-12', links });
    expect(result.workingDay).toBe(false);
    expect(transport.posted).toHaveLength(0);
  });

  it('reads only on indexed filters within the window the rules can reach, never a whole list', async () => {
    expect(readWindow(TODAY)).toEqual({ from: '2026-10-30', to: '2027-01-01' });
    const urls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      urls.push(decodeURIComponent(input instanceof Request ? input.url : input.toString()).replace(/\+/g, ' '));
      return fetch(input, init);
    };
    const sp = createSp({
      siteUrl: server.siteUrl,
      getToken: () => Promise.resolve('dev:governance'),
      fetch: counting,
    });
    const counted: ReminderRepositories = {
      ...createRepositories(sp),
      reminderChannels: new ReminderChannelRepository(sp),
      reminderReads: new ReminderReadRepository(sp),
    };
    await runReminders({
      repos: counted,
      transports: { devInbox: recordingTransport() },
      today: TODAY,
      links,
      dryRun: true,
    });
    const reads = urls.filter((u) => /getByTitle\('(Collaborations|Actions|Assessments)'\)\/items\?/.test(u));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const u of reads) expect(u).toMatch(/\$filter=/);
    expect(reads.find((u) => u.includes("'Collaborations'"))).toMatch(
      /\$filter=NextReviewDue lt datetime'2027-01-01T12:00:00Z'$/,
    );
    expect(reads.find((u) => u.includes("'Actions'"))).toMatch(/DueDate lt datetime'2027-01-01T12:00:00Z'/);
  });

  it('reports programme actions with no channel by name, and still posts the rest', async () => {
    const transport = recordingTransport();
    const result = await runReminders({ repos, transports: { devInbox: transport }, today: TODAY, links });
    const noChannel = result.problems.filter((p) => p.code === 'noChannel');
    expect(noChannel.length).toBeGreaterThan(0);
    expect(noChannel.every((p) => p.kind === 'item' && p.item === 'action')).toBe(true);
    expect(transport.posted.length).toBeGreaterThan(0);
    expect(result.exitCode).toBe(0);
  });
});
