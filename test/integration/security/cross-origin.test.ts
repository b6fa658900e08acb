/**
 * Issue 19: a page served from ANOTHER origin (a second tiny HTTP server on
 * another 127.0.0.1 port), in real headless Chromium, sends the requests a
 * browser sends without a preflight (text/plain, form-urlencoded, no-cors
 * fetch, a form post) and a $batch, at the running `npm start` server. None of
 * them changes anything. A rebound host name cannot read a governance-only list.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { registerState, startStack } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

const ATTACK_PAGE = `<!doctype html><html><head><title>attack</title></head><body>
<iframe name="sink" id="sink"></iframe>
<form id="form" method="POST" enctype="text/plain" target="sink"><input name='{"rate":1,"x":"' value='"}'></form>
</body></html>`;

run('a page of another origin, in headless Chromium', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let attacker: Server;
  let attackerUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(ATTACK_PAGE);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        // DNS rebinding, as the attack did it: evil.example resolves to the local server.
        '--host-resolver-rules=MAP evil.example 127.0.0.1',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
    await stack.close();
  });

  it('sends simple POSTs, no-cors fetches, a form post and a $batch, and the register is unchanged', async () => {
    const port = stack.server.port;
    const before = await registerState(port);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(attackerUrl);
    const target = `http://127.0.0.1:${port}`;
    const results = await page.evaluate(async (t) => {
      const list = (title: string) =>
        `${t}/sites/council/_api/web/lists/getbytitle('${encodeURIComponent(title)}')/items`;
      const settings = JSON.stringify({ Title: 'Evil', ChannelKey: 'evil', Transport: 'Dev inbox' });
      const card = JSON.stringify({
        channelKey: 'panel',
        card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Forged' }] },
      });
      const batch = [
        '--b',
        'Content-Type: multipart/mixed; boundary=c',
        '',
        '--c',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `POST ${list('Reminder Channel Settings')} HTTP/1.1`,
        'Content-Type: application/json',
        '',
        settings,
        '--c--',
        '--b--',
        '',
      ].join('\r\n');
      const simple = (url: string, body: BodyInit, type?: string): Promise<Response> =>
        fetch(url, { method: 'POST', mode: 'no-cors', ...(type ? { headers: { 'Content-Type': type } } : {}), body });
      const attempts: Record<string, () => Promise<Response>> = {
        'items as text/plain': () => simple(list('Reminder Channel Settings'), settings, 'text/plain'),
        'items as a form': () =>
          simple(
            list('Partner Organisations'),
            new URLSearchParams({ Title: 'Evil', PartnerKey: 'evil', Sector: 'Other' }),
          ),
        'items as multipart/form-data': () => {
          const f = new FormData();
          f.append('Title', 'Evil');
          return simple(list('Partner Organisations'), f);
        },
        'a delete by recycle': () =>
          simple(`${t}/sites/council/_api/web/lists/getbytitle('Collaborations')/items(1)/recycle`, '', 'text/plain'),
        'faults as text/plain': () => simple(`${t}/_dev/faults`, '{"rate":1}', 'text/plain'),
        'faults, no type': () => simple(`${t}/_dev/faults`, new Blob(['{"rate":1}'])),
        'a forged card': () => simple(`${t}/_dev/inbox/messages`, card, 'text/plain'),
        '$batch, no-cors': () =>
          simple(`${t}/sites/council/_api/$batch`, batch, 'text/plain; boundary=b; x=multipart/mixed'),
        // Not simple: the browser asks first (a preflight), and the server grants nothing.
        '$batch with its own type': () =>
          fetch(`${t}/sites/council/_api/$batch`, {
            method: 'POST',
            headers: { 'Content-Type': 'multipart/mixed; boundary=b', Authorization: 'Bearer dev:governance' },
            body: batch,
          }),
        'a read of the governance-only list': () =>
          fetch(list('Reminder Channel Settings'), { headers: { Accept: 'application/json' } }),
      };
      const out: Record<string, string> = {};
      for (const [name, send] of Object.entries(attempts)) {
        try {
          const r = await send();
          out[name] =
            r.type === 'opaque' ? 'delivered (opaque)' : `read ${r.status}: ${(await r.text()).slice(0, 200)}`;
        } catch (e) {
          out[name] = `blocked: ${e instanceof Error ? e.name : String(e)}`;
        }
      }
      return out;
    }, target);

    // The simple requests reached the server (opaque answers); the others were stopped by the browser.
    for (const name of [
      'items as text/plain',
      'items as a form',
      'items as multipart/form-data',
      'a delete by recycle',
      'faults as text/plain',
      'faults, no type',
      'a forged card',
      '$batch, no-cors',
    ])
      expect([name, results[name]]).toEqual([name, 'delivered (opaque)']);
    expect(results['$batch with its own type']).toMatch(/^blocked/);
    expect(results['a read of the governance-only list']).toMatch(/^blocked/);

    // A classic form post (enctype text/plain makes a JSON-looking body) at the fault switch.
    const [formResponse] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${target}/_dev/faults`),
      page.evaluate((t) => {
        const form = document.getElementById('form') as HTMLFormElement;
        form.action = `${t}/_dev/faults`;
        form.submit();
      }, target),
    ]);
    expect(formResponse.status()).toBe(403);

    expect(await registerState(port)).toBe(before);
    await context.close();
  }, 60_000);

  it('answers a rebound host name (evil.example → 127.0.0.1) 400 and shows nothing of the governance-only list', async () => {
    const port = stack.server.port;
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(
      `http://evil.example:${port}/sites/council/_api/web/lists/getbytitle('Reminder%20Channel%20Settings')/items`,
    );
    expect(response?.status()).toBe(400);
    const text = await page.content();
    expect(text).not.toMatch(/ChannelKey|SecretName/);
    const home = await page.goto(`http://evil.example:${port}/`);
    expect(home?.status()).toBe(400);
    await context.close();
  }, 60_000);
});
