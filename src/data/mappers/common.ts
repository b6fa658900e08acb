import type { z } from 'zod';
import { fromDayNumber, isIsoDate, type IsoDate } from '../../domain/dates';
import type { Person } from '../../domain/collaboration';
import type { RepoError, RepoResult, Stored } from '../../domain/ports';
import { choiceCode, choiceValue, type ChoiceSet, type FieldDef, type ListDef } from '../schema';

/**
 * What every list mapper shares: reading SharePoint's JSON shapes (minimal
 * metadata and verbose both), writing item bodies, and turning a bad value
 * into an `invalid` result that names the list, the item and the column.
 *
 * DATES. A date-only SharePoint column stores a day as midnight in the SITE's
 * time zone and REST returns that instant in UTC. For a Europe/London site a
 * winter date comes back as `2026-01-15T00:00:00Z` and a British Summer Time
 * date as `2026-06-14T23:00:00Z` for 15 June. We therefore read a date-only
 * value by ROUNDING THE INSTANT TO THE NEAREST UTC DAY (right for any site
 * within twelve hours of UTC), and write a day as `YYYY-MM-DDT00:00:00Z`,
 * which SharePoint converts to the site's local day: the same day for any zone
 * from UTC to UTC+11, which covers British sites all year. Filters on dates
 * use the same twelve-hour tolerance (odata.ts, `onDate`). Date-and-time
 * columns (SubmittedOn, PostedOn) are instants and kept as ISO strings.
 */
export type SpItem = Readonly<Record<string, unknown>>;

export class MappingError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'MappingError';
  }
}

const MS_PER_DAY = 86_400_000;

