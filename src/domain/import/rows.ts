/**
 * One row of a file → the record it will become, with every problem by row
 * and column. The row's stable import key makes a rerun find what an earlier
 * run wrote, so nothing is created twice.
 */
import type { Collaboration, Person } from '../collaboration';
import { prepareForSave } from '../prepare';
import { isReference } from '../reference';
import type { ErrorCode } from '../result';
import type { Partner } from '../entities';
import type { Directorate } from '../panels';
import type { Stored } from '../ports';
import { COLLABORATION_FIELDS, fieldSpec, type CollaborationField } from '../fields';
import {
  catalogueFieldOf,
  type ChoiceField,
  type ColumnMapping,
  type ImportField,
  type ImportVocabulary,
} from './mapping';
import {
  cellText,
  fold,
  isBlank,
  isFormula,
  parseAmount,
  parseUkDate,
  parseYesNo,
  undefuse,
  type RawCell,
} from './parse';
import { nameKey } from './sameName';
import {
  choicePieces,
  DEFAULT_IMPORT_DEFAULTS,
  readChoice,
  type FillValues,
  type ImportDefaults,
  type ValueMapping,
} from './values';

export { DEFAULT_IMPORT_DEFAULTS, type ImportDefaults } from './values';
import { conjunctionParts, newPartnerKey, partnerIndex, splitPartnerList, type PartnerSuggestion } from './partners';

export type Severity = 'error' | 'warning';

/** A problem in the file: row as a spreadsheet numbers it (the header is row 1), column from 0. */
export interface ImportProblem {
  readonly row: number;
  /** The file's column, or null when the problem is the row's as a whole. */
  readonly column: number | null;
  readonly field: string;
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly severity: Severity;
}

export interface RowContext {
  readonly vocabulary: ImportVocabulary;
  /** What the person said the file's own words mean ("Yes" in a Basis column → Statutory). */
  readonly values?: ValueMapping;
  /** Values for fields the file has no column for, the same for every row. */
  readonly fill?: FillValues;
  readonly partners: readonly Pick<Stored<Partner>, 'id' | 'key' | 'name' | 'nameCy'>[];
  /** People the file's officers were matched against (by display name or e-mail). */
  readonly people?: readonly Person[];
  readonly defaults?: ImportDefaults;
  readonly councilName?: string;
  /**
   * The person's choice for a partner name (folded, as the file wrote it): an
   * existing partner's id, or 'new' to add it. It overrides matching.
   */
  readonly partnerChoices?: ReadonlyMap<string, number | 'new'>;
  /**
   * New partners other rows of the file name (by `newPartnerKey`): a name
   * with "and" in it is parted into them as into known partners ("Care and
   * Repair Cymru and Torfaen CBC" where another row lists Care and Repair Cymru).
   */
  readonly namedInFile?: ReadonlySet<string>;
  /** Names (folded, as the file wrote them) the person confirmed are several partners: cut at every "and". */
  readonly partnerSplits?: ReadonlySet<string>;
}

/** The fields of the record a row sets, parsed. */
export type RowValues = Partial<Omit<Collaboration, 'id' | 'partnerIds'>>;

/** A partner name of a row: matched (`id`), or new, perhaps with a partner it may mean (`suggestion`). */
export interface RowPartner {
  readonly name: string;
  readonly id?: number;
  readonly suggestion?: PartnerSuggestion;
  /**
   * For a new name with "and" in it of which some part is a known partner:
   * the names it would be if the person says it is several partners.
   */
  readonly parts?: readonly string[];
}

export interface RowDraft {
  /** The row number as a spreadsheet shows it (header row 1). */
  readonly row: number;
  /** The import key: the file's identifier, or a hash of title and lead organisation. */
  readonly key: string;
  /** The file's own identifier, when it has an identifier column. */
  readonly sourceId?: string;
  readonly values: RowValues;
  /**
   * Partner names in the row, in order; each matched to a partner id or
   * proposed as new, with the closest existing partner when one is near.
   */
  readonly partners?: readonly RowPartner[];
  readonly problems: readonly ImportProblem[];
}

/** A short, stable hash (FNV-1a, 53 bits) as base-36 text. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0x1fffff) * 0x100000000 + h1).toString(36);
}

/** The row's import key: `id:` and the file's identifier, else `h:` and a hash of title and lead organisation. */
export function importKeyOf(sourceId: string | undefined, title: string, leadOrganisation: string): string {
  if (sourceId !== undefined && sourceId.trim() !== '')
    return `id:${sourceId.trim().toLocaleUpperCase('en-GB').slice(0, 200)}`;
  return `h:${stableHash(`${fold(title)}\u0000${fold(leadOrganisation)}`)}`;
}

