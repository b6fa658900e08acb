/**
 * Issue 17 (partners): a file naming partners as councils write them (short
 * forms, "&", bilingual names, names with "and" in them, near misses) makes
 * the partner list grow by exactly the organisations that are truly new, and
 * a rerun creates nothing. Through PnPjs against the embedded list server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createImportTarget } from '../../../src/data/import/target';
import { CollaborationRepository } from '../../../src/data/repositories/collaborations';
import { PartnerRepository } from '../../../src/data/repositories/partners';
import { fold, importVocabulary, suggestMapping } from '../../../src/domain/import';
import type { Partner } from '../../../src/domain/entities';
import type { Stored } from '../../../src/domain/ports';
import { CATALOGUES } from '../../../src/i18n';
import { acceptSuggestions, previewImport, runImport, type ImportInput } from '../../../src/app/importRegister';
import { writeCsv } from '../../../src/transfer/csv';
import { readTable } from '../../../src/transfer/table';
import { countItems, spAs, startServer, type ListServer } from './helpers';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);

/** Row by row: the partners cell, as real registers write them. */
const PARTNER_CELLS = [
  'Torfaen CBC; Aneurin Bevan UHB',
  'Heddlu Gwent / Gwent Police',
  'Cardiff and Vale College; Cardiff and Vale UHB',
  'Wales & West Housing, Care & Repair Cymru',
  'Care and Repair Cymru and Torfaen CBC',
  'Cyngor Sir Ynys Môn / Isle of Anglesey County Council',
  'Blaenau Gwent CBC\nSouth Wales FRS',
  'South Wales Fire & Rescue Service; Department for Work and Pensions',
  'HM Prison and Probation Service',
  'Wales and West Housing; Cardiff & Vale College',
  'Torfaen Council',
  'Aneurin Bevan University Health Board & Gwent Police',
  'CBS Torfaen; BIP Aneurin Bevan',
  'RCT CBC, Newport City Council',
  'Cardiff Univ.; Coleg Gwent',
  'DWP; HMPPS',
  'Gwent PCC',
  'Tŷ Hafan; Gŵyl Glan-yr-Afon',
  'Ty Hafan',
  'Heddlu De Cymru / South Wales Police; Cyngor Dinas Casnewydd',
];

/** The organisations in those cells that no partner of the demo register (nor Anglesey, added below) is. */
const TRULY_NEW = [
  'Cardiff and Vale College',
  'Wales & West Housing',
  'Care & Repair Cymru',
  'HM Prison and Probation Service',
  'Tŷ Hafan',
  'Gŵyl Glan-yr-Afon',
];

function registerFile(): string {
  const header = ['Ref', 'Name', 'Model', 'Lead organisation', 'Directorate', 'Purpose', 'Partners'];
  const rows = PARTNER_CELLS.map((partners, i) => [
    `PT-${i + 1}`,
    `Partnership ${i + 1}`,
    'Joint committee',
    'Torfaen County Borough Council',
    'Corporate Services',
    'Working together',
    partners,
  ]);
  return writeCsv([header, ...rows]);
}

async function inputOf(csv: string): Promise<ImportInput> {
  const table = await readTable(new TextEncoder().encode(csv));
  if (!table.ok) throw new Error(table.error.code);
  return { rows: table.value.rows, mapping: suggestMapping(table.value.headers, vocabulary), vocabulary };
}

