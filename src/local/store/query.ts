import { errors, SpError, CODES } from '../rest/errors';
import { firstCondition, type FilterNode, type Literal } from '../odata/filter';
import { fold, jsonPath, sortKey } from './db';
import { normaliseDateTime } from './items';
import { isLookupLike, isMulti, isUserField, restName, type FieldRecord, type ListRecord } from './model';
import type { SiteStore } from './site-store';

/** A row as the query returns it: the item's columns, `data` when asked for, k0... sort keys, c0... extra columns. */
export type RawRow = {
  id: number;
  version: number;
  ui_version: number;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  guid: string;
  data?: string;
} & Record<string, unknown>;

type ValueType = 'text' | 'number' | 'bool' | 'date' | 'guid';

interface Scalar {
  kind: 'scalar';
  name: string;
  sql: string;
  folded: boolean;
  type: ValueType;
  indexed: boolean;
}

interface MultiRef {
  kind: 'multi';
  name: string;
  alias: string;
  path: string;
  type: ValueType;
}

interface Projection {
  kind: 'projection';
  name: string;
  /** The lookup's id(s) on the item. */
  base: Scalar | MultiRef;
  target: { kind: 'list'; list: ListRecord; member: string } | { kind: 'user'; prop: string };
}

type Ref = Scalar | MultiRef | Projection;

/** The user properties an expanded person column projects (SharePoint's User Information List). */
export const USER_PROJECTIONS: Readonly<Record<string, string>> = {
  id: 'Id',
  title: 'Title',
  email: 'Email',
  name: 'LoginName',
  username: 'Email',
  jobtitle: 'JobTitle',
  department: 'Department',
  firstname: 'FirstName',
  lastname: 'LastName',
  office: 'Office',
};

export const USER_PROJECTION_NAMES: Readonly<Record<string, string>> = {
  id: 'Id',
  title: 'Title',
  email: 'EMail',
  name: 'Name',
  username: 'UserName',
  jobtitle: 'JobTitle',
  department: 'Department',
  firstname: 'FirstName',
  lastname: 'LastName',
  office: 'Office',
};

function typeOf(f: FieldRecord): ValueType {
  switch (f.typeAsString) {
    case 'Number':
    case 'Currency':
    case 'Integer':
    case 'Counter':
    case 'Lookup':
    case 'LookupMulti':
    case 'User':
    case 'UserMulti':
      return 'number';
    case 'Boolean':
      return 'bool';
    case 'DateTime':
      return 'date';
    case 'Guid':
      return 'guid';
    default:
      return 'text';
  }
}

function notFilterable(f: FieldRecord, what: 'filter' | 'sort'): SpError {
  const type = f.typeAsString;
  return new SpError(
    400,
    CODES.spException,
    what === 'filter'
      ? `The field '${f.internalName}' of type '${type}' cannot be used in the query filter expression.`
      : `The field '${f.internalName}' of type '${type}' cannot be used in the query sort expression.`,
  );
}

const COLUMN_REFS: Readonly<Record<string, Omit<Scalar, 'sql' | 'kind'> & { column: string }>> = {
  id: { name: 'ID', column: 'id', folded: false, type: 'number', indexed: true },
  created: { name: 'Created', column: 'created', folded: false, type: 'date', indexed: false },
  modified: { name: 'Modified', column: 'modified', folded: false, type: 'date', indexed: false },
  authorid: { name: 'AuthorId', column: 'author_id', folded: false, type: 'number', indexed: false },
  editorid: { name: 'EditorId', column: 'editor_id', folded: false, type: 'number', indexed: false },
  guid: { name: 'GUID', column: 'guid', folded: false, type: 'guid', indexed: false },
};

export class ItemQuery {
  constructor(
    private readonly store: SiteStore,
    readonly list: ListRecord,
    private readonly expands: ReadonlySet<string>,
  ) {}

  private column(key: string, alias: string): Scalar | undefined {
    const c = COLUMN_REFS[key];
    if (!c) return undefined;
    return {
      kind: 'scalar',
      name: c.name,
      sql: `${alias}.${c.column}`,
      folded: c.folded,
      type: c.type,
      indexed: c.indexed,
    };
  }

  private fieldRef(f: FieldRecord, alias: string, what: 'filter' | 'sort'): Scalar | MultiRef {
    if (['Note', 'URL', 'Computed', 'Attachments', 'ContentTypeId'].includes(f.typeAsString))
      throw notFilterable(f, what);
    const prop = restName(f);
    if (isMulti(f)) return { kind: 'multi', name: prop, alias, path: jsonPath(prop), type: typeOf(f) };
    return {
      kind: 'scalar',
      name: prop,
      sql: `json_extract(${alias}.data, ${jsonPath(prop)})`,
      folded: true,
      type: typeOf(f),
      indexed: f.indexed,
    };
  }

