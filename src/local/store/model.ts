import { randomUUID } from 'node:crypto';
import type { FieldDef, FieldType } from '../../data/schema';

/** SharePoint's FieldTypeKind numbers. */
export const FIELD_KIND = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  URL: 11,
  Computed: 12,
  Guid: 14,
  MultiChoice: 15,
  Attachments: 19,
  User: 20,
  ContentTypeId: 25,
} as const;

/** TypeAsString values the server knows. */
export type TypeName = FieldType | 'Counter' | 'Computed' | 'Guid' | 'Attachments' | 'ContentTypeId' | 'Integer';

export interface FieldRecord {
  id: string;
  internalName: string;
  title: string;
  typeAsString: TypeName;
  description: string;
  required: boolean;
  indexed: boolean;
  unique: boolean;
  hidden: boolean;
  readOnly: boolean;
  fromBaseType: boolean;
  canBeDeleted: boolean;
  group: string;
  maxLength?: number;
  choices?: string[];
  fillInChoice?: boolean;
  /** DateTime DisplayFormat: 0 date only, 1 date and time. */
  displayFormat?: number;
  lookupListId?: string;
  lookupField?: string;
  min?: number;
  max?: number;
  defaultValue?: string | null;
  richText?: boolean;
  numberOfLines?: number;
  /** User: 0 people only, 1 people and groups. */
  selectionMode?: number;
  currencyLocaleId?: number;
}

export function fieldKind(f: FieldRecord): number {
  switch (f.typeAsString) {
    case 'LookupMulti':
      return FIELD_KIND.Lookup;
    case 'UserMulti':
      return FIELD_KIND.User;
    default:
      return FIELD_KIND[f.typeAsString];
  }
}

export function isMulti(f: FieldRecord): boolean {
  return f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti' || f.typeAsString === 'MultiChoice';
}

export function isLookupLike(f: FieldRecord): boolean {
  return ['Lookup', 'LookupMulti', 'User', 'UserMulti'].includes(f.typeAsString);
}

export function isUserField(f: FieldRecord): boolean {
  return f.typeAsString === 'User' || f.typeAsString === 'UserMulti';
}

/** The REST property an item's value is read and written under (Lookup → CollaborationId). */
export function restName(f: FieldRecord): string {
  const base = f.internalName.startsWith('_') ? `OData_${f.internalName}` : f.internalName;
  return isLookupLike(f) ? `${base}Id` : base;
}

export function odataFieldType(f: FieldRecord): string {
  switch (f.typeAsString) {
    case 'Text':
      return 'SP.FieldText';
    case 'Note':
      return 'SP.FieldMultiLineText';
    case 'DateTime':
      return 'SP.FieldDateTime';
    case 'Choice':
      return 'SP.FieldChoice';
    case 'MultiChoice':
      return 'SP.FieldMultiChoice';
    case 'Lookup':
    case 'LookupMulti':
      return 'SP.FieldLookup';
    case 'Number':
    case 'Integer':
      return 'SP.FieldNumber';
    case 'Currency':
      return 'SP.FieldCurrency';
    case 'URL':
      return 'SP.FieldUrl';
    case 'Computed':
      return 'SP.FieldComputed';
    case 'Guid':
      return 'SP.FieldGuid';
    case 'User':
    case 'UserMulti':
      return 'SP.FieldUser';
    default:
      return 'SP.Field';
  }
}

export function edmType(f: FieldRecord): string {
  switch (f.typeAsString) {
    case 'Number':
    case 'Currency':
      return 'Edm.Double';
    case 'Integer':
    case 'Counter':
    case 'Lookup':
    case 'User':
      return 'Edm.Int32';
    case 'LookupMulti':
    case 'UserMulti':
      return 'Collection(Edm.Int32)';
    case 'MultiChoice':
      return 'Collection(Edm.String)';
    case 'Boolean':
      return 'Edm.Boolean';
    case 'DateTime':
      return 'Edm.DateTime';
    case 'URL':
      return 'SP.FieldUrlValue';
    case 'Guid':
      return 'Edm.Guid';
    default:
      return 'Edm.String';
  }
}

/** SharePoint's encoding of a display name into an internal name: `Partner key` → `Partner_x0020_key`, at most 32 characters. */
export function encodeInternalName(display: string): string {
  let out = '';
  for (const ch of display) {
    if (/[A-Za-z0-9_]/.test(ch) && !(out === '' && ch === '_')) out += ch;
    else {
      const code = ch.codePointAt(0) ?? 0;
      out += `_x${code.toString(16).padStart(4, '0')}_`;
    }
    if (out.length >= 32) break;
  }
  return out.slice(0, 32);
}

