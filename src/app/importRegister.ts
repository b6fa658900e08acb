/**
 * Import a register (the use case the tab's import page and `npm run import`
 * both call). Running an import through an ImportTarget: the preview (what each row will
 * become, nothing written) and the write (new partners first, then records in
 * batches of 100, updates with their ETags). Both are safe to repeat: rows
 * already written are found by their import key, so a rerun, or a rerun of an
 * interrupted import, creates nothing twice. Reading the file (CSV, Excel,
 * JSON) is src/transfer's; the rules (mapping, row checks, the plan) are the
 * domain's; this module orders the reads and writes.
 */
import type { Collaboration, Person } from '../domain/collaboration';
import type { Partner } from '../domain/entities';
import type { Directorate } from '../domain/panels';
import { changesOf, type HistoryEntry } from '../domain/history';
import {
  absentFields,
  columnValues,
  fold,
  isOwnReference,
  nameIndex,
  newPartnerKey,
  partnerKeyFor,
  partnerSuggestions,
  planImport,
  proposedPartners,
  splitOffers,
  readRows,
  summarisePlan,
  type AbsentField,
  withLostLetterWarnings,
  type ColumnMapping,
  type ColumnValues,
  type FillValues,
  type ImportDefaults,
  type ImportTarget,
  type ImportVocabulary,
  type NameSuggestion,
  type PlanEntry,
  type PlanSummary,
  type RawCell,
  type RowDraft,
  type RowNameMatch,
  type ValueMapping,
  type SplitOffer,
} from '../domain/import';
import type { PeopleDirectory, RepoError, RepoResult, Stored } from '../domain/ports';

export const WRITE_CHUNK = 100;

export interface ImportInput {
  readonly rows: readonly { readonly row: number; readonly cells: readonly RawCell[] }[];
  readonly mapping: ColumnMapping;
  readonly vocabulary: ImportVocabulary;
  readonly people?: readonly Person[];
  readonly defaults?: ImportDefaults;
  readonly councilName?: string;
  /** The council's directorates (the channel mappings): a Welsh directorate name is kept as the English one. */
  readonly directorates?: readonly Directorate[];
  /** Rows the person chose to skip. */
  readonly skip?: ReadonlySet<number>;
  /** What the file's own words mean, where the person said ("Yes" in a Basis column → Statutory). */
  readonly values?: ValueMapping;
  /** Values for fields the file has no column for, the same for every row. */
  readonly fill?: FillValues;
  /**
   * For rows whose name the register already holds: the reference to update, or `'new'` to create a
   * record anyway. A row not named updates a record of the same name and creates beside a similar one.
   */
  readonly matches?: ReadonlyMap<number, string>;
  /** The file's text was single-byte (Windows-1252 or plain ASCII): a "?" inside a word is flagged as a lost letter. */
  readonly singleByte?: boolean;
  /**
   * The person's answer for a partner name (folded, as the file wrote it): an
   * existing partner's id, or 'new'. It overrides matching, in the preview and
   * the run alike, so what is written is what the person chose.
   */
  readonly partnerChoices?: ReadonlyMap<string /* folded name as the file wrote it */, number /* partner id */ | 'new'>;
  /** Names (folded, as the file wrote them) the person confirmed are several partners, cut at every "and". */
  readonly partnerSplits?: ReadonlySet<string>;
}

export interface Preview {
  readonly drafts: readonly RowDraft[];
  readonly plan: readonly PlanEntry[];
  readonly summary: PlanSummary;
  /** Partner organisations the import will add. */
  readonly newPartners: readonly string[];
  /** Each choice column's distinct values and what each reads as (refused ones have no code). */
  readonly columnValues: readonly ColumnValues[];
  /** Fields no column gives, with the value each new record will get (shown, never silent). */
  readonly absent: readonly AbsentField[];
  /** Items of the register that could not be read, so a row naming one could not be matched to it. */
  readonly unreadable: readonly RepoError[];
  /** Names of the file for which an existing partner is suggested (chosen or not yet). */
  readonly partnerSuggestions: readonly NameSuggestion[];
  /** New names with "and" in them that may be several partners, one of them known. */
  readonly splitOffers: readonly SplitOffer[];
}

export type ImportFailure =
  | { readonly code: 'blocked'; readonly rows: readonly number[] }
  | { readonly code: 'store'; readonly error: RepoError };

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ImportFailure };

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly failed: number;
  readonly partnersCreated: number;
  /** Rows that failed, with the store's code (conflict, duplicate, throttled...). */
  readonly failures: readonly { readonly row: number; readonly code: string }[];
  /**
   * History entries (status, assurance, significance as imported) that could not be written:
   * the records stand; the reports count an imported status only once it is dated anyway.
   */
  readonly historyNotWritten: number;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