  /** Resolves a member path of $filter or $orderby on this list. */
  resolve(member: string, what: 'filter' | 'sort', list: ListRecord = this.list, alias = 'i', nested = false): Ref {
    const parts = member.split('/');
    if (parts.length > 2 || parts.some((p) => p === '')) throw errors.columnMissing(member);
    const [head, sub] = parts as [string, string | undefined];
    const lower = head.toLowerCase();
    const fields = this.store.fields(list);
    if (sub === undefined) {
      const col = this.column(lower, alias);
      if (col) return col;
      const byRest = fields.find(
        (f) => f.typeAsString !== 'Computed' && restName(f).toLowerCase() === lower && !f.readOnly,
      );
      if (byRest) return this.fieldRef(byRest, alias, what);
      const byName = fields.find((f) => f.internalName.toLowerCase() === lower);
      if (byName) {
        if (byName.internalName === 'Title') return this.fieldRef(byName, alias, what);
        throw notFilterable(byName, what);
      }
      throw errors.columnMissing(head);
    }
    if (nested) throw errors.columnMissing(member);
    const base = fields.find((f) => f.internalName.toLowerCase() === lower && isLookupLike(f));
    if (!base) throw errors.columnMissing(member);
    if (!this.expands.has(base.internalName.toLowerCase())) {
      throw new SpError(
        400,
        CODES.argument,
        `The query to field '${member}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${base.internalName}.`,
      );
    }
    const baseRef: Scalar | MultiRef =
      base.internalName === 'Author' || base.internalName === 'Editor'
        ? (this.column(`${lower}id`, alias) as Scalar)
        : this.fieldRef(base, alias, what);
    if (sub.toLowerCase() === 'id') return baseRef;
    if (isUserField(base)) {
      const prop = USER_PROJECTIONS[sub.toLowerCase()];
      if (!prop) throw errors.fieldOrPropertyMissing(member);
      return { kind: 'projection', name: member, base: baseRef, target: { kind: 'user', prop } };
    }
    const target = base.lookupListId ? this.store.listByGuid(base.lookupListId) : undefined;
    if (!target) throw errors.columnMissing(member);
    return { kind: 'projection', name: member, base: baseRef, target: { kind: 'list', list: target, member: sub } };
  }