/**
 * A partner matcher over the register's partners: by name, Welsh name or
 * key, folded or normalised (short forms expanded), or either half of a
 * bilingual name (partners.ts).
 */
export function partnerMatcher(partners: RowContext['partners']): (name: string) => number | undefined {
  const index = partnerIndex(partners);
  return (name) => index.match(name);
}

function personMatcher(people: readonly Person[]): (name: string) => Person | undefined {
  const by = new Map<string, Person>();
  for (const p of people) {
    by.set(fold(p.displayName), p);
    if (p.email) by.set(p.email.toLocaleLowerCase('en-GB'), p);
  }
  return (name) => by.get(name.includes('@') ? name.toLocaleLowerCase('en-GB') : fold(name));
}

/**
 * Reads one row. Every mapped cell is parsed; a cell that cannot be read, a
 * formula, or an officer nobody knows is a problem at its row and column.
 * Validation of the whole record happens in `recordOf`.
 */
export function readRow(
  cells: readonly RawCell[],
  rowNumber: number,
  mapping: ColumnMapping,
  ctx: RowContext,
): RowDraft {
  const problems: ImportProblem[] = [];
  const values: Record<string, unknown> = {};
  const problem = (
    column: number | null,
    field: string,
    code: ErrorCode,
    severity: Severity = 'error',
    params?: Record<string, string | number>,
  ) =>
    problems.push(
      params
        ? { row: rowNumber, column, field, code, severity, params }
        : { row: rowNumber, column, field, code, severity },
    );
  const partnerNames = partnerIndex(ctx.partners);
  const matchPerson = personMatcher(ctx.people ?? []);
  let sourceId: string | undefined;
  let partners: RowPartner[] | undefined;

  mapping.forEach((field, column) => {
    if (field === null) return;
    let cell = cells[column];
    if (typeof cell === 'string') {
      if (isFormula(cell)) {
        problem(column, field, 'formulaNotAllowed', 'error', { value: cell.trim().slice(0, 40) });
        return;
      }
      cell = undefuse(cell.trim());
    }
    if (field === 'reference') {
      const t = cellText(cell);
      if (t !== '') sourceId = t;
      return;
    }
    const kind = fieldSpec(catalogueFieldOf(field)).kind;
    if (kind === 'text' || kind === 'note') {
      const t = cellText(cell);
      if (t !== '') values[field] = t;
      return;
    }
    if (kind === 'date') {
      const r = parseUkDate(cell);
      if (!r.ok) problem(column, field, r.code, 'error', { value: cellText(cell) });
      else if (r.value !== undefined) values[field] = r.value;
      return;
    }
    if (kind === 'money' || kind === 'number') {
      const r = parseAmount(cell);
      if (!r.ok) problem(column, field, r.code, 'error', { value: cellText(cell) });
      else if (r.value !== undefined) values[field] = r.value;
      return;
    }
    if (kind === 'yesNo') {
      const r = parseYesNo(cell);
      if (!r.ok) problem(column, field, r.code, 'error', { value: cellText(cell) });
      else if (r.value !== undefined) values[field] = r.value;
      return;
    }
    if (kind === 'multiChoice' || kind === 'choice') {
      const out: string[] = [];
      for (const piece of choicePieces(field as ChoiceField, cell)) {
        const r = readChoice(field as ChoiceField, piece, ctx.vocabulary, ctx.values);
        if (!r.ok) problem(column, field, 'invalidChoice', 'error', { value: piece });
        else if (r.value !== undefined && !out.includes(r.value)) out.push(r.value);
      }
      if (kind === 'multiChoice') values[field] = out;
      else if (out[0] !== undefined) values[field] = out[0];
      return;
    }
    if (kind === 'partners') {
      const names = splitPartnerList(cell, (n) => partnerNames.match(n) !== undefined, {
        ...(ctx.namedInFile ? { alsoNamed: (n: string) => ctx.namedInFile?.has(newPartnerKey(n)) === true } : {}),
        ...(ctx.partnerSplits ? { confirmedSplit: (n: string) => ctx.partnerSplits?.has(fold(n)) === true } : {}),
      });
      partners = names.map((name): RowPartner => {
        const choice = ctx.partnerChoices?.get(fold(name));
        const certain = partnerNames.match(name);
        if (certain !== undefined && choice === undefined) return { name, id: certain };
        // The suggestion stays with the name once the person has chosen, so the choice can still be changed.
        const suggestion = certain === undefined ? partnerNames.suggest(name) : undefined;
        const id =
          typeof choice === 'number' && partnerNames.has(choice) ? choice : choice === 'new' ? undefined : certain;
        if (id === undefined) {
          if (suggestion && choice === undefined)
            problem(column, field, 'partnerSuggested', 'warning', { name, partner: suggestion.name });
          problem(column, field, 'partnerProposed', 'warning', { name });
        }
        // "Torfaen CBC and Cardiff Met" kept whole: the person may say it is two partners.
        const parts = id === undefined ? conjunctionParts(name) : [];
        const offered = parts.length > 1 && parts.some((p) => partnerNames.match(p) !== undefined);
        return {
          name,
          ...(id !== undefined ? { id } : {}),
          ...(suggestion ? { suggestion } : {}),
          ...(offered ? { parts } : {}),
        };
      });
      return;
    }
    if (kind === 'person') {
      const t = cellText(cell);
      if (t === '' || isBlank(t)) return;
      const p = matchPerson(t);
      if (p) values[field] = p;
      else problem(column, field, 'personNotFound', 'warning', { name: t });
    }
  });

  // The council's own identifier (P001) is kept where people see and search it, not only in the import key.
  if (sourceId !== undefined && !isOwnReference(sourceId) && values['councilReference'] === undefined)
    values['councilReference'] = sourceId;
  // Lead organisation "us" and the council's name agree.
  if (values['councilLeads'] === undefined && ctx.councilName && typeof values['leadOrganisation'] === 'string') {
    values['councilLeads'] = nameKey(values['leadOrganisation']) === nameKey(ctx.councilName);
  }
  const title = typeof values['title'] === 'string' ? values['title'] : '';
  const lead = typeof values['leadOrganisation'] === 'string' ? values['leadOrganisation'] : '';
  const key = importKeyOf(sourceId, title, lead);
  return {
    row: rowNumber,
    key,
    ...(sourceId !== undefined ? { sourceId } : {}),
    values: values,
    ...(partners !== undefined ? { partners } : {}),
    problems,
  };
}

