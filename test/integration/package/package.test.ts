/**
 * `npm run package` in-process: writes real zips into a temporary folder and reads
 * them back as Teams would receive them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackage, checkIcon, readZip, validateAgainstBundledSchema } from '../../../src/cli/package';
import { drawColourIcon, drawOutlineIcon } from '../../../src/cli/icons';
import { encodePng, readPngHeader } from '../../../src/cli/png';

/** expect.stringMatching / stringContaining, typed for use inside object literals. */
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'collab-package-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packaging with manifest/.env.example', () => {
  it('writes a zip with the four files at its root, whose manifest passes the schema', async () => {
    const out = join(dir, 'example.zip');
    const result = await buildPackage({ envFile: 'manifest/.env.example', out });
    expect(result).toMatchObject({ ok: true, entries: ['manifest.json', 'cy-gb.json', 'color.png', 'outline.png'] });

    const zip = readZip(readFileSync(out));
    if (!zip.ok) throw new Error(zip.error.detail);
    const files = new Map(zip.entries.map((e) => [e.name, Buffer.from(e.data)]));
    expect([...files.keys()].sort()).toEqual(['color.png', 'cy-gb.json', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      version: '1.0.0',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    await expect(validateAgainstBundledSchema(manifest)).resolves.toEqual([]);
    const welsh = JSON.parse(files.get('cy-gb.json')!.toString('utf8')) as Record<string, unknown>;
    await expect(validateAgainstBundledSchema(welsh)).resolves.toEqual([]);

    expect(readPngHeader(files.get('color.png')!)).toMatchObject({ ok: true, value: { width: 192, height: 192 } });
    expect(readPngHeader(files.get('outline.png')!)).toMatchObject({ ok: true, value: { width: 32, height: 32 } });
    expect(
      checkIcon('outline.png', files.get('outline.png')!, { width: 32, height: 32, whiteOnTransparent: true }),
    ).toEqual([]);
  });

  it('writes the same bytes from the same inputs', async () => {
    await buildPackage({ envFile: 'manifest/.env.example', out: join(dir, 'a.zip') });
    await buildPackage({ envFile: 'manifest/.env.example', out: join(dir, 'b.zip') });
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true);
  });
});

describe('packaging refuses, naming the problem, and writes nothing', () => {
  it('an env file missing APP_ID and with a malformed HOST_NAME', async () => {
    const envFile = join(dir, 'broken.env');
    writeFileSync(
      envFile,
      readFileSync('manifest/.env.example', 'utf8')
        .replace(/^APP_ID=.*$/m, '')
        .replace(/^HOST_NAME=.*$/m, 'HOST_NAME=https://register.glanyrafon.example'),
    );
    const out = join(dir, 'never.zip');
    const result = await buildPackage({ envFile, out });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'env', message: 'APP_ID is missing' },
      { code: 'env', message: 'HOST_NAME must be a host name without https://' },
    ]);
    expect(() => readFileSync(out)).toThrow();
  });

  it('a manifest broken on purpose: the schema says what is wrong', async () => {
    const result = await buildPackage({
      envFile: 'manifest/.env.example',
      out: join(dir, 'broken.zip'),
      transform: (m) => ({ ...m, name: { short: 'Collaboration and Partnership Register (Teams)' } }),
    });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        code: 'schema',
        message: matching(/^manifest\.json: \/name\/short must NOT have more than 30 characters/),
      },
    ]);
  });

  it('an outline icon that is not white on transparent, and a colour icon of the wrong size', async () => {
    const manifestDir = join(dir, 'manifest');
    cpSync('manifest', manifestDir, { recursive: true });
    writeFileSync(join(manifestDir, 'outline.png'), encodePng(drawColourIcon(32)));
    writeFileSync(join(manifestDir, 'color.png'), encodePng(drawOutlineIcon()));
    const result = await buildPackage({ envFile: 'manifest/.env.example', manifestDir, out: join(dir, 'icons.zip') });
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'icon', message: 'color.png must be 192x192 pixels; it is 32x32' },
      {
        code: 'icon',
        message: matching(/^outline\.png must be white \(#FFFFFF\) on a transparent background/),
      },
      { code: 'icon', message: 'outline.png must have a transparent background: no pixel is transparent' },
    ]);
  });

  it('a missing env file', async () => {
    const result = await buildPackage({ envFile: join(dir, 'no-such.env'), out: join(dir, 'x.zip') });
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'env', message: matching(/^cannot read .*no-such\.env: ENOENT$/) },
    ]);
  });
});

describe('choosing the env file', () => {
  it('falls back to the example, with a warning that says so', async () => {
    const manifestDir = join(dir, 'no-env');
    cpSync('manifest', manifestDir, { recursive: true });
    rmSync(join(manifestDir, '.env'), { force: true });
    const result = await buildPackage({ manifestDir, out: join(dir, 'fallback.zip') });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.stringMatching(/not found: packaging with the EXAMPLE values of manifest\/\.env\.example/),
    ]);
  });
});
