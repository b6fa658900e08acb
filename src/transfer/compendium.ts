/**
 * The compendium (seed 003: every collaboration, updated annually) as CSV,
 * JSON and Excel: each collaboration with its partners, model, scope, basis,
 * lead, status, last review and its outcome, with English, Welsh or both
 * headings. The columns carry the words the import reads, so what is
 * exported comes back in unchanged.
 */
import type { Collaboration } from '../domain/collaboration';
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

function columns(input: CompendiumInput, lang: 'en' | 'cy'): Column[] {
  const partnerName = new Map(input.partners.map((p) => [p.id, lang === 'cy' && p.nameCy ? p.nameCy : p.name]));
  const vocab = (set: string, code: string | undefined) => (t: Translate) =>
    code ? t(`vocab.${set}.${code}`) : undefined;
  return [
    { heading: 'fields.reference', name: 'reference', value: (c) => text(c.reference) },
    { heading: 'fields.title', name: 'title', value: (c) => text(c.title) },
    { heading: 'fields.titleCy', name: 'titleCy', value: (c) => text(c.titleCy) },
    { heading: 'fields.kind', name: 'kind', value: (c, t) => text(vocab('kind', c.kind)(t)) },
    { heading: 'fields.model', name: 'model', value: (c, t) => text(vocab('model', c.model)(t)) },
    {
      heading: 'transfer.columns.scope',
      name: 'scope',
      value: (c, t) => text(t(isInScope(c.model) ? 'transfer.values.inScope' : 'transfer.values.outOfScope')),
    },
    { heading: 'fields.purpose', name: 'purpose', value: (c) => text(c.purpose) },
    { heading: 'fields.outcomes', name: 'outcomes', value: (c) => text(c.outcomes) },
    {
      heading: 'fields.reasons',
      name: 'reasons',
      value: (c, t) => text(c.reasons.map((r) => t(`vocab.reason.${r}`)).join('; ') || undefined),
    },
    { heading: 'fields.basis', name: 'basis', value: (c, t) => text(vocab('basis', c.basis)(t)) },
    { heading: 'fields.footprint', name: 'footprint', value: (c, t) => text(vocab('footprint', c.footprint)(t)) },
    { heading: 'fields.leadOrganisation', name: 'leadOrganisation', value: (c) => text(c.leadOrganisation) },
    {
      heading: 'fields.councilLeads',
      name: 'councilLeads',
      value: (c, t) => text(t(c.councilLeads ? 'transfer.values.yes' : 'transfer.values.no')),
    },
    {
      heading: 'fields.partnerIds',
      name: 'partners',
      value: (c) => text(c.partnerIds.map((id) => partnerName.get(id) ?? `#${id}`).join('; ') || undefined),
    },
    { heading: 'fields.serviceArea', name: 'serviceArea', value: (c) => text(c.serviceArea) },
    { heading: 'fields.directorate', name: 'directorate', value: (c) => text(c.directorate) },
    {
      heading: 'fields.leadOfficer',
      name: 'leadOfficer',
      value: (c) => text(c.leadOfficer?.email ?? c.leadOfficer?.displayName),
    },
    {
      heading: 'fields.headOfService',
      name: 'headOfService',
      value: (c) => text(c.headOfService?.email ?? c.headOfService?.displayName),
    },
    { heading: 'fields.status', name: 'status', value: (c, t) => text(vocab('status', c.status)(t)) },
    { heading: 'fields.startDate', name: 'startDate', value: (c) => date(c.startDate) },
    { heading: 'fields.endDate', name: 'endDate', value: (c) => date(c.endDate) },
    {
      heading: 'fields.reviewFrequency',
      name: 'reviewFrequency',
      value: (c, t) => text(vocab('reviewFrequency', c.reviewFrequency)(t)),
    },
    { heading: 'fields.lastReviewDate', name: 'lastReviewDate', value: (c) => date(c.lastReviewDate) },
    {
      heading: 'transfer.columns.lastOutcome',
      name: 'lastOutcome',
      value: (c, t) => text(vocab('outcome', c.id !== undefined ? input.lastOutcomes?.get(c.id) : undefined)(t)),
    },
    { heading: 'fields.nextReviewDue', name: 'nextReviewDue', value: (c) => date(c.nextReviewDue) },
    { heading: 'fields.annualCost', name: 'annualCost', value: (c) => money(c.annualCost) },
    { heading: 'fields.councilContribution', name: 'councilContribution', value: (c) => money(c.councilContribution) },
    { heading: 'fields.serviceRisk', name: 'serviceRisk', value: (c, t) => text(vocab('risk', c.serviceRisk)(t)) },
    {
      heading: 'fields.significance',
      name: 'significance',
      value: (c, t) => text(vocab('significance', c.significance)(t)),
    },
    { heading: 'fields.scrutiny', name: 'scrutiny', value: (c) => text(c.scrutiny) },
    { heading: 'fields.disputeResolution', name: 'disputeResolution', value: (c) => text(c.disputeResolution) },
    { heading: 'fields.exitStrategy', name: 'exitStrategy', value: (c) => text(c.exitStrategy) },
    { heading: 'fields.exitNote', name: 'exitNote', value: (c) => text(c.exitNote) },
    { heading: 'fields.panel', name: 'panel', value: (c) => text(c.panel) },
  ];
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
