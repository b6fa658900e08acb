import { ReminderLogRepository } from '../../../src/data/repositories/reminderLog';
import { createSp } from '../../../src/data/sp';
import { formatRun } from '../../../src/notify/summary';
import type { Transport } from '../../../src/notify/transports';
import {
  delivered,
  jobOptions,
  keysOf,
  pairsOf,
  run,
  setChannel,
  logEntries,
  startStack,
  startWebhookReceiver,
  type Receiver,
  type Stack,
} from './stack';
import { runReminders } from '../../../src/cli/reminderSetup';

/**
 * The reminder job against the embedded list server and the dev inbox on one
 * port, and a local stand-in for a Workflows webhook: exactly once, reruns,
 * crashes at both sides of a post, faults, a failing channel, bad settings.
 */
jest.setTimeout(60_000);

/** A transport that "crashes" the run at one side of the post (an abort stops the job where it stands). */
function crashing(
  inner: Transport,
  controller: AbortController,
  when: 'afterPost' | 'beforePost',
  onChannel: string,
): Transport {
  return {
    ...inner,
    post: async (channel, card, options) => {
      if (channel.channelKey !== onChannel || controller.signal.aborted) return inner.post(channel, card, options);
      if (when === 'beforePost') {
        controller.abort(new Error('simulated crash after claiming, before posting'));
        return { ok: false, code: 'unexpected', detail: 'crashed', retryable: true };
      }
      const result = await inner.post(channel, card, options);
      controller.abort(new Error('simulated crash after posting, before recording'));
      return result;
    },
  };
}

