/**
 * Partner names as councils write them in their registers, and which of the
 * register's partner organisations each one is. Pure: the partners are passed
 * in, nothing is looked up.
 *
 * Three kinds of answer, from the surest down:
 * - a certain match (applied): the name folded, or its normalised form (short
 *   forms of public bodies expanded, "&" read as "and", "The" dropped),
 *   equals a partner's name, Welsh name or key; a bilingual name written
 *   "Heddlu Gwent / Gwent Police" matches by either half;
 * - a suggestion (never applied on its own): the closest partner by fuzzy
 *   matching, when every word of the name is in it or nearly so, so that
 *   "Torfaen Council" suggests Torfaen County Borough Council but "Cardiff
 *   and Vale College" does not suggest the health board;
 * - nothing: the name is proposed as a new partner.
 */
import Fuse from 'fuse.js';
import { PUBLIC_BODY_SHORT_FORMS } from '../publicBodies';
import { cellText, fold, isBlank, type RawCell } from './parse';

/** What matching needs of a partner organisation. */
export interface PartnerRef {
  readonly id: number;
  readonly key?: string;
  readonly name: string;
  readonly nameCy?: string;
}

/** The closest existing partner to a name with no certain match; `score` from 0 (far) to 1 (the same). */
export interface PartnerSuggestion {
  readonly id: number;
  readonly name: string;
  readonly score: number;
}

/** The words that join two names ("and", "&", Welsh "a"/"ac"), read alike. */
const AND_WORDS = new Set(['and', 'a', 'ac']);
/** Words a name may have or leave out without being another body ("The", Welsh "Y"/"Yr"). */
const DROPPED_WORDS = new Set(['the', 'y', 'yr']);

/**
 * The normalised form of a partner name: folded (case, accents, punctuation),
 * "&", "and", "a" and "ac" as one word, "The" dropped, and the short forms of
 * public bodies expanded (src/domain/publicBodies.ts). Two names with the
 * same normalised form are the same body: "Torfaen CBC" and "Torfaen County
 * Borough Council", "Care & Repair Cymru" and "Care and Repair Cymru".
 */
export function normalisePartnerName(name: string): string {
  const text = name
    .replace(/&/g, ' and ')
    // "C.B.C." is "CBC": full stops between single letters go before folding spreads them apart.
    .replace(/(?<=(?:^|[^\p{L}])\p{L})\.(?=\p{L}(?:$|[^\p{L}]))/gu, '');
  const words: string[] = [];
  for (const word of fold(text).split(' ')) {
    if (word === '' || DROPPED_WORDS.has(word)) continue;
    const expanded = PUBLIC_BODY_SHORT_FORMS[word];
    for (const w of expanded !== undefined ? expanded.split(' ') : [word]) words.push(AND_WORDS.has(w) ? 'and' : w);
  }
  return words.join(' ');
}

/** A name's two halves when it is written bilingually ("Heddlu Gwent / Gwent Police"), else none. */
export function bilingualHalves(name: string): [string, string] | undefined {
  const halves = name.split('/').map((h) => h.trim());
  if (halves.length !== 2 || halves.some((h) => fold(h) === '')) return undefined;
  return halves as [string, string];
}

export interface PartnerIndex {
  /** The partner a name certainly is (folded or normalised match, or either half of a bilingual name). */
  match(name: string): number | undefined;
  /** The closest partner to a name with no certain match, when it is close enough to ask about. */
  suggest(name: string): PartnerSuggestion | undefined;
  /** True when the register has a partner with this id. */
  has(id: number): boolean;
}

/** Words too common in bodies' names to make two names alike on their own. */
const COMMON_WORDS = new Set([
  'and',
  'of',
  'for',
  'in',
  'council',
  'county',
  'borough',
  'city',
  'community',
  'town',
  'university',
  'health',
  'board',
  'service',
  'services',
  'trust',
  'nhs',
  'wales',
  'cymru',
  'cyngor',
  'sir',
  'bwrdeistref',
  'sirol',
  'bwrdd',
  'iechyd',
  'prifysgol',
  'gwasanaeth',
]);

