/**
 * The compendium (seed 003: every collaboration, updated annually) as CSV,
 * JSON and Excel: each collaboration with its partners, model, scope, basis,
 * lead, status, last review and its outcome, with English, Welsh or both
 * headings. The columns carry the words the import reads, so what is
 * exported comes back in unchanged.
 */
import type { Collaboration } from '../domain/collaboration';
import { exportedFields, fieldSpec, fieldValue, type CollaborationField } from '../domain/fields';
import { importFieldOf } from '../domain/import/mapping';
import type { Partner } from '../domain/entities';
import type { Stored } from '../domain/ports';
import { isInScope } from '../domain/scope';
import type { Outcome } from '../domain/vocabulary';
import { writeCsv, type OutCell } from './csv';
import { writeXlsx, type XlsxCell } from './xlsx';

export type ExportLanguage = 'en' | 'cy' | 'both';
/** A message catalogue lookup in one language (src/i18n `translate` bound to a locale). */
export type Translate = (key: string) => string;

type Value =
  | { readonly kind: 'text'; readonly value: string | undefined }
  | { readonly kind: 'date'; readonly value: string | undefined }
  | { readonly kind: 'money'; readonly value: number | undefined };

interface Column {
  /** Catalogue key of the heading. */
  readonly heading: string;
  /** Short name for JSON. */
  readonly name: string;
  readonly value: (c: Stored<Collaboration>, t: Translate) => Value;
}

export interface CompendiumInput {
  readonly records: readonly Stored<Collaboration>[];
  readonly partners: readonly Stored<Partner>[];
  /** The outcome of each collaboration's latest review that has one, by collaboration id. */
  readonly lastOutcomes?: ReadonlyMap<number, Outcome>;
}

const text = (value: string | undefined): Value => ({ kind: 'text', value });
const date = (value: string | undefined): Value => ({ kind: 'date', value });
const money = (value: number | undefined): Value => ({ kind: 'money', value });

/** Columns the compendium has that are no field of the record, placed after a field. */
const EXTRA_AFTER: Partial<Record<CollaborationField, (input: CompendiumInput) => Column>> = {
  model: () => ({
    heading: 'transfer.columns.scope',
    name: 'scope',
    value: (c, t) => text(t(isInScope(c.model) ? 'transfer.values.inScope' : 'transfer.values.outOfScope')),
  }),
  lastReviewDate: (input) => ({
    heading: 'transfer.columns.lastOutcome',
    name: 'lastOutcome',
    value: (c, t) => {
      const outcome = c.id !== undefined ? input.lastOutcomes?.get(c.id) : undefined;
      return text(outcome ? t(`vocab.outcome.${outcome}`) : undefined);
    },
  }),
};

/** The compendium's columns: the catalogue's fields exported to it, in its order, by their kind. */
function columns(input: CompendiumInput, lang: 'en' | 'cy'): Column[] {
  const partnerName = new Map(input.partners.map((p) => [p.id, lang === 'cy' && p.nameCy ? p.nameCy : p.name]));
  const valueOf =
    (field: CollaborationField) =>
    (c: Stored<Collaboration>, t: Translate): Value => {
      const v = fieldValue(c, field);
      switch (v.kind) {
        case 'empty':
          return fieldSpec(field).kind === 'money' ? money(undefined) : text(undefined);
        case 'text':
          return text(v.text);
        case 'choice':
          return text(v.codes.map((code) => t(`vocab.${v.set}.${code}`)).join('; '));
        case 'yesNo':
          return text(t(v.value ? 'transfer.values.yes' : 'transfer.values.no'));
        case 'date':
          return date(v.date);
        case 'money':
          return money(v.value);
        case 'number':
          return text(String(v.value));
        case 'person':
          // By e-mail where known, so the import finds the person again.
          return text(v.email ?? v.name);
        case 'partners':
          return text(v.ids.map((id) => partnerName.get(id) ?? `#${id}`).join('; '));
      }
    };
  return exportedFields('compendium').flatMap((field) => {
    const column: Column = { heading: `fields.${field}`, name: importFieldOf(field) ?? field, value: valueOf(field) };
    const extra = EXTRA_AFTER[field];
    return extra ? [column, extra(input)] : [column];
  });
}

export interface CompendiumTable {
  readonly names: readonly string[];
  readonly headings: readonly string[];
  readonly rows: readonly (readonly Value[])[];
}

/**
 * The compendium as a table. Values are written in the headings' language
 * (English for "both"); people by e-mail where known, so the import finds them.
 */
export function compendiumTable(
  input: CompendiumInput,
  lang: ExportLanguage,
  t: { en: Translate; cy: Translate },
): CompendiumTable {
  const valueLang = lang === 'cy' ? 'cy' : 'en';
  const cols = columns(input, valueLang);
  const headings = cols.map((c) => (lang === 'both' ? `${t.en(c.heading)} / ${t.cy(c.heading)}` : t[lang](c.heading)));
  const sorted = [...input.records].sort((a, b) =>
    a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0,
  );
  return {
    names: cols.map((c) => c.name),
    headings,
    rows: sorted.map((r) => cols.map((c) => c.value(r, t[valueLang]))),
  };
}

export function compendiumCsv(table: CompendiumTable): string {
  const rows: OutCell[][] = [[...table.headings], ...table.rows.map((r) => r.map((v) => v.value))];
  return writeCsv(rows);
}

/** JSON: one object per collaboration, keyed by the headings (so the import reads it like the CSV). */
export function compendiumJson(table: CompendiumTable): string {
  const items = table.rows.map((r) => Object.fromEntries(table.headings.map((h, i) => [h, r[i]?.value ?? null])));
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function compendiumXlsx(table: CompendiumTable, sheetName: string): Promise<Uint8Array> {
  const rows: XlsxCell[][] = table.rows.map((r) =>
    r.map((v): XlsxCell => {
      if (v.value === undefined) return null;
      if (v.kind === 'date') return { date: v.value };
      if (v.kind === 'money') return { money: v.value };
      return v.value;
    }),
  );
  return writeXlsx(sheetName, table.headings, rows);
}
