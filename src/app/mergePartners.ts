/**
 * Merge two partner organisations into one (the partner register's use case): near-duplicates
 * such as "Torfaen CBC" beside "Torfaen County Borough Council", made by imports of councils'
 * registers. The person picks the partner to keep; in this order:
 *   1. the kept partner takes the other's Welsh name, website and sector where its own are empty;
 *   2. every record that names the other names the kept one instead (once, never twice), and
 *      nothing else on the record is written;
 *   3. the other partner is deleted.
 * Each step is safe to repeat, and the other partner is deleted last, so a merge stopped
 * half-way (a throttled request, a network fault, a conflict it could not settle) is finished
 * by running it again. A record or partner changed meanwhile is read again and the change made
 * on top of its new version, with its new ETag.
 */
import type { Partner } from '../domain/entities';
import { mergedPartner, repointPartners } from '../domain/partners';
import { may, type Actor } from '../domain/policy';
import type { CollaborationStore, PartnerLinks, PartnerStore, RepoError, Stored } from '../domain/ports';

export interface MergeStores {
  readonly partners: Pick<PartnerStore, 'get' | 'update' | 'delete'>;
  readonly collaborations: Pick<CollaborationStore, 'partnerLinks' | 'setPartners'>;
}

export interface MergeInput {
  /** The partner that stays. */
  readonly keepId: number;
  /** The partner merged into it, and then deleted. */
  readonly mergeId: number;
  /**
   * Who asks. Officers may contribute to the register, so SharePoint alone would let them
   * re-point records before refusing the partner's delete: the role policy is asked first.
   */
  readonly actor: Actor;
}

export interface MergeSummary {
  /** Records now naming the kept partner instead of the other. */
  readonly recordsChanged: number;
  /** Whether the kept partner took a Welsh name, website or sector from the other. */
  readonly partnerUpdated: boolean;
  /** Whether this run deleted the other partner (false when an earlier run had). */
  readonly partnerDeleted: boolean;
  /** Everything this run wrote: records, the kept partner, the deleted one. */
  readonly changed: number;
}

export type MergeFailure =
  /** The role policy does not let this person manage partners; nothing was written. */
  | { readonly code: 'forbidden' }
  | { readonly code: 'samePartner' }
  /** The partner to keep is not there (deleted meanwhile, or a wrong id). */
  | { readonly code: 'keptMissing' }
  /** A read or write failed; `done` is what was written before it, and a rerun finishes the merge. */
  | { readonly code: 'store'; readonly error: RepoError; readonly done: MergeSummary };

export type MergeOutcome =
  { readonly ok: true; readonly value: MergeSummary } | { readonly ok: false; readonly error: MergeFailure };

/** How often one item is read again after a conflict before the merge stops (a rerun goes on). */
export const CONFLICT_RETRIES = 5;

export async function mergePartners(stores: MergeStores, input: MergeInput): Promise<MergeOutcome> {
  const { keepId, mergeId } = input;
  if (!may(input.actor, { kind: 'managePartners' })) return { ok: false, error: { code: 'forbidden' } };
  if (keepId === mergeId) return { ok: false, error: { code: 'samePartner' } };
  let recordsChanged = 0;
  let partnerUpdated = false;
  let partnerDeleted = false;
  const summary = (): MergeSummary => ({
    recordsChanged,
    partnerUpdated,
    partnerDeleted,
    changed: recordsChanged + (partnerUpdated ? 1 : 0) + (partnerDeleted ? 1 : 0),
  });
  const stop = (error: RepoError): MergeOutcome => ({ ok: false, error: { code: 'store', error, done: summary() } });

  const kept = await stores.partners.get(keepId);
  if (!kept.ok)
    return kept.error.code === 'notFound' ? { ok: false, error: { code: 'keptMissing' } } : stop(kept.error);
  const merged = await stores.partners.get(mergeId);
  if (!merged.ok && merged.error.code !== 'notFound') return stop(merged.error);

  // 1. What the kept partner lacks. (When the other is already gone, an earlier run did this.)
  if (merged.ok) {
    const filled = await fillKept(stores, kept.value, merged.value);
    if (!filled.ok) return stop(filled.error);
    partnerUpdated = filled.value;
  }

  // 2. Every record naming the other, each with the ETag it was read with.
  const naming = await stores.collaborations.partnerLinks(mergeId);
  if (!naming.ok) return stop(naming.error);
  for (const links of naming.value) {
    const r = await repoint(stores, links, mergeId, keepId);
    if (!r.ok) return stop(r.error);
    if (r.value) recordsChanged++;
  }

  // 3. The other partner, last. Changed meanwhile: what it now has is offered to the kept one again.
  if (merged.ok) {
    let current: Stored<Partner> = merged.value;
    for (let attempt = 0; ; attempt++) {
      const d = await stores.partners.delete(current.id, current.etag);
      if (d.ok) {
        partnerDeleted = true;
        break;
      }
      if (d.error.code !== 'conflict' || !d.error.theirs || attempt >= CONFLICT_RETRIES) return stop(d.error);
      current = d.error.theirs;
      const keptNow = await stores.partners.get(keepId);
      if (!keptNow.ok) return stop(keptNow.error);
      const filled = await fillKept(stores, keptNow.value, current);
      if (!filled.ok) return stop(filled.error);
      partnerUpdated ||= filled.value;
    }
  }
  return { ok: true, value: summary() };
}

/** Gives the kept partner what it lacks from the other; true when it wrote. */
async function fillKept(
  stores: MergeStores,
  kept: Stored<Partner>,
  merged: Partner,
): Promise<{ ok: true; value: boolean } | { ok: false; error: RepoError }> {
  let current = kept;
  for (let attempt = 0; ; attempt++) {
    const next = mergedPartner(current, merged);
    if (!next) return { ok: true, value: false };
    const r = await stores.partners.update(next);
    if (r.ok) return { ok: true, value: true };
    if (r.error.code !== 'conflict' || !r.error.theirs || attempt >= CONFLICT_RETRIES) return r;
    current = r.error.theirs;
  }
}

/** Names the kept partner instead of the other on one record; true when it wrote. */
async function repoint(
  stores: MergeStores,
  links: PartnerLinks,
  mergeId: number,
  keepId: number,
): Promise<{ ok: true; value: boolean } | { ok: false; error: RepoError }> {
  let current = links;
  for (let attempt = 0; ; attempt++) {
    const partnerIds = repointPartners(current.partnerIds, mergeId, keepId);
    if (!partnerIds) return { ok: true, value: false };
    const r = await stores.collaborations.setPartners({ ...current, partnerIds });
    if (r.ok) return { ok: true, value: true };
    if (r.error.code !== 'conflict' || !r.error.theirs || attempt >= CONFLICT_RETRIES) return r;
    current = r.error.theirs;
  }
}