/** Edit distance with a swap of two neighbouring letters as one edit ("Torfean"), stopping once it is over `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] as number) + 1);
      current.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    before = previous;
    previous = current;
  }
  return (previous[b.length] as number) <= max;
}

/**
 * Typing slips a word may carry and still be the same word: none in short
 * words, one, then two in long ones; and a long word may be shortened
 * ("Monmouth" for Monmouthshire).
 */
function wordsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  if (a.length >= 5 && b.startsWith(a)) return true;
  return withinEdits(a, b, shorter < 8 ? 1 : 2);
}

/**
 * True when the partner's name could be what the file meant: each word of
 * the file's name is one of the partner's words (or nearly), and at least one
 * of them is not a word every council or board has.
 */
function plausible(fileWords: readonly string[], partnerWords: readonly string[]): boolean {
  let distinctive = false;
  for (const w of fileWords) {
    if (!partnerWords.some((p) => wordsAlike(w, p))) return false;
    if (!COMMON_WORDS.has(w) && w.length >= 3) distinctive = true;
  }
  return distinctive;
}

/** A suggestion is made only this close (Fuse's score: 0 the same, 1 nothing alike). */
const FUSE_THRESHOLD = 0.6;

interface Entry {
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly words: readonly string[];
}

const indexes = new WeakMap<readonly PartnerRef[], PartnerIndex>();

/**
 * The register's partners, ready to match names against. Built once per
 * list of partners (the same array gives the same index), because a file of
 * thousands of rows asks it about every name.
 */
export function partnerIndex(partners: readonly PartnerRef[]): PartnerIndex {
  const cached = indexes.get(partners);
  if (cached) return cached;
  const byFolded = new Map<string, number>();
  const byNormal = new Map<string, number>();
  const entries: Entry[] = [];
  const ids = new Set<number>();
  const add = (map: Map<string, number>, text: string, id: number) => {
    // The first partner keeps a name two partners share; the index never guesses between them.
    if (text !== '' && !map.has(text)) map.set(text, id);
  };
  for (const p of partners) {
    ids.add(p.id);
    for (const n of [p.name, p.nameCy, p.key]) {
      if (!n) continue;
      add(byFolded, fold(n), p.id);
      add(byNormal, normalisePartnerName(n), p.id);
      // A partner stored under its bilingual name is found by either half too.
      for (const half of bilingualHalves(n) ?? []) add(byNormal, normalisePartnerName(half), p.id);
    }
    for (const n of new Set([p.name, p.nameCy].filter((n): n is string => !!n))) {
      const text = normalisePartnerName(n);
      if (text !== '') entries.push({ id: p.id, name: p.name, text, words: text.split(' ') });
    }
  }
  const exactly = (name: string): number | undefined =>
    byFolded.get(fold(name)) ?? byNormal.get(normalisePartnerName(name));
  const match = (name: string): number | undefined => {
    const whole = exactly(name);
    if (whole !== undefined) return whole;
    const halves = bilingualHalves(name);
    if (!halves) return undefined;
    const found = [...new Set(halves.map(exactly).filter((id): id is number => id !== undefined))];
    // Both halves naming different partners is not one body: no certain match.
    return found.length === 1 ? found[0] : undefined;
  };

  // Fuzzy search over every partner is slow (tens of ms a name over a thousand partners), so
  // the candidates are first the partners that have a word like each of the name's words (what
  // `plausible` asks anyway), found through an index of words; Fuse then ranks those few.
  const byWord = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const w of new Set(e.words)) byWord.set(w, [...(byWord.get(w) ?? []), i]);
  });
  const vocabulary = [...byWord.keys()];
  const alike = new Map<string, readonly number[]>();
  const entriesLike = (word: string): readonly number[] => {
    let found = alike.get(word);
    if (found === undefined) {
      const set = new Set<number>();
      for (const v of vocabulary) if (wordsAlike(word, v)) for (const i of byWord.get(v) ?? []) set.add(i);
      found = [...set];
      alike.set(word, found);
    }
    return found;
  };
  const candidates = (words: readonly string[]): Entry[] => {
    let common: Set<number> | undefined;
    for (const w of new Set(words)) {
      const next = entriesLike(w);
      common = new Set(common === undefined ? next : next.filter((i) => common?.has(i)));
      if (common.size === 0) return [];
    }
    return [...(common ?? [])].map((i) => entries[i] as Entry).filter((e) => plausible(words, e.words));
  };
  const suggestions = new Map<string, PartnerSuggestion | undefined>();
  const suggestOne = (text: string): PartnerSuggestion | undefined => {
    const near = candidates(text.split(' '));
    if (near.length === 0) return undefined;
    const fuse = new Fuse(near, {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      threshold: FUSE_THRESHOLD,
    });
    const [best] = fuse.search(text, { limit: 1 });
    return best
      ? { id: best.item.id, name: best.item.name, score: Math.round((1 - (best.score ?? 1)) * 100) / 100 }
      : undefined;
  };
  const suggest = (name: string): PartnerSuggestion | undefined => {
    if (match(name) !== undefined) return undefined;
    const halves = bilingualHalves(name);
    const texts = [name, ...(halves ?? [])].map(normalisePartnerName).filter((t) => t !== '');
    let best: PartnerSuggestion | undefined;
    for (const text of texts) {
      if (!suggestions.has(text)) suggestions.set(text, suggestOne(text));
      const s = suggestions.get(text);
      if (s && (!best || s.score > best.score)) best = s;
    }
    return best;
  };
  const index: PartnerIndex = { match, suggest, has: (id) => ids.has(id) };
  indexes.set(partners, index);
  return index;
}

