/**
 * The import screen's state: the file as a table, the mapping (suggested,
 * changed by the person, remembered per set of headings), the person's fixes
 * and skipped rows, the preview, and the write with its progress and summary.
 * The rules live in src/domain/import; the file formats in src/transfer; the
 * plan-then-write use case in src/app/importRegister.ts.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  headerSignature,
  importVocabulary,
  suggestMapping,
  type ColumnMapping,
  type ImportField,
  type RawCell,
  type SplitOffer,
} from '../../../domain/import';
import { CATALOGUES } from '../../../i18n';
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

const vocabulary = importVocabulary([CATALOGUES['en-GB'], CATALOGUES['cy-GB']]);
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

export interface ImportModel {
  readonly fileName?: string;
  readonly reading: boolean;
  readonly fileError?: FileError;
  readonly table?: FileTable;
  readonly rows: readonly Row[];
  readonly mapping: ColumnMapping;
  readonly remembered: boolean;
  readonly skip: ReadonlySet<number>;
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
  setField(column: number, field: ImportField | null): void;
  makePreview(next?: { rows?: readonly Row[]; skip?: ReadonlySet<number> }): Promise<void>;
  fix(row: number, column: number, value: string): Promise<void>;
  toggleSkip(row: number): Promise<void>;
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
    rows: readonly Row[];
    mapping: ColumnMapping;
    remembered: boolean;
    skip: ReadonlySet<number>;
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
    const r = await readTable(bytes, { name: file.name, ...(sheet !== undefined ? { sheet } : {}) });
    if (!r.ok) {
      setState((s) => ({ ...s, reading: false, fileError: r.error, table: undefined, rows: [], mapping: [] }));
      return;
    }
    const saved = savedMapping(r.value.headers);
    const mapping = saved ?? suggestMapping(r.value.headers, vocabulary);
    const noColumns = mapping.every((m) => m === null);
    setState((s) => ({
      ...s,
      reading: false,
      table: r.value,
      rows: r.value.rows,
      mapping,
      remembered: saved !== undefined,
      skip: new Set(),
      partnerChoices: new Map(),
      partnerSplits: new Map(),
      ...(noColumns ? { failure: 'fileNoColumns' } : {}),
    }));
  }, []);

  const setField = useCallback((column: number, field: ImportField | null) => {
    setState((s) => {
      const mapping = s.mapping.map((m, i) => (i === column ? field : m === field && field !== null ? null : m));
      if (s.table) saveMapping(s.table.headers, mapping);
      return { ...s, mapping, preview: undefined, failure: undefined };
    });
  }, []);

  // One use case per set of services: it remembers the officers already looked up.
  const importer = useMemo(
    () => registerImport({ target: services.importTarget(), people: services.stores.people }),
    [services],
  );
  const requestOf = (
    rows: readonly Row[],
    mapping: ColumnMapping,
    skip: ReadonlySet<number>,
    partnerChoices: ReadonlyMap<string, number | 'new'>,
    partnerSplits: ReadonlyMap<string, SplitOffer>,
  ): ImportRequest => ({
    rows,
    mapping,
    vocabulary,
    skip,
    partnerChoices,
    partnerSplits: new Set(partnerSplits.keys()),
  });

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
      const r = await importer.preview(requestOf(rows, s.mapping, skip, partnerChoices, partnerSplits));
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

  // The person's answer for a suggested partner: the preview is made again so its rows and new partners follow it.
  const choosePartner = useCallback(
    async (folded: string, choice: number | 'new') => {
      await makePreview({ partnerChoices: new Map(latest.current.partnerChoices).set(folded, choice) });
    },
    [makePreview],
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
      const r = await importer.run(requestOf(s.rows, s.mapping, s.skip, s.partnerChoices, s.partnerSplits), {
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

  return useMemo(
    () => ({
      ...state,
      chooseFile,
      setField,
      makePreview,
      fix,
      toggleSkip,
      choosePartner,
      splitPartner,
      run,
    }),
    [state, chooseFile, setField, makePreview, fix, toggleSkip, choosePartner, splitPartner, run],
  );
}
