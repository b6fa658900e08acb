/**
 * A collaboration the register already holds, found by its name (issue 17):
 * a council's file has no reference of ours, so "Shared Resource Service (ICT)"
 * in the file and in the register would otherwise become two records.
 *
 * The same name: equal once case, accents, punctuation, "&"/"and" and a leading
 * "The" are set aside (in English or in Welsh), with the same lead organisation
 * when both say one. The row then updates that record (the person may choose to
 * create a new one instead). A nearly equal name (most words shared) is only
 * pointed out: the person chooses.
 */
import type { Collaboration } from '../collaboration';
import type { Stored } from '../ports';
import { fold } from './parse';

/** What the import needs of each stored record to find it by name. */
export type RegisterName = Pick<Stored<Collaboration>, 'id' | 'reference' | 'title'> &
  Partial<Pick<Collaboration, 'titleCy' | 'leadOrganisation'>>;

/** Words that do not tell one collaboration from another. */
const FILLER = new Set(['the', 'and', 'of', 'for', 'a', 'ac', 'y', 'yr', 'r', 'i', 'o', 'ar', 'in', 'on', 'to']);

/** A name as compared: folded, "&" as "and", punctuation and a leading article set aside. */
export function nameKey(name: string): string {
  return fold(name.replace(/&/g, ' and '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|y|yr)\s+/, '');
}

function words(name: string): Set<string> {
  return new Set(
    nameKey(name)
      .split(' ')
      .filter((w) => w !== '' && !FILLER.has(w)),
  );
}

/** Dice's coefficient of two names' telling words (1 = the same words). */
export function nameLikeness(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

/** Two lead organisations agree when either is not given, or they name the same body. */
function sameLead(a: string | undefined, b: string | undefined): boolean {
  if (!a?.trim() || !b?.trim()) return true;
  return nameKey(a) === nameKey(b) || nameLikeness(a, b) >= 0.8;
}

export interface NameMatch {
  readonly record: RegisterName;
  /** same: the row updates it unless the person says otherwise; similar: pointed out only. */
  readonly kind: 'same' | 'similar';
}

/** A word held by more names than this is not used to find candidates. */
const COMMON_WORD = 200;

/** How alike two names must be to be pointed out. */
export const SIMILAR_NAMES = 0.75;

/**
 * An index of the register's names: `find` gives the record a row's name and
 * lead organisation most likely mean, if any.
 */
export function nameIndex(register: readonly RegisterName[]): {
  find(title: string, lead?: string): NameMatch | undefined;
} {
  const byKey = new Map<string, RegisterName[]>();
  const byWord = new Map<string, RegisterName[]>();
  for (const r of register) {
    for (const name of [r.title, r.titleCy]) {
      if (!name) continue;
      const k = nameKey(name);
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
      for (const w of words(name)) byWord.set(w, [...(byWord.get(w) ?? []), r]);
    }
  }
  return {
    find(title, lead) {
      if (!title.trim()) return undefined;
      const same = (byKey.get(nameKey(title)) ?? []).find((r) => sameLead(r.leadOrganisation, lead));
      if (same) return { record: same, kind: 'same' };
      // Candidates share at least one telling word; the likeliest is pointed out.
      const seen = new Set<number>();
      let best: { record: RegisterName; score: number } | undefined;
      for (const w of words(title)) {
        const holders = byWord.get(w) ?? [];
        // A word most names share ("partnership", "Gwent") tells nothing and would make this quadratic.
        if (holders.length > COMMON_WORD) continue;
        for (const r of holders) {
          if (seen.has(r.id)) continue;
          seen.add(r.id);
          if (!sameLead(r.leadOrganisation, lead)) continue;
          const score = Math.max(nameLikeness(title, r.title), r.titleCy ? nameLikeness(title, r.titleCy) : 0);
          if (score >= SIMILAR_NAMES && (!best || score > best.score)) best = { record: r, score };
        }
      }
      return best ? { record: best.record, kind: 'similar' } : undefined;
    },
  };
}
