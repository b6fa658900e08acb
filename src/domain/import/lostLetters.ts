/**
 * Letters a single-byte file lost. Windows-1252 (what older Excel writes for
 * "CSV" on Windows) holds â ê î ô û but not ŵ or ŷ: Excel writes "?" in their
 * place, so "Llŷr" arrives as "Ll?r" and "Tŷ" as "T?". The letter cannot be
 * got back from the file; the person is told, cell by cell, to save it as CSV
 * UTF-8 instead. Pure: the caller says whether the file was single-byte text.
 */
import type { ColumnMapping } from './mapping';
import type { RawCell } from './parse';
import type { ImportProblem, RowDraft } from './rows';

/** A "?" between two letters ("Ll?r", "D?r Cymru"). */
const BETWEEN_LETTERS = /\p{L}\?\p{L}/u;
/** Tŷ and its mutations (dŷ, nhŷ, thŷ) as a word on its own: "T? Hafan", "ei d?". */
const TY_WORD = /(?:^|[^\p{L}])(?:t|d|nh|th)\?(?=$|[^\p{L}])/iu;
/** A word that is an address, where "?" begins a query ("page?id=3"), not a lost letter. */
const ADDRESS = /:\/\/|^www\.|[=@&]/i;

/** True when the text has a "?" where a letter (ŵ, ŷ) must have been. */
export function hasLostLetter(text: string): boolean {
  if (!text.includes('?')) return false;
  const words = text.split(/\s+/).filter((w) => w.includes('?') && !ADDRESS.test(w));
  if (words.length === 0) return false;
  const kept = words.join(' ');
  return BETWEEN_LETTERS.test(kept) || TY_WORD.test(kept);
}

/** A warning for each mapped cell of a row with a lost letter, at its row and column. */
export function lostLetterProblems(cells: readonly RawCell[], row: number, mapping: ColumnMapping): ImportProblem[] {
  const out: ImportProblem[] = [];
  mapping.forEach((field, column) => {
    const cell = cells[column];
    if (field === null || typeof cell !== 'string' || !hasLostLetter(cell)) return;
    out.push({
      row,
      column,
      field,
      code: 'letterLost',
      severity: 'warning',
      params: { value: cell.trim().slice(0, 60) },
    });
  });
  return out;
}

/** The drafts with a lost-letter warning added for each cell of their row that has one. */
export function withLostLetterWarnings(
  drafts: readonly RowDraft[],
  rows: readonly { readonly row: number; readonly cells: readonly RawCell[] }[],
  mapping: ColumnMapping,
): RowDraft[] {
  const cellsOf = new Map(rows.map((r) => [r.row, r.cells]));
  return drafts.map((d) => {
    const found = lostLetterProblems(cellsOf.get(d.row) ?? [], d.row, mapping);
    return found.length === 0 ? d : { ...d, problems: [...d.problems, ...found] };
  });
}