const BASE_GROUP = '_Hidden';

/**
 * A column with SharePoint's defaults (no description; not required, indexed, unique or
 * hidden), built in or a list's own as `kind` says.
 */
export function plainField(
  internalName: string,
  title: string,
  typeAsString: TypeName,
  id: string,
  kind: Pick<FieldRecord, 'readOnly' | 'fromBaseType' | 'canBeDeleted' | 'group'> & Partial<FieldRecord>,
): FieldRecord {
  return {
    id,
    internalName,
    title,
    typeAsString,
    description: '',
    required: false,
    indexed: false,
    unique: false,
    hidden: false,
    ...kind,
  };
}

function base(
  internalName: string,
  title: string,
  typeAsString: TypeName,
  id: string,
  extra: Partial<FieldRecord> = {},
): FieldRecord {
  return plainField(internalName, title, typeAsString, id, {
    readOnly: true,
    fromBaseType: true,
    canBeDeleted: false,
    group: BASE_GROUP,
    ...extra,
  });
}

/** The built-in columns every custom list has (a subset of SharePoint's). */
export function builtInFields(): FieldRecord[] {
  return [
    base('ContentTypeId', 'Content Type ID', 'ContentTypeId', '03e45e84-1992-4d42-9116-26f756012634', { hidden: true }),
    base('Title', 'Title', 'Text', 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', {
      readOnly: false,
      required: true,
      maxLength: 255,
      group: 'Custom Columns',
    }),
    base('ID', 'ID', 'Counter', '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', { indexed: true }),
    base('ContentType', 'Content Type', 'Computed', 'c042a256-787d-4a6f-8a8a-cf6ab767f12d'),
    base('Modified', 'Modified', 'DateTime', '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', { displayFormat: 1 }),
    base('Created', 'Created', 'DateTime', '8c06beca-0777-48f7-91c7-6da68bc07b69', { displayFormat: 1 }),
    base('Author', 'Created By', 'User', '1df5e554-ec7e-46a6-901d-d85a3881cb18', { selectionMode: 0 }),
    base('Editor', 'Modified By', 'User', 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', { selectionMode: 0 }),
    base('_UIVersionString', 'Version', 'Text', 'dce8262a-3ae9-45aa-aab4-83bd75fb738a'),
    base('Attachments', 'Attachments', 'Attachments', '67df98f4-9dec-48ff-a553-29bece9c5bf4'),
    base('Edit', 'Edit', 'Computed', '503f1caa-358e-4918-9094-4a2cdc4bc034'),
    base('LinkTitleNoMenu', 'Title', 'Computed', 'bc91a437-52e7-49e1-8c4e-4698904b2b6d'),
    base('LinkTitle', 'Title', 'Computed', '82642ec8-ef9b-478f-acf9-31f7d45fbc31'),
    base('DocIcon', 'Type', 'Computed', '081c6e4c-5c14-4f20-b23e-1a71ceb6a67c'),
    base('GUID', 'GUID', 'Guid', 'ae069f25-3ac2-4256-b9c3-15dbb2a4fd4b', { hidden: true }),
  ];
}

/** Built-in columns whose values are item properties (not computed). */
export const BUILT_IN_VALUE_FIELDS = new Set([
  'ID',
  'Title',
  'Modified',
  'Created',
  'Author',
  'Editor',
  'GUID',
  'Attachments',
  '_UIVersionString',
  'ContentTypeId',
]);

/** A column of the schema as provisioning would create it. */
export function fieldFromSchema(
  def: FieldDef,
  id: string,
  lookupListId: (key: string) => string | undefined,
): FieldRecord {
  const f: FieldRecord = {
    id,
    internalName: def.internalName,
    title: def.title,
    typeAsString: def.type,
    description: def.description ?? '',
    required: def.required ?? false,
    indexed: (def.indexed ?? false) || (def.unique ?? false),
    unique: def.unique ?? false,
    hidden: false,
    readOnly: false,
    fromBaseType: false,
    canBeDeleted: true,
    group: 'Custom Columns',
  };
  if (def.type === 'Text') f.maxLength = def.maxLength ?? 255;
  if (def.choices) {
    f.choices = def.choices.map((c) => c.value);
    f.fillInChoice = false;
  }
  if (def.type === 'DateTime') f.displayFormat = def.dateOnly ? 0 : 1;
  if (def.lookupList) {
    const target = lookupListId(def.lookupList);
    if (target) f.lookupListId = target;
    f.lookupField = def.lookupField ?? 'Title';
  }
  if (def.min !== undefined) f.min = def.min;
  if (def.max !== undefined) f.max = def.max;
  if (def.defaultValue !== undefined) f.defaultValue = def.defaultValue;
  if (def.type === 'Note') {
    f.richText = def.richText ?? false;
    f.numberOfLines = 6;
  }
  if (def.type === 'User' || def.type === 'UserMulti') f.selectionMode = 0;
  if (def.type === 'Currency') f.currencyLocaleId = 2057;
  return f;
}