describe('an import names partners in every usual form', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('adds exactly the truly new partners, links each row to the right ones, and a rerun creates nothing', async () => {
    const sp = spAs(server, 'governance');
    const partnersRepo = new PartnerRepository(sp);
    const anglesey = await partnersRepo.create({
      key: 'isle-of-anglesey-county-council',
      name: 'Isle of Anglesey County Council',
      nameCy: 'Cyngor Sir Ynys Môn',
      sector: 'localAuthority',
    });
    if (!anglesey.ok) throw new Error(anglesey.error.code);
    const before = await countItems(server, 'Partner Organisations');
    const target = createImportTarget(sp);
    const input = await inputOf(registerFile());

    // The preview asks about the near names and proposes the truly new ones (with the two near names, unanswered).
    const preview = await previewImport(target, input);
    if (!preview.ok) throw new Error(preview.error.code);
    expect(preview.value.summary).toMatchObject({ create: 20, blocked: 0 });
    expect(preview.value.partnerSuggestions.map((s) => [s.name, s.suggestion.name])).toEqual([
      ['Torfaen Council', 'Torfaen County Borough Council'],
      ['Gwent PCC', 'Office of the Police and Crime Commissioner for Gwent'],
    ]);
    expect(preview.value.newPartners).toEqual([
      'Cardiff and Vale College',
      'Wales & West Housing',
      'Care & Repair Cymru',
      'HM Prison and Probation Service',
      'Torfaen Council',
      'Gwent PCC',
      'Tŷ Hafan',
      'Gŵyl Glan-yr-Afon',
    ]);

    // The person takes both suggestions (as --accept-partner-suggestions does).
    const chosen = { ...input, partnerChoices: acceptSuggestions(preview.value) };
    const first = await runImport(target, chosen);
    expect(first.ok && first.value).toMatchObject({ created: 20, failed: 0, partnersCreated: TRULY_NEW.length });
    expect(await countItems(server, 'Partner Organisations')).toBe(before + TRULY_NEW.length);

    const all = await partnersRepo.all();
    if (!all.ok) throw new Error(all.error.code);
    const byName = new Map(all.value.map((p) => [fold(p.name), p]));
    const id = (name: string) => (byName.get(fold(name)) as Stored<Partner>).id;
    for (const name of TRULY_NEW) expect(byName.has(fold(name))).toBe(true);
    expect(all.value.filter((p) => fold(p.name).includes('torfaen'))).toHaveLength(1);

    const records = await new CollaborationRepository(sp).all({});
    if (!records.ok) throw new Error(records.error.code);
    const partnersOf = (n: number) =>
      [...(records.value.find((c) => c.importKey === `id:PT-${n}`)?.partnerIds ?? [])].sort((a, b) => a - b);
    const ids = (...names: string[]) => names.map(id).sort((a, b) => a - b);
    expect(partnersOf(1)).toEqual(ids('Torfaen County Borough Council', 'Aneurin Bevan University Health Board'));
    expect(partnersOf(2)).toEqual(ids('Gwent Police'));
    expect(partnersOf(3)).toEqual(ids('Cardiff and Vale College', 'Cardiff and Vale University Health Board'));
    expect(partnersOf(5)).toEqual(ids('Care & Repair Cymru', 'Torfaen County Borough Council'));
    expect(partnersOf(6)).toEqual([anglesey.value.id]);
    expect(partnersOf(10)).toEqual(ids('Wales & West Housing', 'Cardiff and Vale College'));
    expect(partnersOf(11)).toEqual(ids('Torfaen County Borough Council'));
    expect(partnersOf(12)).toEqual(ids('Aneurin Bevan University Health Board', 'Gwent Police'));
    expect(partnersOf(16)).toEqual(ids('Department for Work and Pensions', 'HM Prison and Probation Service'));
    expect(partnersOf(17)).toEqual(ids('Office of the Police and Crime Commissioner for Gwent'));
    expect(partnersOf(19)).toEqual(ids('Tŷ Hafan'));

    // The same file again, with or without the choices: nothing new, no partner twice.
    const again = await runImport(target, chosen);
    expect(again.ok && again.value).toMatchObject({ created: 0, unchanged: 20, failed: 0, partnersCreated: 0 });
    const rerunPreview = await previewImport(target, input);
    expect(rerunPreview.ok && rerunPreview.value.newPartners).toEqual(['Torfaen Council', 'Gwent PCC']);
    expect(await countItems(server, 'Partner Organisations')).toBe(before + TRULY_NEW.length);
  }, 120_000);
});

const ROOT = resolve(__dirname, '..', '..', '..');

/** `npm run import` as a person runs it (tsx, a child process), against the embedded server. */
function importCommand(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}

describe('the import command and suggested partners', () => {
  let server: ListServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ demo: true });
    dir = mkdtempSync(join(tmpdir(), 'import-partners-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it('lists them and adds nothing in their place; --accept-partner-suggestions uses them', async () => {
    const file = join(dir, 'register.csv');
    writeFileSync(
      file,
      writeCsv([
        ['Ref', 'Name', 'Model', 'Lead organisation', 'Directorate', 'Purpose', 'Partners'],
        [
          'CLI-1',
          'Shared payroll',
          'Joint committee',
          'Torfaen CBC',
          'Corporate Services',
          'Payroll',
          'Torfaen Council',
        ],
      ]),
    );
    const site = server.siteUrl;
    const before = await countItems(server, 'Partner Organisations');

    const asked = await importCommand(['--site', site, '--file', file, '--dry-run']);
    expect(asked.code).toBe(0);
    expect(asked.out).toContain('“Torfaen Council”: did you mean Torfaen County Borough Council?');
    expect(asked.out).toContain('run again with --accept-partner-suggestions');
    expect(asked.out).toContain('New partner organisations to add: Torfaen Council');

    const welsh = await importCommand(['--site', site, '--file', file, '--dry-run', '--lang', 'cy']);
    expect(welsh.out).toContain('“Torfaen Council”: oeddech chi’n golygu Torfaen County Borough Council?');

    const accepted = await importCommand(['--site', site, '--file', file, '--accept-partner-suggestions']);
    expect(accepted.code).toBe(0);
    expect(accepted.out).not.toContain('New partner organisations to add');
    expect(await countItems(server, 'Partner Organisations')).toBe(before);
    const records = await new CollaborationRepository(spAs(server, 'governance')).all({});
    const partners = await new PartnerRepository(spAs(server, 'governance')).all();
    if (!records.ok || !partners.ok) throw new Error('read failed');
    const record = records.value.find((c) => c.importKey === 'id:CLI-1');
    expect(record?.partnerIds.map((id) => partners.value.find((p) => p.id === id)?.name)).toEqual([
      'Torfaen County Borough Council',
    ]);
  }, 120_000);
});
