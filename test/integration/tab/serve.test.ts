/**
 * The pages `npm start` serves: the tab with its Content-Security-Policy (framed by
 * Teams and Microsoft 365 hosts only), the list API beside it, and nothing outside
 * the built tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTabServer, type RunningTabServer } from '../../../src/cli/start';

jest.setTimeout(120_000);

let server: RunningTabServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tab-serve-'));
  server = await startTabServer({ port: 0, dataFile: join(dir, 'register.db') });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function directives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('the tab as npm start serves it', () => {
  it.each(['/', '/index.html'])(
    '%s is the tab, with a CSP that lets only Teams and Microsoft 365 frame it',
    async (path) => {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = directives(r.headers.get('content-security-policy'));
      const ancestors = csp.get('frame-ancestors') ?? [];
      expect(ancestors).toContain("'self'");
      expect(ancestors).toContain('https://teams.microsoft.com');
      expect(ancestors.some((a) => a === '*' || a === 'https:' || a === 'http:')).toBe(false);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(await r.text()).toContain('<div id="root">');
    },
  );

  it('serves the built scripts with their content type and the same policy', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const r = await fetch(`${server.url}/${script}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses paths outside the built tab', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain('"name": "collaboration-register"');
    }
  });

  it('answers the list API on the same port', async () => {
    const r = await fetch(`${server.siteUrl}/_api/web`, {
      headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:officer' },
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { Title: string }).Title).toBeTruthy();
  });
});
