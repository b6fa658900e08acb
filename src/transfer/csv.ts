/**
 * CSV as councils' spreadsheets write it: comma, semicolon, tab or pipe
 * separated (sniffed), fields quoted with ", quotes doubled, new lines inside
 * quoted fields, CRLF, LF or CR line ends. Writing quotes every field and
 * defuses text a spreadsheet would run as a formula.
 */

const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter whose count outside quotes is steady across the first lines and highest on the header. */
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
    const header = lines[0]?.[d] ?? 0;
    if (header === 0) continue;
    const steady = lines.filter((l) => l[d] === header).length / lines.length;
    const score = header * steady;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Parses CSV text into rows of fields. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet cannot run: a leading ' before = + - @ (the import removes it again). */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
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
