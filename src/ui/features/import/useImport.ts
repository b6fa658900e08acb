/**
 * The import screen's state: the file as a table, the mapping (suggested,
 * changed by the person, remembered per set of headings), the person's fixes
 * and skipped rows, the preview, and the write with its progress and summary.
 * The rules live in src/domain/import; the file formats in src/transfer; the
 * plan-then-write use case in src/app/importRegister.ts.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  fold,
  headerSignature,
  importVocabulary,
  suggestMapping,
  suggestValueMapping,
  withSuggestions,
  type ChoiceField,
  type ColumnMapping,
  type FillValues,
  type ImportField,
  type RawCell,
  type ValueMapping,
  type SplitOffer,
} from '../../../domain/import';
import { mappedDirectorates } from '../../../domain/panels';
import { CATALOGUES, translate } from '../../../i18n';
import {
  registerImport,
  type ImportRequest,
  type ImportSummary,
  type Preview,
  type Progress,
} from '../../../app/importRegister';
import { MAX_FILE_BYTES } from '../../../transfer/bytes';
import { readTable, type FileError, type FileTable } from '../../../transfer/table';
import { useServices } from '../../app/context';
import { useLookup } from '../../components/useLookups';

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
/** The council's name, as the record form knows it: a row whose lead organisation it is says the council leads. */
const COUNCIL_NAME = translate('en-GB', 'app.council');
const STORAGE_PREFIX = 'collaboration-register.import-mapping.';

function savedMapping(headers: readonly string[]): ColumnMapping | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + headerSignature(headers));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== headers.length) return undefined;
    return parsed.map((v) => (typeof v === 'string' ? (v as ImportField) : null));
  } catch {
    return undefined;
  }
}

function saveMapping(headers: readonly string[], mapping: ColumnMapping): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + headerSignature(headers), JSON.stringify(mapping));
  } catch {
    // Storage full or refused: the mapping is only not remembered.
  }
}

const CHOICES_PREFIX = 'collaboration-register.import-values.';
const WORK_PREFIX = 'collaboration-register.import-work.';

/** What the person said the file's words mean and the values for fields it lacks: remembered with the mapping. */
interface Choices {
  readonly values: ValueMapping;
  readonly fill: FillValues;
}

function loadJson<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function saveJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: only not remembered.
  }
}

/** The person's work on one file (fixes, rows left out, name matches), kept across a reload of the page. */
interface Work {
  readonly fixes: readonly { readonly row: number; readonly column: number; readonly value: string }[];
  readonly skip: readonly number[];
  readonly matches: readonly (readonly [number, string])[];
}

const workKey = (file: File, headers: readonly string[]) =>
  `${WORK_PREFIX}${file.name}|${file.size}|${file.lastModified}|${headerSignature(headers)}`;

function withFixes(rows: readonly Row[], fixes: Work['fixes']): readonly Row[] {
  if (fixes.length === 0) return rows;
  return rows.map((r) => {
    const mine = fixes.filter((f) => f.row === r.row);
    if (mine.length === 0) return r;
    const cells = [...r.cells];
    for (const f of mine) {
      while (cells.length <= f.column) cells.push(null);
      cells[f.column] = f.value;
    }
    return { ...r, cells };
  });
}

/** A file's bytes (FileReader where Blob.arrayBuffer is missing: older webviews, jsdom). */
function bytesOf(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(file);
  });
}

export type Row = { readonly row: number; readonly cells: readonly RawCell[] };

/** A file read as a table: its rows and the mapping of its headings (the person's remembered one, or suggested). */
/** The state of a file just read: its mapping, and the person's choices and work on it from an earlier visit. */
function tableState(table: FileTable, file: File) {
  const saved = savedMapping(table.headers);
  const mapping = saved ?? suggestMapping(table.headers, vocabulary);
  const noColumns = mapping.every((m) => m === null);
  const choices = loadJson<Choices>(CHOICES_PREFIX + headerSignature(table.headers));
  const work = loadJson<Work>(workKey(file, table.headers));
  const fixes = work?.fixes ?? [];
  return {
    reading: false,
    table,
    rows: withFixes(table.rows, fixes),
    mapping,
    remembered: saved !== undefined,
    skip: new Set<number>(work?.skip ?? []),
    values: choices?.values ?? {},
    suggested: suggestValueMapping(table.headers, table.rows, mapping, vocabulary),
    fill: choices?.fill ?? {},
    matches: new Map<number, string>(work?.matches ?? []),
    fixes,
    restored: work !== undefined && (fixes.length > 0 || work.skip.length > 0 || work.matches.length > 0),
    partnerChoices: new Map<string, number | 'new'>(),
    partnerSplits: new Map<string, SplitOffer>(),
    preview: undefined,
    summary: undefined,
    failure: noColumns ? 'fileNoColumns' : undefined,
  };
}