interface Existing {
  readonly byKey: Map<string, Stored<Collaboration>>;
  readonly byReference: Map<string, Stored<Collaboration>>;
  /** Rows that will update a record the register holds under the same name (or the one the person chose). */
  readonly byRow: Map<number, Stored<Collaboration>>;
  /** Each row's match by name, with what the person chose for it. */
  readonly nameMatches: Map<number, RowNameMatch>;
  /** Items of the register that could not be read (a choice typed by hand in SharePoint): left out of the matching. */
  readonly unreadable: readonly RepoError[];
}

/**
 * The stored records the rows will update: by import key (a rerun), by the register's own reference
 * (a round trip), else by name (a council's file names a collaboration the register holds): each
 * stored record for one row at most. The register is read whole, 5,000 records a request in id
 * order (no filter, so a list past the threshold reads too), rather than looked up in chunks.
 */
async function existingFor(
  target: ImportTarget,
  drafts: readonly RowDraft[],
  matches: ImportInput['matches'],
): Promise<Outcome<Existing>> {
  const read = await target.records();
  if (!read.ok) return { ok: false, error: { code: 'store', error: read.error } };
  const all = { value: read.value.items };
  const storedByKey = new Map<string, Stored<Collaboration>>();
  const storedByReference = new Map<string, Stored<Collaboration>>();
  for (const c of all.value) {
    if (c.importKey) storedByKey.set(c.importKey, c);
    storedByReference.set(c.reference.toUpperCase(), c);
  }
  const byKey = new Map<string, Stored<Collaboration>>();
  const byReference = new Map<string, Stored<Collaboration>>();
  const unmatched: RowDraft[] = [];
  for (const d of drafts) {
    const keyed = storedByKey.get(d.key);
    if (keyed) {
      byKey.set(d.key, keyed);
      continue;
    }
    const ref = isOwnReference(d.sourceId) ? d.sourceId.trim().toUpperCase() : undefined;
    const referenced = ref !== undefined ? storedByReference.get(ref) : undefined;
    if (ref !== undefined && referenced) byReference.set(ref, referenced);
    else unmatched.push(d);
  }
  // By name: rows that neither key nor reference found.
  const byRow = new Map<number, Stored<Collaboration>>();
  const nameMatches = new Map<number, RowNameMatch>();
  if (unmatched.length > 0) {
    const index = nameIndex(all.value);
    const byId = new Map(all.value.map((c) => [c.id, c]));
    const taken = new Set<number>([...byKey.values(), ...byReference.values()].map((c) => c.id));
    for (const d of unmatched) {
      const title = typeof d.values.title === 'string' ? d.values.title : '';
      const lead = typeof d.values.leadOrganisation === 'string' ? d.values.leadOrganisation : undefined;
      const m = index.find(title, lead);
      if (!m || taken.has(m.record.id)) continue;
      const chosen = matches?.get(d.row);
      const update = chosen === 'new' ? false : chosen === m.record.reference || m.kind === 'same';
      nameMatches.set(d.row, { kind: m.kind, reference: m.record.reference, title: m.record.title, update });
      const stored = byId.get(m.record.id);
      if (update && stored) {
        taken.add(m.record.id);
        byRow.set(d.row, stored);
      }
    }
  }
  return { ok: true, value: { byKey, byReference, byRow, nameMatches, unreadable: read.value.unreadable } };
}

async function readWithPartners(
  target: ImportTarget,
  input: ImportInput,
): Promise<Outcome<{ drafts: RowDraft[]; partners: Stored<Partner>[] }>> {
  const partners = await target.partners();
  if (!partners.ok) return { ok: false, error: { code: 'store', error: partners.error } };
  const drafts = readRows(input.rows, input.mapping, {
    vocabulary: input.vocabulary,
    partners: partners.value,
    ...(input.people ? { people: input.people } : {}),
    ...(input.defaults ? { defaults: input.defaults } : {}),
    ...(input.councilName ? { councilName: input.councilName } : {}),
    ...(input.values ? { values: input.values } : {}),
    ...(input.fill ? { fill: input.fill } : {}),
    ...(input.partnerChoices ? { partnerChoices: input.partnerChoices } : {}),
    ...(input.partnerSplits ? { partnerSplits: input.partnerSplits } : {}),
  });
  // A "?" inside a word of a single-byte file is a letter lost when it was saved: a note per cell.
  const noted = input.singleByte ? withLostLetterWarnings(drafts, input.rows, input.mapping) : drafts;
  return { ok: true, value: { drafts: noted, partners: partners.value } };
}

/**
 * The plan against what is stored now: the records the rows match and the next free reference.
 * `newPartnerIds` are the partners the rows add: placeholders in a preview, real ids when writing.
 */
