/**
 * The plan of an import, before anything is written: for each row, create,
 * update, unchanged, skip (the person's choice) or blocked (a problem that
 * must be fixed or the row skipped). Pure: the stored records it compares
 * against are passed in.
 */
import type { Collaboration } from '../collaboration';
import type { Directorate } from '../panels';
import type { Stored } from '../ports';
import { formatReference, parseReference } from '../reference';
import type { ColumnMapping } from './mapping';
import { fold } from './parse';
import { newPartnerKey, normalisePartnerName, type PartnerSuggestion } from './partners';
import { isOwnReference, recordOf, sameRecord, type ImportDefaults, type ImportProblem, type RowDraft } from './rows';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'skip' | 'blocked';

export interface PlanEntry {
  readonly row: number;
  readonly key: string;
  readonly action: PlanAction;
  /** The record as it will be saved (for a skipped or blocked row: as far as it could be read). */
  readonly record: Collaboration;
  readonly existing?: Stored<Collaboration>;
  readonly problems: readonly ImportProblem[];
  /** A collaboration of the same or a similar name the register holds, and whether the row updates it. */
  readonly nameMatch?: RowNameMatch;
}

export interface RowNameMatch {
  readonly kind: 'same' | 'similar';
  readonly reference: string;
  readonly title: string;
  /** True when the row updates that record (the default for the same name; the person's choice for a similar one). */
  readonly update: boolean;
}

export interface PlanOptions {
  readonly mapping: ColumnMapping;
  /** Stored records whose ImportKey is one of the rows' keys. */
  readonly existingByKey: ReadonlyMap<string, Stored<Collaboration>>;
  /** Stored records by reference, for files whose identifier is the register's own reference (a round trip). */
  readonly existingByReference?: ReadonlyMap<string, Stored<Collaboration>>;
  /** Stored records rows will update because the register holds them under the row's name, by row. */
  readonly existingByRow?: ReadonlyMap<number, Stored<Collaboration>>;
  readonly nameMatches?: ReadonlyMap<number, RowNameMatch>;
  /** The first free reference (the store's next reference). */
  readonly nextReference: string;
  /** Rows the person chose to skip. */
  readonly skip?: ReadonlySet<number>;
  /** Partner ids for names not yet in the register (created first, or placeholders in a preview). */
  readonly newPartnerIds?: ReadonlyMap<string, number>;
  readonly defaults?: ImportDefaults;
  readonly councilName?: string;
  /** The council's directorates: a row's Welsh directorate name is kept as the English one. */
  readonly directorates?: readonly Directorate[];
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly skip: number;
  readonly blocked: number;
}

export function planImport(drafts: readonly RowDraft[], options: PlanOptions): PlanEntry[] {
  let counter = parseReference(options.nextReference) ?? 1;
  const taken = new Set<string>([...(options.existingByReference?.keys() ?? [])]);
  const nextFree = (): string => {
    for (;;) {
      const r = formatReference(counter++);
      if (!taken.has(r)) {
        taken.add(r);
        return r;
      }
    }
  };
  return drafts.map((draft): PlanEntry => {
    const ownRef = isOwnReference(draft.sourceId) ? draft.sourceId.trim().toLocaleUpperCase('en-GB') : undefined;
    const existing =
      options.existingByKey.get(draft.key) ??
      (ownRef !== undefined ? options.existingByReference?.get(ownRef) : undefined) ??
      options.existingByRow?.get(draft.row);
    const nameMatch = options.nameMatches?.get(draft.row);
    const skipped = options.skip?.has(draft.row) ?? false;
    const reference =
      existing?.reference ??
      (ownRef !== undefined && !taken.has(ownRef) ? (taken.add(ownRef), ownRef) : skipped ? '' : nextFree());
    const { record, problems } = recordOf(draft, {
      mapping: options.mapping,
      reference,
      ...(existing ? { existing } : {}),
      ...(options.newPartnerIds ? { newPartnerIds: options.newPartnerIds } : {}),
      ...(options.defaults ? { defaults: options.defaults } : {}),
      ...(options.councilName ? { councilName: options.councilName } : {}),
      ...(options.directorates ? { directorates: options.directorates } : {}),
    });
    // A partner that could not be made is an error; it replaces the row's "will be added" notes.
    const unmade = problems.some((p) => p.code === 'partnerProposed');
    // A field whose cell could not be read is reported once, for the cell, not again by validation.
    const unread = new Set(draft.problems.filter((p) => p.severity === 'error').map((p) => p.field));
    const all = [
      ...draft.problems.filter((p) => !(unmade && p.code === 'partnerProposed')),
      ...problems.filter((p) => !unread.has(p.field)),
    ];
    if (nameMatch)
      all.push({
        row: draft.row,
        column: null,
        field: 'title',
        code: nameMatch.update ? 'sameNameInRegister' : 'similarNameInRegister',
        severity: 'warning',
        params: { reference: nameMatch.reference, title: nameMatch.title },
      });
    const base = {
      row: draft.row,
      key: draft.key,
      record,
      problems: all,
      ...(existing ? { existing } : {}),
      ...(nameMatch ? { nameMatch } : {}),
    };
    if (skipped) return { ...base, action: 'skip' };
    if (all.some((p) => p.severity === 'error')) return { ...base, action: 'blocked' };
    if (!existing) return { ...base, action: 'create' };
    return { ...base, action: sameRecord(record, existing) ? 'unchanged' : 'update' };
  });
}

