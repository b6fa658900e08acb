/**
 * The partner register's rules: finding a partner by either name, checking an edit, and what
 * merging two near-duplicates means (the kept one takes what it lacks from the other; every
 * record that named the other names the kept one, once). Pure: the use case
 * (app/mergePartners.ts) does the reads and writes.
 */
import type { Partner } from './entities';
import { fold } from './import/parse';
import { err, type DomainError } from './result';
import { PARTNER_SECTORS } from './vocabulary';

/** SharePoint's single line of text holds 255 characters. */
export const PARTNER_TEXT_MAX = 255;

/** True when `text` is found in the partner's English or Welsh name, ignoring case, accents and punctuation. */
export function partnerMatches(partner: Pick<Partner, 'name' | 'nameCy'>, text: string): boolean {
  const wanted = fold(text);
  if (wanted === '') return true;
  return fold(partner.name).includes(wanted) || (partner.nameCy !== undefined && fold(partner.nameCy).includes(wanted));
}

/** True when a website is an http(s) link (the register shows only those as links). */
export const isHttpUrl = (text: string): boolean => {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * What is wrong with a partner as edited: a name is required, each text fits its column, a
 * website is an http(s) link, a sector is one of the choices (or left as stored, typed by hand).
 */
export function checkPartner(partner: Partner): DomainError[] {
  const errors: DomainError[] = [];
  if (partner.name.trim() === '') errors.push(err('name', 'required'));
  for (const field of ['name', 'nameCy', 'website'] as const) {
    const v = partner[field];
    if (v !== undefined && v.length > PARTNER_TEXT_MAX) errors.push(err(field, 'tooLong', { max: PARTNER_TEXT_MAX }));
  }
  if (partner.website !== undefined && partner.website.trim() !== '' && !isHttpUrl(partner.website.trim()))
    errors.push(err('website', 'invalidUrl'));
  if (partner.sector !== undefined && !(PARTNER_SECTORS as readonly string[]).includes(partner.sector))
    errors.push(err('sector', 'invalidChoice'));
  return errors;
}

/** Optional text trimmed, with blank as "not given". */
const given = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t === undefined || t === '' ? undefined : t;
};

/** The partner as edited: texts trimmed, blanks left out (so they are written as empty). */
export function tidyPartner(partner: Partner): Partner {
  const { nameCy, website, sector, otherSector, ...rest } = partner;
  const cy = given(nameCy);
  const web = given(website);
  const other = given(otherSector);
  return {
    ...rest,
    name: partner.name.trim(),
    ...(cy !== undefined ? { nameCy: cy } : {}),
    ...(web !== undefined ? { website: web } : {}),
    ...(sector !== undefined ? { sector } : other !== undefined ? { otherSector: other } : {}),
  };
}

/**
 * The kept partner after a merge: its own values stand; its Welsh name, website and sector,
 * where empty, are the merged partner's. Undefined when nothing changes (the merge then
 * leaves the kept partner as it is: a rerun writes nothing twice).
 */
export function mergedPartner<P extends Partner>(kept: P, merged: Partner): P | undefined {
  const out: P = { ...kept };
  let changed = false;
  if (given(kept.nameCy) === undefined && given(merged.nameCy) !== undefined) {
    out.nameCy = merged.nameCy;
    changed = true;
  }
  if (given(kept.website) === undefined && given(merged.website) !== undefined) {
    out.website = merged.website;
    changed = true;
  }
  if (kept.sector === undefined && given(kept.otherSector) === undefined) {
    if (merged.sector !== undefined) {
      out.sector = merged.sector;
      changed = true;
    } else if (given(merged.otherSector) !== undefined) {
      out.otherSector = merged.otherSector;
      changed = true;
    }
  }
  return changed ? out : undefined;
}

/**
 * A record's partners with `mergedId` named as `keptId` instead: the kept one once, where the
 * first of the two stood, the others in their order. Undefined when the record does not name
 * `mergedId` (nothing to change).
 */
export function repointPartners(partnerIds: readonly number[], mergedId: number, keptId: number): number[] | undefined {
  if (!partnerIds.includes(mergedId)) return undefined;
  const out: number[] = [];
  for (const id of partnerIds) {
    const next = id === mergedId ? keptId : id;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

/** How many records name each partner (a record naming one twice counts once). */
export function partnerUse(records: readonly { readonly partnerIds: readonly number[] }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of records) for (const id of new Set(r.partnerIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