export interface ImportModel {
  readonly fileName?: string;
  readonly reading: boolean;
  readonly fileError?: FileError;
  readonly table?: FileTable;
  /** The row of headings the person chose could not be read from; the table read before stands. */
  readonly headerRowError?: FileError;
  readonly rows: readonly Row[];
  readonly mapping: ColumnMapping;
  readonly remembered: boolean;
  readonly skip: ReadonlySet<number>;
  /** The person's meanings of the file's words; `suggested` those worked out from the headings. */
  readonly values: ValueMapping;
  readonly suggested: ValueMapping;
  readonly fill: FillValues;
  /** Rows whose name the register holds: the reference to update, or 'new'. */
  readonly matches: ReadonlyMap<number, string>;
  /** True when fixes or skipped rows were brought back from an earlier visit. */
  readonly restored: boolean;
  /** The person's answers to the preview's partner suggestions, by folded name. */
  readonly partnerChoices: ReadonlyMap<string, number | 'new'>;
  /** Names the person said are several partners, by folded name (kept so the answer can be undone). */
  readonly partnerSplits: ReadonlyMap<string, SplitOffer>;
  readonly preview?: Preview;
  readonly previewing: boolean;
  readonly running: boolean;
  readonly progress?: Progress;
  readonly summary?: ImportSummary;
  /** A failure of the store or the write, as a code for the catalogue. */
  readonly failure?: string;
  chooseFile(file: File, sheet?: string): Promise<void>;
  /** Reads the file again with its headings on this row (as the spreadsheet numbers it). */
  chooseHeaderRow(row: number): Promise<void>;
  setField(column: number, field: ImportField | null): void;
  makePreview(next?: { rows?: readonly Row[]; skip?: ReadonlySet<number> }): Promise<void>;
  fix(row: number, column: number, value: string): Promise<void>;
  toggleSkip(row: number): Promise<void>;
  /** Leaves out every row the preview blocks, in one step. */
  skipBlocked(): Promise<void>;
  /** What a word of the file means for a field (`undefined`: the register's own reading). */
  setMeaning(field: ChoiceField, text: string, code: string | undefined): Promise<void>;
  /** A value for every row, for a field the file lacks (`''` to clear). */
  setFill(field: ImportField, value: string): Promise<void>;
  /** For a row whose name the register holds: update that reference, or 'new'. */
  chooseMatch(row: number, choice: string): Promise<void>;
  choosePartner(folded: string, choice: number | 'new'): Promise<void>;
  splitPartner(offer: SplitOffer, several: boolean): Promise<void>;
  run(): Promise<void>;
}