async function planAgainstStore(
  target: ImportTarget,
  input: ImportInput,
  drafts: readonly RowDraft[],
  newPartnerIds: ReadonlyMap<string, number>,
): Promise<Outcome<{ plan: PlanEntry[]; unreadable: readonly RepoError[] }>> {
  const existing = await existingFor(target, drafts, input.matches);
  if (!existing.ok) return existing;
  const next = await target.nextReference();
  if (!next.ok) return { ok: false, error: { code: 'store', error: next.error } };
  const plan = planImport(drafts, {
    mapping: input.mapping,
    existingByKey: existing.value.byKey,
    existingByReference: existing.value.byReference,
    existingByRow: existing.value.byRow,
    nameMatches: existing.value.nameMatches,
    nextReference: next.value,
    newPartnerIds,
    ...(input.skip ? { skip: input.skip } : {}),
    ...(input.defaults ? { defaults: input.defaults } : {}),
    ...(input.councilName ? { councilName: input.councilName } : {}),
    ...(input.directorates ? { directorates: input.directorates } : {}),
  });
  return { ok: true, value: { plan, unreadable: existing.value.unreadable } };
}

/** What the import will do, row by row; nothing is written. */
export async function previewImport(target: ImportTarget, input: ImportInput): Promise<Outcome<Preview>> {
  const read = await readWithPartners(target, input);
  if (!read.ok) return read;
  const { drafts } = read.value;
  const newPartners = proposedPartners(drafts, input.skip);
  // Placeholder ids stand for partners not yet created, so the preview validates the row as it will be.
  const placeholders = new Map(newPartners.map((n, i) => [newPartnerKey(n), 2_000_000_000 + i]));
  const planned = await planAgainstStore(target, input, drafts, placeholders);
  if (!planned.ok) return planned;
  const { plan, unreadable } = planned.value;
  return {
    ok: true,
    value: {
      drafts,
      plan,
      summary: summarisePlan(plan),
      newPartners,
      columnValues: columnValues(input.rows, input.mapping, input.vocabulary, input.values),
      absent: absentFields(input.mapping, input.fill, input.defaults),
      unreadable,
      partnerSuggestions: partnerSuggestions(drafts, input.skip),
      splitOffers: splitOffers(drafts, input.skip),
    },
  };
}

/**
 * Writes the import. Refuses (writing nothing) while any row not skipped has
 * an error. `onProgress` is called after each batch of records.
 */
export async function runImport(
  target: ImportTarget,
  input: ImportInput,
  options: { onProgress?: (p: Progress) => void } = {},
): Promise<Outcome<ImportSummary>> {
  const preview = await previewImport(target, input);
  if (!preview.ok) return preview;
  const blocked = preview.value.plan.filter((e) => e.action === 'blocked').map((e) => e.row);
  if (blocked.length > 0) return { ok: false, error: { code: 'blocked', rows: blocked } };

  // 1. New partner organisations, idempotent on their keys.
  const failures: { row: number; code: string }[] = [];
  const newPartnerIds = new Map<string, number>();
  const names = preview.value.newPartners;
  let partnersCreated = 0;
  if (names.length > 0) {
    const wanted: Partner[] = names.map((name) => ({ key: partnerKeyFor(name), name, sector: 'other' }));
    const created = await target.createPartners(wanted);
    created.forEach((r, i) => {
      const name = names[i] as string;
      if (r.ok) {
        newPartnerIds.set(newPartnerKey(name), r.value.id);
        partnersCreated++;
      } else if (
        r.error.code === 'duplicate' &&
        r.error.theirs &&
        typeof (r.error.theirs as { id?: unknown }).id === 'number'
      ) {
        newPartnerIds.set(newPartnerKey(name), (r.error.theirs as { id: number }).id);
      }
    });
  }

  // 2. With new partners, the plan again with their real ids and what is stored now; without, the preview's plan stands.
  let plan = preview.value.plan;
  if (names.length > 0) {
    const replanned = await planAgainstStore(target, input, preview.value.drafts, newPartnerIds);
    if (!replanned.ok) return replanned;
    plan = replanned.value.plan;
  }
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  const creates = plan.filter((e) => e.action === 'create');
  const updates = plan.filter((e) => e.action === 'update');
  for (const e of plan) {
    if (e.action === 'unchanged') counts.unchanged++;
    else if (e.action === 'skip') counts.skipped++;
    else if (e.action === 'blocked') {
      counts.failed++;
      failures.push({ row: e.row, code: e.problems[0]?.code ?? 'invalid' });
    }
  }
  const total = creates.length + updates.length;
  let done = 0;
  // What the import set, as history: a new record's first values; an update's changes. An imported
  // status has no date (the file does not say when it began): a reform or withdrawal among them is
  // listed in the annual report for the governance team to date, never counted in a year it may not belong to.
  const history: HistoryEntry[] = [];
  for (let start = 0; start < creates.length; start += WRITE_CHUNK) {
    const chunk = creates.slice(start, start + WRITE_CHUNK);
    const results = await target.createMany(chunk.map((e) => e.record));
    results.forEach((r, i) => {
      if (r.ok) {
        counts.created++;
        history.push(...changesOf(undefined, r.value, { source: 'import', sourceKey: 'import' }));
      } else {
        counts.failed++;
        failures.push({ row: (chunk[i] as PlanEntry).row, code: r.error.code });
      }
    });
    done += chunk.length;
    options.onProgress?.({ done, total });
  }
  for (const e of updates) {
    const stored = e.existing as Stored<Collaboration>;
    const r = await target.update({ ...e.record, id: stored.id, etag: stored.etag });
    if (r.ok) {
      counts.updated++;
      const sourceKey = `import-${r.value.etag.replace(/[^A-Za-z0-9]/g, '')}`;
      history.push(...changesOf(stored, r.value, { source: 'import', sourceKey }));
    } else {
      counts.failed++;
      failures.push({ row: e.row, code: r.error.code });
    }
    done++;
    if (done % WRITE_CHUNK === 0 || done === total) options.onProgress?.({ done, total });
  }
  let historyNotWritten = 0;
  for (let start = 0; start < history.length; start += WRITE_CHUNK) {
    const chunk = history.slice(start, start + WRITE_CHUNK);
    const written = await target.recordHistory(chunk);
    if (!written.ok) historyNotWritten += chunk.length;
  }
  return { ok: true, value: { ...counts, partnersCreated, failures, historyNotWritten } };
}

