import { main } from '../../../src/cli/reminders';
import { formatRun } from '../../../src/notify/summary';
import {
  delivered,
  jobOptions,
  keysOf,
  pairsOf,
  perChannel,
  run,
  setChannel,
  startSpoilingProxy,
  logEntries,
  startStack,
  startWebhookReceiver,
  TODAY,
  type Receiver,
  type Stack,
} from './stack';
import { runReminders } from '../../../src/cli/reminderSetup';

/**
 * Issue 19: a post that may have arrived is never resent blindly (docs/reminders.md).
 * Through a real webhook receiver on 127.0.0.1 that keeps the card and answers 504, and
 * through a proxy that lets the dev inbox store the card and then spoils the answer.
 */
jest.setTimeout(90_000);

describe('a Workflows webhook that keeps the card and answers 504', () => {
  let stack: Stack;
  let receiver: Receiver;
  beforeEach(async () => {
    stack = await startStack();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await stack.close();
    await receiver.close();
  });

  it('gets exactly one card after one run and after two; the entries are recorded as possibly posted and reported', async () => {
    const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
    await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
    const expected = keysOf(await run(stack, env, { dryRun: true }));
    const cgrpKeys = expected.filter((k) => k.endsWith(':cgrp'));
    expect(cgrpKeys.length).toBeGreaterThan(0);
    receiver.answer('cgrp', 504, { keep: true });

    const first = await run(stack, env);
    expect(receiver.cards('cgrp')).toHaveLength(1);
    const cgrp = first.channels.find((c) => c.channelKey === 'cgrp')!;
    expect(cgrp.status).toBe('failed');
    expect(cgrp.uncertain).toBe(cgrpKeys.length);
    expect(cgrp.failedItems).toBe(0);
    expect(cgrp.reason).toMatch(/possibly posted/);
    expect(first.exitCode).toBe(1);
    const entries = await logEntries(stack, cgrpKeys);
    expect(entries).toHaveLength(cgrpKeys.length);
    expect(entries.every((e) => e.state === 'pending' && e.messageId?.startsWith('maybe:'))).toBe(true);
    expect(formatRun(first, 'en-GB', stack.siteUrl).join('\n')).toMatch(/possibly posted/);

    // The second run (the lease long past, or not: a possibly-posted entry is no run's work in progress).
    const second = await run(stack, env, { pendingLeaseMs: 15 * 60_000 });
    expect(receiver.cards('cgrp')).toHaveLength(1);
    const again = second.channels.find((c) => c.channelKey === 'cgrp')!;
    expect(again.posts).toBe(0);
    expect(again.uncertain).toBe(cgrpKeys.length);
    expect(second.failedChannels).toEqual(['cgrp']);
    // Every reminder arrived once: the other channels through the dev inbox, cgrp's through the webhook.
    expect(await delivered(stack, receiver, { cgrp: 'cgrp' })).toEqual(pairsOf(expected));
  });

  it('never shows a signature the receiver echoes, in the log, the report or the JSON the CLI prints', async () => {
    const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
    await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
    const echo = `Invalid signature SECRET-cgrp (sig%3DSECRET-cgrp) for ${encodeURIComponent(receiver.url('cgrp'))}`;
    receiver.answer('cgrp', 401, { body: echo });

    const lines: string[] = [];
    const result = await run(stack, env, { log: (level, m) => lines.push(`${level} ${m}`) });
    const cgrp = result.channels.find((c) => c.channelKey === 'cgrp')!;
    expect(cgrp.status).toBe('failed');
    expect(cgrp.reason).toMatch(/unauthorized: .*HTTP 401: Invalid signature …/);
    const everything = [lines.join('\n'), JSON.stringify(result), formatRun(result, 'en-GB', stack.siteUrl).join('\n')];
    for (const text of everything) {
      expect(text).not.toContain('SECRET-cgrp');
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('/workflows/cgrp');
    }
    expect(lines.join('\n')).toMatch(/cgrp: post 1 of 1 failed/);

    const out: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    try {
      expect(
        await main(['--site', stack.siteUrl, '--today', TODAY, '--json'], { ...env, REMINDERS_VERBOSE: '1' }),
      ).toBe(1);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    const printed = out.join('\n');
    expect(printed).toMatch(/"channelKey": "cgrp"/);
    expect(printed).not.toContain('SECRET');
    expect(printed).not.toContain('/workflows/cgrp');
  });
});

describe.each(['gateway504', 'drop'] as const)('the dev inbox behind a proxy that spoils the answer (%s)', (spoil) => {
  let stack: Stack;
  let proxy: Awaited<ReturnType<typeof startSpoilingProxy>>;
  beforeEach(async () => {
    stack = await startStack();
    proxy = await startSpoilingProxy(stack.origin, spoil);
  });
  afterEach(async () => {
    await proxy.close();
    await stack.close();
  });

  it('delivers exactly one digest per channel after one run and after two; the second run finds and records them', async () => {
    const env = { DEV_INBOX_URL: proxy.origin };
    const preview = await run(stack, env, { dryRun: true });
    const expected = keysOf(preview);
    const channels = preview.channels.filter((c) => c.posted > 0).map((c) => c.channelKey);
    expect(channels.length).toBeGreaterThan(1);
    const once = Object.fromEntries(channels.map((c) => [c, 1]));

    const first = await run(stack, env);
    expect(proxy.spoiled()).toBe(channels.length);
    expect(perChannel((await stack.inboxMessages()).map((m) => m.channel))).toEqual(once);
    expect(first.exitCode).toBe(1);
    expect(first.channels.filter((c) => c.uncertain > 0).map((c) => c.channelKey)).toEqual(channels);
    expect((await logEntries(stack, expected)).every((e) => e.messageId?.startsWith('maybe:'))).toBe(true);

    // Within the claim lease: a possibly-posted entry is no run's work in progress, so it is settled at once.
    const second = await run(stack, env, { pendingLeaseMs: 15 * 60_000 });
    expect(perChannel((await stack.inboxMessages()).map((m) => m.channel))).toEqual(once);
    expect(second.exitCode).toBe(0);
    expect(second.totals.posts).toBe(0);
    expect(second.channels.reduce((n, c) => n + c.recovered, 0)).toBe(expected.length);
    expect(await delivered(stack)).toEqual(pairsOf(expected));
    expect((await logEntries(stack, expected)).every((e) => e.state === 'posted')).toBe(true);
  });
});

describe('a digest in several posts, one of which may have arrived', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  it('records that post possibly posted, marks the later ones Failed, and the next run settles both: each reminder once', async () => {
    // Small enough that the demo's panel digest takes three posts or more.
    const maxBytes = 2500;
    const preview = await run(stack, {}, { dryRun: true, maxBytes });
    const expected = keysOf(preview);
    const parts = preview.channels.find((c) => c.channelKey === 'cgrp')!.posts;
    expect(parts).toBeGreaterThanOrEqual(3);

    const options = jobOptions(stack, {}, { maxBytes });
    const inbox = options.transports.devInbox!;
    let cgrpPosts = 0;
    // The second post of cgrp reaches the inbox, but its answer is lost (as a 504 would say).
    const lossy: typeof inbox = {
      ...inbox,
      post: async (channel, card, o) => {
        const result = await inbox.post(channel, card, o);
        if (channel.channelKey !== 'cgrp' || (cgrpPosts += 1) !== 2) return result;
        return { ok: false, code: 'timeout', detail: 'HTTP 504', retryable: true, maybeDelivered: true };
      },
    };
    const first = await runReminders({ ...options, transports: { ...options.transports, devInbox: lossy } });
    const cgrp = first.channels.find((c) => c.channelKey === 'cgrp')!;
    expect(cgrp.posts).toBe(1);
    expect(cgrp.uncertain).toBeGreaterThan(0);
    expect(cgrp.failedItems).toBeGreaterThan(0);
    const cgrpKeys = expected.filter((k) => k.endsWith(':cgrp'));
    const states = (await logEntries(stack, cgrpKeys)).map((e) =>
      e.state === 'pending' && e.messageId?.startsWith('maybe:') ? 'possibly posted' : e.state,
    );
    expect(states.filter((x) => x === 'posted')).toHaveLength(cgrp.posted);
    expect(states.filter((x) => x === 'possibly posted')).toHaveLength(cgrp.uncertain);
    expect(states.filter((x) => x === 'failed')).toHaveLength(cgrp.failedItems);
    expect(cgrp.posted + cgrp.uncertain + cgrp.failedItems).toBe(cgrpKeys.length);

    const second = await run(stack, {}, { maxBytes });
    const again = second.channels.find((c) => c.channelKey === 'cgrp')!;
    expect(again.recovered).toBe(cgrp.uncertain);
    expect(again.posted).toBe(cgrp.failedItems);
    expect(second.exitCode).toBe(0);
    expect(await delivered(stack)).toEqual(pairsOf(expected));
    expect((await logEntries(stack, expected)).every((e) => e.state === 'posted')).toBe(true);
  });
});

