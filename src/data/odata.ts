import type { IsoDate } from '../domain/dates';
import { isIsoDate } from '../domain/dates';
import type { ListDef } from './schema';

/**
 * OData `$filter` building, the only place filter text is written.
 *
 * Escaping: a string literal is wrapped in single quotes and every single
 * quote inside it is doubled (O'Brien -> 'O''Brien'); that is the whole of
 * OData's literal escaping. Characters that mean something in a URL (`%`, `#`,
 * `&`, `+`, spaces, Welsh letters such as ŵ ŷ â) are NOT escaped here: PnPjs
 * puts `$filter` in a URLSearchParams, which percent-encodes them (`%` -> %25,
 * `#` -> %23, `&` -> %26, `+` -> %2B, ŵ -> %C5%B5, space -> +) and SharePoint
 * decodes the query string before parsing the filter, so the value reaches the
 * server intact. Escaping them here as well would double-encode them.
 *
 * Order: `and` puts simple clauses on indexed columns first (a comparison or
 * a prefix, keeping the order the caller gave them: list the most selective
 * first), then indexed clauses SharePoint cannot seek with (`or` groups, `ne`,
 * empty checks), then clauses on non-indexed columns. SharePoint applies the
 * list view threshold to the FIRST clause: on a list of more than 5,000 items
 * it must be on an indexed column and match no more than 5,000 items, however
 * much a later clause would narrow the result.
 */
export type ODataPrimitive = string | number | boolean | null | ODataDateTime;

/** A `datetime'...'` literal. */
export class ODataDateTime {
  constructor(readonly iso: string) {
    if (Number.isNaN(Date.parse(iso))) throw new RangeError(`Not a date-time: ${iso}`);
  }
  toString(): string {
    return `datetime'${this.iso}'`;
  }
}