/** Marks every row whose key another row already used (the first keeps it). */
export function markDuplicateKeys(drafts: readonly RowDraft[], mapping: ColumnMapping): RowDraft[] {
  const seen = new Map<string, number>();
  const refColumn = mapping.indexOf('reference');
  const titleColumn = mapping.indexOf('title');
  return drafts.map((d) => {
    const first = seen.get(d.key);
    if (first === undefined) {
      seen.set(d.key, d.row);
      return d;
    }
    const column = refColumn >= 0 ? refColumn : titleColumn >= 0 ? titleColumn : null;
    return {
      ...d,
      problems: [
        ...d.problems,
        {
          row: d.row,
          column,
          field: column === refColumn ? 'reference' : 'title',
          code: 'duplicateKey',
          severity: 'error',
          params: { row: first },
        },
      ],
    };
  });
}

export interface RecordOptions {
  /** The stored record this row updates, if any. */
  readonly existing?: Stored<Collaboration>;
  /** The reference for a new record. */
  readonly reference: string;
  /** Ids of partners created for this import, by `newPartnerKey` of their name. */
  readonly newPartnerIds?: ReadonlyMap<string, number>;
  readonly defaults?: ImportDefaults;
  readonly councilName?: string;
  /** The council's directorates, for prepareForSave. */
  readonly directorates?: readonly Directorate[];
  /** The file's columns, to place validation problems. */
  readonly mapping: ColumnMapping;
}

/**
 * The record a row will save: the stored record with the row's fields over
 * it, or a new one from the defaults; then validated, each problem at the
 * column of its field (or the row as a whole).
 */