  private literal(lit: Literal, type: ValueType, expression: string): unknown {
    switch (type) {
      case 'number':
        if (lit.kind === 'number') return lit.value;
        if (lit.kind === 'string' && /^-?\d+(\.\d+)?$/.test(lit.value)) return Number(lit.value);
        break;
      case 'bool':
        if (lit.kind === 'boolean') return lit.value ? 1 : 0;
        if (lit.kind === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value;
        break;
      case 'date':
        if (lit.kind === 'datetime' || lit.kind === 'string') {
          const v = normaliseDateTime(lit.value);
          if (v) return v;
        }
        break;
      case 'guid':
        if (lit.kind === 'guid' || lit.kind === 'string') return lit.value.toLowerCase();
        break;
      default:
        if (lit.kind === 'string') return lit.value.normalize('NFC');
        if (lit.kind === 'number') return String(lit.value);
        break;
    }
    throw errors.invalidExpression(expression);
  }

  private cmp(ref: Scalar, op: string, value: unknown, params: unknown[]): string {
    const sqlOp = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' }[op] ?? '=';
    const left = ref.folded ? `sp_fold(${ref.sql})` : ref.sql;
    params.push(ref.folded ? fold(value) : value);
    if (op === 'ne') return `(${ref.sql} IS NULL OR ${left} <> ?)`;
    return `${left} ${sqlOp} ?`;
  }

  /** Compiles a filter into SQL over `items i` (or the given alias). */
  compile(
    node: FilterNode,
    params: unknown[],
    expression: string,
    list: ListRecord = this.list,
    alias = 'i',
    nested = false,
  ): string {
    switch (node.kind) {
      case 'and':
      case 'or':
        return `(${this.compile(node.left, params, expression, list, alias, nested)} ${node.kind.toUpperCase()} ${this.compile(
          node.right,
          params,
          expression,
          list,
          alias,
          nested,
        )})`;
      case 'not':
        return `(NOT ${this.compile(node.operand, params, expression, list, alias, nested)})`;
      default:
        break;
    }
    const ref = this.resolve(node.member, 'filter', list, alias, nested);
    if (ref.kind === 'projection') {
      const inner: unknown[] = [];
      let sub: string;
      if (ref.target.kind === 'list') {
        const cond = this.compile(
          { ...node, member: ref.target.member },
          inner,
          expression,
          ref.target.list,
          't',
          true,
        );
        sub = `SELECT t.id FROM items t WHERE t.list_id = ${ref.target.list.id} AND ${cond}`;
      } else {
        const userRef: Scalar = {
          kind: 'scalar',
          name: ref.name,
          sql: `json_extract(p.json, '$.${ref.target.prop}')`,
          folded: true,
          type: ref.target.prop === 'Id' ? 'number' : 'text',
          indexed: false,
        };
        sub = `SELECT p.id FROM principals p WHERE ${this.compileScalar(node, userRef, inner, expression)}`;
      }
      params.push(...inner);
      if (ref.base.kind === 'multi')
        return `EXISTS (SELECT 1 FROM json_each(${ref.base.alias}.data, ${ref.base.path}) je WHERE je.value IN (${sub}))`;
      return `${ref.base.sql} IN (${sub})`;
    }
    if (ref.kind === 'multi') {
      const each = `json_each(${ref.alias}.data, ${ref.path})`;
      if (node.kind === 'compare' && node.value.kind === 'null') {
        const empty = `(json_array_length(${ref.alias}.data, ${ref.path}) IS NULL OR json_array_length(${ref.alias}.data, ${ref.path}) = 0)`;
        if (node.op === 'eq') return empty;
        if (node.op === 'ne') return `(NOT ${empty})`;
        throw errors.invalidExpression(expression);
      }
      const valueRef: Scalar = {
        kind: 'scalar',
        name: ref.name,
        sql: 'je.value',
        folded: true,
        type: ref.type,
        indexed: false,
      };
      if (node.kind === 'compare' && node.op === 'ne') {
        const inner = this.compileScalar({ ...node, op: 'eq' }, valueRef, params, expression);
        return `NOT EXISTS (SELECT 1 FROM ${each} je WHERE ${inner})`;
      }
      if (node.kind === 'compare' && node.op !== 'eq') throw errors.invalidExpression(expression);
      return `EXISTS (SELECT 1 FROM ${each} je WHERE ${this.compileScalar(node, valueRef, params, expression)})`;
    }
    return this.compileScalar(node, ref, params, expression);
  }

  private compileScalar(
    node: Extract<FilterNode, { member: string }>,
    ref: Scalar,
    params: unknown[],
    expression: string,
  ): string {
    if (node.kind === 'compare') {
      if (node.value.kind === 'null') {
        if (node.op === 'eq') return `${ref.sql} IS NULL`;
        if (node.op === 'ne') return `${ref.sql} IS NOT NULL`;
        throw errors.invalidExpression(expression);
      }
      return this.cmp(ref, node.op, this.literal(node.value, ref.type, expression), params);
    }
    if (ref.type !== 'text' || node.value.kind !== 'string') throw errors.invalidExpression(expression);
    const v = node.value.value.normalize('NFC').toLowerCase();
    if (node.kind === 'startswith') {
      params.push(v, `${v}\u{10FFFF}`);
      return `(sp_fold(${ref.sql}) >= ? AND sp_fold(${ref.sql}) < ?)`;
    }
    params.push(v);
    return `sp_instr(${ref.sql}, ?) = 1`;
  }

  /**
   * SharePoint's list view threshold, as implemented here: on a list holding
   * more items than the threshold, the leftmost AND-ed condition of $filter
   * must be eq/lt/le/gt/ge/startswith on an indexed column (or ID) and match
   * no more items than the threshold; without a filter, every $orderby column
   * must be ID or indexed.
   */
  checkThreshold(
    filter: FilterNode | undefined,
    orderBy: readonly { field: string }[],
    threshold: number,
    expression: string,
  ): void {
    if (this.list.itemCount <= threshold) return;
    if (!filter) {
      for (const o of orderBy) {
        const ref = this.resolve(o.field, 'sort');
        if (ref.kind !== 'scalar' || !ref.indexed) throw errors.throttled();
      }
      return;
    }
    const first = firstCondition(filter);
    if (first.kind !== 'compare' && first.kind !== 'startswith') throw errors.throttled();
    if (first.kind === 'compare' && (first.op === 'ne' || first.value.kind === 'null')) throw errors.throttled();
    const ref = this.resolve(first.member, 'filter');
    if (ref.kind !== 'scalar' || !ref.indexed) throw errors.throttled();
    const params: unknown[] = [];
    const sql = this.compileScalar(first, ref, params, expression);
    const hits = this.store
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM items i WHERE i.list_id = ${this.list.id} AND ${sql} LIMIT ${threshold + 1})`,
      )
      .get(...params) as { n: number };
    if (hits.n > threshold) throw errors.throttled();
  }

  /**
   * Runs the query; returns one more row than `top` when there is a next page.
   * `columns` are extra SQL expressions selected as c0, c1...; the item's JSON
   * is selected as `data` only when `withData`.
   */
  run(opts: {
    filter: FilterNode | undefined;
    filterText: string;
    orderBy: readonly { field: string; desc: boolean }[];
    top: number;
    after: URLSearchParams | undefined;
    columns?: readonly string[];
    withData: boolean;
  }): { rows: RawRow[]; keys: Scalar[] } {
    const params: unknown[] = [];
    const where = [`i.list_id = ${this.list.id}`];
    if (opts.filter) where.push(this.compile(opts.filter, params, opts.filterText));
    const keys: Scalar[] = [];
    const desc: boolean[] = [];
    for (const o of opts.orderBy) {
      const ref = this.resolve(o.field, 'sort');
      if (ref.kind !== 'scalar') throw errors.invalidExpression(o.field);
      keys.push(ref);
      desc.push(o.desc);
    }
    if (!keys.some((k) => k.name === 'ID')) {
      keys.push(this.column('id', 'i') as Scalar);
      desc.push(false);
    }
    const keySql = keys.map((k) => (k.folded ? `sp_sortkey(${k.sql})` : k.sql));
    if (opts.after) where.push(this.keyset(opts.after, keys, keySql, desc, params));
    // With a filter, '+' keeps SQLite from walking the primary key in ID order instead of using
    // the filter's index (the filtered set is small: the threshold rule guarantees it on large lists).
    const order = keySql
      .map((k, n) => `${opts.filter && k === 'i.id' ? '+i.id' : k} ${desc[n] ? 'DESC' : 'ASC'}`)
      .join(', ');
    const select = [
      'i.id, i.version, i.ui_version, i.created, i.modified, i.author_id, i.editor_id, i.guid',
      ...(opts.withData ? ['json(i.data) AS data'] : []),
      ...keys.map((k, n) => `${k.sql} AS k${n}`),
      ...(opts.columns ?? []).map((c, n) => `${c} AS c${n}`),
    ];
    const sql = `SELECT ${select.join(', ')} FROM items i WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${opts.top + 1}`;
    return { rows: this.store.prepare(sql).all(...params) as RawRow[], keys };
  }

  private keyset(after: URLSearchParams, keys: Scalar[], keySql: string[], desc: boolean[], params: unknown[]): string {
    const values = keys.map((k) => {
      const raw = after.get(`p_${k.name}`);
      if (raw === null) return null;
      let v: unknown = raw;
      if (k.type === 'number' || k.type === 'bool') v = Number(raw);
      return k.folded ? sortKey(v) : v;
    });
    if (values[keys.length - 1] === null) throw errors.invalidExpression(after.toString());
    const ors: string[] = [];
    for (let n = 0; n < keys.length; n += 1) {
      const parts: string[] = [];
      const p: unknown[] = [];
      for (let j = 0; j < n; j += 1) {
        const v = values[j];
        if (v === null) parts.push(`${keySql[j]} IS NULL`);
        else {
          parts.push(`${keySql[j]} = ?`);
          p.push(v);
        }
      }
      const v = values[n];
      const k = keySql[n] as string;
      if (desc[n]) {
        if (v === null) continue;
        parts.push(`(${k} < ? OR ${k} IS NULL)`);
        p.push(v);
      } else if (v === null) parts.push(`${k} IS NOT NULL`);
      else {
        parts.push(`${k} > ?`);
        p.push(v);
      }
      ors.push(`(${parts.join(' AND ')})`);
      params.push(...p);
    }
    return ors.length ? `(${ors.join(' OR ')})` : '0';
  }

  /** The $skiptoken that continues after `row` in this order. */
  static skipToken(row: RawRow, keys: readonly Scalar[]): string {
    const p = new URLSearchParams();
    p.set('Paged', 'TRUE');
    keys.forEach((k, n) => {
      if (k.name === 'ID') return;
      const v = row[`k${n}`];
      if (typeof v === 'string' || typeof v === 'number') p.set(`p_${k.name}`, String(v));
    });
    p.set('p_ID', String(row.id));
    return p.toString();
  }
}