export function useImport(): ImportModel {
  const services = useServices();
  const [state, setState] = useState<{
    fileName?: string;
    file?: File;
    reading: boolean;
    fileError?: FileError;
    table?: FileTable;
    headerRowError?: FileError;
    rows: readonly Row[];
    mapping: ColumnMapping;
    remembered: boolean;
    skip: ReadonlySet<number>;
    values: ValueMapping;
    suggested: ValueMapping;
    fill: FillValues;
    matches: ReadonlyMap<number, string>;
    fixes: Work['fixes'];
    restored: boolean;
    partnerChoices: ReadonlyMap<string, number | 'new'>;
    partnerSplits: ReadonlyMap<string, SplitOffer>;
    preview?: Preview;
    previewing: boolean;
    running: boolean;
    progress?: Progress;
    summary?: ImportSummary;
    failure?: string;
  }>({
    reading: false,
    rows: [],
    mapping: [],
    remembered: false,
    skip: new Set(),
    values: {},
    suggested: {},
    fill: {},
    matches: new Map(),
    fixes: [],
    restored: false,
    partnerChoices: new Map(),
    partnerSplits: new Map(),
    previewing: false,
    running: false,
  });
  const latest = useRef(state);
  latest.current = state;

  const chooseFile = useCallback(async (file: File, sheet?: string) => {
    setState((s) => ({
      ...s,
      reading: true,
      fileName: file.name,
      file,
      fileError: undefined,
      headerRowError: undefined,
      preview: undefined,
      summary: undefined,
      failure: undefined,
    }));
    if (file.size > MAX_FILE_BYTES) {
      // Refused before it is read: a file this size is not a register.
      const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
      setState((s) => ({
        ...s,
        reading: false,
        fileError: { code: 'fileTooLarge', params: { size: mb(file.size), max: mb(MAX_FILE_BYTES) } },
        table: undefined,
        rows: [],
        mapping: [],
      }));
      return;
    }
    const bytes = new Uint8Array(await bytesOf(file));
    const r = await readTable(bytes, { name: file.name, vocabulary, ...(sheet !== undefined ? { sheet } : {}) });
    if (!r.ok) {
      setState((s) => ({ ...s, reading: false, fileError: r.error, table: undefined, rows: [], mapping: [] }));
      return;
    }
    setState((s) => ({ ...s, ...tableState(r.value, file) }));
  }, []);

  const chooseHeaderRow = useCallback(async (headerRow: number) => {
    const { file, table } = latest.current;
    if (!file) return;
    setState((s) => ({ ...s, reading: true, headerRowError: undefined }));
    const r = await readTable(new Uint8Array(await bytesOf(file)), {
      name: file.name,
      vocabulary,
      headerRow,
      ...(table?.sheet !== undefined ? { sheet: table.sheet } : {}),
    });
    // A row that cannot be the headings changes nothing: the table read before stands, with the reason beside the choice.
    if (!r.ok) setState((s) => ({ ...s, reading: false, headerRowError: r.error }));
    else setState((s) => ({ ...s, ...tableState(r.value, file) }));
  }, []);

  const setField = useCallback((column: number, field: ImportField | null) => {
    setState((s) => {
      const mapping = s.mapping.map((m, i) => (i === column ? field : m === field && field !== null ? null : m));
      if (s.table) saveMapping(s.table.headers, mapping);
      const suggested = s.table ? suggestValueMapping(s.table.headers, s.rows, mapping, vocabulary) : {};
      return { ...s, mapping, suggested, preview: undefined, failure: undefined };
    });
  }, []);

  const mappings = useLookup('channelMappings');
  // One use case per set of services: it remembers the officers already looked up.
  const importer = useMemo(
    () => registerImport({ target: services.importTarget(), people: services.stores.people }),
    [services],
  );
  const requestOf = (s: typeof state, rows = s.rows, skip = s.skip): ImportRequest => ({
    rows,
    mapping: s.mapping,
    vocabulary,
    skip,
    councilName: COUNCIL_NAME,
    directorates: mappedDirectorates(mappings.value ?? []),
    values: withSuggestions(s.values, s.suggested),
    fill: s.fill,
    matches: s.matches,
    ...(latest.current.table?.singleByte ? { singleByte: true } : {}),
    partnerChoices: s.partnerChoices,
    partnerSplits: new Set(s.partnerSplits.keys()),
  });

  /** Keeps the person's work on this file and their choices for these headings, for a reload. */
  const remember = (s: typeof state) => {
    if (!s.table || !s.file) return;
    saveJson(CHOICES_PREFIX + headerSignature(s.table.headers), { values: s.values, fill: s.fill } satisfies Choices);
    saveJson(workKey(s.file, s.table.headers), {
      fixes: s.fixes,
      skip: [...s.skip],
      matches: [...s.matches],
    } satisfies Work);
  };

  const makePreview = useCallback(
    async (
      next: {
        rows?: readonly Row[];
        skip?: ReadonlySet<number>;
        partnerChoices?: ReadonlyMap<string, number | 'new'>;
        partnerSplits?: ReadonlyMap<string, SplitOffer>;
      } = {},
    ) => {
      const s = latest.current;
      const rows = next.rows ?? s.rows;
      const skip = next.skip ?? s.skip;
      const partnerChoices = next.partnerChoices ?? s.partnerChoices;
      const partnerSplits = next.partnerSplits ?? s.partnerSplits;
      if (s.table) saveMapping(s.table.headers, s.mapping);
      remember({ ...s, skip });
      setState((x) => ({
        ...x,
        rows,
        skip,
        partnerChoices,
        partnerSplits,
        previewing: true,
        failure: undefined,
        summary: undefined,
      }));
      const r = await importer.preview(requestOf({ ...s, partnerChoices, partnerSplits }, rows, skip));
      setState((x) =>
        r.ok
          ? { ...x, previewing: false, preview: r.value }
          : { ...x, previewing: false, failure: r.error.code === 'store' ? r.error.error.code : 'blocked' },
      );
    },
    [importer],
  );

  const fix = useCallback(
    async (row: number, column: number, value: string) => {
      const fixes = [
        ...latest.current.fixes.filter((f) => !(f.row === row && f.column === column)),
        { row, column, value },
      ];
      latest.current = { ...latest.current, fixes };
      setState((x) => ({ ...x, fixes }));
      const rows = latest.current.rows.map((r) =>
        r.row === row
          ? {
              ...r,
              cells: Array.from({ length: Math.max(r.cells.length, column + 1) }, (_, i) =>
                i === column ? value : (r.cells[i] ?? null),
              ),
            }
          : r,
      );
      await makePreview({ rows });
    },
    [makePreview],
  );

  const toggleSkip = useCallback(
    async (row: number) => {
      const skip = new Set(latest.current.skip);
      if (skip.has(row)) skip.delete(row);
      else skip.add(row);
      await makePreview({ skip });
    },
    [makePreview],
  );

  const skipBlocked = useCallback(async () => {
    const s = latest.current;
    const skip = new Set(s.skip);
    for (const e of s.preview?.plan ?? []) if (e.action === 'blocked') skip.add(e.row);
    await makePreview({ skip });
  }, [makePreview]);

  /** A change of the person's choices, then the preview again with it. */
  const change = useCallback(
    async (next: (s: typeof state) => Partial<typeof state>) => {
      latest.current = { ...latest.current, ...next(latest.current) };
      const changed = latest.current;
      setState((x) => ({ ...x, ...next(x) }));
      remember(changed);
      await makePreview();
    },
    [makePreview],
  );

  // The person's answer for a suggested partner: the preview is made again so its rows and new partners follow it.
  const choosePartner = useCallback(
    async (folded: string, choice: number | 'new') => {
      await makePreview({ partnerChoices: new Map(latest.current.partnerChoices).set(folded, choice) });
    },
    [makePreview],
  );

  const setMeaning = useCallback(
    (field: ChoiceField, text: string, code: string | undefined) =>
      change((s) => {
        const words = { ...(s.values[field] ?? {}) };
        const suggestedWords = { ...(s.suggested[field] ?? {}) };
        if (code === undefined) delete words[fold(text)];
        else words[fold(text)] = code;
        // Choosing "not one of the options" for a suggested meaning sets the suggestion aside too.
        if (code === undefined) delete suggestedWords[fold(text)];
        return { values: { ...s.values, [field]: words }, suggested: { ...s.suggested, [field]: suggestedWords } };
      }),
    [change],
  );

  const setFill = useCallback(
    (field: ImportField, value: string) =>
      change((s) => {
        const fill: Partial<Record<ImportField, string>> = { ...s.fill };
        if (value.trim() === '') delete fill[field];
        else fill[field] = value;
        return { fill };
      }),
    [change],
  );

  const chooseMatch = useCallback(
    (row: number, choice: string) => change((s) => ({ matches: new Map(s.matches).set(row, choice) })),
    [change],
  );

  // "Several partners" for a name with "and" in it, or back to one: the preview is made again.
  const splitPartner = useCallback(
    async (offer: SplitOffer, several: boolean) => {
      const partnerSplits = new Map(latest.current.partnerSplits);
      if (several) partnerSplits.set(offer.folded, offer);
      else partnerSplits.delete(offer.folded);
      await makePreview({ partnerSplits });
    },
    [makePreview],
  );

  const run = useCallback(async () => {
    const s = latest.current;
    setState((x) => ({ ...x, running: true, progress: { done: 0, total: 0 }, failure: undefined }));
    try {
      const r = await importer.run(requestOf(s), {
        onProgress: (progress) => setState((x) => ({ ...x, progress })),
      });
      setState((x) =>
        r.ok
          ? { ...x, running: false, summary: r.value, preview: undefined }
          : { ...x, running: false, failure: r.error.code === 'store' ? r.error.error.code : 'blocked' },
      );
    } catch {
      setState((x) => ({ ...x, running: false, failure: 'network' }));
    }
  }, [importer]);

  const actions = {
    chooseFile,
    chooseHeaderRow,
    setField,
    makePreview,
    fix,
    toggleSkip,
    skipBlocked,
    setMeaning,
    setFill,
    chooseMatch,
    choosePartner,
    splitPartner,
    run,
  };
  // A new model when the state or any action changes: the actions are listed once, and their
  // values (always the same number, in the same order) are the memo's other dependencies.
  return useMemo(() => ({ ...state, ...actions }), [state, ...Object.values(actions)]);
}
