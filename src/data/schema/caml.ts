import { fieldId, viewId } from './ids';
import { formatFor, formatJson } from './formatting';
import type { FieldDef, ListDef, ListKey, ViewDef } from './types';

/**
 * CAML for the schema: the `<Field>` elements that provisioning sends to
 * `fields/createfieldasxml` and that the PnP template carries inside
 * `pnp:Fields` are produced here, once, so they cannot drift apart.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

export interface CamlOptions {
  /**
   * The value of a lookup's List attribute for a target list: its GUID in
   * braces when provisioning, a PnP token such as `{listid:Collaborations}`
   * in the template.
   */
  readonly lookupList: (key: ListKey) => string;
  /** Adds `xmlns=""` (inside a PnP template the CAML is in no namespace). */
  readonly emptyNamespace?: boolean;
}

/** en-GB: Currency columns show pounds. */
const CURRENCY_LCID = 2057;

function attrs(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  return pairs
    .filter((p): p is readonly [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => `${k}="${xmlEscape(String(v))}"`)
    .join(' ');
}

/** The `<Field>` CAML of one column. Built-in Title is described too (provisioning updates it instead). */
export function fieldXml(list: ListDef, field: FieldDef, options: CamlOptions): string {
  const multi = field.type === 'LookupMulti' || field.type === 'UserMulti';
  const format = formatFor(list.key, field.internalName);
  const typeAttrs: [string, string | number | undefined][] = [];
  switch (field.type) {
    case 'Text':
      typeAttrs.push(['MaxLength', field.maxLength ?? 255]);
      break;
    case 'Note':
      typeAttrs.push(['NumLines', 6], ['RichText', FALSE], ['AppendOnly', FALSE]);
      break;
    case 'Choice':
      typeAttrs.push(['Format', 'Dropdown'], ['FillInChoice', FALSE]);
      break;
    case 'MultiChoice':
      typeAttrs.push(['FillInChoice', FALSE]);
      break;
    case 'Number':
      typeAttrs.push(['Min', field.min], ['Max', field.max], ['Decimals', undefined]);
      break;
    case 'Currency':
      typeAttrs.push(['Min', field.min], ['Max', field.max], ['Decimals', 2], ['LCID', CURRENCY_LCID]);
      break;
    case 'DateTime':
      typeAttrs.push(['Format', field.dateOnly ? 'DateOnly' : 'DateTime'], ['FriendlyDisplayFormat', 'Disabled']);
      break;
    case 'Lookup':
    case 'LookupMulti':
      if (!field.lookupList) throw new RangeError(`${list.title}.${field.internalName} is a lookup without a list`);
      typeAttrs.push(['List', options.lookupList(field.lookupList)], ['ShowField', field.lookupField ?? 'Title']);
      if (multi) typeAttrs.push(['Mult', TRUE]);
      else typeAttrs.push(['RelationshipDeleteBehavior', 'None']);
      break;
    case 'User':
    case 'UserMulti':
      // No List attribute: SharePoint binds a person column to the site's user information list itself.
      typeAttrs.push(['UserSelectionMode', 'PeopleOnly'], ['UserSelectionScope', 0]);
      if (multi) typeAttrs.push(['Mult', TRUE]);
      break;
    case 'URL':
      typeAttrs.push(['Format', 'Hyperlink']);
      break;
    case 'Boolean':
      break;
  }
  const head = attrs([
    ['Type', field.type],
    ['ID', `{${fieldId(list.key, field.internalName)}}`],
    ['Name', field.internalName],
    ['StaticName', field.internalName],
    ['DisplayName', field.title],
    ['Description', field.description],
    ['Required', field.required ? TRUE : FALSE],
    ['Indexed', field.indexed || field.unique ? TRUE : undefined],
    ['EnforceUniqueValues', field.unique ? TRUE : undefined],
    ...typeAttrs,
    ['CustomFormatter', format ? formatJson(format) : undefined],
  ]);
  const ns = options.emptyNamespace ? ' xmlns=""' : '';
  const children: string[] = [];
  if (field.defaultValue !== undefined) children.push(`<Default>${xmlEscape(field.defaultValue)}</Default>`);
  if (field.choices && (field.type === 'Choice' || field.type === 'MultiChoice')) {
    children.push(`<CHOICES>${field.choices.map((c) => `<CHOICE>${xmlEscape(c.value)}</CHOICE>`).join('')}</CHOICES>`);
  }
  return children.length === 0 ? `<Field ${head}${ns} />` : `<Field ${head}${ns}>${children.join('')}</Field>`;
}

/** The `<View>` CAML of one view (PnP template form). */
export function viewXml(
  list: ListDef,
  view: ViewDef,
  options: { emptyNamespace?: boolean; url?: string } = {},
): string {
  const ns = options.emptyNamespace ? ' xmlns=""' : '';
  const head = attrs([
    ['Name', `{${viewId(list.key, view.title).toUpperCase()}}`],
    ['DefaultView', view.default ? TRUE : undefined],
    ['MobileView', TRUE],
    ['Type', 'HTML'],
    ['DisplayName', view.title],
    ['Url', options.url],
    ['Level', 1],
    ['BaseViewID', 1],
    ['ContentTypeID', '0x'],
  ]);
  const fields = view.fields.map((f) => `<FieldRef Name="${xmlEscape(f)}" />`).join('');
  return (
    `<View ${head}${ns}>` +
    `<Query>${view.query ?? ''}</Query>` +
    `<ViewFields>${fields}</ViewFields>` +
    `<RowLimit Paged="${view.paged === false ? FALSE : TRUE}">${view.rowLimit ?? 100}</RowLimit>` +
    `</View>`
  );
}

/** A view's URL segment: its title without spaces or punctuation (e.g. "Reviews due" -> ReviewsDue.aspx). */
export function viewFileName(view: ViewDef): string {
  return `${view.title.replace(/(^|\s)(\w)/g, (_m, _s: string, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}.aspx`;
}

export function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10));
  });
}

export interface ParsedField {
  readonly attributes: Readonly<Record<string, string>>;
  readonly choices: readonly string[];
  readonly defaultValue?: string;
}

/**
 * Reads a field's SchemaXml as SharePoint returns it: the root element's
 * attributes, its CHOICE values and its Default. Enough to compare a column
 * with the schema; not a general XML parser.
 */
export function parseFieldXml(xml: string): ParsedField {
  const open = /<Field\b([^>]*?)\/?>/.exec(xml);
  const attributes: Record<string, string> = {};
  if (open?.[1]) {
    for (const m of open[1].matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attributes[m[1] as string] = xmlUnescape(m[3] ?? m[4] ?? '');
    }
  }
  const choices = [...xml.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/g)].map((m) => xmlUnescape(m[1] ?? ''));
  const def = /<Default>([\s\S]*?)<\/Default>/.exec(xml);
  return def ? { attributes, choices, defaultValue: xmlUnescape(def[1] ?? '') } : { attributes, choices };
}