/** Separators that only ever part names: a cell that uses one never has a name cut on "and" or a comma's neighbour. */
const LIST_SEPARATORS = /[;|\n\r•]+/;
/** "and", "&", Welsh "a"/"ac" between two words. */
const CONJUNCTION = /\s+(?:and|&|a|ac)\s+/gi;

/** A name after the Welsh "a" in its own form: "a Chyngor Casnewydd" names Cyngor Casnewydd (the aspirate mutation undone). */
function unmutated(name: string): string | undefined {
  const m = /^([CcPpTt])h(\p{L})/u.exec(name);
  return m ? `${m[1] as string}${name.slice(2)}` : undefined;
}

/**
 * A name cut at every "and", "&", "a" or "ac" ("Torfaen CBC and Cardiff
 * Met" → Torfaen CBC, Cardiff Met), a part after the Welsh "a" in its own
 * form; none when there is nothing to cut. What the person is offered when a
 * name may be two partners, and what confirming it does.
 */
export function conjunctionParts(name: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let afterA = false;
  for (const m of name.matchAll(CONJUNCTION)) {
    const written = name.slice(from, m.index).trim();
    parts.push(afterA ? (unmutated(written) ?? written) : written);
    afterA = m[0].trim().toLocaleLowerCase('cy-GB') === 'a';
    from = m.index + m[0].length;
  }
  if (parts.length === 0) return [];
  const last = name.slice(from).trim();
  parts.push(afterA ? (unmutated(last) ?? last) : last);
  return parts.filter((p) => p !== '');
}

/**
 * A piece split on "and"/"&"/"a"/"ac" only when every part is a known
 * partner (neighbours joined where the joined name is the partner: "Care and
 * Repair Cymru and Torfaen CBC"); otherwise whole, so "Cardiff and Vale
 * College" stays one name. The fewest parts win.
 */