/** `datetime'YYYY-MM-DDTHH:mm:ssZ'` for an instant or an ISO date plus hours. */
export function datetime(value: IsoDate | Date, hoursOffset = 0): ODataDateTime {
  if (value instanceof Date) return new ODataDateTime(value.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO date: ${String(value)}`);
  const ms = Date.parse(`${value}T00:00:00Z`) + hoursOffset * 3_600_000;
  return new ODataDateTime(new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));
}

/** A string literal: quotes doubled, nothing else touched (the URL layer encodes the rest). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function odataValue(value: ODataPrimitive): string {
  if (value === null) return 'null';
  if (value instanceof ODataDateTime) return value.toString();
  if (typeof value === 'string') return odataString(value);
  // SharePoint's Yes/No columns compare with 1 and 0 (also accepted on-premises, unlike `true`).
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return String(value);
}

/**
 * A filter clause. `rank` orders clauses inside `and`: 0 a comparison or
 * prefix on an indexed column (the index can seek it), 1 an indexed clause it
 * cannot seek (`or`, `ne`, empty), 2 anything on a non-indexed column.
 */
export interface Clause {
  readonly text: string;
  readonly rank: 0 | 1 | 2;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)?$/;
/** Columns every list has and that SharePoint indexes itself. */
const BUILT_IN_INDEXED = new Set(['ID', 'Id', 'Modified', 'Created']);

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/**
 * A filter builder bound to one list: it knows which columns are indexed and
 * refuses columns the schema does not have (a typo is an error, not an empty
 * result). Lookup and person columns are filtered on `<Name>Id`.
 */
export class FilterBuilder {
  private readonly indexed = new Set<string>();
  private readonly known = new Set<string>(['ID', 'Id', 'Modified', 'Created', 'Title']);
  private readonly strict: boolean;

  constructor(list?: ListDef) {
    for (const f of list?.fields ?? []) {
      const names =
        f.type === 'Lookup' || f.type === 'User' || f.type === 'LookupMulti' || f.type === 'UserMulti'
          ? [`${f.internalName}Id`, `${f.internalName}/Id`, `${f.internalName}/Title`]
          : [f.internalName];
      for (const n of names) {
        this.known.add(n);
        if (f.indexed) this.indexed.add(n);
      }
    }
    this.strict = list !== undefined;
  }

  private field(name: string): string {
    if (!FIELD_NAME.test(name)) throw new RangeError(`Not a column name: ${name}`);
    if (this.strict && !this.known.has(name)) throw new RangeError(`No column ${name} in this list`);
    return name;
  }

  isIndexed(name: string): boolean {
    return this.indexed.has(name) || BUILT_IN_INDEXED.has(name);
  }

  compare(op: CompareOp, field: string, value: ODataPrimitive): Clause {
    const f = this.field(field);
    const rank = !this.isIndexed(f) ? 2 : op === 'ne' || value === null ? 1 : 0;
    return { text: `${f} ${op} ${odataValue(value)}`, rank };
  }

  eq(field: string, value: ODataPrimitive): Clause {
    return this.compare('eq', field, value);
  }
  ne(field: string, value: ODataPrimitive): Clause {
    return this.compare('ne', field, value);
  }
  lt(field: string, value: ODataPrimitive): Clause {
    return this.compare('lt', field, value);
  }
  le(field: string, value: ODataPrimitive): Clause {
    return this.compare('le', field, value);
  }
  gt(field: string, value: ODataPrimitive): Clause {
    return this.compare('gt', field, value);
  }
  ge(field: string, value: ODataPrimitive): Clause {
    return this.compare('ge', field, value);
  }
  isNull(field: string): Clause {
    return this.compare('eq', field, null);
  }
  notNull(field: string): Clause {
    return this.compare('ne', field, null);
  }

  startswith(field: string, prefix: string): Clause {
    const f = this.field(field);
    return { text: `startswith(${f},${odataString(prefix)})`, rank: this.isIndexed(f) ? 0 : 2 };
  }

  substringof(text: string, field: string): Clause {
    const f = this.field(field);
    // A substring search cannot use an index.
    return { text: `substringof(${odataString(text)},${f})`, rank: 2 };
  }

  /**
   * A calendar day on a date-only column, tolerant of the site's time zone:
   * SharePoint keeps a date-only value as local midnight in UTC (a British
   * Summer Time date comes back as 23:00Z the day before), so a day D is any
   * instant within twelve hours of D's midnight UTC. See mappers/common.ts.
   */
  onDate(field: string, op: 'eq' | 'le' | 'ge' | 'lt' | 'gt', date: IsoDate): Clause {
    switch (op) {
      case 'le':
        return this.lt(field, datetime(date, 12));
      case 'lt':
        return this.lt(field, datetime(date, -12));
      case 'ge':
        return this.ge(field, datetime(date, -12));
      case 'gt':
        return this.ge(field, datetime(date, 12));
      case 'eq':
        return and(this.ge(field, datetime(date, -12)), this.lt(field, datetime(date, 12)));
    }
  }

  /** `field eq v1 or field eq v2 ...`; one value is a plain `eq`. */
  anyOf(field: string, values: readonly ODataPrimitive[]): Clause {
    if (values.length === 0) throw new RangeError(`anyOf(${field}) needs at least one value`);
    return or(...values.map((v) => this.eq(field, v)));
  }
}

/** True when the text has an `and`/`or` outside string literals and parentheses. */
function isCompound(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") inString = !inString;
    if (inString) continue;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === ' ' && /^ (and|or) /.test(text.slice(i, i + 5))) return true;
  }
  return false;
}

/** Parenthesised when compound, so precedence never depends on the reader. */
const wrap = (c: Clause): string => (isCompound(c.text) ? `(${c.text})` : c.text);

/** All of the clauses: seekable indexed clauses first (in the order given), then the rest (stable). */
export function and(...clauses: readonly (Clause | undefined)[]): Clause {
  const present = clauses.filter((c): c is Clause => c !== undefined);
  if (present.length === 0) throw new RangeError('and() needs a clause');
  if (present.length === 1) return present[0] as Clause;
  const sorted = [...present].sort((a, b) => a.rank - b.rank);
  return { text: sorted.map(wrap).join(' and '), rank: (sorted[0] as Clause).rank };
}

/** Any of the clauses: never seekable (rank 1 at best), indexed only if every branch is. */
export function or(...clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) throw new RangeError('or() needs a clause');
  if (clauses.length === 1) return clauses[0] as Clause;
  const rank = Math.max(1, ...clauses.map((c) => c.rank)) as Clause['rank'];
  return { text: `(${clauses.map(wrap).join(' or ')})`, rank };
}

export function filterText(clause: Clause | undefined): string | undefined {
  return clause?.text;
}

/** A builder for a list of the schema. */
export function filterFor(list: ListDef): FilterBuilder {
  return new FilterBuilder(list);
}
