/**
 * The import's port for SharePoint: partner and collaboration creates in
 * `$batch` requests of 100 (ListRepository.createMany: idempotent on the
 * client-made keys), and look-ups of rows already imported on the indexed,
 * unique ImportKey column, OR-ed in chunks that keep URLs short.
 */
import type { SPFI } from '@pnp/sp';
import type { Collaboration } from '../../domain/collaboration';
import type { Partner } from '../../domain/entities';
import type { ImportTarget } from '../../domain/import';
import type { RepoError, RepoResult, Stored } from '../../domain/ports';
import { and, odataString } from '../odata';
import { collaborationMapper } from '../mappers';
import { CollaborationRepository } from '../repositories/collaborations';
import { PartnerRepository } from '../repositories/partners';
import { fail, ListRepository, ok } from '../repositories/base';

const MAX_FILTER_CHARS = 1500;

const commonPrefix = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
};

/**
 * Reads by a unique key column in chunks that pass the list view threshold:
 * each request is `startswith(Key,'<the chunk's common prefix>') and (Key eq
 * ... or ...)`, so its leftmost condition is a seekable one on the indexed
 * column (an `or` first fails on a list of more than 5,000 items). Keys are
 * sorted so a chunk shares a long prefix; a chunk SharePoint still refuses is
 * halved until it passes.
 */
class KeyReader extends ListRepository<Collaboration> {
  constructor(sp: SPFI) {
    super(sp, collaborationMapper);
  }

  async findIn(
    column: string,
    values: readonly string[],
    minPrefix: (v: string) => number,
  ): Promise<RepoResult<Stored<Collaboration>[]>> {
    const sorted = [...new Set(values)].sort();
    const out: Stored<Collaboration>[] = [];
    const read = async (chunk: readonly string[], prefix: string): Promise<RepoError | undefined> => {
      const filter = and(this.f.startswith(column, prefix), this.f.anyOf(column, chunk));
      const r = await this.readAll({ filter });
      if (r.ok) {
        out.push(...r.value);
        return undefined;
      }
      if (r.error.code !== 'threshold' || chunk.length === 1) return r.error;
      const half = Math.ceil(chunk.length / 2);
      const [a, b] = [chunk.slice(0, half), chunk.slice(half)];
      return (await read(a, a.reduce(commonPrefix))) ?? (await read(b, b.reduce(commonPrefix)));
    };
    let chunk: string[] = [];
    let prefix = '';
    let length = 0;
    for (const v of sorted) {
      const size = column.length + odataString(v).length + 8;
      const next = chunk.length === 0 ? v : commonPrefix(prefix, v);
      if (chunk.length > 0 && (length + size > MAX_FILTER_CHARS || next.length < Math.min(minPrefix(v), v.length))) {
        const e = await read(chunk, prefix);
        if (e) return fail(e);
        chunk = [];
        length = 0;
      }
      prefix = chunk.length === 0 ? v : commonPrefix(prefix, v);
      chunk.push(v);
      length += size;
    }
    if (chunk.length > 0) {
      const e = await read(chunk, prefix);
      if (e) return fail(e);
    }
    return ok(out);
  }
}

/** Import keys share at least their kind and one more character (`h:a`, `id:R`); references `COL-0`. */
const importKeyPrefix = (v: string) => (v.startsWith('h:') ? 3 : 4);
const referencePrefix = () => 5;

export function createImportTarget(sp: SPFI): ImportTarget {
  const collaborations = new CollaborationRepository(sp);
  const partners = new PartnerRepository(sp);
  const reader = new KeyReader(sp);
  return {
    // Unordered: Title is not indexed, and the partner list may pass the threshold too.
    partners: () => partners.readAll(),
    createPartners: (values: readonly Partner[]) => partners.createMany(values),
    findByImportKeys: (keys) => reader.findIn('ImportKey', keys, importKeyPrefix),
    findByReferences: (refs) => reader.findIn('Reference', refs, referencePrefix),
    nextReference: () => collaborations.nextReference(),
    createMany: (records) => collaborations.createMany(records),
    update: (record) => collaborations.update(record),
  };
}
