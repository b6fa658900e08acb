/**
 * The Collaborations list's columns, derived from the domain's field catalogue
 * (src/domain/fields.ts): each entry becomes a column of its kind's type, named
 * `PascalCase(key)` and titled with its English label, unless this table says
 * otherwise. The compiler checks that every override names a catalogue field.
 */
import {
  COLLABORATION_FIELD_KEYS,
  fieldSpec,
  type ChoiceSetName,
  type CollaborationField,
  type FieldKind,
} from '../../domain/fields';
import en from '../../i18n/locales/en-GB.json';
import { CHOICES } from './choices';
import type { FieldDef, FieldType } from './types';

const COLUMN_TYPES: Readonly<Record<FieldKind, FieldType>> = {
  text: 'Text',
  note: 'Note',
  choice: 'Choice',
  multiChoice: 'MultiChoice',
  yesNo: 'Boolean',
  partners: 'LookupMulti',
  person: 'User',
  date: 'DateTime',
  money: 'Currency',
  number: 'Number',
};

/** What a field's column has beyond its kind's defaults (indexes for the view threshold, defaults, names). */
export const COLLABORATION_COLUMN_OVERRIDES: { readonly [K in CollaborationField]?: Partial<FieldDef> } = {
  title: { internalName: 'Title' },
  reference: { unique: true, indexed: true },
  councilReference: { title: 'Council reference', indexed: true },
  kind: { indexed: true },
  model: { indexed: true },
  basis: { indexed: true },
  councilLeads: { title: 'Council leads', indexed: true, defaultValue: '0' },
  partnerIds: { internalName: 'Partners', lookupList: 'partners', lookupField: 'Title' },
  directorate: { indexed: true },
  leadOfficer: { indexed: true },
  headOfService: { indexed: true },
  status: { indexed: true, defaultValue: 'Proposed' },
  startDate: { indexed: true },
  reviewFrequency: { defaultValue: 'Annual' },
  nextReviewDue: { indexed: true },
  serviceRisk: { defaultValue: 'Medium' },
  significance: { indexed: true },
  panel: { indexed: true },
  assuranceLevel: { indexed: true },
  lastAssessmentScore: { min: 0, max: 100 },
  importKey: { unique: true, indexed: true },
};

/**
 * Columns the list stores that are no field of the record: worked out from it
 * on every save so the governance team can filter on them in SharePoint.
 */
export const DERIVED_COLUMNS: readonly { readonly after: CollaborationField; readonly field: FieldDef }[] = [
  {
    after: 'model',
    field: {
      internalName: 'InScope',
      title: 'In scope of the protocol',
      type: 'Boolean',
      indexed: true,
      defaultValue: '1',
    },
  },
];

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const LABELS = en.fields as Readonly<Record<string, string>>;

/** The column of one catalogue field. */
export function columnOf(key: CollaborationField): FieldDef {
  const spec = fieldSpec(key);
  const type = COLUMN_TYPES[spec.kind];
  // SharePoint cannot require a yes/no, a multi-choice or a lookup to be filled in; the domain does.
  const required = spec.required && (type === 'Text' || type === 'Note' || type === 'Choice');
  const base: FieldDef = {
    internalName: pascal(key),
    title: LABELS[key] ?? pascal(key),
    type,
    ...(required ? { required: true } : {}),
    ...(type === 'Text' ? { maxLength: spec.maxLength ?? 255 } : {}),
    ...(type === 'Note' ? { richText: false as const } : {}),
    ...(type === 'DateTime' ? { dateOnly: true } : {}),
    ...(type === 'Currency' ? { min: 0 } : {}),
    ...(spec.set ? { choices: CHOICES[spec.set satisfies ChoiceSetName] } : {}),
  };
  return { ...base, ...COLLABORATION_COLUMN_OVERRIDES[key] };
}

/** Every column of the Collaborations list, in the catalogue's order. */
export function collaborationColumns(): FieldDef[] {
  const out: FieldDef[] = [];
  for (const key of COLLABORATION_FIELD_KEYS) {
    out.push(columnOf(key));
    for (const d of DERIVED_COLUMNS) if (d.after === key) out.push(d.field);
  }
  return out;
}

/** Domain field -> internal column name. */
export const COLLABORATION_COLUMNS = Object.fromEntries(
  COLLABORATION_FIELD_KEYS.map((k) => [k, columnOf(k).internalName]),
) as Readonly<Record<CollaborationField, string>>;
