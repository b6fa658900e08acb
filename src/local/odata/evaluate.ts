import type { FilterNode, Literal } from './filter';

/**
 * Evaluates a parsed $filter against plain objects, for the small metadata
 * collections (lists, fields, views, users, groups) that are not in SQL.
 */
function get(obj: Record<string, unknown>, member: string): unknown {
  let cur: unknown = obj;
  for (const part of member.split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const rec = cur as Record<string, unknown>;
    const key = Object.keys(rec).find((k) => k.toLowerCase() === part.toLowerCase());
    cur = key === undefined ? undefined : rec[key];
  }
  return cur;
}

/** Text of a primitive (objects become JSON). */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '' : (JSON.stringify(v) ?? '');
}

function literalValue(l: Literal): unknown {
  return l.kind === 'null' ? null : l.value;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = typeof a === 'boolean' ? (a ? 1 : 0) : Number(a);
    const y = typeof b === 'boolean' ? (b ? 1 : 0) : Number(b);
    return x - y;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = text(a).toLowerCase();
  const y = text(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export function evaluate(node: FilterNode, obj: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, obj) && evaluate(node.right, obj);
    case 'or':
      return evaluate(node.left, obj) || evaluate(node.right, obj);
    case 'not':
      return !evaluate(node.operand, obj);
    case 'startswith':
      return text(get(obj, node.member))
        .toLowerCase()
        .startsWith(text(literalValue(node.value)).toLowerCase());
    case 'substringof':
      return text(get(obj, node.member))
        .toLowerCase()
        .includes(text(literalValue(node.value)).toLowerCase());
    case 'compare': {
      const left = get(obj, node.member);
      const right = literalValue(node.value);
      if (right === null) {
        const isNull = left === null || left === undefined;
        return node.op === 'eq' ? isNull : node.op === 'ne' ? !isNull : false;
      }
      const c = compare(left, right);
      if (c === undefined) return node.op === 'ne';
      switch (node.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
        case 'gt':
          return c > 0;
        default:
          return c >= 0;
      }
    }
  }
}

/** Sorts plain objects by $orderby terms. */
export function sortBy<T extends Record<string, unknown>>(
  items: T[],
  orderBy: readonly { field: string; desc: boolean }[],
): T[] {
  return [...items].sort((a, b) => {
    for (const o of orderBy) {
      const x = get(a, o.field);
      const y = get(b, o.field);
      const c =
        x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : (compare(x, y) ?? 0);
      if (c !== 0) return o.desc ? -c : c;
    }
    return 0;
  });
}
