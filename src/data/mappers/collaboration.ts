import {
  COLLABORATION_FIELD_KEYS,
  collaborationSchema,
  fieldSpec,
  type Collaboration,
  type CollaborationField,
  type IsoDate,
  type Person,
} from '../../domain';
import { isInScope } from '../../domain/scope';
import { COLLABORATION_COLUMNS, COLLABORATIONS } from '../schema';
import { ItemWriter, mapItem, type ItemReader, type SpItem } from './common';
import type { ListMapper } from './types';

const list = COLLABORATIONS;
export { COLLABORATION_COLUMNS };
const c = COLLABORATION_COLUMNS;

/** One field read from its column, by the field's kind in the catalogue. */
function readField(r: ItemReader, key: CollaborationField): unknown {
  const spec = fieldSpec(key);
  const col = c[key];
  switch (spec.kind) {
    case 'text':
      return spec.required ? r.text(col) : r.optText(col);
    case 'note':
      return spec.required ? (r.text(col) ?? '') : r.optText(col);
    case 'choice':
      return r.choice(col, spec.set!);
    case 'multiChoice':
      return r.multiChoice(col, spec.set!);
    case 'yesNo':
      return r.boolean(col);
    case 'partners':
      return r.lookupIds(col);
    case 'person':
      return r.person(col);
    case 'date':
      return r.date(col);
    case 'money':
    case 'number':
      return r.number(col);
  }
}

/** One field written to its column. */
function writeField(w: ItemWriter, key: CollaborationField, value: unknown): void {
  const spec = fieldSpec(key);
  const col = c[key];
  switch (spec.kind) {
    case 'text':
    case 'note':
      w.text(col, value as string | undefined);
      return;
    case 'choice':
      w.choice(col, spec.set!, value as string | undefined);
      return;
    case 'multiChoice':
      w.multiChoice(col, spec.set!, (value as readonly string[] | undefined) ?? []);
      return;
    case 'yesNo':
      w.boolean(col, value === true);
      return;
    case 'partners':
      w.lookups(col, (value as readonly number[] | undefined) ?? []);
      return;
    case 'person':
      w.person(col, value as Person | undefined);
      return;
    case 'date':
      w.date(col, value as IsoDate | undefined);
      return;
    case 'money':
    case 'number':
      w.number(col, value as number | undefined);
  }
}

export const collaborationMapper: ListMapper<Collaboration> = {
  list,
  columns: c,
  choiceSets: Object.fromEntries(
    COLLABORATION_FIELD_KEYS.flatMap((k) => {
      const set = fieldSpec(k).set;
      return set ? [[c[k], set]] : [];
    }),
  ),
  fromItem: (item: SpItem) =>
    mapItem<Collaboration>(list, item, collaborationSchema, c, (r) =>
      Object.fromEntries(COLLABORATION_FIELD_KEYS.map((k) => [k, readField(r, k)])),
    ),
  toItem: (v: Collaboration) => {
    const w = new ItemWriter(list);
    for (const k of COLLABORATION_FIELD_KEYS) writeField(w, k, v[k]);
    // Derived, stored so the governance team can filter on it in SharePoint.
    w.boolean('InScope', isInScope(v.model));
    return w.build();
  },
  keyOf: (v) => v.reference,
};
