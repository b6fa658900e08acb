import type { InvocationContext, Timer } from '@azure/functions';
import type { remindersTimer as RemindersTimer } from '../../../src/functions/reminders';
import { setChannel, startStack, startWebhookReceiver, type Stack } from './stack';

/** The Azure Functions timer runs the same job; a failed channel fails the invocation. */
jest.setTimeout(60_000);

function fakeContext() {
  const lines: string[] = [];
  const context = {
    log: (...a: unknown[]) => void lines.push(`info ${a.join(' ')}`),
    warn: (...a: unknown[]) => void lines.push(`warn ${a.join(' ')}`),
    error: (...a: unknown[]) => void lines.push(`error ${a.join(' ')}`),
  } as unknown as InvocationContext;
  return { context, lines };
}
/** 08:00 in Wales on Tuesday 8 December 2026, the demo data's day. */
const AT_8_DEC = new Date('2026-12-08T08:00:00Z');
const timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: undefined } as unknown as Timer;

// Outside the Functions host, @azure/functions warns that it runs in test mode: expected here.
let remindersTimer: typeof RemindersTimer;
beforeAll(() => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ({ remindersTimer } = require('../../../src/functions/reminders') as { remindersTimer: typeof RemindersTimer });
  warn.mockRestore();
});

describe('the reminders timer function', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  it('runs the job against SITE_URL and logs the report', async () => {
    const { context, lines } = fakeContext();
    await remindersTimer(timer, context, { SITE_URL: stack.siteUrl }, AT_8_DEC);
    expect(lines.some((l) => /posted \(items: \d+; posts: \d+\)/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith(`info Reminders for `) && l.endsWith(`from ${stack.siteUrl}`))).toBe(true);
  });

  it('fails the invocation when a channel fails, naming it, without the webhook address', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
      await setChannel(stack, 'gac', { transport: 'workflows', secretName: 'WEBHOOK_GAC' });
      await setChannel(stack, 'education', { transport: 'workflows', secretName: 'WEBHOOK_EDUCATION' });
      const { context, lines } = fakeContext();
      // WEBHOOK_CGRP and WEBHOOK_EDUCATION are not set: those channels are misconfigured; gac posts.
      await expect(
        remindersTimer(timer, context, { SITE_URL: stack.siteUrl, WEBHOOK_GAC: receiver.url('gac') }, AT_8_DEC),
      ).rejects.toThrow(/^Reminders: channels failed: cgrp, education$/);
      expect(lines.join('\n')).toMatch(/the setting WEBHOOK_CGRP, which should hold its webhook address, is not set/);
      expect(lines.join('\n')).not.toContain('SECRET');
    } finally {
      await receiver.close();
    }
  });

  it('posts nothing from the firing before 08:00 in Wales (07:00 GMT)', async () => {
    const { context, lines } = fakeContext();
    await remindersTimer(timer, context, { SITE_URL: stack.siteUrl }, new Date('2026-12-08T07:00:00Z'));
    expect(lines).toEqual([
      'info Reminders go out at 08:00 in Wales, and it is 07:00 there: this firing posts nothing.',
    ]);
  });

  it('does not use a GRAPH_TOKEN (a delegated token would expire within the hour), and says so', async () => {
    const { context, lines } = fakeContext();
    await remindersTimer(timer, context, { SITE_URL: stack.siteUrl, GRAPH_TOKEN: 'eyJ0eXAi.token-value' }, AT_8_DEC);
    expect(lines.some((l) => l.startsWith('warn GRAPH_TOKEN is not used by the Function'))).toBe(true);
    expect(lines.join('\n')).not.toContain('token-value');
  });

  it('asks for SITE_URL when it is not set', async () => {
    const { context } = fakeContext();
    await expect(remindersTimer(timer, context, {})).rejects.toThrow(/SITE_URL/);
  });
});
