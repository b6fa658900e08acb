import type { SPFI } from '@pnp/sp';
import { createImportTarget } from '../../../src/data/import/target';
import { PeopleRepository } from '../../../src/data/repositories/people';
import { PartnerRepository } from '../../../src/data/repositories/partners';
import { importVocabulary, suggestMapping } from '../../../src/domain/import';
import { CATALOGUES, translate } from '../../../src/i18n';
import { registerCsv } from '../../../src/bench/import';
import { compendiumCsv, compendiumJson, compendiumTable, compendiumXlsx } from '../../../src/transfer/compendium';
import { personNames, resolvePeople, runImport, type ImportInput } from '../../../src/app/importRegister';
import { readTable } from '../../../src/transfer/table';
import { countItems, reposAs, spAs, startServer, unique, type ListServer } from './helpers';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
const COUNCIL = 'Glan-yr-Afon County Borough Council';

async function inputFor(file: string | Uint8Array, sp: SPFI): Promise<ImportInput> {
  const table = await readTable(typeof file === 'string' ? new TextEncoder().encode(file) : file);
  if (!table.ok) throw new Error(table.error.code);
  const mapping = suggestMapping(table.value.headers, vocabulary);
  const base = { rows: table.value.rows, mapping, vocabulary, councilName: COUNCIL };
  const people = new PeopleRepository(sp);
  return { ...base, people: await resolvePeople(personNames(base), (t, l) => people.search(t, l)) };
}

/** Counts with faults off the table (a bare read, retried). */
async function count(server: ListServer, filter: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await countItems(server, 'Collaborations', filter);
    } catch (e) {
      if (attempt > 20) throw e;
    }
  }
}

describe('import with 20% of requests throttled or unavailable', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true, faultRate: 0.2, retryAfterSeconds: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('ends with exactly one item per row, and a rerun creates nothing', async () => {
    const sp = spAs(server, 'governance', { retries: 8, retryBaseMs: 2, retryMaxMs: 50 });
    const tag = unique('F').replace(/-/g, '');
    const input = await inputFor(registerCsv(250, tag), sp);
    const target = createImportTarget(sp);
    const first = await runImport(target, input);
    expect(first.ok && first.value).toMatchObject({
      created: 250,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      failures: [],
    });
    expect(first.ok && first.value.partnersCreated).toBeGreaterThan(0);
    expect(await count(server, `startswith(ImportKey,'id:${tag.toUpperCase()}-')`)).toBe(250);

    const again = await runImport(target, input);
    expect(again.ok && again.value).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 250,
      failed: 0,
      partnersCreated: 0,
    });
    expect(await count(server, `startswith(ImportKey,'id:${tag.toUpperCase()}-')`)).toBe(250);
  }, 180_000);
});

describe('import when half the write responses are lost after the write landed', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('still writes every row exactly once', async () => {
    // Every other write ($batch POST) lands, but its response never arrives.
    let posts = 0;
    let lost = 0;
    const lossyFetch: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (init?.method === 'POST' && posts++ % 2 === 0) {
        await response.arrayBuffer();
        lost++;
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      }
      return response;
    };
    const sp = spAs(server, 'governance', { fetch: lossyFetch, retries: 10, retryBaseMs: 1, retryMaxMs: 5 });
    const tag = unique('L').replace(/-/g, '');
    const input = await inputFor(registerCsv(220, tag), spAs(server, 'governance'));
    const r = await runImport(createImportTarget(sp), input);
    expect(r.ok && r.value.created + r.value.unchanged).toBe(220);
    expect(r.ok && r.value.failed).toBe(0);
    expect(lost).toBeGreaterThan(2);
    expect(await count(server, `startswith(ImportKey,'id:${tag.toUpperCase()}-')`)).toBe(220);
  }, 180_000);
});

