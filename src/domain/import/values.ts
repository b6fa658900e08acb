/**
 * A file's own words for the register's choices, and values for fields the
 * file does not have (issue 17).
 *
 * Councils' registers say "Statutory? Yes/No" where the register asks for a
 * basis, and "Company limited by guarantee" where it asks for a model. For each
 * choice column the preview lists the distinct values found and the person says
 * what each means ("Yes" → Statutory), remembered with the column mapping. A
 * field the file lacks gets a value the person chooses for every row; nothing
 * is defaulted without being shown.
 */
import type { Collaboration } from '../collaboration';
import { fieldSpec } from '../fields';
import {
  catalogueFieldOf,
  IMPORT_FIELDS,
  type ChoiceField,
  type ColumnMapping,
  type ImportField,
  type ImportVocabulary,
} from './mapping';
import { cellText, fold, isBlank, parseChoice, parseYesNo, type RawCell } from './parse';

/** Values for fields the file does not have (the governance officer sees them and can change them). */
export interface ImportDefaults {
  readonly kind: Collaboration['kind'];
  readonly status: Collaboration['status'];
  readonly basis: Collaboration['basis'];
  readonly footprint: Collaboration['footprint'];
  readonly reviewFrequency: Collaboration['reviewFrequency'];
  readonly serviceRisk: Collaboration['serviceRisk'];
}

export const DEFAULT_IMPORT_DEFAULTS: ImportDefaults = {
  kind: 'collaboration',
  status: 'active',
  basis: 'localDecision',
  footprint: 'local',
  reviewFrequency: 'annual',
  serviceRisk: 'medium',
};

/** What the person said a file's words mean: field → folded cell text → choice code. */
export type ValueMapping = Readonly<Partial<Record<ChoiceField, Readonly<Record<string, string>>>>>;

/** Values for fields the file has no column for, the same for every row (field → the value, as a cell). */
export type FillValues = Readonly<Partial<Record<ImportField, string>>>;

/** A field whose values are one of a set (or several of it). */
export function isChoiceField(field: ImportField): field is ChoiceField {
  const kind = fieldSpec(catalogueFieldOf(field)).kind;
  return kind === 'choice' || kind === 'multiChoice';
}

/** The pieces of a cell as the import reads them: a multi-choice cell splits on ; | and new lines. */
export function choicePieces(field: ChoiceField, cell: RawCell): string[] {
  const text = cellText(cell);
  if (isBlank(text)) return [];
  if (fieldSpec(catalogueFieldOf(field)).kind !== 'multiChoice') return [text];
  return text
    .split(/[;\n|]+/)
    .map((p) => p.trim())
    .filter((p) => !isBlank(p));
}

/** One choice as the file writes it: the person's meaning first, then the register's own words. */
export function readChoice(
  field: ChoiceField,
  piece: string,
  vocabulary: ImportVocabulary,
  values: ValueMapping | undefined,
): { ok: true; value: string | undefined } | { ok: false } {
  const mapped = values?.[field]?.[fold(piece)];
  if (mapped !== undefined) return { ok: true, value: mapped };
  const r = parseChoice(piece, vocabulary.choices[field]);
  return r.ok ? { ok: true, value: r.value } : { ok: false };
}

export interface FoundValue {
  /** The text as the file first wrote it. */
  readonly text: string;
  readonly rows: number;
  /** The code it reads as now (the person's meaning or the register's words); absent: it is refused. */
  readonly code?: string;
  /** True when the code is the person's (or the suggested) meaning rather than the register's own word. */
  readonly mapped: boolean;
}

export interface ColumnValues {
  readonly column: number;
  readonly field: ChoiceField;
  readonly values: readonly FoundValue[];
}

/**
 * The distinct values of every mapped choice column, most rows first, each with
 * what it reads as. `limit` bounds the list per column (a free-text column mapped
 * to a choice by mistake has thousands).
 */
export function columnValues(
  rows: readonly { readonly cells: readonly RawCell[] }[],
  mapping: ColumnMapping,
  vocabulary: ImportVocabulary,
  values: ValueMapping | undefined,
  limit = 60,
): ColumnValues[] {
  const out: ColumnValues[] = [];
  mapping.forEach((field, column) => {
    if (field === null || !isChoiceField(field)) return;
    const found = new Map<string, { text: string; rows: number }>();
    for (const r of rows) {
      for (const piece of choicePieces(field, r.cells[column])) {
        const k = fold(piece);
        const seen = found.get(k);
        if (seen) seen.rows += 1;
        else found.set(k, { text: piece, rows: 1 });
      }
    }
    const list = [...found.values()]
      .sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text, 'en-GB'))
      .slice(0, limit)
      .map((v): FoundValue => {
        const mapped = values?.[field]?.[fold(v.text)];
        if (mapped !== undefined) return { ...v, code: mapped, mapped: true };
        const r = parseChoice(v.text, vocabulary.choices[field]);
        return r.ok && r.value !== undefined ? { ...v, code: r.value, mapped: false } : { ...v, mapped: false };
      });
    out.push({ column, field, values: list });
  });
  return out;
}