/** A date-only column's value as a calendar day (nearest UTC day: see the note above). */
export function fromSpDate(value: unknown, field = 'date'): IsoDate | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new MappingError(field, `not a date: ${JSON.stringify(value)}`);
  if (isIsoDate(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MappingError(field, `not a date: '${value}'`);
  return fromDayNumber(Math.round(ms / MS_PER_DAY));
}

/** A calendar day as the value SharePoint expects for a date-only column. */
export function toSpDate(date: IsoDate | undefined): string | null {
  if (date === undefined) return null;
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${String(date)}`);
  return `${date}T00:00:00Z`;
}

/** An instant (date-and-time column) kept as an ISO string, normalised to UTC. */
export function fromSpDateTime(value: unknown, field = 'date'): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new MappingError(field, `not a date-time: ${JSON.stringify(value)}`);
  }
  return new Date(Date.parse(value)).toISOString().replace(/\.000Z$/, 'Z');
}

export function toSpDateTime(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${value}`);
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** The ETag of an item in any of SharePoint's JSON flavours. */
export function etagOf(item: SpItem): string | undefined {
  const meta = item['__metadata'] as { etag?: unknown } | undefined;
  const tag = item['odata.etag'] ?? item['@odata.etag'] ?? meta?.etag;
  return typeof tag === 'string' && tag !== '' ? tag : undefined;
}

/** Verbose wraps collections in `{ results: [...] }`; minimal metadata sends the array. */
export function collection(value: unknown): unknown[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value as unknown[];
  const results = (value as { results?: unknown }).results;
  if (Array.isArray(results)) return results as unknown[];
  return undefined;
}

/** Drops keys whose value is undefined, so a mapped record has no empty optionals. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Reads one item's columns, throwing MappingError that names the column. */
export class ItemReader {
  constructor(
    readonly item: SpItem,
    readonly list: ListDef,
  ) {}

  id(): number {
    const id = this.item['Id'] ?? this.item['ID'];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) throw new MappingError('Id', 'missing item id');
    return id;
  }

  etag(): string {
    const tag = etagOf(this.item);
    if (tag === undefined) throw new MappingError('odata.etag', 'the item came back without an ETag');
    return tag;
  }

  modified(): string | undefined {
    return fromSpDateTime(this.item['Modified'], 'Modified');
  }

  /** Text; null becomes undefined. */
  text(name: string): string | undefined {
    const v = this.item[name];
    if (v === null || v === undefined) return undefined;
    if (typeof v !== 'string') throw new MappingError(name, `expected text, got ${typeof v}`);
    return v;
  }

  /** Optional text: null and '' both mean "not given". */
  optText(name: string): string | undefined {
    const v = this.text(name);
    return v === '' ? undefined : v;
  }

  number(name: string): number | undefined {
    const v = this.item[name];
    if (v === null || v === undefined || v === '') return undefined;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw new MappingError(name, `expected a number, got ${JSON.stringify(v)}`);
    return n;
  }

  boolean(name: string, fallback = false): boolean {
    const v = this.item[name];
    if (v === null || v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 1 || v === '1' || v === 'true' || v === 'Yes') return true;
    if (v === 0 || v === '0' || v === 'false' || v === 'No') return false;
    throw new MappingError(name, `expected yes/no, got ${JSON.stringify(v)}`);
  }

  /** A choice word as its domain code; an unknown word names the column. */
  choice(name: string, set: ChoiceSet): string | undefined {
    const word = this.optText(name);
    if (word === undefined) return undefined;
    const code = choiceCode(set, word);
    if (code === undefined) throw new MappingError(name, `'${word}' is not one of the ${set} choices`);
    return code;
  }

  multiChoice(name: string, set: ChoiceSet): string[] {
    const raw = this.item[name];
    if (raw === null || raw === undefined) return [];
    const words = collection(raw) ?? (typeof raw === 'string' ? raw.split(';#').filter((w) => w !== '') : undefined);
    if (words === undefined) throw new MappingError(name, `expected several choices, got ${JSON.stringify(raw)}`);
    return words.map((w) => {
      const code = typeof w === 'string' ? choiceCode(set, w) : undefined;
      if (code === undefined) throw new MappingError(name, `'${String(w)}' is not one of the ${set} choices`);
      return code;
    });
  }

  date(name: string): IsoDate | undefined {
    return fromSpDate(this.item[name], name);
  }

  dateTime(name: string): string | undefined {
    return fromSpDateTime(this.item[name], name);
  }

  lookupId(name: string): number | undefined {
    const v = this.item[`${name}Id`];
    if (v === null || v === undefined) {
      const expanded = this.item[name] as { Id?: unknown } | null | undefined;
      return typeof expanded?.Id === 'number' ? expanded.Id : undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v))
      throw new MappingError(name, `expected an item id, got ${JSON.stringify(v)}`);
    return v;
  }

  lookupIds(name: string): number[] {
    const v = this.item[`${name}Id`];
    if (v === null || v === undefined) return [];
    const ids = collection(v);
    if (!ids || !ids.every((id) => typeof id === 'number' && Number.isInteger(id))) {
      throw new MappingError(name, `expected item ids, got ${JSON.stringify(v)}`);
    }
    return ids as number[];
  }

  person(name: string): Person | undefined {
    const id = this.lookupId(name);
    if (id === undefined) return undefined;
    const expanded = this.item[name] as SpItem | null | undefined;
    return personFrom(id, expanded ?? undefined);
  }

  people(name: string): Person[] {
    const ids = this.lookupIds(name);
    const expanded = collection(this.item[name]) as SpItem[] | undefined;
    if (ids.length === 0 && expanded) {
      return expanded.map((p, i) => {
        const id = p['Id'];
        if (typeof id !== 'number') throw new MappingError(name, `person ${i} has no id`);
        return personFrom(id, p);
      });
    }
    return ids.map((id) =>
      personFrom(
        id,
        expanded?.find((p) => p['Id'] === id),
      ),
    );
  }

  url(name: string): string | undefined {
    const v = this.item[name];
    if (v === null || v === undefined || v === '') return undefined;
    if (typeof v === 'string') return v.split(', ')[0];
    const u = (v as { Url?: unknown }).Url;
    if (u === null || u === undefined || u === '') return undefined;
    if (typeof u !== 'string') throw new MappingError(name, 'expected a link');
    return u;
  }

  json(name: string): unknown {
    const text = this.optText(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new MappingError(name, 'is not valid JSON');
    }
  }
}

function personFrom(id: number, expanded: SpItem | undefined): Person {
  const title = expanded?.['Title'];
  const email = expanded?.['EMail'] ?? expanded?.['Email'];
  return compact({
    id,
    displayName: typeof title === 'string' ? title : '',
    email: typeof email === 'string' && email !== '' ? email : undefined,
  });
}

/** Writes an item body: only schema columns, domain codes as SharePoint words. */
export class ItemWriter {
  private readonly body: Record<string, unknown> = {};
  constructor(readonly list: ListDef) {}

  private def(name: string): FieldDef {
    const f = this.list.fields.find((x) => x.internalName === name);
    if (!f) throw new RangeError(`${this.list.title} has no column ${name}`);
    return f;
  }

