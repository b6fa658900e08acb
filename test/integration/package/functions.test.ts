/**
 * `npm run build:functions`: the Functions app a council deploys. Built into a temporary folder,
 * then loaded by plain Node.js from there, away from this repository's node_modules, with a
 * stand-in for `@azure/functions-core` (the module the Functions host gives its worker): the app
 * must load with nothing else installed and register its timer with the host.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions, type FunctionsBuild } from '../../../src/cli/build-functions';
import { readZip } from '../../../src/cli/package';

jest.setTimeout(120_000);

/** What the host's core module is asked, in the order asked, written out when the process ends. */
const STAND_IN = `
const calls = [];
module.exports = {
  setProgrammingModel(model) { calls.push({ call: 'setProgrammingModel', name: model.name }); },
  registerFunction(metadata, handler) {
    calls.push({ call: 'registerFunction', metadata, handler: typeof handler });
    return { dispose() {} };
  },
  registerHook() { return { dispose() {} }; },
  log() {},
};
process.on('exit', () => process.stdout.write(JSON.stringify(calls)));
`;

let dir: string;
let built: FunctionsBuild;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collab-functions-'));
  built = await buildFunctions(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Functions app package', () => {
  it('holds host.json, a package.json whose main is the bundle, and the bundle; the zip holds the same', () => {
    expect(built.files).toEqual(['host.json', 'package.json', 'dist/reminders.js']);
    const manifest = JSON.parse(readFileSync(join(built.appDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ main: 'dist/reminders.js', dependencies: {} });
    expect(readFileSync(join(built.appDir, 'host.json'), 'utf8')).toBe(readFileSync('src/functions/host.json', 'utf8'));
    const zip = readZip(readFileSync(built.zipPath));
    if (!zip.ok) throw new Error(zip.error.detail);
    expect(zip.entries.map((e) => e.name)).toEqual(built.files);
    for (const e of zip.entries)
      expect(Buffer.from(e.data).equals(readFileSync(join(built.appDir, e.name)))).toBe(true);
  });

  it('leaves only the host module outside the bundle, and carries no SQLite, React or browser code', () => {
    const bundle = readFileSync(join(built.appDir, 'dist', 'reminders.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const outside = [...required].filter((m) => !m.startsWith('node:') && !builtinModules.includes(m));
    expect(outside).toEqual(['@azure/functions-core']);
    expect(bundle).not.toMatch(/better-sqlite3|react-dom|@fluentui/);
  });

  it('loads with Node.js alone and registers the reminders timer with the host', () => {
    const core = join(built.appDir, 'node_modules', '@azure', 'functions-core');
    mkdirSync(core, { recursive: true });
    writeFileSync(join(core, 'index.js'), STAND_IN);
    const out = execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(join(built.appDir, 'dist', 'reminders.js'))})`],
      {
        cwd: built.appDir,
        env: { PATH: process.env.PATH ?? '' },
        encoding: 'utf8',
      },
    );
    const calls = JSON.parse(out) as {
      call: string;
      name?: string;
      handler?: string;
      metadata?: { name: string; bindings: Record<string, Record<string, unknown>> };
    }[];
    expect(calls[0]).toEqual({ call: 'setProgrammingModel', name: '@azure/functions' });
    const registered = calls.filter((c) => c.call === 'registerFunction');
    expect(registered).toHaveLength(1);
    expect(registered[0]?.handler).toBe('function');
    expect(registered[0]?.metadata?.name).toBe('reminders');
    expect(Object.values(registered[0]?.metadata?.bindings ?? {})).toEqual([
      expect.objectContaining({ type: 'timerTrigger', direction: 'in', schedule: '0 0 7,8 * * 1-5' }),
    ]);
  });
});
