/**
 * The import's port for SharePoint: partner and collaboration creates in
 * `$batch` requests of 100 (ListRepository.createMany: idempotent on the
 * client-made keys), and look-ups of rows already imported on the indexed,
 * unique ImportKey column, OR-ed in chunks that keep URLs short.
 */
import type { SPFI } from '@pnp/sp';
import type { Partner } from '../../domain/entities';
import type { ImportTarget } from '../../domain/import';
import { CollaborationRepository } from '../repositories/collaborations';
import { HistoryRepository } from '../repositories/history';
import { PartnerRepository } from '../repositories/partners';

/** Import keys share at least their kind and one more character (`h:a`, `id:R`); references `COL-0`. */
const importKeyPrefix = (v: string) => (v.startsWith('h:') ? 3 : 4);
const referencePrefix = () => 5;

export function createImportTarget(sp: SPFI): ImportTarget {
  const collaborations = new CollaborationRepository(sp);
  const partners = new PartnerRepository(sp);
  const history = new HistoryRepository(sp);
  return {
    // Unordered: Title is not indexed, and the partner list may pass the threshold too.
    partners: () => partners.readAll(),
    createPartners: (values: readonly Partner[]) => partners.createMany(values),
    findByImportKeys: (keys) => collaborations.findIn('ImportKey', keys, importKeyPrefix),
    findByReferences: (refs) => collaborations.findIn('Reference', refs, referencePrefix),
    // Unordered and unfiltered: 5,000 a request in id order, which SharePoint allows past the threshold.
    records: () => collaborations.readUsable(),
    nextReference: () => collaborations.nextReference(),
    createMany: (records) => collaborations.createMany(records),
    update: (record) => collaborations.update(record),
    recordHistory: (entries) => history.record(entries),
  };
}
