import type { AdaptiveCard } from '../../../src/notify/cardSchema';
import {
  createPacer,
  devInboxTransport,
  graphTransport,
  isWebhookUrl,
  maskUrl,
  workflowsTransport,
  type ChannelTarget,
  type LogLevel,
} from '../../../src/notify/transports';

const SECRET =
  'https://prod-27.uksouth.logic.azure.com:443/workflows/0f1e2d3c4b5a/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=S3CR3T-SIGNATURE-abc123';
const card: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello', wrap: true }],
};
const workflowsChannel: ChannelTarget = {
  channelKey: 'cgrp',
  channelName: 'Corporate Governance Review Panel',
  transport: 'workflows',
  webhookUrl: SECRET,
  secretName: 'WEBHOOK_CGRP',
};

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a list of canned replies (the network is the boundary). */
function fakeFetch(replies: (Response | Error)[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
    const next = replies.shift();
    if (next === undefined) return Promise.reject(new Error('no more replies'));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetch: fn, calls };
}

function bodyOf(call: Call): string {
  return typeof call.init.body === 'string' ? call.init.body : '';
}

function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error(`${code} ${SECRET}`), { code }),
  });
}

function logger() {
  const lines: string[] = [];
  return { lines, log: (level: LogLevel, message: string) => lines.push(`${level} ${message}`) };
}

const noSleep = () => Promise.resolve();

