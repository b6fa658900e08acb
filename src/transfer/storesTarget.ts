/**
 * An ImportTarget over the tab's ordinary stores (the ports): batched,
 * idempotent creates through `createMany`; rows already imported found in
 * one paged read of the register (the tab has no ImportKey query of its own;
 * src/data/import/target.ts queries the indexed column instead).
 */
import type { Collaboration } from '../domain/collaboration';
import type { ImportTarget } from '../domain/import';
import type { CollaborationStore, PartnerStore, RepoResult, Stored } from '../domain/ports';

export function storesTarget(collaborations: CollaborationStore, partners: PartnerStore): ImportTarget {
  let register: Promise<RepoResult<Stored<Collaboration>[]>> | undefined;
  const all = () => (register ??= collaborations.all({}));
  const pick = async (match: (c: Stored<Collaboration>) => boolean) => {
    const r = await all();
    return r.ok ? { ok: true as const, value: r.value.filter(match) } : r;
  };
  return {
    partners: () => partners.all(),
    createPartners: (values) => partners.createMany(values),
    findByImportKeys: (keys) => {
      const wanted = new Set(keys);
      return pick((c) => c.importKey !== undefined && wanted.has(c.importKey));
    },
    findByReferences: (refs) => {
      const wanted = new Set(refs);
      return pick((c) => wanted.has(c.reference));
    },
    nextReference: () => collaborations.nextReference(),
    createMany: async (records) => {
      register = undefined;
      return collaborations.createMany(records);
    },
    update: async (record) => {
      register = undefined;
      return collaborations.update(record);
    },
  };
}