describe('the reminder job, end to end', () => {
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

  it('posts one digest to each channel with something due, then nothing on a rerun the same day', async () => {
    const preview = await run(stack, {}, { dryRun: true });
    const expected = keysOf(preview);
    expect(expected.length).toBeGreaterThan(0);

    const first = await run(stack);
    expect(first.exitCode).toBe(0);
    const withSomething = preview.channels.filter((c) => c.posted > 0).map((c) => c.channelKey);
    expect(first.channels.filter((c) => c.posts > 0).map((c) => c.channelKey)).toEqual(withSomething);
    expect(first.totals.posts).toBe(withSomething.length);
    const messages = await stack.inboxMessages();
    expect(messages.map((m) => m.channel).sort()).toEqual([...withSomething].sort());
    expect(await delivered(stack)).toEqual(pairsOf(expected));
    expect((await logEntries(stack, expected)).every((e) => e.state === 'posted')).toBe(true);

    const again = await run(stack);
    expect(again.exitCode).toBe(0);
    expect(again.totals.posts).toBe(0);
    expect((await stack.inboxMessages()).length).toBe(messages.length);
    expect(again.channels.every((c) => c.skipped === c.due)).toBe(true);
  });

  describe('a crash between posting and recording', () => {
    it('dev inbox: the rerun finds the post in the channel and records it, never posting twice', async () => {
      const expected = keysOf(await run(stack, {}, { dryRun: true }));
      const controller = new AbortController();
      const options = jobOptions(stack, {}, { signal: controller.signal });
      const devInbox = crashing(options.transports.devInbox!, controller, 'afterPost', 'cgrp');
      await expect(runReminders({ ...options, transports: { ...options.transports, devInbox } })).rejects.toThrow(
        /simulated crash/,
      );
      const pending = (await logEntries(stack, expected)).filter((e) => e.state === 'pending');
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.every((e) => e.channelKey === 'cgrp')).toBe(true);

      const rerun = await run(stack);
      const cgrp = rerun.channels.find((c) => c.channelKey === 'cgrp')!;
      expect(cgrp.recovered).toBe(pending.length);
      expect(cgrp.posted).toBe(0);
      expect(rerun.exitCode).toBe(0);
      expect(await delivered(stack)).toEqual(pairsOf(expected));
      expect((await logEntries(stack, expected)).every((e) => e.state === 'posted')).toBe(true);
    });

    it('Workflows webhook (cannot be asked): the rerun does not post again and reports them for a person', async () => {
      const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
      await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
      const expected = keysOf(await run(stack, env, { dryRun: true }));
      const controller = new AbortController();
      const options = jobOptions(stack, env, { signal: controller.signal });
      const workflows = crashing(options.transports.workflows!, controller, 'afterPost', 'cgrp');
      await expect(runReminders({ ...options, transports: { ...options.transports, workflows } })).rejects.toThrow(
        /simulated crash/,
      );
      expect(receiver.cards('cgrp')).toHaveLength(1);

      const rerun = await run(stack, env);
      const cgrp = rerun.channels.find((c) => c.channelKey === 'cgrp')!;
      expect(cgrp.uncertain).toBeGreaterThan(0);
      expect(cgrp.posts).toBe(0);
      expect(cgrp.status).toBe('failed');
      expect(rerun.exitCode).toBe(1);
      expect(formatRun(rerun, 'en-GB', stack.siteUrl).join('\n')).toMatch(/possibly posted by an interrupted run/);
      expect(receiver.cards('cgrp')).toHaveLength(1);
      // Never twice, never dropped: every reminder arrived once.
      expect(await delivered(stack, receiver, { cgrp: 'cgrp' })).toEqual(pairsOf(expected));
    });
  });

  describe('a crash between claiming and posting', () => {
    it('dev inbox: the rerun finds the post never arrived and posts it, once', async () => {
      const expected = keysOf(await run(stack, {}, { dryRun: true }));
      const controller = new AbortController();
      const options = jobOptions(stack, {}, { signal: controller.signal });
      const devInbox = crashing(options.transports.devInbox!, controller, 'beforePost', 'cgrp');
      await expect(runReminders({ ...options, transports: { ...options.transports, devInbox } })).rejects.toThrow(
        /simulated crash/,
      );
      expect(await stack.inboxMessages('cgrp')).toHaveLength(0);

      const rerun = await run(stack);
      expect(rerun.exitCode).toBe(0);
      expect(rerun.channels.find((c) => c.channelKey === 'cgrp')!.posted).toBeGreaterThan(0);
      expect(await delivered(stack)).toEqual(pairsOf(expected));
      expect((await logEntries(stack, expected)).every((e) => e.state === 'posted')).toBe(true);
    });

    it('Workflows webhook: the documented window — not posted, reported; a person sets them Failed and the next run posts them once', async () => {
      const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
      await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
      const expected = keysOf(await run(stack, env, { dryRun: true }));
      const controller = new AbortController();
      const options = jobOptions(stack, env, { signal: controller.signal });
      const workflows = crashing(options.transports.workflows!, controller, 'beforePost', 'cgrp');
      await expect(runReminders({ ...options, transports: { ...options.transports, workflows } })).rejects.toThrow(
        /simulated crash/,
      );

      const rerun = await run(stack, env);
      const cgrp = rerun.channels.find((c) => c.channelKey === 'cgrp')!;
      expect(cgrp.uncertain).toBeGreaterThan(0);
      expect(receiver.cards('cgrp')).toHaveLength(0);
      expect(rerun.failedChannels).toEqual(['cgrp']);

      // The person checks the channel, finds nothing, and sets the entries to Failed.
      const repo = new ReminderLogRepository(
        createSp({ siteUrl: stack.siteUrl, getToken: () => Promise.resolve('dev:governance') }),
      );
      for (const e of (await logEntries(stack, expected)).filter((x) => x.state === 'pending')) {
        const r = await repo.update({ ...e, state: 'failed' });
        expect(r.ok).toBe(true);
      }
      const after = await run(stack, env);
      expect(after.exitCode).toBe(0);
      expect(receiver.cards('cgrp')).toHaveLength(1);
      expect(await delivered(stack, receiver, { cgrp: 'cgrp' })).toEqual(pairsOf(expected));
    });
  });

  it('one failing channel (its webhook answers 500) is named, the others post, and the next run sends it once', async () => {
    const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
    await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
    const expected = keysOf(await run(stack, env, { dryRun: true }));
    receiver.answer('cgrp', 500);

    const failed = await run(stack, env);
    expect(failed.exitCode).toBe(1);
    expect(failed.failedChannels).toEqual(['cgrp']);
    const cgrp = failed.channels.find((c) => c.channelKey === 'cgrp')!;
    expect(cgrp.status).toBe('failed');
    expect(cgrp.reason).toMatch(/serverError: .*HTTP 500/);
    expect(cgrp.reason).not.toContain('SECRET');
    expect(
      failed.channels
        .filter((c) => c.channelKey !== 'cgrp')
        .every((c) => c.status === 'posted' || c.status === 'nothing'),
    ).toBe(true);
    expect(failed.totals.posts).toBeGreaterThan(0);
    const text = formatRun(failed, 'en-GB', stack.siteUrl).join('\n');
    expect(text).toMatch(/Corporate Governance Review Panel \(cgrp\): FAILED: serverError/);
    expect(text).toMatch(/Channels that failed: cgrp/);
    expect(text).not.toContain('SECRET');
    const cgrpKeys = expected.filter((k) => k.endsWith(':cgrp'));
    expect((await logEntries(stack, cgrpKeys)).every((e) => e.state === 'failed')).toBe(true);

    receiver.answer('cgrp', 202);
    const next = await run(stack, env);
    expect(next.exitCode).toBe(0);
    expect(next.channels.find((c) => c.channelKey === 'cgrp')!.posted).toBe(cgrpKeys.length);
    expect(await delivered(stack, receiver, { cgrp: 'cgrp' })).toEqual(pairsOf(expected));
  });

  it.each([
    ['missing', {}, 'secretMissing', /the setting WEBHOOK_CGRP, which should hold its webhook address, is not set/],
    [
      'malformed',
      { WEBHOOK_CGRP: 'not-a-url/secret-part' },
      'secretMalformed',
      /the setting WEBHOOK_CGRP does not hold an https:\/\/ webhook address/,
    ],
  ])(
    'a %s webhook setting is reported by name and skipped; everything else still posts',
    async (_name, env, code, message) => {
      await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
      const result = await run(stack, env);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ kind: 'channel', code, channelKey: 'cgrp', secretName: 'WEBHOOK_CGRP' }),
      );
      const cgrp = result.channels.find((c) => c.channelKey === 'cgrp')!;
      expect(cgrp.status).toBe('misconfigured');
      expect(result.failedChannels).toEqual(['cgrp']);
      expect(result.exitCode).toBe(1);
      expect(result.channels.filter((c) => c.channelKey !== 'cgrp').some((c) => c.status === 'posted')).toBe(true);
      const text = formatRun(result, 'en-GB', stack.siteUrl).join('\n');
      expect(text).toMatch(message);
      expect(text).not.toContain('secret-part');
      expect((await stack.inboxMessages('cgrp')).length).toBe(0);
    },
  );
});