describe('the Workflows webhook transport', () => {
  it('POSTs the card in the Workflows message envelope and takes 202 as success', async () => {
    const { fetch, calls } = fakeFetch([new Response(null, { status: 202 })]);
    const result = await workflowsTransport({ fetch }).post(workflowsChannel, card);
    expect(result).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(SECRET);
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(bodyOf(calls[0]!))).toEqual({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
    });
  });

  it('retries 429 (the service refused the post), waiting what Retry-After asks, in seconds or as a date', async () => {
    const waits: number[] = [];
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    const { fetch, calls } = fakeFetch([
      new Response('busy', { status: 429, headers: { 'Retry-After': '2' } }),
      new Response('busy', { status: 429, headers: { 'Retry-After': inTwoSeconds } }),
      new Response('busy', { status: 429 }),
      new Response('', { status: 200 }),
    ]);
    const result = await workflowsTransport({
      fetch,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
      retryBaseMs: 10,
    }).post(workflowsChannel, card);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(4);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThan(2200);
    expect(waits[1]).toBeGreaterThanOrEqual(500);
    expect(waits[1]).toBeLessThanOrEqual(2100);
    expect(waits[2]).toBeLessThanOrEqual(40);
  });

  it.each([503, 504])(
    'does not resend a post answered %i: the card may have arrived, so it is reported, never resent blindly',
    async (status) => {
      const { fetch, calls } = fakeFetch([
        new Response('', { status, headers: { 'Retry-After': '1' } }),
        new Response('', { status: 202 }),
      ]);
      const result = await workflowsTransport({ fetch, sleep: noSleep }).post(workflowsChannel, card);
      expect(calls).toHaveLength(1);
      expect(result).toMatchObject({ ok: false, retryable: true, maybeDelivered: true });
    },
  );

  it('retries 503 and 504 on a read (findPost), which is safe to repeat', async () => {
    const waits: number[] = [];
    const { fetch, calls } = fakeFetch([
      new Response('', { status: 503, headers: { 'Retry-After': '1' } }),
      new Response('', { status: 504 }),
      new Response(JSON.stringify([{ id: '9', channel: 'cgrp', postId: 'p1' }]), { status: 200 }),
    ]);
    const found = await devInboxTransport({
      fetch,
      baseUrl: 'http://127.0.0.1:1',
      retryBaseMs: 10,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    }).findPost!({ channelKey: 'cgrp', channelName: 'CGRP', transport: 'devInbox' }, 'p1');
    expect(found).toEqual({ state: 'found', messageId: '9' });
    expect(calls).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(40);
  });

  it('caps retries and waits, then reports the channel throttled (retryable)', async () => {
    const waits: number[] = [];
    const replies = Array.from(
      { length: 5 },
      () => new Response('', { status: 429, headers: { 'Retry-After': '3600' } }),
    );
    const { fetch, calls } = fakeFetch(replies);
    const result = await workflowsTransport({
      fetch,
      retries: 4,
      retryMaxMs: 5000,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    }).post(workflowsChannel, card);
    expect(calls).toHaveLength(5);
    expect(Math.max(...waits)).toBeLessThanOrEqual(5000);
    expect(result).toMatchObject({ ok: false, code: 'throttled', retryable: true });
  });

  it('reports a 500 as a server error that the next run retries, without retrying now', async () => {
    const { fetch, calls } = fakeFetch([new Response('flow failed', { status: 500 })]);
    const result = await workflowsTransport({ fetch, sleep: noSleep }).post(workflowsChannel, card);
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, code: 'serverError', retryable: true });
    expect(result.ok === false && result.maybeDelivered).toBeFalsy();
  });

  it('never puts the webhook address in a result or a log line, even when the server echoes it', async () => {
    const { log, lines } = logger();
    const { fetch } = fakeFetch([
      new Response('', { status: 429, headers: { 'Retry-After': '0' } }),
      new Response(`Bad request to ${SECRET}`, { status: 400 }),
    ]);
    const result = await workflowsTransport({ fetch, log, sleep: noSleep }).post(workflowsChannel, card);
    const everything = JSON.stringify(result) + lines.join('\n');
    expect(everything).not.toContain('S3CR3T');
    expect(everything).not.toContain('/workflows/0f1e');
    expect(everything).toContain('https://prod-27.uksouth.logic.azure.com/…');
    expect(result).toMatchObject({ ok: false, code: 'rejected', retryable: false });
  });

  it('hides the signature and the flow id when the receiver echoes them alone or URL-encoded', async () => {
    const { log, lines } = logger();
    const sig = 'S3CR3T-SIGNATURE-abc123';
    const { fetch } = fakeFetch([
      new Response(`Invalid signature '${sig}' for flow 0f1e2d3c4b5a; url=${encodeURIComponent(SECRET)}`, {
        status: 401,
      }),
    ]);
    const result = await workflowsTransport({ fetch, log, sleep: noSleep }).post(workflowsChannel, card);
    const everything = JSON.stringify(result) + lines.join('\n');
    expect(everything).not.toContain(sig);
    expect(everything).not.toContain(encodeURIComponent(sig));
    expect(everything).not.toContain('0f1e2d3c4b5a');
    expect(result).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('retries a refused connection (nothing was sent), and hides the address in its message', async () => {
    const { log, lines } = logger();
    const { fetch, calls } = fakeFetch([networkError('ECONNREFUSED'), new Response('', { status: 202 })]);
    const result = await workflowsTransport({ fetch, log, sleep: noSleep }).post(workflowsChannel, card);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('S3CR3T');
  });

  it('does not retry a connection broken after sending: the card may have arrived', async () => {
    const { fetch, calls } = fakeFetch([networkError('ECONNRESET')]);
    const result = await workflowsTransport({ fetch, sleep: noSleep }).post(workflowsChannel, card);
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, code: 'network', maybeDelivered: true });
    expect(JSON.stringify(result)).not.toContain('S3CR3T');
  });

  it('refuses an address that is not https (http only on the loopback)', async () => {
    const { fetch, calls } = fakeFetch([]);
    const result = await workflowsTransport({ fetch }).post(
      { ...workflowsChannel, webhookUrl: 'http://evil.example/hook' },
      card,
    );
    expect(calls).toHaveLength(0);
    expect(result).toMatchObject({ ok: false, code: 'misconfigured' });
    expect(isWebhookUrl('http://127.0.0.1:8080/hook')).toBe(true);
    expect(isWebhookUrl('ftp://x.example/')).toBe(false);
    expect(isWebhookUrl('not a url')).toBe(false);
  });

  it('masks an address to its host', () => {
    expect(maskUrl(SECRET)).toBe('https://prod-27.uksouth.logic.azure.com/…');
    expect(maskUrl('nonsense')).toBe('(not a URL)');
  });
});