/**
 * Every suggestion of a preview taken: the choices that make each suggested
 * partner the one written (the command line's --accept-partner-suggestions).
 */
export function acceptSuggestions(preview: Pick<Preview, 'partnerSuggestions'>): Map<string, number> {
  return new Map(preview.partnerSuggestions.map((s) => [s.folded, s.suggestion.id]));
}

/** The names in the mapped officer columns, for the caller to look up among the site's people. */
export function personNames(input: Pick<ImportInput, 'rows' | 'mapping'>): string[] {
  const columns = input.mapping.flatMap((f, i) => (f === 'leadOfficer' || f === 'headOfService' ? [i] : []));
  const names = new Set<string>();
  for (const r of input.rows)
    for (const c of columns) {
      const v = r.cells[c];
      if (typeof v === 'string' && v.trim() !== '') names.add(v.trim());
    }
  return [...names];
}

/**
 * Officers named in a file, looked up among the site's people (by e-mail or
 * display name), once per distinct name. A name nobody has is left out; the
 * row then carries a `personNotFound` note and the field is not changed.
 */
export async function resolvePeople(
  names: readonly string[],
  search: (text: string, limit?: number) => Promise<RepoResult<Person[]>>,
): Promise<Person[]> {
  const out = new Map<number, Person>();
  for (const name of names) {
    const r = await search(name, 5);
    if (!r.ok) continue;
    const wanted = name.includes('@') ? name.toLocaleLowerCase('en-GB') : fold(name);
    const match = r.value.find((p) =>
      name.includes('@') ? p.email?.toLocaleLowerCase('en-GB') === wanted : fold(p.displayName) === wanted,
    );
    if (match) out.set(match.id, match);
  }
  return [...out.values()];
}

export interface RegisterImportPorts {
  readonly target: ImportTarget;
  /** The site's people, for the officer columns. */
  readonly people: PeopleDirectory;
}

/** An import's input before the officers are looked up: the use case finds them. */
export type ImportRequest = Omit<ImportInput, 'people'>;

export interface RegisterImport {
  /** What the import will do, row by row; nothing is written. */
  preview(request: ImportRequest): Promise<Outcome<Preview>>;
  /** Writes the import (partners first, then records in batches); refuses while a row not skipped is blocked. */
  run(request: ImportRequest, options?: { onProgress?: (p: Progress) => void }): Promise<Outcome<ImportSummary>>;
}

/**
 * The import use case over its ports. The officers a file names are looked up
 * once per set of names, so previews after a fix or a skip ask nobody again.
 */
export function registerImport(ports: RegisterImportPorts): RegisterImport {
  let people: { key: string; value: Promise<Person[]> } | undefined;
  const withPeople = async (request: ImportRequest): Promise<ImportInput> => {
    const names = personNames(request);
    const key = names.join('\u0000');
    if (people?.key !== key) {
      const value = resolvePeople(names, (text, limit) => ports.people.search(text, limit));
      people = { key, value };
      // A look-up that threw is not remembered: the next preview asks again.
      value.catch(() => {
        if (people?.value === value) people = undefined;
      });
    }
    return { ...request, people: await people.value };
  };
  return {
    preview: async (request) => previewImport(ports.target, await withPeople(request)),
    run: async (request, options) => runImport(ports.target, await withPeople(request), options),
  };
}
