/**
 * `npm start` / `gulp serve`: the whole product on one port of 127.0.0.1, with
 * no Microsoft 365 tenancy: the tab (built with Vite when dist/tab is missing
 * or older than its sources), the embedded SharePoint list server with demo
 * data, and the dev channel inbox.
 *
 *   npm start -- [--port 4321] [--data .data/register.db] [--threshold 5000]
 *                [--fault-rate 0] [--demo-size N] [--user governance] [--rebuild]
 *
 * `startTabServer` is the same server for the end-to-end tests and the bench.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { build as ViteBuild } from 'vite';
import { createInbox } from '../local/inbox';
import { createListApi, type ListApiHandler } from '../local/server';
import { BoundaryError, checkHostAndOrigin } from '../local/boundary';
import { findDemoUser } from '../local/users';
import { resolveLocale, translate } from '../i18n';
import { contentSecurityPolicy } from '../teams/csp';

const HOST = '127.0.0.1';
const SITE_PATH = '/sites/council';
const ROOT = resolve(__dirname, '..', '..');
export const TAB_DIR = join(ROOT, 'dist', 'tab');
/** What the tab's bundle is built from: a change here makes dist/tab stale. */
const TAB_SOURCES = ['src/ui', 'src/i18n', 'src/domain', 'src/data', 'src/teams', 'vite.config.ts'].map((p) =>
  join(ROOT, p),
);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A request handler that answers (true) or passes (false). */
export type Mount = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface TabServerOptions {
  /** 0 = a free port. */
  readonly port?: number;
  /** SQLite file of the lists (created with demo data when new); ':memory:' for throwaway runs. */
  readonly dataFile: string;
  readonly threshold?: number;
  readonly faultRate?: number;
  readonly demoSize?: number;
  /**
   * The demo user the tab opens as (the address printed is `/?user=<key>`). It never
   * decides who owns anything, nor whom a request without a token runs as (none: 401).
   */
  readonly user?: string;
  /** The day demo data is generated for (ISO date). */
  readonly today?: string;
  /** `auto` (default): build when missing or stale; `always`; `never`. */
  readonly build?: 'auto' | 'always' | 'never';
  /** Extra handlers tried before the tab's files (the dev inbox, tests). */
  readonly mounts?: readonly Mount[];
}

export interface RunningTabServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** The tab's address: url + `/`, with `?user=<key>` when a demo user was chosen. */
  readonly tabUrl: string;
  /** url + /sites/council */
  readonly siteUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/tab is missing or older than any of its sources. */
export function tabIsStale(dir: string = TAB_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return TAB_SOURCES.some((source) => newestMtime(source) > built);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Builds the tab with Vite's programmatic `build()` when needed. A lock file
 * keeps two servers starting at once (parallel test files) from building over
 * each other: the second waits for the first and uses its result.
 */
export async function ensureTabBuilt(
  mode: 'auto' | 'always' | 'never' = 'auto',
  log: (line: string) => void = console.log,
): Promise<void> {
  if (mode === 'never') return;
  const lock = join(ROOT, 'dist', '.tab-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    if (mode === 'auto' && !tabIsStale()) return;
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another process is building; a lock older than five minutes is a crashed build's.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { force: true });
      if (waited > 300_000) throw new Error(`Timed out waiting for another build of the tab (${lock})`);
      await sleep(200);
      continue;
    }
    try {
      if (mode === 'auto' && !tabIsStale()) return;
      log('Building the tab (vite build)…');
      const started = Date.now();
      await viteBuild();
      log(`Built the tab into ${TAB_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

/**
 * Vite's programmatic `build()`. Vite is ESM only: where the module loader cannot load it (jest's
 * CommonJS runtime, which the end-to-end tests run in), the same build runs as Vite's own CLI.
 */
async function viteBuild(): Promise<void> {
  // vite.config.ts is TypeScript in a CommonJS package: Vite's bundling config loader reads it fine.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  let build: typeof ViteBuild;
  try {
    ({ build } = await import('vite'));
  } catch {
    await new Promise<void>((done, fail) => {
      const bin = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      const child = spawn(
        process.execPath,
        [bin, 'build', '--config', join(ROOT, 'vite.config.ts'), '--logLevel', 'warn'],
        {
          cwd: ROOT,
          // A production build whoever runs it (jest sets NODE_ENV=test, which would build React's development code).
          env: { ...process.env, NODE_ENV: 'production' },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build exited with ${code}`))));
    });
    return;
  }
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

function securityHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // The page itself carries the CSP: scripts from here only, framed only by Teams and Microsoft 365.
  if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy({ dev: true });
  return headers;
}

/**
 * Serves the built tab: `index.html` at `/`, files under dist/tab with their
 * content types, nothing outside it (a path that decodes to `..`, a NUL or a
 * backslash is refused before it reaches the file system).
 */