describe('the Microsoft Graph transport', () => {
  const channel: ChannelTarget = {
    channelKey: 'gac',
    channelName: 'GAC',
    transport: 'graph',
    teamId: 'team-1',
    channelId: '19:abc@thread.tacv2',
  };

  it('posts the card as an attachment the message body references, with the delegated token', async () => {
    const { fetch, calls } = fakeFetch([
      new Response(JSON.stringify({ id: '1700000000000', webUrl: 'https://teams.microsoft.com/l/message/x' }), {
        status: 201,
      }),
    ]);
    const result = await graphTransport({
      fetch,
      getToken: () => Promise.resolve('delegated-token'),
      sleep: noSleep,
    }).post(channel, card, { postId: 'a'.repeat(32) });
    expect(result).toEqual({
      ok: true,
      messageId: '1700000000000',
      messageUrl: 'https://teams.microsoft.com/l/message/x',
    });
    expect(calls[0]!.url).toBe(
      'https://graph.microsoft.com/v1.0/teams/team-1/channels/19%3Aabc%40thread.tacv2/messages',
    );
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer delegated-token');
    const body = JSON.parse(bodyOf(calls[0]!)) as {
      body: { content: string };
      attachments: { id: string; contentType: string; content: string }[];
    };
    expect(body.body.content).toBe(`<attachment id="${'a'.repeat(32)}"></attachment>`);
    expect(body.attachments[0]!.id).toBe('a'.repeat(32));
    expect(body.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(body.attachments[0]!.content)).toEqual(card);
  });

  it('keeps to about 4 requests a second per channel', async () => {
    const waits: number[] = [];
    const pace = createPacer(250, (ms) => (waits.push(ms), Promise.resolve()));
    await Promise.all([pace('a'), pace('a'), pace('a'), pace('b')]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(200);
    expect(waits[1]).toBeGreaterThan(450);
  });

  it('finds an earlier post by the id of its attachment', async () => {
    const { fetch } = fakeFetch([
      new Response(
        JSON.stringify({
          value: [
            {
              id: '2',
              createdDateTime: '2026-12-08T08:00:05Z',
              attachments: [{ id: 'b'.repeat(32) }],
              webUrl: 'https://teams/2',
            },
            { id: '1', createdDateTime: '2026-12-07T08:00:05Z', attachments: [] },
          ],
        }),
        { status: 200 },
      ),
      new Response(JSON.stringify({ value: [{ id: '1', createdDateTime: '2026-12-01T08:00:05Z' }] }), { status: 200 }),
    ]);
    const graph = graphTransport({ fetch, getToken: () => Promise.resolve('t'), sleep: noSleep });
    expect(await graph.findPost!(channel, 'b'.repeat(32))).toEqual({
      state: 'found',
      messageId: '2',
      messageUrl: 'https://teams/2',
    });
    expect(await graph.findPost!(channel, 'c'.repeat(32), { since: '2026-12-08T07:55:00Z' })).toEqual({
      state: 'notFound',
    });
  });

  it('reports a channel without team and channel ids as misconfigured', async () => {
    const result = await graphTransport({ getToken: () => Promise.resolve('t') }).post(
      { ...channel, teamId: undefined },
      card,
    );
    expect(result).toMatchObject({ ok: false, code: 'misconfigured' });
  });
});

describe('the dev inbox transport', () => {
  it('POSTs {channelKey, card} to /_dev/inbox/messages and returns the message id', async () => {
    const { fetch, calls } = fakeFetch([
      new Response(JSON.stringify({ id: '7', messageUrl: 'http://127.0.0.1:1/_dev/inbox#message-7' }), { status: 201 }),
    ]);
    const result = await devInboxTransport({ fetch, baseUrl: 'http://127.0.0.1:1/' }).post(
      { channelKey: 'cgrp', channelName: 'CGRP', transport: 'devInbox' },
      card,
      { postId: 'p1' },
    );
    expect(result).toEqual({ ok: true, messageId: '7', messageUrl: 'http://127.0.0.1:1/_dev/inbox#message-7' });
    expect(calls[0]!.url).toBe('http://127.0.0.1:1/_dev/inbox/messages');
    expect(JSON.parse(bodyOf(calls[0]!))).toEqual({
      channelKey: 'cgrp',
      channelName: 'CGRP',
      postId: 'p1',
      card,
    });
  });
});
