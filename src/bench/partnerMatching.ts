/**
 * Partner-name matching benchmark: 5,000 partner names as registers write
 * them (exact, short forms, "&", bilingual, near misses, new bodies) matched
 * against 1,000 partner organisations, as an import's rows ask: the certain
 * match first, then a suggestion for what is left. A fresh index each run
 * (an import builds one), so the figure includes building it.
 */
import { partnerIndex, splitPartnerList, type PartnerRef } from '../domain/import';
import type { Figure } from './figure';
import { PLACES } from '../local/demo';
import { median, round } from './measure';

/** Kinds of body: English form, Welsh form, how a register shortens the English. */
const KINDS: readonly [string, string, string][] = [
  ['County Borough Council', 'Cyngor Bwrdeistref Sirol', 'CBC'],
  ['University Health Board', 'Bwrdd Iechyd Prifysgol', 'UHB'],
  ['Community Council', 'Cyngor Cymuned', 'Community Council'],
  ['Fire and Rescue Service', 'Gwasanaeth Tân ac Achub', 'FRS'],
  ['Housing Association', 'Cymdeithas Tai', 'HA'],
  ['Care and Repair', 'Gofal a Thrwsio', 'Care & Repair'],
  ['Primary School', 'Ysgol Gynradd', 'Primary School'],
  ['Foodbank', 'Banc Bwyd', 'Food Bank'],
  ['Leisure Trust', 'Ymddiriedolaeth Hamdden', 'Leisure Trust'],
  ['Credit Union', 'Undeb Credyd', 'Credit Union'],
];

function partners(count: number): PartnerRef[] {
  const out: PartnerRef[] = [];
  for (let i = 0; out.length < count; i++) {
    const place = `${PLACES[i % PLACES.length] as string}${i >= PLACES.length * KINDS.length ? ` ${Math.floor(i / 200) + 1}` : ''}`;
    const [en, cy] = KINDS[Math.floor(i / PLACES.length) % KINDS.length] as [string, string, string];
    out.push({ id: out.length + 1, key: `P-${out.length + 1}`, name: `${place} ${en}`, nameCy: `${cy} ${place}` });
  }
  return out;
}

/** The names a 5,000-name file gives: a fifth each exact, shortened, bilingual, misspelt, and new. */
function names(count: number, of: readonly PartnerRef[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = of[(i * 7919) % of.length] as PartnerRef;
    const kind = KINDS.find(([en]) => p.name.endsWith(en)) as [string, string, string];
    const place = p.name.slice(0, p.name.length - kind[0].length - 1);
    switch (i % 5) {
      case 0:
        out.push(p.name);
        break;
      case 1:
        out.push(`${place} ${kind[2]}`);
        break;
      case 2:
        out.push(`${p.nameCy ?? ''} / ${p.name}`);
        break;
      case 3:
        out.push(`${place.replace(/([aeiou])([a-z])/, '$2$1')} ${kind[0].replace(' and ', ' & ')}`);
        break;
      default:
        out.push(`${place} Men's Shed ${i}`);
    }
  }
  return out;
}

export function benchPartnerMatching(): Figure[] {
  const register = partners(1_000);
  const file = names(5_000, register);
  const runs: number[] = [];
  let matched = 0;
  let suggested = 0;
  for (let run = 0; run < 5; run++) {
    // A new array each run: the index is built once per list of partners, as an import builds it.
    const start = performance.now();
    const index = partnerIndex([...register]);
    matched = 0;
    suggested = 0;
    for (const cell of file) {
      for (const name of splitPartnerList(cell, (n) => index.match(n) !== undefined)) {
        if (index.match(name) !== undefined) matched++;
        else if (index.suggest(name)) suggested++;
      }
    }
    runs.push(performance.now() - start);
  }
  return [
    { name: 'import.partners.match_5k_names_1k_partners', value: round(median(runs)), unit: 'ms' },
    { name: 'import.partners.matched_for_certain', value: matched, unit: 'names' },
    { name: 'import.partners.suggested', value: suggested, unit: 'names' },
  ];
}