  text(name: string, value: string | undefined): this {
    this.def(name);
    this.body[name] = value === undefined || value === '' ? null : value;
    return this;
  }
  number(name: string, value: number | undefined): this {
    this.def(name);
    this.body[name] = value ?? null;
    return this;
  }
  boolean(name: string, value: boolean): this {
    this.def(name);
    this.body[name] = value;
    return this;
  }
  choice(name: string, set: ChoiceSet, code: string | undefined): this {
    this.def(name);
    this.body[name] = code === undefined ? null : choiceValue(set, code);
    return this;
  }
  multiChoice(name: string, set: ChoiceSet, codes: readonly string[]): this {
    this.def(name);
    this.body[name] = codes.map((c) => choiceValue(set, c));
    return this;
  }
  date(name: string, value: IsoDate | undefined): this {
    this.def(name);
    this.body[name] = toSpDate(value);
    return this;
  }
  dateTime(name: string, value: string | undefined): this {
    this.def(name);
    this.body[name] = toSpDateTime(value);
    return this;
  }
  lookup(name: string, id: number | undefined): this {
    this.def(name);
    this.body[`${name}Id`] = id ?? null;
    return this;
  }
  lookups(name: string, ids: readonly number[]): this {
    this.def(name);
    this.body[`${name}Id`] = [...ids];
    return this;
  }
  person(name: string, person: Person | undefined): this {
    return this.lookup(name, person?.id);
  }
  people(name: string, people: readonly Person[]): this {
    return this.lookups(
      name,
      people.map((p) => p.id),
    );
  }
  url(name: string, url: string | undefined, description?: string): this {
    this.def(name);
    this.body[name] = url === undefined || url === '' ? null : { Url: url, Description: description ?? url };
    return this;
  }
  json(name: string, value: unknown): this {
    this.def(name);
    this.body[name] = value === undefined ? null : JSON.stringify(value);
    return this;
  }
  build(): Record<string, unknown> {
    return { ...this.body };
  }
}

/** $select and $expand for a list: every schema column, people expanded to Id, Title and EMail. Never `*`. */
export function selectFor(list: ListDef): { select: string[]; expand: string[] } {
  const select = ['Id', 'Modified'];
  const expand: string[] = [];
  for (const f of list.fields) {
    switch (f.type) {
      case 'Lookup':
      case 'LookupMulti':
        select.push(`${f.internalName}Id`);
        break;
      case 'User':
      case 'UserMulti':
        select.push(
          `${f.internalName}Id`,
          `${f.internalName}/Id`,
          `${f.internalName}/Title`,
          `${f.internalName}/EMail`,
        );
        expand.push(f.internalName);
        break;
      default:
        select.push(f.internalName);
    }
  }
  return { select, expand };
}

/** The result of mapping one item. */
export type Mapped<T> = RepoResult<Stored<T>>;

export function invalid(list: ListDef, itemId: number | undefined, field: string, reason: string): RepoError<never> {
  return {
    code: 'invalid',
    field,
    ...(itemId !== undefined ? { itemId } : {}),
    detail: `${list.title}${itemId !== undefined ? ` item ${itemId}` : ''}: ${field} ${reason}`,
  };
}

/**
 * Runs a list's read function and the domain's zod schema over one item; any
 * failure becomes `invalid` naming the list, the item id and the column
 * (`columns` maps the domain's field names to the list's internal names).
 */
export function mapItem<T>(
  list: ListDef,
  item: SpItem,
  schema: z.ZodType<T>,
  columns: Readonly<Record<string, string>>,
  read: (r: ItemReader) => unknown,
): Mapped<T> {
  const itemId = typeof item['Id'] === 'number' ? item['Id'] : typeof item['ID'] === 'number' ? item['ID'] : undefined;
  try {
    const r = new ItemReader(item, list);
    const id = r.id();
    const etag = r.etag();
    const modified = r.modified();
    const parsed = schema.safeParse(compact(read(r) as object));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String) ?? [];
      const domainField = path[0] ?? 'record';
      const column = columns[domainField] ?? domainField;
      return {
        ok: false,
        error: invalid(list, itemId, column, `${issue?.message ?? 'is invalid'} (${path.join('.')})`),
      };
    }
    const stored = compact({ ...(parsed.data as object), id, etag, modified }) as Stored<T>;
    return { ok: true, value: stored };
  } catch (e) {
    if (e instanceof MappingError) return { ok: false, error: invalid(list, itemId, e.field, e.reason) };
    throw e;
  }
}

/** Strips what only storage knows (id, etag, modified) from a stored value. */
export function unstored<T extends object>(value: T): Omit<T, 'id' | 'etag' | 'modified'> {
  const {
    id: _id,
    etag: _etag,
    modified: _modified,
    ...rest
  } = value as T & { id?: unknown; etag?: unknown; modified?: unknown };
  return rest;
}
