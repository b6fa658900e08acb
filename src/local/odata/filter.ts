/**
 * A parser for the OData v3 `$filter` subset that SharePoint's REST service
 * accepts on list items: eq ne lt le gt ge, and / or / not, parentheses,
 * startswith(Field,'x'), substringof('x',Field), null, numbers, booleans,
 * strings with '' escaping, datetime'...' and guid'...' literals, and member
 * paths such as Collaboration/Title.
 */

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'datetime'; readonly value: string }
  | { readonly kind: 'guid'; readonly value: string };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly member: string; readonly value: Literal }
  | { readonly kind: 'startswith' | 'substringof'; readonly member: string; readonly value: Literal };

export class FilterSyntaxError extends Error {
  constructor(readonly expression: string) {
    super(`The expression "${expression}" is not valid.`);
  }
}

type Token =
  | { t: 'open' | 'close' | 'comma'; pos: number }
  | { t: 'ident'; v: string; pos: number }
  | { t: 'lit'; v: Literal; pos: number };

const OPS: readonly CompareOp[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const FLIP: Readonly<Record<CompareOp, CompareOp>> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

function readQuoted(text: string, start: number, fail: () => never): [string, number] {
  // start is the index of the opening quote
  let i = start + 1;
  let out = '';
  for (;;) {
    if (i >= text.length) fail();
    const c = text[i] as string;
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    out += c;
    i += 1;
  }
}

function tokenize(text: string): Token[] {
  const fail = (): never => {
    throw new FilterSyntaxError(text);
  };
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(') {
      tokens.push({ t: 'open', pos: i });
      i += 1;
      continue;
    }
    if (c === ')') {
      tokens.push({ t: 'close', pos: i });
      i += 1;
      continue;
    }
    if (c === ',') {
      tokens.push({ t: 'comma', pos: i });
      i += 1;
      continue;
    }
    if (c === "'") {
      const [value, next] = readQuoted(text, i, fail);
      tokens.push({ t: 'lit', v: { kind: 'string', value }, pos: i });
      i = next;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/.exec(text.slice(i));
    if (num && (c === '-' || /\d/.test(c))) {
      const raw = num[0].replace(/[mMdDfFlL]$/, '');
      tokens.push({ t: 'lit', v: { kind: 'number', value: Number(raw) }, pos: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(text.slice(i));
    if (ident) {
      const word = ident[0];
      const after = i + word.length;
      const lower = word.toLowerCase();
      if ((lower === 'datetime' || lower === 'datetimeoffset' || lower === 'guid') && text[after] === "'") {
        const [value, next] = readQuoted(text, after, fail);
        tokens.push({
          t: 'lit',
          v: lower === 'guid' ? { kind: 'guid', value } : { kind: 'datetime', value },
          pos: i,
        });
        i = next;
        continue;
      }
      if (lower === 'true' || lower === 'false')
        tokens.push({ t: 'lit', v: { kind: 'boolean', value: lower === 'true' }, pos: i });
      else if (lower === 'null') tokens.push({ t: 'lit', v: { kind: 'null' }, pos: i });
      else tokens.push({ t: 'ident', v: word, pos: i });
      i = after;
      continue;
    }
    fail();
  }
  return tokens;
}

type Operand = { k: 'member'; name: string } | { k: 'lit'; v: Literal } | { k: 'bool'; node: FilterNode };

/** Deepest nesting of `not` and parentheses a filter may have (SharePoint's parser refuses deep trees too). */
export const MAX_FILTER_DEPTH = 32;
/** Most conditions (comparisons and function calls) in one filter; the tab's own filters stay under 100. */
export const MAX_FILTER_CONDITIONS = 200;

class Parser {
  private i = 0;
  private depth = 0;
  private conditions = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  fail(): never {
    throw new FilterSyntaxError(this.text);
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  keyword(): string | undefined {
    const t = this.peek();
    return t?.t === 'ident' ? t.v.toLowerCase() : undefined;
  }

  parse(): FilterNode {
    if (this.tokens.length === 0) this.fail();
    const node = this.or();
    if (this.i !== this.tokens.length) this.fail();
    return node;
  }

  or(): FilterNode {
    let left = this.and();
    while (this.keyword() === 'or') {
      this.i += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  and(): FilterNode {
    let left = this.not();
    while (this.keyword() === 'and') {
      this.i += 1;
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  not(): FilterNode {
    if (this.keyword() === 'not') {
      this.i += 1;
      this.enter();
      const operand = this.not();
      this.depth -= 1;
      return { kind: 'not', operand };
    }
    return this.comparison();
  }

  /** One level deeper; a filter nested beyond MAX_FILTER_DEPTH is not valid (400, never a stack overflow). */
  enter(): void {
    this.depth += 1;
    if (this.depth > MAX_FILTER_DEPTH) this.fail();
  }

  comparison(): FilterNode {
    this.conditions += 1;
    if (this.conditions > MAX_FILTER_CONDITIONS) this.fail();
    const left = this.operand();
    const kw = this.keyword();
    if (kw && (OPS as readonly string[]).includes(kw)) {
      this.i += 1;
      const op = kw as CompareOp;
      const right = this.operand();
      if (left.k === 'member' && right.k === 'lit') return { kind: 'compare', op, member: left.name, value: right.v };
      if (left.k === 'lit' && right.k === 'member')
        return { kind: 'compare', op: FLIP[op], member: right.name, value: left.v };
      if (left.k === 'bool' && right.k === 'lit' && right.v.kind === 'boolean' && (op === 'eq' || op === 'ne')) {
        const positive = right.v.value === (op === 'eq');
        return positive ? left.node : { kind: 'not', operand: left.node };
      }
      this.fail();
    }
    if (left.k === 'bool') return left.node;
    return this.fail();
  }

  operand(): Operand {
    const t = this.peek();
    if (!t) this.fail();
    if (t.t === 'open') {
      this.i += 1;
      this.enter();
      const node = this.or();
      this.depth -= 1;
      if (this.peek()?.t !== 'close') this.fail();
      this.i += 1;
      return { k: 'bool', node };
    }
    if (t.t === 'lit') {
      this.i += 1;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'ident') {
      this.i += 1;
      if (this.peek()?.t === 'open') return { k: 'bool', node: this.call(t.v.toLowerCase()) };
      if ((OPS as readonly string[]).includes(t.v.toLowerCase()) || ['and', 'or', 'not'].includes(t.v.toLowerCase()))
        this.fail();
      return { k: 'member', name: t.v };
    }
    return this.fail();
  }

  call(name: string): FilterNode {
    this.i += 1; // (
    const args: Operand[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.t === 'lit') {
        args.push({ k: 'lit', v: t.v });
        this.i += 1;
      } else if (t?.t === 'ident') {
        args.push({ k: 'member', name: t.v });
        this.i += 1;
      } else this.fail();
      const sep = this.peek();
      if (sep?.t === 'comma') {
        this.i += 1;
        continue;
      }
      if (sep?.t === 'close') {
        this.i += 1;
        break;
      }
      this.fail();
    }
    const [a, b] = args;
    if (args.length !== 2 || !a || !b) this.fail();
    if (name === 'startswith' && a.k === 'member' && b.k === 'lit')
      return { kind: 'startswith', member: a.name, value: b.v };
    if (name === 'substringof' && a.k === 'lit' && b.k === 'member')
      return { kind: 'substringof', member: b.name, value: a.v };
    return this.fail();
  }
}

/** Parses a `$filter` expression; throws FilterSyntaxError with SharePoint's message when it is not valid. */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

/**
 * The leftmost condition of the filter's top-level AND chain: the condition
 * SharePoint's query planner tries first against an index on a large list.
 */
export function firstCondition(node: FilterNode): FilterNode {
  return node.kind === 'and' ? firstCondition(node.left) : node;
}

/** Every member path the filter names. */
export function membersOf(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...membersOf(node.left), ...membersOf(node.right)];
    case 'not':
      return membersOf(node.operand);
    default:
      return [node.member];
  }
}

/** Parses `$orderby` ("A asc, B desc"). */
export function parseOrderBy(text: string): { field: string; desc: boolean }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const m = /^([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m || !m[1]) throw new FilterSyntaxError(text);
      return { field: m[1], desc: (m[2] ?? '').toLowerCase() === 'desc' };
    });
}