export function summarisePlan(plan: readonly PlanEntry[]): PlanSummary {
  const s = { create: 0, update: 0, unchanged: 0, skip: 0, blocked: 0 };
  for (const e of plan) s[e.action] += 1;
  return s;
}

/**
 * Partner names no partner of the register carries, each once (first
 * spelling kept; "Cardiff & Vale College" and "Cardiff and Vale College" are
 * one new partner).
 */
export function proposedPartners(drafts: readonly RowDraft[], skip?: ReadonlySet<number>): string[] {
  const seen = new Map<string, string>();
  for (const d of drafts) {
    if (skip?.has(d.row)) continue;
    for (const p of d.partners ?? [])
      if (p.id === undefined && !seen.has(newPartnerKey(p.name))) seen.set(newPartnerKey(p.name), p.name);
  }
  return [...seen.values()];
}

/** A partner name of the file for which an existing partner is suggested, once per name as the file wrote it. */
export interface NameSuggestion {
  /** The name as the file first wrote it. */
  readonly name: string;
  /** The name folded: the key of the person's choice (`partnerChoices`). */
  readonly folded: string;
  readonly suggestion: PartnerSuggestion;
}

/** The names of the file that have a suggested partner, each once, in the order the file names them. */
export function partnerSuggestions(drafts: readonly RowDraft[], skip?: ReadonlySet<number>): NameSuggestion[] {
  const seen = new Map<string, NameSuggestion>();
  for (const d of drafts) {
    if (skip?.has(d.row)) continue;
    for (const p of d.partners ?? [])
      if (p.suggestion && !seen.has(fold(p.name)))
        seen.set(fold(p.name), { name: p.name, folded: fold(p.name), suggestion: p.suggestion });
  }
  return [...seen.values()];
}

/** A new partner name of the file that may be several partners, once per name as the file wrote it. */
export interface SplitOffer {
  readonly name: string;
  /** The name folded: the key of the person's answer (`partnerSplits`). */
  readonly folded: string;
  readonly parts: readonly string[];
}

/** The names of the file that may be several partners ("Torfaen CBC and Cardiff Met"), each once. */
export function splitOffers(drafts: readonly RowDraft[], skip?: ReadonlySet<number>): SplitOffer[] {
  const seen = new Map<string, SplitOffer>();
  for (const d of drafts) {
    if (skip?.has(d.row)) continue;
    for (const p of d.partners ?? [])
      if (p.parts && !seen.has(fold(p.name)))
        seen.set(fold(p.name), { name: p.name, folded: fold(p.name), parts: p.parts });
  }
  return [...seen.values()];
}

/** A partner key for a proposed partner: stable for the same name in any of its spellings, so a rerun finds it. */
export function partnerKeyFor(name: string): string {
  const slug = normalisePartnerName(name).replace(/\s+/g, '-').slice(0, 60);
  return `IMP-${slug || 'partner'}`;
}
