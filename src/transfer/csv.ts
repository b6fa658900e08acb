/**
 * CSV as councils' spreadsheets write it: comma, semicolon, tab or pipe
 * separated (sniffed), fields quoted with ", quotes doubled, new lines inside
 * quoted fields, CRLF, LF or CR line ends, read by papaparse. Writing quotes
 * every field and defuses text a spreadsheet would run as a formula.
 */
import Papa from 'papaparse';
import { defuse } from './defuse';

export { defuse, FORMULA_TRIGGER } from './defuse';

const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter whose count outside quotes is steady across the first lines
 * and highest: each delimiter's most usual count on a line (not the first
 * line's, which may be a title with none: "Register of Partnerships 2025/26"),
 * weighed by the share of lines that have it (squared).
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines: Record<Delimiter, number>[] = [];
  let line: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let content = false;
  let quoted = false;
  const push = () => {
    if (content) lines.push(line);
    line = { ',': 0, ';': 0, '\t': 0, '|': 0 };
    content = false;
  };
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      push();
      continue;
    }
    content = true;
    if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) line[ch as Delimiter]++;
  }
  push();
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const tally = new Map<number, number>();
    for (const l of lines) if (l[d] > 0) tally.set(l[d], (tally.get(l[d]) ?? 0) + 1);
    let usual = 0;
    let usualLines = 0;
    for (const [count, n] of tally)
      if (n > usualLines || (n === usualLines && count > usual)) {
        usual = count;
        usualLines = n;
      }
    if (usual === 0) continue;
    // Steadiness counts twice: a comma inside one amount ("£1,234,000") must not outweigh a semicolon on every line.
    const share = usualLines / lines.length;
    const score = usual * share * share;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** A row that cannot be read as CSV: its number (1 is the first line, the header) and why. */
export interface CsvProblem {
  readonly row: number;
  /** A catalogue key under `errors.` (`errors.csvUnclosedQuote`, `errors.csvMalformedQuote`). */
  readonly code: 'csvUnclosedQuote' | 'csvMalformedQuote';
}

export interface CsvRead {
  readonly rows: string[][];
  /** Rows papaparse could not read; when there are any, `rows` must not be trusted past the first. */
  readonly problems: readonly CsvProblem[];
}

/**
 * Reads CSV text with papaparse: fields quoted with ", quotes doubled, new
 * lines inside quoted fields; CRLF, LF and CR line ends (mixed ones too: those
 * outside quotes are made LF first). A row papaparse cannot read (a quote never closed, text
 * after a closing quote) is returned as a problem with its row number, never
 * dropped: after an unclosed quote papaparse would swallow every later row
 * into one field.
 */
export function readCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): CsvRead {
  // Line ends outside quoted fields become LF; inside a quoted field they are the cell's own text.
  const normalised = text.replace(/"[^"]*"|\r\n?/g, (m) => (m.startsWith('"') ? m : '\n'));
  const result = Papa.parse<string[]>(normalised, { delimiter, newline: '\n', quoteChar: '"', skipEmptyLines: false });
  const rows = result.data;
  // A final line break ends the last row; it does not begin an empty one.
  const last = rows[rows.length - 1];
  if (normalised.endsWith('\n') && last?.length === 1 && last[0] === '') rows.pop();
  const problems: CsvProblem[] = [];
  for (const e of result.errors) {
    if (e.type !== 'Quotes' || e.row === undefined) continue;
    const code = e.code === 'MissingQuotes' ? 'csvUnclosedQuote' : 'csvMalformedQuote';
    const row = e.row + 1;
    if (!problems.some((p) => p.row === row)) problems.push({ row, code });
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems };
}

/** A CSV that cannot be read in full, with the first row that failed. */
export class CsvRowError extends Error {
  constructor(readonly problems: readonly CsvProblem[]) {
    super(`CSV row ${problems[0]?.row ?? '?'}: ${problems[0]?.code ?? ''}`);
    this.name = 'CsvRowError';
  }
}

/** Parses CSV text into rows of fields; a row that cannot be read throws a `CsvRowError` naming it. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): string[][] {
  const { rows, problems } = readCsv(text, delimiter);
  if (problems.length > 0) throw new CsvRowError(problems);
  return rows;
}

export type OutCell = string | number | null | undefined;

/** RFC 4180 CSV with a byte-order mark, so Excel reads the Welsh letters as UTF-8. */
export function writeCsv(rows: readonly (readonly OutCell[])[]): string {
  const field = (cell: OutCell): string => {
    if (cell === null || cell === undefined) return '""';
    const value = typeof cell === 'number' ? String(cell) : defuse(cell);
    return `"${value.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
