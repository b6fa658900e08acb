/**
 * `npm start` / `gulp serve`: the whole product on one port of 127.0.0.1, with
 * no Microsoft 365 tenancy: the embedded SharePoint list server with demo data
 * (and, as later issues land, the tab and the dev channel inbox).
 *
 *   npm start -- [--port 4321] [--data .data/register.db] [--threshold 5000]
 *                [--fault-rate 0] [--demo-size N] [--user governance]
 */
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createListApi } from '../local/server';
import { translate, resolveLocale } from '../i18n';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4321' },
    data: { type: 'string', default: '.data/register.db' },
    threshold: { type: 'string' },
    'fault-rate': { type: 'string' },
    'demo-size': { type: 'string' },
    user: { type: 'string' },
  },
  allowPositionals: false,
});

const HOST = '127.0.0.1';
const SITE_PATH = '/sites/council';

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
  const port = numberOption('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536) ?? 4321;
  const dataFile = resolve(values.data ?? '.data/register.db');
  mkdirSync(dirname(dataFile), { recursive: true });
  const demoSize = numberOption('demo-size', values['demo-size'], (n) => Number.isInteger(n) && n > 0);
  const threshold = numberOption('threshold', values.threshold, (n) => Number.isInteger(n) && n > 0);
  const faultRate = numberOption('fault-rate', values['fault-rate'], (n) => n >= 0 && n <= 1);

  const lists = await createListApi({
    dataFile,
    sitePath: SITE_PATH,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(faultRate !== undefined ? { faultRate } : {}),
    ...(demoSize !== undefined ? { demo: { size: demoSize } } : {}),
    ...(values.user !== undefined ? { defaultUser: values.user } : {}),
  });

  const server = createServer((req, res) => {
    lists
      .handle(req, res)
      .then((handled) => {
        if (handled) return;
        const locale = resolveLocale(req.headers['accept-language']?.split(',')[0]);
        const url = new URL(req.url ?? '/', `http://${HOST}`);
        if (url.pathname === '/' || url.pathname === '/index.html') {
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
          res.end(
            [
              translate(locale, 'start.title'),
              '',
              translate(locale, 'start.lists', { url: `http://${HOST}:${port}${SITE_PATH}/_api/web/lists` }),
              translate(locale, 'start.tabComing'),
            ].join('\n'),
          );
          return;
        }
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(translate(locale, 'start.notFound'));
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });

  server.listen(port, HOST, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(`Collaboration Register running on http://${HOST}:${actualPort}/`);
    console.log(`listening on http://${HOST}:${actualPort}${SITE_PATH}`);
    console.log(`Data file: ${dataFile}`);
    console.log('The tab and the dev channel inbox are served here as they land (issues 5 and 8). Ctrl+C stops.');
  });

  const stop = (): void => {
    server.close();
    lists.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