export function serveTab(dir: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((s) => s === '..')) return false;
  if (path === '/' || path === '') path = '/index.html';
  // The tab and nothing of the build's internals: no dotfile or dot-folder (.vite/manifest.json), no source map.
  if (path.split('/').some((s) => s.startsWith('.')) || /\.map$/i.test(path)) return false;
  const root = resolve(dir);
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep)) return false;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = securityHeaders(type);
  // Hashed assets never change; the page is checked each time so a rebuild is picked up.
  headers['Cache-Control'] = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  headers['Content-Length'] = String(stat.size);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  return true;
}

/** The list API, the dev channel inbox and the tab on one port of 127.0.0.1. */
export async function startTabServer(options: TabServerOptions): Promise<RunningTabServer> {
  if (options.user !== undefined && !findDemoUser(options.user)) throw new Error(`Unknown demo user '${options.user}'`);
  await ensureTabBuilt(options.build ?? 'auto');
  const lists: ListApiHandler = await createListApi({
    dataFile: options.dataFile,
    sitePath: SITE_PATH,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    ...(options.faultRate !== undefined ? { faultRate: options.faultRate } : {}),
    ...(options.demoSize !== undefined ? { demo: { size: options.demoSize } } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
  });

  // The dev channel inbox (`/_dev/inbox`): every card the reminder job or "post to
  // panel channel" sends locally, kept in the same database file.
  const inbox = createInbox({ dataFile: options.dataFile, sitePath: SITE_PATH });
  const mounts: Mount[] = [(req, res) => inbox.handle(req, res), ...(options.mounts ?? [])];

  const server = createServer((req, res) => {
    void (async () => {
      // Every request, the tab's files and the inbox included, must name this server as its host
      // and, when it carries an Origin, come from this server's own pages.
      try {
        checkHostAndOrigin(req);
      } catch (error) {
        if (!(error instanceof BoundaryError)) throw error;
        res.writeHead(error.status, { ...securityHeaders('application/json; charset=utf-8'), Connection: 'close' });
        res.end(
          JSON.stringify({ 'odata.error': { code: error.code, message: { lang: 'en-US', value: error.message } } }),
        );
        return;
      }
      // `/sites/council/_api/...` and `/_dev/faults`, `/_dev/users`: the list server.
      if (await lists.handle(req, res)) return;
      for (const mount of mounts) if (await mount(req, res)) return;
      if (serveTab(TAB_DIR, req, res)) return;
      const locale = resolveLocale(req.headers['accept-language']?.split(',')[0]);
      res.writeHead(404, securityHeaders('text/plain; charset=utf-8'));
      res.end(translate(locale, 'start.notFound'));
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}`;
  let closed = false;
  return {
    url,
    tabUrl: `${url}/${options.user !== undefined ? `?user=${encodeURIComponent(findDemoUser(options.user)?.key ?? options.user)}` : ''}`,
    siteUrl: `${url}${SITE_PATH}`,
    port,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      lists.close();
      inbox.close();
    },
  };
}

// ------------------------------------------------------------------- command line

function numberOption(name: string, raw: string | undefined, check: (n: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) {
    console.error(`--${name} must be a number (${raw} is not valid here)`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      data: { type: 'string', default: '.data/register.db' },
      threshold: { type: 'string' },
      'fault-rate': { type: 'string' },
      'demo-size': { type: 'string' },
      user: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const port = numberOption('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536) ?? 4321;
  // ':memory:' is SQLite's own name for a throwaway database, not a file to make in this folder.
  const data = values.data ?? '.data/register.db';
  const dataFile = data === ':memory:' ? data : resolve(data);
  if (dataFile !== ':memory:') mkdirSync(dirname(dataFile), { recursive: true });
  const demoSize = numberOption('demo-size', values['demo-size'], (n) => Number.isInteger(n) && n > 0);
  const threshold = numberOption('threshold', values.threshold, (n) => Number.isInteger(n) && n > 0);
  const faultRate = numberOption('fault-rate', values['fault-rate'], (n) => n >= 0 && n <= 1);

  const running = await startTabServer({
    port,
    dataFile,
    build: values.rebuild ? 'always' : 'auto',
    ...(threshold !== undefined ? { threshold } : {}),
    ...(faultRate !== undefined ? { faultRate } : {}),
    ...(demoSize !== undefined ? { demoSize } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
  });

  console.log('');
  console.log(`Collaboration Register: open ${running.tabUrl} in a browser`);
  console.log(`listening on ${running.siteUrl}`);
  console.log(
    `Dev channel inbox: ${running.url}/_dev/inbox (cards posted by npm run reminders -- --site ${running.siteUrl})`,
  );
  console.log(dataFile === ':memory:' ? 'Data: in memory, gone when it stops' : `Data file: ${dataFile}`);
  console.log(
    'Dev mode: the tab sends the chosen demo user\'s token (Bearer dev:<user>); switch user in its header ("Acting as"). Ctrl+C stops.',
  );

  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run only as a program (`tsx src/cli/start.ts`), not when the tests or the bench import it.
if (/[\\/]cli[\\/]start\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
