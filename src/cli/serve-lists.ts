/**
 * npm run serve:lists -- --port <n> --data <file> [--threshold n] [--fault-rate 0.2]
 *   [--demo-size 50000] [--empty] [--no-demo]
 *
 * Runs the embedded SharePoint-compatible list server on 127.0.0.1 only.
 */
import { startListServer, type ListServerOptions } from '../local/server';

function usage(message: string): never {
  console.error(`${message}
usage: npm run serve:lists -- --port <n> --data <file> [--threshold n] [--fault-rate 0..1] [--demo-size n] [--empty] [--no-demo]`);
  process.exit(2);
}

function parse(argv: readonly string[]): ListServerOptions {
  const options: ListServerOptions = { port: 4599, dataFile: '.data/register.db' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[i + 1];
      if (v === undefined) usage(`${flag} needs a value`);
      i += 1;
      return v;
    };
    const number = (min: number, max = Number.POSITIVE_INFINITY): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isFinite(n) || n < min || n > max)
        usage(`${flag} must be a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}, not '${raw}'`);
      return n;
    };
    switch (flag) {
      case '--port':
        options.port = number(0, 65535);
        break;
      case '--data':
        options.dataFile = value();
        break;
      case '--threshold':
        options.threshold = number(1);
        break;
      case '--fault-rate':
        options.faultRate = number(0, 1);
        break;
      case '--retry-after':
        options.retryAfterSeconds = number(0);
        break;
      case '--demo-size':
        options.demo = { size: number(1) };
        break;
      case '--no-demo':
        options.demo = false;
        break;
      case '--empty':
        options.empty = true;
        break;
      case '--user':
        usage(
          '--user is no longer an option: every request names its user with Authorization: Bearer dev:<user> (docs/local-server.md).',
        );
        break;
      case '--help':
      case '-h':
        usage('Embedded SharePoint-compatible list server.');
        break;
      default:
        usage(`Unknown option ${flag ?? ''}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const server = await startListServer(parse(process.argv.slice(2)));
  console.log(`listening on ${server.siteUrl}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