describe('the reminder job with 20% of list requests failing (429/503)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ faultRate: 0.2, retryAfterSeconds: 0 });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('delivers every reminder exactly once, and a rerun nothing', async () => {
    const preview = await run(stack, {}, { dryRun: true });
    const expected = keysOf(preview);
    let retries = 0;
    const first = await run(stack, {}, {}, { onRetry: () => (retries += 1) });
    expect(retries).toBeGreaterThan(0);
    expect(first.fatal).toBeUndefined();
    expect(first.exitCode).toBe(0);
    expect(await delivered(stack)).toEqual(pairsOf(expected));
    const again = await run(stack);
    expect(again.totals.posts).toBe(0);
    expect(await delivered(stack)).toEqual(pairsOf(expected));
    expect((await logEntries(stack, expected)).filter((e) => e.state === 'posted')).toHaveLength(expected.length);
  });
});

describe('the reminder job on lists past the view threshold', () => {
  it('reads actions day by day, collaborations by id and the log by due date, and still posts each reminder once', async () => {
    const normal = await startStack();
    const expected = keysOf(await run(normal, {}, { dryRun: true }));
    await normal.close();

    // A threshold of 15 items puts the demo's Actions (40+) and, after the run, the Reminder Log past it.
    const small = await startStack({ threshold: 15 });
    try {
      const logs: string[] = [];
      const first = await run(small, {}, { log: (_level, m) => logs.push(m) });
      expect(first.fatal).toBeUndefined();
      expect(logs.join('\n')).toMatch(
        /collaborations: the list is past the view threshold; reading the window day by day/,
      );
      expect(logs.join('\n')).toMatch(/actions: the list is past the view threshold; reading the window day by day/);
      expect(first.exitCode).toBe(0);
      expect(await delivered(small)).toEqual(pairsOf(expected));
      logs.length = 0;
      const again = await run(small, {}, { log: (_level, m) => logs.push(m) });
      expect(again.fatal).toBeUndefined();
      // The log is past the threshold too, and its keys are read with an indexed startswith first
      // (ListRepository.findIn), so the day-by-day fallback is not needed.
      expect(expected.length).toBeGreaterThan(15); // one log entry per reminder: past the threshold of 15
      expect(logs.join('\n')).not.toMatch(/reminder log: the list is past the view threshold/);
      expect(again.totals.posts).toBe(0);
      expect(again.channels.every((c) => c.skipped === c.due)).toBe(true);
    } finally {
      await small.close();
    }
  });
});
