/**
 * The subset of SharePoint's Keyword Query Language (KQL) the embedded server
 * answers, parsed as Microsoft's syntax reference describes it
 * (learn.microsoft.com, "Keyword Query Language (KQL) syntax reference"):
 *
 * - free-text words and "quoted phrases"; several without an operator between
 *   them mean AND; `word*` and `"a phrase"*` match by prefix (no suffix matching);
 * - the operators AND, OR and NOT, in upper case only (lower-case `and` is a word),
 *   with parentheses; `a NOT b` (NOT needs something before it);
 * - property restrictions `Name:value`, `Name:"a value"`, `Name=value`, with no
 *   white space around the operator (`Title: x` is the two words "Title:" and "x",
 *   as the reference's `author: "John Smith"` example says).
 *
 * A query that is empty or holds only operators, an unclosed quote or
 * parenthesis, or an operator with nothing on one side is malformed.
 */

export type KqlNode =
  | { readonly kind: 'term'; readonly text: string; readonly prefix: boolean }
  | {
      readonly kind: 'property';
      readonly name: string;
      readonly op: ':' | '=';
      readonly value: string;
      readonly prefix: boolean;
    }
  | { readonly kind: 'and' | 'or'; readonly items: readonly KqlNode[] }
  | { readonly kind: 'not'; readonly keep: KqlNode; readonly drop: KqlNode };

/** The query cannot be parsed: SharePoint's "Your query is malformed". */
export class KqlSyntaxError extends Error {}

/** A property operator KQL has and this server does not answer (<, >, <=, >=, <>, ..). */
export class KqlUnsupportedError extends Error {}

/** KQL's own limit on a programmatic query (the Query object model's default). */
export const MAX_KQL_LENGTH = 4096;

type Token =
  | { readonly t: 'open' | 'close' | 'AND' | 'OR' | 'NOT' }
  | { readonly t: 'term'; readonly text: string; readonly prefix: boolean }
  | {
      readonly t: 'property';
      readonly name: string;
      readonly op: ':' | '=';
      readonly value: string;
      readonly prefix: boolean;
    };

const SPACE = /\s/;
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const UNSUPPORTED_OPS = ['<>', '<=', '>=', '<', '>'];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  /** A quoted string starting at `i` (on the quote); returns its text and the index after it. */
  const quoted = (at: number): [string, number] => {
    const end = text.indexOf('"', at + 1);
    if (end < 0) throw new KqlSyntaxError('An opening quotation mark has no closing one.');
    return [text.slice(at + 1, end), end + 1];
  };
  const star = (at: number): [boolean, number] => (text[at] === '*' ? [true, at + 1] : [false, at]);
  while (i < n) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ t: ch === '(' ? 'open' : 'close' });
      i++;
      continue;
    }
    if (ch === '"') {
      const [phrase, after] = quoted(i);
      const [prefix, next] = star(after);
      out.push({ t: 'term', text: phrase, prefix });
      i = next;
      continue;
    }
    // A word runs to white space, a parenthesis or a quotation mark.
    let j = i;
    while (j < n && !SPACE.test(text[j] as string) && !'()"'.includes(text[j] as string)) j++;
    let word = text.slice(i, j);
    const opAt = word.search(/[:=<>]/);
    if (opAt > 0 && PROPERTY_NAME.test(word.slice(0, opAt))) {
      const name = word.slice(0, opAt);
      const rest = word.slice(opAt);
      const unsupported = UNSUPPORTED_OPS.find((op) => rest.startsWith(op));
      if (unsupported) throw new KqlUnsupportedError(`The property operator ${unsupported}`);
      const op = rest[0] as ':' | '=';
      let value = rest.slice(1);
      if (value.includes('..')) throw new KqlUnsupportedError('The range operator ..');
      if (value === '' && text[j] === '"') {
        const [phrase, after] = quoted(j);
        const [prefix, next] = star(after);
        if (phrase.trim() === '') throw new KqlSyntaxError(`The property restriction ${name} has no value.`);
        out.push({ t: 'property', name, op, value: phrase, prefix });
        i = next;
        continue;
      }
      if (value === '') {
        // `author: "John Smith"` is the words "author" and "John Smith" (white space after the operator).
        out.push({ t: 'term', text: word, prefix: false });
        i = j;
        continue;
      }
      const prefix = value.endsWith('*');
      if (prefix) value = value.slice(0, -1);
      if (value === '') throw new KqlSyntaxError(`The property restriction ${name} has no value.`);
      out.push({ t: 'property', name, op, value, prefix });
      i = j;
      continue;
    }
    if (word === 'AND' || word === 'OR' || word === 'NOT') {
      out.push({ t: word });
      i = j;
      continue;
    }
    const prefix = word.endsWith('*');
    if (prefix) word = word.slice(0, -1);
    if (word === '' || word.includes('*')) throw new KqlSyntaxError('A wildcard is allowed only at the end of a word.');
    out.push({ t: 'term', text: word, prefix });
    i = j;
  }
  return out;
}

/** Parses a KQL query; throws KqlSyntaxError when it is malformed. */
export function parseKql(text: string): KqlNode {
  if (text.length > MAX_KQL_LENGTH) throw new KqlSyntaxError(`The query is longer than ${MAX_KQL_LENGTH} characters.`);
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];

  const primary = (): KqlNode => {
    const tok = tokens[at++];
    if (!tok) throw new KqlSyntaxError('The query ends where a word was expected.');
    switch (tok.t) {
      case 'open': {
        const inner = orExpr();
        if (tokens[at++]?.t !== 'close') throw new KqlSyntaxError('An opening parenthesis has no closing one.');
        return inner;
      }
      case 'term':
        return { kind: 'term', text: tok.text, prefix: tok.prefix };
      case 'property':
        return { kind: 'property', name: tok.name, op: tok.op, value: tok.value, prefix: tok.prefix };
      default:
        throw new KqlSyntaxError(`${tok.t === 'close' ? 'A closing parenthesis' : tok.t} where a word was expected.`);
    }
  };

  const andExpr = (): KqlNode => {
    let node = primary();
    const items: KqlNode[] = [node];
    for (;;) {
      const next = peek();
      if (!next || next.t === 'close' || next.t === 'OR') break;
      if (next.t === 'NOT') {
        at++;
        const drop = primary();
        node = {
          kind: 'not',
          keep: items.length === 1 ? (items[0] as KqlNode) : { kind: 'and', items: [...items] },
          drop,
        };
        items.length = 0;
        items.push(node);
        continue;
      }
      if (next.t === 'AND') at++;
      items.push(primary());
    }
    return items.length === 1 ? (items[0] as KqlNode) : { kind: 'and', items };
  };

  const orExpr = (): KqlNode => {
    const items = [andExpr()];
    while (peek()?.t === 'OR') {
      at++;
      items.push(andExpr());
    }
    return items.length === 1 ? (items[0] as KqlNode) : { kind: 'or', items };
  };

  if (tokens.length === 0) throw new KqlSyntaxError('The query is empty.');
  const root = orExpr();
  if (at < tokens.length) throw new KqlSyntaxError('A closing parenthesis has no opening one.');
  return root;
}
