/**
 * Which row of a council's spreadsheet holds its column headings. Most
 * councils' sheets open with a title ("Torfaen County Borough Council –
 * Register of Partnerships 2025/26"), a notes row and a blank row before the
 * headings; taking the first row as the headings would map nothing. Pure: the
 * rows are passed in as the file reader found them.
 */
import { suggestMapping, type ImportVocabulary } from './mapping';
import { cellText, type RawCell } from './parse';

export interface SheetRow {
  /** The row number as the spreadsheet shows it. */
  readonly row: number;
  readonly cells: readonly RawCell[];
}

/** How far down a heading row is looked for: titles and notes take a few rows, never dozens. */
export const HEADING_SCAN_ROWS = 30;
/** How many rows below a candidate are looked at to see that they fill its columns. */
const BODY_SAMPLE_ROWS = 10;
/** Longer than this, a cell is a sentence (a note, a title), not a column heading. */
const HEADING_MAX_LENGTH = 80;

const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const NUMBER_LIKE = /^[£$€]?\s*[-+(]?[\d\s,.]+\)?\s*%?$/;

/** True when a cell reads as a column heading: short text with a letter, not a date, number or yes/no flag. */
export function looksLikeHeading(cell: RawCell): boolean {
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  if (t === '' || t.length > HEADING_MAX_LENGTH) return false;
  if (DATE_LIKE.test(t) || NUMBER_LIKE.test(t)) return false;
  return /\p{L}/u.test(t);
}

const filledColumns = (cells: readonly RawCell[]): number[] => cells.flatMap((c, i) => (cellText(c) !== '' ? [i] : []));

/**
 * True when a row could be the headings of the rows below it: at least two
 * different values (a title merged across the sheet repeats one value in every
 * cell of the merge, so it counts once), most of them heading-like, and the
 * rows below fill its columns rather than columns it leaves empty (a notes row
 * "Owner: | Governance team" above a twelve-column table does not).
 */
export function couldBeHeadings(candidate: SheetRow, below: readonly SheetRow[]): boolean {
  const filled = filledColumns(candidate.cells);
  const values = new Set(filled.map((i) => cellText(candidate.cells[i])));
  if (values.size < 2) return false;
  const headingLike = filled.filter((i) => looksLikeHeading(candidate.cells[i])).length;
  if (headingLike / filled.length < 0.6) return false;
  if (below.length === 0) return true;
  const own = new Set(filled);
  const used = new Set(below.flatMap((r) => filledColumns(r.cells)));
  if (used.size === 0) return true;
  const covered = [...used].filter((i) => own.has(i)).length;
  return covered / used.size >= 0.6;
}

/** How many of a row's cells the import vocabulary maps to a field of the register. */
export function vocabularyHits(cells: readonly RawCell[], vocabulary: ImportVocabulary): number {
  const headers = cells.map((c) => (typeof c === 'string' ? c.trim() : ''));
  return suggestMapping(headers, vocabulary).filter((f) => f !== null).length;
}

/** Rows past the first that could be headings by shape still looked at with the vocabulary (a wide notes row above). */
const VOCABULARY_LOOKAHEAD = 3;

/**
 * The index (in `rows`) of the heading row: among the first rows, the first
 * where the vocabulary maps the most cells, when it maps two or more (the
 * strong signal: "Title", "Lead organisation", "Partners"); else the first row
 * that could be the headings by its shape; else the first row with anything in
 * it (a one-column file, whose single heading the vocabulary may not know).
 * Undefined when every row is empty.
 *
 * The vocabulary is asked only of the rows down to a few past the first that
 * could be the headings by shape (those below it are records): matching a row
 * against every field's words is the costly part.
 */
export function findHeadingRow(
  rows: readonly SheetRow[],
  options: { readonly vocabulary?: ImportVocabulary } = {},
): number | undefined {
  const nonEmpty = rows.flatMap((r, index) => (filledColumns(r.cells).length > 0 ? [index] : []));
  const first = nonEmpty[0];
  if (first === undefined) return undefined;
  const scan = nonEmpty.slice(0, HEADING_SCAN_ROWS);
  const byShape = scan.findIndex((index, k) =>
    couldBeHeadings(
      rows[index] as SheetRow,
      nonEmpty.slice(k + 1, k + 1 + BODY_SAMPLE_ROWS).map((i) => rows[i] as SheetRow),
    ),
  );
  if (options.vocabulary) {
    const vocabulary = options.vocabulary;
    const asked = byShape < 0 ? scan : scan.slice(0, byShape + 1 + VOCABULARY_LOOKAHEAD);
    let best: number | undefined;
    let bestHits = 0;
    for (const index of asked) {
      const hits = vocabularyHits((rows[index] as SheetRow).cells, vocabulary);
      if (hits > bestHits) {
        best = index;
        bestHits = hits;
      }
    }
    // One column wide: the one cell that names a field is the heading ("Title" below "Register 2025").
    const oneColumn = scan.every((i) => filledColumns((rows[i] as SheetRow).cells).length <= 1);
    if (best !== undefined && (bestHits >= 2 || (oneColumn && bestHits === 1))) return best;
  }
  return byShape >= 0 ? scan[byShape] : first;
}
