/**
 * Splits a SharePoint REST path such as
 * `web/lists/getbytitle('Partner Organisations')/items(5)/versions` into
 * segments with their arguments, honouring quotes ('' inside a quoted string
 * is one quote) and SharePoint's parameter aliases (`getuserbyid(@v)?@v=5`).
 */
export type ArgValue = string | number | boolean | null;

export interface Arg {
  readonly name?: string;
  readonly value: ArgValue;
}

export interface Segment {
  readonly name: string;
  readonly lower: string;
  /** undefined when the segment has no parentheses. */
  readonly args?: readonly Arg[];
}

export class PathError extends Error {}

function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inQuote = false;
  let cur = '';
  for (const ch of text) {
    if (ch === "'") inQuote = !inQuote;
    else if (!inQuote && ch === '(') depth += 1;
    else if (!inQuote && ch === ')') depth -= 1;
    if (ch === sep && !inQuote && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (inQuote || depth !== 0) throw new PathError(text);
  out.push(cur);
  return out;
}

function parseValue(raw: string, aliases: URLSearchParams): ArgValue {
  const t = raw.trim();
  if (t.startsWith('@')) {
    const v = aliases.get(t);
    if (v === null) throw new PathError(t);
    return parseValue(v, new URLSearchParams());
  }
  const quoted = /^(?:guid|datetime)?'((?:[^']|'')*)'$/i.exec(t);
  if (quoted) return (quoted[1] ?? '').replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  if (/^null$/i.test(t)) return null;
  return t;
}

function parseSegment(raw: string, aliases: URLSearchParams): Segment {
  const open = raw.indexOf('(');
  if (open < 0) return { name: raw, lower: raw.toLowerCase() };
  if (!raw.endsWith(')')) throw new PathError(raw);
  const name = raw.slice(0, open);
  const inner = raw.slice(open + 1, -1);
  const args: Arg[] = [];
  if (inner.trim() !== '') {
    for (const part of splitOutside(inner, ',')) {
      const eq = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(part);
      if (eq && eq[1] !== undefined && eq[2] !== undefined && !part.trim().startsWith("'")) {
        args.push({ name: eq[1].toLowerCase(), value: parseValue(eq[2], aliases) });
      } else args.push({ value: parseValue(part, aliases) });
    }
  }
  return { name, lower: name.toLowerCase(), args };
}

/** Parses the part of a path after `/_api/` (already percent-decoded). */
export function parsePath(path: string, aliases: URLSearchParams): Segment[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return [];
  return splitOutside(trimmed, '/').map((s) => parseSegment(s, aliases));
}

/** The first argument's value, or a named argument's. */
export function arg(seg: Segment, name?: string): ArgValue | undefined {
  if (!seg.args) return undefined;
  if (name) {
    const named = seg.args.find((a) => a.name === name);
    if (named) return named.value;
  }
  return seg.args[0]?.value;
}
