import { registerImport } from '../../../src/app/importRegister';
import type { Collaboration, Person } from '../../../src/domain/collaboration';
import type { Partner } from '../../../src/domain/entities';
import { importVocabulary, type ColumnMapping, type ImportTarget } from '../../../src/domain/import';
import type { RepoResult, Stored } from '../../../src/domain/ports';
import { CATALOGUES } from '../../../src/i18n';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
const mapping: ColumnMapping = ['title', 'leadOfficer'];
const ok = <T>(value: T): Promise<RepoResult<T>> => Promise.resolve({ ok: true, value });

/** An empty register as an ImportTarget: nothing found, nothing written (the preview only reads). */
function emptyTarget(): ImportTarget & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    partners: () => (reads.push('partners'), ok<Stored<Partner>[]>([])),
    createPartners: () => Promise.resolve([]),
    findByImportKeys: () => (reads.push('importKeys'), ok<Stored<Collaboration>[]>([])),
    findByReferences: () => ok<Stored<Collaboration>[]>([]),
    records: () => (reads.push('records'), ok({ items: [] as Stored<Collaboration>[], unreadable: [] })),
    nextReference: () => ok('COL-0001'),
    createMany: () => Promise.resolve([]),
    update: () => Promise.resolve({ ok: false, error: { code: 'unexpected' } }),
    recordHistory: () => Promise.resolve({ ok: true, value: undefined }),
  };
}

describe('registerImport', () => {
  it('looks the file’s officers up once per set of names, however often the preview is made', async () => {
    const searched: string[] = [];
    const rhian: Person = { id: 7, displayName: 'Rhian Evans', email: 'rhian@example.gov.uk' };
    const importer = registerImport({
      target: emptyTarget(),
      people: {
        search: (text) => {
          searched.push(text);
          return ok(text === 'Rhian Evans' ? [rhian] : []);
        },
      },
    });
    const rows = [
      { row: 2, cells: ['Gwent Archives', 'Rhian Evans'] },
      { row: 3, cells: ['Shared Legal Service', 'Rhian Evans'] },
    ];
    const first = await importer.preview({ rows, mapping, vocabulary });
    expect(first.ok).toBe(true);
    await importer.preview({ rows, mapping, vocabulary, skip: new Set([3]) });
    expect(searched).toEqual(['Rhian Evans']);
    // The person found is the row's lead officer.
    expect(first.ok && first.value.plan[0]?.record.leadOfficer).toEqual(rhian);

    await importer.preview({
      rows: [...rows, { row: 4, cells: ['Regional Board', 'Nobody Known'] }],
      mapping,
      vocabulary,
    });
    expect(searched).toEqual(['Rhian Evans', 'Rhian Evans', 'Nobody Known']);
  });
});

describe('registerImport when the people look-up throws', () => {
  it('does not remember the failure: the next preview asks again', async () => {
    let calls = 0;
    const importer = registerImport({
      target: emptyTarget(),
      people: {
        search: () => {
          calls += 1;
          return calls === 1 ? Promise.reject(new Error('network')) : ok([]);
        },
      },
    });
    const rows = [{ row: 2, cells: ['Gwent Archives', 'Rhian Evans'] }];
    await expect(importer.preview({ rows, mapping, vocabulary })).rejects.toThrow('network');
    const again = await importer.preview({ rows, mapping, vocabulary });
    expect(again.ok).toBe(true);
    expect(calls).toBe(2);
  });
});