export function recordOf(
  draft: RowDraft,
  options: RecordOptions,
): { record: Collaboration; problems: ImportProblem[] } {
  const defaults = options.defaults ?? DEFAULT_IMPORT_DEFAULTS;
  const partnerIds: number[] = [];
  const unresolved: string[] = [];
  for (const p of draft.partners ?? []) {
    const id = p.id ?? options.newPartnerIds?.get(newPartnerKey(p.name));
    if (id === undefined) unresolved.push(p.name);
    else if (!partnerIds.includes(id)) partnerIds.push(id);
  }
  const base: Omit<Collaboration, 'id'> = options.existing
    ? (({ id: _id, etag: _etag, modified: _modified, ...rest }) => rest)(options.existing)
    : {
        reference: options.reference,
        title: '',
        kind: defaults.kind,
        model: undefined as unknown as Collaboration['model'],
        purpose: '',
        reasons: [],
        basis: defaults.basis,
        footprint: defaults.footprint,
        leadOrganisation: '',
        councilLeads: false,
        partnerIds: [],
        directorate: '',
        status: defaults.status,
        reviewFrequency: defaults.reviewFrequency,
        serviceRisk: defaults.serviceRisk,
      };
  // A stored record keeps its own key (none, for one found by its reference: the reference is its key).
  const importKey = options.existing ? options.existing.importKey : draft.key;
  const record: Record<string, unknown> = { ...base, ...draft.values, importKey };
  if (draft.partners !== undefined) record['partnerIds'] = partnerIds;
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const problems: ImportProblem[] = [];
  const columnOf = (field: string): number | null => {
    const i = options.mapping.indexOf((field === 'partnerIds' ? 'partners' : field) as ImportField);
    return i >= 0 ? i : null;
  };
  // The one prepare-for-save step: significance, the next review and the council's lead worked out as the form does.
  const checked = prepareForSave(record as Collaboration, {
    ...(options.councilName ? { councilName: options.councilName } : {}),
    ...(options.directorates ? { directorates: options.directorates } : {}),
    ...(options.existing ? { base: options.existing } : {}),
    nextReviewGiven: draft.values.nextReviewDue !== undefined,
  });
  if (!checked.ok) {
    for (const e of checked.error) {
      const column = columnOf(e.field);
      problems.push({
        row: draft.row,
        column,
        field: e.field,
        // A required field no column of the file gives: say so, so the person gives a value for every row.
        code: e.code === 'required' && column === null && !options.existing ? 'notInFile' : e.code,
        severity: 'error',
        ...(e.params ? { params: e.params } : {}),
      });
    }
  }
  if (unresolved.length > 0)
    problems.push({
      row: draft.row,
      column: columnOf('partners'),
      field: 'partners',
      code: 'partnerProposed',
      severity: 'error',
      params: { name: unresolved.join(', ') },
    });
  return { record: (checked.ok ? checked.value : record) as Collaboration, problems };
}

/** The fields an import compares (the record as stored, without its id or assessment results). */
export function sameRecord(a: Collaboration, b: Collaboration): boolean {
  return stableJson(comparable(a)) === stableJson(comparable(b));
}

function comparable(c: Collaboration): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'id' || k === 'etag' || k === 'modified' || v === undefined || v === '') continue;
    if (k === 'partnerIds' || k === 'reasons') out[k] = [...(v as unknown[])].sort();
    else if (
      k in COLLABORATION_FIELDS &&
      fieldSpec(k as CollaborationField).kind === 'person' &&
      v &&
      typeof v === 'object'
    )
      out[k] = (v as Person).id;
    else out[k] = v;
  }
  return out;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** True when the identifier looks like one of the register's own references (COL-0042). */
export function isOwnReference(sourceId: string | undefined): sourceId is string {
  return sourceId !== undefined && isReference(sourceId.trim().toLocaleUpperCase('en-GB'));
}

/** Every row of a file read with one mapping; rows with no value at all are left out; keys used twice are marked. */
export function readRows(
  rows: readonly { readonly row: number; readonly cells: readonly RawCell[] }[],
  mapping: ColumnMapping,
  ctx: RowContext,
): RowDraft[] {
  // A value for every row, for a field no column gives, is read as one more column of each row.
  const filledValues = (Object.entries(ctx.fill ?? {}) as [ImportField, string | undefined][]).filter(
    (e): e is [ImportField, string] => e[1] !== undefined && e[1].trim() !== '' && !mapping.includes(e[0]),
  );
  const full: ColumnMapping = [...mapping, ...filledValues.map(([f]) => f)];
  const read = (r: { readonly row: number; readonly cells: readonly RawCell[] }, context: RowContext) => {
    const cells = [
      ...Array.from({ length: mapping.length }, (_, i) => r.cells[i] ?? null),
      ...filledValues.map(([, v]) => v),
    ];
    const draft = readRow(cells, r.row, full, context);
    if (filledValues.length === 0) return draft;
    // Problems of a filled value belong to no column of the file.
    return {
      ...draft,
      problems: draft.problems.map((p) =>
        p.column !== null && p.column >= mapping.length ? { ...p, column: null } : p,
      ),
    };
  };
  const filled = rows.filter((r) => r.cells.some((c, i) => mapping[i] != null && cellText(c) !== ''));
  let drafts = filled.map((r) => read(r, ctx));
  // A new name with "and" in it may be two names the file lists elsewhere: read again knowing them.
  const newNames = drafts.flatMap((d) => (d.partners ?? []).filter((p) => p.id === undefined).map((p) => p.name));
  if (newNames.some((n) => /\s(?:and|&|a|ac)\s/i.test(n))) {
    const namedInFile = new Set(newNames.map(newPartnerKey));
    drafts = filled.map((r) => read(r, { ...ctx, namedInFile }));
  }
  return markDuplicateKeys(drafts, mapping);
}
