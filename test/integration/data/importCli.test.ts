import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCsv } from '../../../src/transfer/csv';
import { startServer, unique, type ListServer } from './helpers';

/**
 * `npm run import` against a site where nothing listens (issue 19): it says at once, in the
 * person's language, that the site could not be reached and that nothing was written, and exits
 * 1; it does not report the rows as throttled after minutes of retries.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runImport(args: readonly string[]): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(TSX, [join(ROOT, 'src', 'cli', 'import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, ms: Date.now() - started }));
  });
}

describe('the import command against an unreachable site', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    file = join(dir, 'register.csv');
    // A council's register, as its spreadsheet exports it: a Welsh name, a partner by its short form.
    writeFileSync(
      file,
      'Title,Welsh title,Partners\r\nJoint Waste Partnership,Partneriaeth Wastraff ar y Cyd,Cardiff CBC\r\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says the site could not be reached and nothing was written, in English and in Welsh, and exits 1', async () => {
    const site = `http://127.0.0.1:${await closedPort()}/sites/council`;
    const en = await runImport(['--site', site, '--file', file]);
    expect(en.code).toBe(1);
    expect(en.out).toContain(`The site ${site} could not be reached`);
    expect(en.out).toContain('Nothing was written.');
    expect(en.out).not.toMatch(/throttl|429|"odata\.error"|at .*\.ts:\d+/i);

    const cy = await runImport(['--site', site, '--file', file, '--lang', 'cy']);
    expect(cy.code).toBe(1);
    expect(cy.out).toContain(`Nid oedd modd cyrraedd y safle ${site}`);
    expect(cy.out).toContain('Ni ysgrifennwyd dim.');
    // The figure, for the record (not asserted: the machine is shared).
    console.log(`unreachable site reported after ${en.ms} ms (en), ${cy.ms} ms (cy), tsx start-up included`);
  }, 120_000);
});

/** Windows-1252 bytes of text that is ASCII but for ’ – £ (0x92, 0x96, 0xA3), as older Excel saves "CSV" on Windows. */
function windows1252(text: string): Uint8Array {
  const high: Readonly<Record<string, number>> = { '\u2019': 0x92, '\u2013': 0x96, '£': 0xa3 };
  return new Uint8Array(
    [...text].map((ch) => {
      const b = high[ch] ?? ch.charCodeAt(0);
      if (b > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return b;
    }),
  );
}

/** The stored titles of the collaborations with this import key, read with a bare REST call. */
async function storedTitles(server: ListServer, importKey: string): Promise<string[]> {
  const filter = encodeURIComponent(`ImportKey eq '${importKey.replace(/'/g, "''")}'`);
  const r = await fetch(
    `${server.siteUrl}/_api/web/lists/getByTitle('Collaborations')/items?$select=Title&$filter=${filter}`,
    { headers: { Accept: 'application/json;odata=nometadata', Authorization: 'Bearer dev:governance' } },
  );
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return ((await r.json()) as { value: { Title: string }[] }).value.map((v) => v.Title);
}

const HEADINGS = 'Ref,Partnership name,Model,Status,Lead organisation,Directorate,Purpose,Council lead?';

describe('the import command with a council’s own files (issue 17)', () => {
  let server: ListServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ demo: true });
    dir = mkdtempSync(join(tmpdir(), 'import-cli-files-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a Windows-1252 CSV below its title row with ’ – £ intact, and notes a ? where ŷ was lost, in English and Welsh', async () => {
    const tag = unique('W').replace(/-/g, '').toUpperCase();
    const title = 'St David’s Day – £5 grant partnership';
    const file = join(dir, 'torfaen-1252.csv');
    writeFileSync(
      file,
      windows1252(
        [
          'Torfaen County Borough Council – Register of Partnerships 2025/26,,,,,,,',
          ',,,,,,,',
          HEADINGS,
          `${tag}-1,${title},Joint committee,Live,Torfaen CBC,Social Care,Shared £ for St David’s Day events,Yes`,
          `${tag}-2,Partneriaeth Ll?r,MoU,Live,Cyngor Gwynedd – Gwasanaethau Cymdeithasol,Social Care,Respite at T? Hafan,No`,
        ].join('\r\n') + '\r\n',
      ),
    );
    const en = await runImport(['--site', server.siteUrl, '--file', file]);
    expect(en.out).toContain('Headings found on row 3.');
    expect(en.out).toContain(
      'Row 5, Partnership name: “Partneriaeth Ll?r” has a ? where a letter may have been lost: the file’s encoding cannot hold ŵ or ŷ. Save the file as CSV UTF-8 and import it again. (note)',
    );
    expect(en.out).toContain('Row 5, Purpose: “Respite at T? Hafan” has a ?');
    expect(en.code).toBe(0);
    expect(await storedTitles(server, `id:${tag}-1`)).toEqual([title]);
    expect(await storedTitles(server, `id:${tag}-2`)).toEqual(['Partneriaeth Ll?r']);

    const cy = await runImport(['--site', server.siteUrl, '--file', file, '--lang', 'cy', '--dry-run']);
    expect(cy.code).toBe(0);
    expect(cy.out).toContain('Daethpwyd o hyd i’r penawdau ar res 3.');
    expect(cy.out).toContain(
      'Rhes 5, Partnership name: Mae ? yn “Partneriaeth Ll?r” lle gallai llythyren fod wedi’i cholli: ni all amgodiad y ffeil ddal ŵ nac ŷ. Cadwch y ffeil fel CSV UTF-8 a’i mewnforio eto. (nodyn)',
    );
  }, 120_000);

  it('reads the headings from --header-row, and refuses a row that is empty, past the end or not a number', async () => {
    const tag = unique('H').replace(/-/g, '').toUpperCase();
    const file = join(dir, 'with-title.csv');
    writeFileSync(
      file,
      [
        'Blaenau Gwent CBC – Collaborations register',
        'Owner: Governance team',
        HEADINGS,
        `${tag}-1,Gwent Music,Joint committee,Live,Torfaen CBC,Education,Music tuition across Gwent,No`,
      ].join('\n') + '\n',
    );
    const chosen = await runImport(['--site', server.siteUrl, '--file', file, '--header-row', '3', '--dry-run']);
    expect(chosen.code).toBe(0);
    expect(chosen.out).toContain('Headings found on row 3.');
    expect(chosen.out).toContain('1 to create, 0 to update');

    // The first record's row as the headings: its cells name no field, so nothing can be imported.
    const wrong = await runImport(['--site', server.siteUrl, '--file', file, '--header-row', '4', '--dry-run']);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('None of the file’s columns could be matched');

    const past = await runImport(['--site', server.siteUrl, '--file', file, '--header-row', '9']);
    expect(past.code).toBe(2);
    expect(past.out).toContain('Row 9 cannot be the row of headings: it is empty or after the file’s last row (4).');
    const pastCy = await runImport(['--site', server.siteUrl, '--file', file, '--header-row', '9', '--lang', 'cy']);
    expect(pastCy.out).toContain('Ni all rhes 9 fod yn rhes y penawdau');

    const notNumber = await runImport(['--site', server.siteUrl, '--file', file, '--header-row', 'three']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.out).toContain('Give a row number of 1 or more.');
    expect(notNumber.out).toContain('--header-row <n>');
    expect(await storedTitles(server, `id:${tag}-1`)).toEqual([]);
  }, 120_000);

  it('prints the first 200 of 260 problems and writes every one to <file>.problems.csv beside the file', async () => {
    const tag = unique('P').replace(/-/g, '').toUpperCase();
    const file = join(dir, 'many-problems.csv');
    const rows = Array.from(
      { length: 130 },
      (_v, i) =>
        `${tag}-${i + 1},Partnership ${i + 1},Joint committee,Live,Torfaen CBC,Education,Shared service,Perhaps,31/02/2026`,
    );
    writeFileSync(file, [`${HEADINGS},Next review`, ...rows].join('\r\n') + '\r\n');
    const listFile = `${file}.problems.csv`;
    const r = await runImport(['--site', server.siteUrl, '--file', file, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('260 problems and notes, by row and column:');
    expect(r.out.match(/^ {2}Row \d+, /gm)?.length).toBe(200);
    expect(r.out).toContain(
      `Only the first 200 of 260 problems and notes are printed here; every one is in ${listFile} (row, column, field, severity, message).`,
    );
    expect(existsSync(listFile)).toBe(true);
    const text = readFileSync(listFile, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const list = parseCsv(text.slice(1));
    expect(list[0]).toEqual(['Row', 'Column', 'Field', 'Severity', 'Message']);
    expect(list).toHaveLength(261);
    // The last record of the file, row 131 (the headings are row 1), with both of its problems.
    expect(list.filter((l) => l[0] === '131').map((l) => [l[1], l[3]])).toEqual([
      ['Council lead?', 'error'],
      ['Next review', 'error'],
    ]);
    expect(await storedTitles(server, `id:${tag}-1`)).toEqual([]);
  }, 120_000);
});
