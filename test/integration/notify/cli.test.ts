import { main } from '../../../src/cli/reminders';
import { setChannel, startStack, startWebhookReceiver, TODAY, type Receiver, type Stack } from './stack';

/** `npm run reminders` against the embedded server: output, exit codes, and no secret in sight. */
jest.setTimeout(60_000);

describe('npm run reminders', () => {
  let stack: Stack;
  let receiver: Receiver;
  let out: string[];
  let err: string[];

  beforeEach(async () => {
    stack = await startStack();
    receiver = await startWebhookReceiver();
    out = [];
    err = [];
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await stack.close();
    await receiver.close();
  });

  it('posts to the dev inbox as the governance officer and says what it did, channel by channel', async () => {
    const code = await main(['--site', stack.siteUrl, '--today', TODAY], {});
    expect(code).toBe(0);
    expect(out[0]).toBe(`Reminders for 8 December 2026 from ${stack.siteUrl}`);
    expect(out.join('\n')).toMatch(/Corporate Governance Review Panel \(cgrp\): posted \(items: \d+; posts: 1\)/);
    expect(out.at(-1)).toMatch(/^Total: items \d+; posts \d+; channels \d+$/);
    expect((await stack.inboxMessages()).length).toBeGreaterThan(0);

    out.length = 0;
    expect(await main(['--site', stack.siteUrl, '--today', TODAY, '--lang', 'cy'], {})).toBe(0);
    expect(out.join('\n')).toMatch(/dim byd newydd i'w anfon/);
  });

  it('exits 1 and names the channel that failed; the webhook address never appears', async () => {
    const env = { WEBHOOK_CGRP: receiver.url('cgrp') };
    await setChannel(stack, 'cgrp', { transport: 'workflows', secretName: 'WEBHOOK_CGRP' });
    receiver.answer('cgrp', 500);
    const code = await main(['--site', stack.siteUrl, '--today', TODAY], env);
    expect(code).toBe(1);
    const all = [...out, ...err].join('\n');
    expect(all).toMatch(/Channels that failed: cgrp/);
    expect(all).not.toContain('SECRET-cgrp');
    expect(all).not.toContain('/workflows/cgrp');
  });

  it('a dry run claims and posts nothing', async () => {
    expect(await main(['--site', stack.siteUrl, '--today', TODAY, '--dry-run'], {})).toBe(0);
    expect(out.join('\n')).toMatch(/would post/);
    expect(await stack.inboxMessages()).toHaveLength(0);
  });

  it('refuses bad arguments with exit code 2', async () => {
    expect(await main(['--today', TODAY], {})).toBe(2);
    expect(await main(['--site', stack.siteUrl, '--today', '8/12/2026'], {})).toBe(2);
    expect(await main(['--site', 'https://contoso.sharepoint.com/sites/council', '--today', TODAY], {})).toBe(2);
    expect(err.join('\n')).toMatch(/TENANT_ID and CLIENT_ID/);
  });
});