describe('an entry already Posted', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  it('is success, not a conflict, when another run posted it after this run read the log', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
      await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
      const cgrpKeys = keysOf(await run(stack, env, { dryRun: true })).filter((k) => k.endsWith(':cgrp'));
      expect(cgrpKeys.length).toBeGreaterThan(0);
      receiver.answer('cgrp', 500);
      await run(stack, env); // cgrp's entries are now Failed
      const stale = await logEntries(stack, cgrpKeys);
      expect(stale.every((e) => e.state === 'failed')).toBe(true);

      receiver.answer('cgrp', 202);
      const other = await run(stack, env); // "another run" posts them
      expect(other.channels.find((c) => c.channelKey === 'cgrp')!.posted).toBe(cgrpKeys.length);
      expect(receiver.cards('cgrp')).toHaveLength(1);

      // This run read the log before the other run posted: it still sees them Failed.
      const options = jobOptions(stack, env);
      const byKeys = options.repos.reminderLog.byKeys.bind(options.repos.reminderLog);
      const reminderLog = {
        ...options.repos.reminderLog,
        claim: options.repos.reminderLog.claim.bind(options.repos.reminderLog),
        update: options.repos.reminderLog.update.bind(options.repos.reminderLog),
        byKeys: async (keys: readonly string[]) => {
          const r = await byKeys(keys);
          if (!r.ok) return r;
          return { ok: true as const, value: r.value.map((e) => stale.find((s) => s.key === e.key) ?? e) };
        },
      };
      const late = await runReminders({ ...options, repos: { ...options.repos, reminderLog } });
      const cgrp = late.channels.find((c) => c.channelKey === 'cgrp')!;
      expect(cgrp.inProgress).toBe(0);
      expect(cgrp.skipped).toBe(cgrpKeys.length);
      expect(cgrp.posts).toBe(0);
      expect(cgrp.status).toBe('nothing');
      expect(late.exitCode).toBe(0);
      expect(receiver.cards('cgrp')).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