describe('an import interrupted half-way, then run again', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('the rerun writes the rest, and the summary says so', async () => {
    const sp = spAs(server, 'governance');
    const tag = unique('C').replace(/-/g, '');
    const input = await inputFor(registerCsv(250, tag), sp);
    const target = createImportTarget(sp);
    const crash = new Error('the laptop lid was closed');
    await expect(
      runImport(target, input, {
        onProgress: (p) => {
          if (p.done >= 100) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await count(server, `startswith(ImportKey,'id:${tag.toUpperCase()}-')`)).toBe(100);

    const rerun = await runImport(target, input);
    if (!rerun.ok) throw new Error(JSON.stringify(rerun.error).slice(0, 500));
    expect(rerun.ok && rerun.value).toMatchObject({ created: 150, unchanged: 100, updated: 0, skipped: 0, failed: 0 });
    expect(await count(server, `startswith(ImportKey,'id:${tag.toUpperCase()}-')`)).toBe(250);

    // A changed cell in the file updates that one record and nothing else.
    const edited = {
      ...input,
      rows: input.rows.map((r, i) =>
        i === 0 ? { ...r, cells: r.cells.map((c, j) => (j === 7 ? 'A new purpose' : c)) } : r,
      ),
    };
    const third = await runImport(target, edited);
    expect(third.ok && third.value).toMatchObject({ created: 0, updated: 1, unchanged: 249, failed: 0 });
  }, 180_000);
});

describe('round trip: the compendium export read back by the import', () => {
  let server: ListServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['csv', 'en'],
    ['csv', 'cy'],
    ['csv', 'both'],
    ['xlsx', 'cy'],
    ['json', 'en'],
  ] as const)(
    'changes nothing (%s, %s headings)',
    async (format, lang) => {
      const sp = spAs(server, 'governance');
      const repos = reposAs(server, 'governance');
      const records = await repos.collaborations.all({});
      const partners = await new PartnerRepository(sp).all();
      if (!records.ok || !partners.ok) throw new Error('read failed');
      expect(records.value.length).toBeGreaterThan(10);
      const t = { en: (k: string) => translate('en-GB', k), cy: (k: string) => translate('cy-GB', k) };
      const table = compendiumTable({ records: records.value, partners: partners.value }, lang, t);
      const file =
        format === 'csv'
          ? compendiumCsv(table)
          : format === 'json'
            ? compendiumJson(table)
            : await compendiumXlsx(table, 'Compendium');
      const input = await inputFor(file, sp);
      // Every column but the derived ones (scope, last outcome) is read back.
      expect(input.mapping.filter((m) => m === null)).toHaveLength(2);
      const r = await runImport(createImportTarget(sp), input);
      if (!r.ok) throw new Error(JSON.stringify(r.error).slice(0, 2000));
      expect(r.value).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: records.value.length,
        failed: 0,
        partnersCreated: 0,
      });
    },
    120_000,
  );
});

describe('import into a list past the view threshold', () => {
  let server: ListServer;
  beforeAll(async () => {
    // A threshold of 100 makes the 60 demo records and 250 imported ones a "large" list.
    server = await startServer({ demo: true, threshold: 100 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the rows already written with queries the threshold allows, by import key and by reference', async () => {
    const sp = spAs(server, 'governance');
    const tag = unique('T').replace(/-/g, '');
    const input = await inputFor(registerCsv(250, tag), sp);
    const target = createImportTarget(sp);
    const first = await runImport(target, input);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.value).toMatchObject({ created: 250, failed: 0 });
    const again = await runImport(target, input);
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 0, unchanged: 250, failed: 0 });

    const refs = await target.findByReferences(['COL-0001', 'COL-0002', 'COL-0100', 'COL-0300']);
    expect(refs.ok && refs.value.map((c) => c.reference).sort()).toEqual([
      'COL-0001',
      'COL-0002',
      'COL-0100',
      'COL-0300',
    ]);
  }, 180_000);

  it('a batched create sent again (its answer lost) finds its own earlier writes past the threshold', async () => {
    const sp = spAs(server, 'governance');
    const stored = await createImportTarget(sp).findByReferences(['COL-0101', 'COL-0102', 'COL-0250']);
    if (!stored.ok) throw new Error(JSON.stringify(stored.error));
    const values = stored.value.map(({ id: _id, etag: _etag, modified: _modified, ...rest }) => rest);
    const before = await countItems(server, 'Collaborations');
    // The same creates again, as after a lost response: the duplicates are looked up on the indexed key.
    const again = await reposAs(server, 'governance').collaborations.createMany(values);
    expect(again.map((r) => (r.ok ? r.value.reference : r.error.code))).toEqual(['COL-0101', 'COL-0102', 'COL-0250']);
    expect(await countItems(server, 'Collaborations')).toBe(before);
  }, 120_000);
});