function splitOnConjunctions(
  piece: string,
  isKnown: (name: string) => boolean,
  alsoNamed: (name: string) => boolean,
): string[] {
  if (isKnown(piece)) return [piece];
  const known = (name: string) => isKnown(name) || alsoNamed(name);
  const cuts = [...piece.matchAll(CONJUNCTION)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    welshA: m[0].trim().toLocaleLowerCase('cy-GB') === 'a',
  }));
  if (cuts.length === 0) return [piece];
  // Part k runs from starts[k] to ends[k]; afterA[k] when the word before it is the Welsh "a".
  const starts = [0, ...cuts.map((c) => c.end)];
  const ends = [...cuts.map((c) => c.start), piece.length];
  const afterA = [false, ...cuts.map((c) => c.welshA)];
  const n = starts.length;
  // best[i]: the fewest known names covering parts i.. (undefined when they cannot all be known).
  const best: (string[] | undefined)[] = Array.from({ length: n + 1 }, () => undefined);
  best[n] = [];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= n; j++) {
      const rest = best[j];
      if (rest === undefined) continue;
      const written = piece.slice(starts[i], ends[j - 1]).trim();
      const radical = afterA[i] ? unmutated(written) : undefined;
      const name = known(written) ? written : radical !== undefined && known(radical) ? radical : undefined;
      // The whole piece is never "named elsewhere" by itself: it is one of the names being read.
      if (name === undefined || (i === 0 && j === n && !isKnown(name))) continue;
      if (best[i] === undefined || rest.length + 1 < (best[i] as string[]).length) best[i] = [name, ...rest];
    }
  }
  const split = best[0];
  return split !== undefined && split.length > 1 ? split : [piece];
}

/**
 * The names in a partner list. A cell that separates names with ";", "|",
 * "•" or new lines is split on those only: a name in it is never cut on
 * "and" or "&". Commas part names too (a cell "Torfaen CBC, Gwent Police" is
 * a list), unless the whole text between separators is a known partner. A
 * piece is split on "and", "&", "a" or "ac" only when every part is a known
 * partner (`isKnown`), so "Cardiff and Vale College" and "Care & Repair
 * Cymru" stay whole. `alsoNamed` are names the rest of the file lists (new
 * partners): parts may be those too, but a piece is not kept whole for being
 * one of them. A name the person confirmed is several (`confirmedSplit`) is
 * cut at every "and". One name listed twice is one partner.
 */
export function splitPartnerList(
  cell: RawCell,
  isKnown: (name: string) => boolean = () => false,
  options: {
    readonly alsoNamed?: (name: string) => boolean;
    /** Names the person has confirmed are several partners ("Two partners: …"): cut at every "and". */
    readonly confirmedSplit?: (name: string) => boolean;
  } = {},
): string[] {
  const alsoNamed = options.alsoNamed ?? (() => false);
  const confirmed = options.confirmedSplit ?? (() => false);
  const text = cellText(cell);
  if (isBlank(text)) return [];
  const listed = LIST_SEPARATORS.test(text);
  const out: string[] = [];
  let first = true;
  for (const group of text.split(LIST_SEPARATORS)) {
    const whole = group.trim();
    if (whole === '') continue;
    const pieces = isKnown(whole) ? [whole] : whole.split(',');
    for (const raw of pieces) {
      // A list's last name may follow "and" after a comma ("Torfaen, Newport and Caerphilly", "…, and Newport").
      const piece = (first ? raw.trim() : raw.trim().replace(/^(?:and|a|ac|&)\s+/i, '')).trim();
      if (piece === '') continue;
      first = false;
      const parts = confirmed(piece) ? conjunctionParts(piece) : [];
      if (parts.length > 1) out.push(...parts);
      else if (listed) out.push(piece);
      else out.push(...splitOnConjunctions(piece, isKnown, alsoNamed));
    }
  }
  const seen = new Set<string>();
  return out.filter((name) => {
    const k = fold(name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The key under which a name proposed as a new partner is remembered within
 * one import: two spellings of one new body ("Cardiff & Vale College",
 * "Cardiff and Vale College") are one new partner.
 */
export function newPartnerKey(name: string): string {
  return normalisePartnerName(name) || fold(name);
}
