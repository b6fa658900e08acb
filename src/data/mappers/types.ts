import type { ListDef } from '../schema';
import type { Mapped, SpItem } from './common';

/** One list's mapper: SharePoint item -> domain value (checked) and back. */
export interface ListMapper<T> {
  readonly list: ListDef;
  /** Domain field name -> the list's internal column name (errors and version history name columns). */
  readonly columns: Readonly<Record<string, string>>;
  /** Choice set of a choice column, so version history can show codes. */
  readonly choiceSets?: Readonly<Record<string, string>>;
  fromItem(item: SpItem): Mapped<T>;
  /** The item body: only schema columns, codes as SharePoint words, dates as midnight UTC. */
  toItem(value: T): Record<string, unknown>;
  /** The value of the list's client-made unique key column. */
  keyOf(value: T): string;
}