export interface ListRecord {
  id: number;
  guid: string;
  title: string;
  /** RootFolder name under /Lists/ (fixed at creation). */
  url: string;
  description: string;
  baseTemplate: number;
  enableVersioning: boolean;
  majorVersionLimit: number;
  hasUniqueRoleAssignments: boolean;
  created: string;
  lastItemModified: string;
  lastItemDeleted: string;
  itemCount: number;
  nextItemId: number;
  hidden: boolean;
  contentTypesEnabled: boolean;
  enableAttachments: boolean;
  noCrawl: boolean;
}

/** SharePoint's entity type name for a list's items: SP.Data.<url>ListItem with spaces as _x0020_. */
export function itemEntityType(list: ListRecord): string {
  const name = list.url.replace(
    /[^A-Za-z0-9_]/g,
    (ch) => `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}_`,
  );
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  return `SP.Data.${cap}ListItem`;
}

export interface ViewRecord {
  id: string;
  title: string;
  defaultView: boolean;
  personalView: boolean;
  hidden: boolean;
  viewQuery: string;
  rowLimit: number;
  paged: boolean;
  fields: string[];
  url: string;
}

/** A public view as SharePoint makes one: every item, 30 a page, the title column only. */
export function plainView(title: string, url: string, defaultView: boolean): ViewRecord {
  return {
    id: randomUUID(),
    title,
    defaultView,
    personalView: false,
    hidden: false,
    viewQuery: '',
    rowLimit: 30,
    paged: true,
    fields: ['LinkTitle'],
    url,
  };
}

export interface RoleDefinition {
  readonly Id: number;
  readonly Name: string;
  readonly Description: string;
  readonly RoleTypeKind: number;
  readonly Order: number;
  readonly Hidden: boolean;
  readonly High: string;
  readonly Low: string;
  /** 0 limited, 1 read, 2 contribute, 3 edit, 4 design, 5 full control. */
  readonly rank: number;
}

export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    Id: 1073741829,
    Name: 'Full Control',
    Description: 'Has full control.',
    RoleTypeKind: 5,
    Order: 1,
    Hidden: false,
    High: '2147483647',
    Low: '4294967295',
    rank: 5,
  },
  {
    Id: 1073741828,
    Name: 'Design',
    Description: 'Can view, add, update, delete, approve, and customize.',
    RoleTypeKind: 4,
    Order: 32,
    Hidden: false,
    High: '432',
    Low: '1012866047',
    rank: 4,
  },
  {
    Id: 1073741830,
    Name: 'Edit',
    Description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    RoleTypeKind: 6,
    Order: 48,
    Hidden: false,
    High: '432',
    Low: '1011030767',
    rank: 3,
  },
  {
    Id: 1073741827,
    Name: 'Contribute',
    Description: 'Can view, add, update, and delete list items and documents.',
    RoleTypeKind: 3,
    Order: 64,
    Hidden: false,
    High: '432',
    Low: '1011028719',
    rank: 2,
  },
  {
    Id: 1073741826,
    Name: 'Read',
    Description: 'Can view pages and list items and download documents.',
    RoleTypeKind: 2,
    Order: 128,
    Hidden: false,
    High: '176',
    Low: '138612833',
    rank: 1,
  },
  {
    Id: 1073741825,
    Name: 'Limited Access',
    Description:
      'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    RoleTypeKind: 1,
    Order: 160,
    Hidden: true,
    High: '48',
    Low: '134287360',
    rank: 0,
  },
];

export function roleByName(name: string): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((r) => r.Name.toLowerCase() === name.toLowerCase());
}

export function roleByRank(rank: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((r) => r.rank === rank);
}

export interface UserRecord {
  kind: 'user';
  Id: number;
  Title: string;
  Email: string;
  LoginName: string;
  JobTitle: string;
  Department: string;
  IsSiteAdmin: boolean;
}

export interface GroupRecord {
  kind: 'group';
  Id: number;
  Title: string;
  Description: string;
  OwnerTitle: string;
  AllowMembersEditMembership: boolean;
  OnlyAllowMembersViewMembership: boolean;
}

export type Principal = UserRecord | GroupRecord;
