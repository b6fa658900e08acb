/**
 * `npm run build:functions`: the reminder job as a deployable Azure Functions app.
 *
 *   npm run build:functions -- [--out dist/functions]
 *
 * Writes, under `--out`:
 * - `app/`: the Functions app as the host loads it — `host.json`, a `package.json` whose `main`
 *   names the bundled code, and `dist/reminders.js`, one file bundled by esbuild for Node.js 22
 *   with everything it needs (`@azure/functions`, `@pnp/sp`, `@azure/msal-node`, zod, the
 *   catalogues). Only `@azure/functions-core` stays outside: the Functions host provides that
 *   module to the worker, and a bundled copy would not be the host's.
 * - `reminders.zip`: the same files at the archive's root, for zip deploy
 *   (`az functionapp deployment source config-zip`, or Flex Consumption's one-deploy).
 * The bundle must hold no SQLite, no React and no browser code: the build stops with a message
 * naming what was pulled in.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { writeZip, type ZipEntry } from './package';

const ROOT = resolve(__dirname, '..', '..');
/** The runtime the docs name (Node.js 20 on Azure Functions reached end of support in April 2026). */
export const NODE_TARGET = 'node22';
/** Provided by the Functions host to the worker; never bundled. */
const HOST_MODULES = ['@azure/functions-core'];
/** Packages the job must never carry: the embedded server's database, the tab, the browser. */
const FORBIDDEN = ['better-sqlite3', 'react', 'react-dom', '@fluentui', 'playwright-core', '@microsoft/teams-js'];

export interface FunctionsBuild {
  readonly appDir: string;
  readonly zipPath: string;
  /** The app's files, as they are in the zip. */
  readonly files: readonly string[];
  readonly bundleBytes: number;
}

export async function buildFunctions(outDir: string): Promise<FunctionsBuild> {
  const appDir = join(outDir, 'app');
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(join(appDir, 'dist'), { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, 'src', 'functions', 'reminders.ts')],
    outfile: join(appDir, 'dist', 'reminders.js'),
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    external: HOST_MODULES,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const pulled = Object.keys(result.metafile.inputs).filter((input) =>
    FORBIDDEN.some((name) => input.includes(`node_modules/${name}/`)),
  );
  if (pulled.length > 0)
    throw new Error(`The reminders bundle pulled in code it must not carry: ${pulled.slice(0, 5).join(', ')}`);

  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = {
    name: 'collaboration-register-reminders',
    version: own.version,
    private: true,
    description: 'The Collaboration Register reminder job: an Azure Functions timer (Node.js v4 programming model).',
    main: 'dist/reminders.js',
    engines: { node: '>=22' },
    // Bundled: nothing to install on the host.
    dependencies: {},
  };
  writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(appDir, 'host.json'), readFileSync(join(ROOT, 'src', 'functions', 'host.json')));

  const names = ['host.json', 'package.json', 'dist/reminders.js'];
  const entries: ZipEntry[] = names.map((name) => ({ name, data: new Uint8Array(readFileSync(join(appDir, name))) }));
  const zipPath = join(outDir, 'reminders.zip');
  writeFileSync(zipPath, writeZip(entries));
  return {
    appDir,
    zipPath,
    files: names,
    bundleBytes: entries.find((e) => e.name === 'dist/reminders.js')?.data.length ?? 0,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false });
  const out = resolve(values.out ?? join(ROOT, 'dist', 'functions'));
  try {
    const built = await buildFunctions(out);
    console.log(`Functions app: ${relative(process.cwd(), built.appDir) || '.'}`);
    console.log(`  ${built.files.join(', ')} (bundle ${(built.bundleBytes / 1024).toFixed(0)} KiB, ${NODE_TARGET})`);
    console.log(`Zip deploy package: ${relative(process.cwd(), built.zipPath)}`);
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
