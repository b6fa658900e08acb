import { digestCard } from '../../../src/notify/cards';
import { workflowsMessage } from '../../../src/notify/cardSchema';
import { manyReminders, links, TODAY } from '../../unit/notify/fixtures';
import { startStack, type Stack } from './stack';

/** The dev channel inbox over HTTP, mounted beside the list API as `npm start` mounts it. */
describe('the dev channel inbox', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  const card = digestCard({
    channelName: 'Education – partnerships',
    language: 'both',
    today: TODAY,
    reminders: manyReminders(5).map((r) => ({ ...r, title: "Tŷ Gwyn's **bold** partnership ŵ ŷ" })),
    links,
  });

  it('keeps a card posted as {channelKey, card} and gives it back exactly', async () => {
    const posted = await fetch(`${stack.origin}/_dev/inbox/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channelKey: 'education', channelName: 'Education – partnerships', postId: 'p-1', card }),
    });
    expect(posted.status).toBe(201);
    const { id, messageUrl } = (await posted.json()) as { id: string; messageUrl: string };
    expect(messageUrl).toBe(`${stack.origin}/_dev/inbox?channel=education#message-${id}`);

    const got = (await (await fetch(`${stack.origin}/_dev/inbox/messages?channel=education`)).json()) as {
      id: string;
      channel: string;
      receivedAt: string;
      card: unknown;
      postId: string;
    }[];
    const mine = got.find((m) => m.id === id)!;
    expect(mine.card).toEqual(card);
    expect(JSON.stringify(mine.card)).toBe(JSON.stringify(card));
    expect(mine.channel).toBe('education');
    expect(mine.postId).toBe('p-1');
    expect(Number.isNaN(Date.parse(mine.receivedAt))).toBe(false);
    const byPost = (await (await fetch(`${stack.origin}/_dev/inbox/messages?postId=p-1`)).json()) as unknown[];
    expect(byPost).toHaveLength(1);
  });

  it('accepts the Workflows webhook payload with ?channel=', async () => {
    const r = await fetch(`${stack.origin}/_dev/inbox/messages?channel=gac`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(workflowsMessage(card)),
    });
    expect(r.status).toBe(201);
    const got = (await (await fetch(`${stack.origin}/_dev/inbox/messages?channel=gac`)).json()) as { card: unknown }[];
    expect(got.at(-1)!.card).toEqual(card);
  });

  it('refuses a body that is not a card (400) and a message over 28 KB (413), in the asker’s language', async () => {
    const bad = await fetch(`${stack.origin}/_dev/inbox/messages?lang=cy`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"channelKey":"x","card":{"type":"Nope"}}',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Rhaid i'r corff/);
    const big = digestCard({ channelName: 'x', language: 'both', today: TODAY, reminders: manyReminders(200), links });
    const tooBig = await fetch(`${stack.origin}/_dev/inbox/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channelKey: 'x', card: big }),
    });
    expect(tooBig.status).toBe(413);
  });

  it("lists the council's channels from Channel Mappings, with counts, and channels it only received cards for", async () => {
    const channels = (await (await fetch(`${stack.origin}/_dev/inbox/channels`)).json()) as {
      key: string;
      name: string;
      mapped: boolean;
      count: number;
    }[];
    expect(
      channels
        .filter((c) => c.mapped)
        .map((c) => c.key)
        .sort(),
    ).toEqual(['cgrp', 'corporate-services', 'economy-environment', 'education', 'gac', 'social-services']);
    expect(channels.find((c) => c.key === 'education')).toEqual({
      key: 'education',
      name: 'Education – partnerships',
      mapped: true,
      count: 1,
    });
  });

  it('serves the page in Welsh with ?lang=cy, every word from the catalogue, under a strict CSP', async () => {
    const r = await fetch(`${stack.origin}/_dev/inbox?lang=cy`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await r.text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('<title>Mewnflwch sianeli datblygu</title>');
    expect(html).toContain('/_dev/inbox/adaptivecards.js');
    expect(html).not.toMatch(/<script>(?!<)/);
    const renderer = await fetch(`${stack.origin}/_dev/inbox/adaptivecards.js`);
    expect(renderer.headers.get('content-type')).toMatch(/javascript/);
    expect((await renderer.text()).length).toBeGreaterThan(100_000);
  });

  it('keeps the cards in their own table of the same SQLite file, so another connection (a restart) sees them', async () => {
    const { createInbox } = await import('../../../src/local/inbox');
    const { createServer } = await import('node:http');
    const again = createInbox({ dataFile: stack.dataFile });
    const server = createServer((req, res) => void again.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const before = (await (await fetch(`${stack.origin}/_dev/inbox/messages`)).json()) as {
        id: string;
        card: unknown;
      }[];
      const after = (await (await fetch(`http://127.0.0.1:${port}/_dev/inbox/messages`)).json()) as {
        id: string;
        card: unknown;
      }[];
      expect(before.length).toBeGreaterThanOrEqual(2);
      expect(after.map((m) => [m.id, m.card])).toEqual(before.map((m) => [m.id, m.card]));
    } finally {
      server.close();
      again.close();
    }
  });
});