/**
 * Meanings worth suggesting for a file's words: a Yes/No column whose heading
 * names one of the field's choices ("Statutory?" mapped to Basis) reads Yes as
 * that choice, and No as the choice the import would otherwise give the field
 * (Local decision), when that is another choice. The person sees and can change them.
 */
export function suggestValueMapping(
  headers: readonly string[],
  rows: readonly { readonly cells: readonly RawCell[] }[],
  mapping: ColumnMapping,
  vocabulary: ImportVocabulary,
): ValueMapping {
  const out: Partial<Record<ChoiceField, Record<string, string>>> = {};
  const defaults = DEFAULT_IMPORT_DEFAULTS as unknown as Readonly<Record<string, string>>;
  mapping.forEach((field, column) => {
    if (field === null || !isChoiceField(field) || fieldSpec(catalogueFieldOf(field)).kind !== 'choice') return;
    const heading = ` ${fold(headers[column] ?? '')} `;
    const named = Object.entries(vocabulary.choices[field]).find(([code, words]) =>
      [code, ...words].some((w) => {
        const fw = fold(w);
        return fw.length > 2 && heading.includes(` ${fw} `);
      }),
    )?.[0];
    if (named === undefined) return;
    const meaning: Record<string, string> = {};
    for (const r of rows) {
      const text = cellText(r.cells[column]);
      if (isBlank(text) || parseChoice(text, vocabulary.choices[field]).ok) continue;
      const yes = parseYesNo(text);
      if (!yes.ok || yes.value === undefined) continue;
      const fallback = defaults[field];
      if (yes.value) meaning[fold(text)] = named;
      else if (fallback !== undefined && fallback !== named) meaning[fold(text)] = fallback;
    }
    if (Object.keys(meaning).length > 0) out[field] = meaning;
  });
  return out;
}

/** The person's meanings, with suggestions only where the person has said nothing for that word. */
export function withSuggestions(mine: ValueMapping | undefined, suggested: ValueMapping): ValueMapping {
  const out: Partial<Record<ChoiceField, Record<string, string>>> = {};
  for (const [field, words] of Object.entries(suggested) as [ChoiceField, Record<string, string>][])
    out[field] = { ...words };
  for (const [field, words] of Object.entries(mine ?? {}) as [ChoiceField, Record<string, string>][])
    out[field] = { ...(out[field] ?? {}), ...words };
  return out;
}

/** The value a field the file lacks will get for every new record: the person's, else the import's default. */
export interface AbsentField {
  readonly field: ImportField;
  /** The value for every row (a choice's code, or text as typed); absent: none yet, and the field is required. */
  readonly value?: string;
  /** Where the value comes from. */
  readonly from: 'person' | 'default' | 'none';
  readonly required: boolean;
}

/**
 * The fields a new record needs (or has a default for) that no column of the
 * file gives, with the value each will get: shown to the person, never silent.
 */
export function absentFields(
  mapping: ColumnMapping,
  fill: FillValues | undefined,
  defaults: ImportDefaults = DEFAULT_IMPORT_DEFAULTS,
): AbsentField[] {
  const given = defaults as unknown as Readonly<Record<string, string>>;
  const out: AbsentField[] = [];
  for (const field of IMPORT_FIELDS) {
    if (field === 'reference' || mapping.includes(field)) continue;
    const spec = fieldSpec(catalogueFieldOf(field));
    // Derived fields (significance, the next review) are worked out, not asked for.
    if (spec.source !== 'typed') continue;
    const mine = fill?.[field];
    const fallback = given[field];
    if (mine !== undefined && mine.trim() !== '')
      out.push({ field, value: mine, from: 'person', required: spec.required });
    else if (fallback !== undefined) out.push({ field, value: fallback, from: 'default', required: spec.required });
    else if (spec.required && spec.kind !== 'multiChoice' && spec.kind !== 'partners' && spec.kind !== 'yesNo')
      out.push({ field, from: 'none', required: true });
  }
  return out;
}
