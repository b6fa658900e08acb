import { randomUUID } from 'node:crypto';
import { checkTitleLength, CODES, errors, SpError } from './errors';
import type { ApiResponse, Ctx } from './context';
import { fieldEntity, listEntity, listExtras, viewEntity, viewFieldsEntity } from './entities';
import { arg, type Segment } from './path';
import { Entity, type Value } from './odata-json';
import { fold, jsonPath } from '../store/db';
import {
  encodeInternalName,
  FIELD_KIND,
  isMulti,
  plainField,
  plainView,
  restName,
  type FieldRecord,
  type ListRecord,
  type TypeName,
  type ViewRecord,
} from '../store/model';
import { nowIso } from '../store/site-store';

// ---------------------------------------------------------------- lists

const LIST_WRITABLE = new Set([
  'Title',
  'Description',
  'BaseTemplate',
  'AllowContentTypes',
  'ContentTypesEnabled',
  'EnableVersioning',
  'MajorVersionLimit',
  'EnableAttachments',
  'Hidden',
  'NoCrawl',
  'OnQuickLaunch',
  'EnableFolderCreation',
  'EnableMinorVersions',
  'EnableModeration',
  'ForceCheckout',
  'Direction',
  'DraftVersionVisibility',
  'QuickLaunchOption',
  'TemplateFeatureId',
  'DocumentTemplateType',
]);

function checkBool(body: Record<string, unknown>, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw errors.wrongType('Edm.Boolean');
  return v;
}

function checkListBody(body: Record<string, unknown>): void {
  for (const k of Object.keys(body)) {
    if (k === '__metadata' || k.startsWith('odata.')) continue;
    if (!LIST_WRITABLE.has(k)) throw errors.unknownProperty(k, 'SP.List');
  }
  if (body.Title !== undefined && (typeof body.Title !== 'string' || body.Title.trim() === ''))
    throw errors.wrongType('Edm.String');
  checkTitleLength(body.Title, 'list');
  if (body.Description !== undefined && typeof body.Description !== 'string') throw errors.wrongType('Edm.String');
  for (const k of ['EnableMinorVersions', 'EnableModeration', 'ForceCheckout']) {
    if (body[k] === true) throw errors.notSupported(`${k}=true`);
  }
}

function applyListProps(list: ListRecord, body: Record<string, unknown>): ListRecord {
  const next = { ...list };
  if (typeof body.Title === 'string') next.title = body.Title;
  if (typeof body.Description === 'string') next.description = body.Description;
  const versioning = checkBool(body, 'EnableVersioning');
  if (versioning !== undefined) next.enableVersioning = versioning;
  const attachments = checkBool(body, 'EnableAttachments');
  if (attachments !== undefined) next.enableAttachments = attachments;
  const hidden = checkBool(body, 'Hidden');
  if (hidden !== undefined) next.hidden = hidden;
  const noCrawl = checkBool(body, 'NoCrawl');
  if (noCrawl !== undefined) next.noCrawl = noCrawl;
  const ct = checkBool(body, 'ContentTypesEnabled');
  if (ct !== undefined) next.contentTypesEnabled = ct;
  if (typeof body.MajorVersionLimit === 'number') next.majorVersionLimit = body.MajorVersionLimit;
  return next;
}

/**
 * SharePoint returns some list properties (HasUniqueRoleAssignments, RootFolder...)
 * only when $select names them; in a collection they may be selected too, so they
 * are offered to $select without appearing in the default answer.
 */
function withSelectableExtras(ctx: Ctx, e: Entity, extras: Record<string, Value>): Entity {
  if (!ctx.option('$select')) return e;
  return new Entity(e.type, e.id, e.uri, { ...e.props, ...extras }, e.editLink, e.etag);
}

export function listsCollection(ctx: Ctx): ApiResponse {
  if (ctx.method === 'GET') {
    const visible = ctx.store.lists().filter((l) => ctx.store.rankOf(ctx.user, l) >= 1);
    return ctx.metadataCollection(
      visible.map((l) => withSelectableExtras(ctx, listEntity(ctx, l), listExtras(ctx, l))),
      'SP.ApiData.Lists',
    );
  }
  if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
  ctx.require(undefined, 3);
  const body = ctx.body();
  checkListBody(body);
  if (typeof body.Title !== 'string') throw errors.validation('A list must have a Title.');
  const title = body.Title;
  const template = body.BaseTemplate ?? 100;
  if (template !== 100)
    throw errors.notSupported(`Lists with BaseTemplate ${JSON.stringify(template)} (only 100, the custom list, is)`);
  if (ctx.store.listByTitle(title))
    throw new SpError(
      500,
      CODES.listExists,
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  const list = ctx.store.transaction(() => {
    const base = title.replace(/[#%&*:<>?\\/{|}~"]/g, '').trim() || 'List';
    let url = base;
    for (let n = 1; ctx.store.listByUrl(url); n += 1) url = `${base}${n}`;
    const created = ctx.store.createList({
      title,
      url,
      description: typeof body.Description === 'string' ? body.Description : '',
      baseTemplate: 100,
      created: nowIso(),
    });
    const updated = applyListProps(created, body);
    ctx.store.saveList(updated);
    return updated;
  });
  return ctx.entity(listEntity(ctx, list), 'SP.ApiData.Lists', 201);
}

export function listResource(ctx: Ctx, list: ListRecord): ApiResponse {
  switch (ctx.method) {
    case 'GET':
      ctx.require(list, 1);
      return ctx.entity(ctx.selected(listEntity(ctx, list), listExtras(ctx, list)), 'SP.ApiData.Lists');
    case 'MERGE':
    case 'PATCH':
    case 'PUT': {
      ctx.require(list, 3);
      const body = ctx.body();
      checkListBody(body);
      if (typeof body.Title === 'string') {
        const other = ctx.store.listByTitle(body.Title);
        if (other && other.id !== list.id)
          throw new SpError(
            500,
            CODES.listExists,
            'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
          );
      }
      ctx.store.transaction(() => ctx.store.saveList(applyListProps(list, body)));
      return ctx.noContent();
    }
    case 'DELETE':
      ctx.require(list, 3);
      ctx.store.transaction(() => ctx.store.deleteList(list));
      return ctx.empty();
    default:
      throw errors.methodNotAllowed(ctx.method);
  }
}

// ---------------------------------------------------------------- fields

const KIND_TO_TYPE: Readonly<Record<number, TypeName>> = {
  [FIELD_KIND.Text]: 'Text',
  [FIELD_KIND.Note]: 'Note',
  [FIELD_KIND.DateTime]: 'DateTime',
  [FIELD_KIND.Choice]: 'Choice',
  [FIELD_KIND.Lookup]: 'Lookup',
  [FIELD_KIND.Boolean]: 'Boolean',
  [FIELD_KIND.Number]: 'Number',
  [FIELD_KIND.Currency]: 'Currency',
  [FIELD_KIND.URL]: 'URL',
  [FIELD_KIND.MultiChoice]: 'MultiChoice',
  [FIELD_KIND.User]: 'User',
  [FIELD_KIND.Integer]: 'Number',
};

const FIELD_IGNORED = new Set([
  'DateTimeCalendarType',
  'FriendlyDisplayFormat',
  'AllowHyperlink',
  'AppendOnly',
  'RestrictedMode',
  'EditFormat',
  'Presence',
  'SelectionGroup',
  'ShowAsPercentage',
  'OutputType',
  'StaticName',
  'EntityPropertyName',
  'ValidationFormula',
  'ValidationMessage',
  'JSLink',
  'LookupWebId',
  'IsCompoundField',
  'AllowDisplay',
  'Direction',
  'Filterable',
  'Sortable',
  'ClientSideComponentId',
  'ClientSideComponentProperties',
  'CustomFormatter',
  'UnlimitedLengthInDocumentLibrary',
  'DefaultFormula',
  'IsCompactName',
]);

function stringList(v: unknown): string[] {
  const values = Array.isArray(v)
    ? v
    : v !== null && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)
      ? (v as { results: unknown[] }).results
      : undefined;
  if (!values || values.some((x) => typeof x !== 'string')) throw errors.wrongType('Collection(Edm.String)');
  return values as string[];
}

function resolveLookupList(ctx: Ctx, ref: string): string {
  const g = ref.replace(/[{}]/g, '');
  const list = ctx.store.listByGuid(g) ?? ctx.store.listByUrl(g) ?? ctx.store.listByTitle(g);
  if (!list) throw errors.listNotFound(ref, ctx.siteUrl);
  return list.guid;
}

/** Applies REST field properties (creation or MERGE) to a field record; throws on unknown or ill-typed ones. */
function applyFieldProps(ctx: Ctx, f: FieldRecord, body: Record<string, unknown>, odataType: string): void {
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k.startsWith('odata.') || k === 'FieldTypeKind' || FIELD_IGNORED.has(k)) continue;
    switch (k) {
      case 'Title':
      case 'Description':
      case 'Group':
        if (typeof v !== 'string') throw errors.wrongType('Edm.String');
        if (k === 'Title') checkTitleLength(v, 'column');
        if (k === 'Title') f.title = v;
        else if (k === 'Description') f.description = v;
        else f.group = v;
        break;
      case 'Required':
      case 'Indexed':
      case 'EnforceUniqueValues':
      case 'Hidden':
      case 'FillInChoice':
      case 'RichText':
      case 'AllowMultipleValues':
        if (typeof v !== 'boolean') throw errors.wrongType('Edm.Boolean');
        if (k === 'Required') f.required = v;
        else if (k === 'Indexed') f.indexed = v;
        else if (k === 'EnforceUniqueValues') f.unique = v;
        else if (k === 'Hidden') f.hidden = v;
        else if (k === 'FillInChoice') f.fillInChoice = v;
        else if (k === 'RichText') f.richText = v;
        else if (v && f.typeAsString === 'Lookup') f.typeAsString = 'LookupMulti';
        else if (v && f.typeAsString === 'User') f.typeAsString = 'UserMulti';
        else if (!v && f.typeAsString === 'LookupMulti') f.typeAsString = 'Lookup';
        else if (!v && f.typeAsString === 'UserMulti') f.typeAsString = 'User';
        break;
      case 'MaxLength':
      case 'NumberOfLines':
      case 'DisplayFormat':
      case 'SelectionMode':
      case 'CurrencyLocaleId':
      case 'MinimumValue':
      case 'MaximumValue':
        if (typeof v !== 'number') throw errors.wrongType('Edm.Int32');
        if (k === 'MaxLength') {
          if (v < 1 || v > 255) throw errors.validation('MaxLength must be between 1 and 255.');
          f.maxLength = v;
        } else if (k === 'NumberOfLines') f.numberOfLines = v;
        else if (k === 'DisplayFormat') f.displayFormat = v;
        else if (k === 'SelectionMode') f.selectionMode = v;
        else if (k === 'CurrencyLocaleId') f.currencyLocaleId = v;
        else if (k === 'MinimumValue') f.min = v;
        else f.max = v;
        break;
      case 'Choices':
        f.choices = stringList(v);
        break;
      case 'DefaultValue':
        if (v !== null && typeof v !== 'string') throw errors.wrongType('Edm.String');
        f.defaultValue = v;
        break;
      case 'LookupList':
      case 'LookupListId':
        if (typeof v !== 'string') throw errors.wrongType('Edm.String');
        f.lookupListId = resolveLookupList(ctx, v);
        break;
      case 'LookupField':
      case 'LookupFieldName':
        if (typeof v !== 'string') throw errors.wrongType('Edm.String');
        f.lookupField = v;
        break;
      case 'SchemaXml': {
        if (typeof v !== 'string') throw errors.wrongType('Edm.String');
        const parsed = parseFieldXml(ctx, v);
        Object.assign(f, { ...parsed.field, id: f.id, internalName: f.internalName });
        break;
      }
      default:
        throw errors.unknownProperty(k, odataType);
    }
  }
}

function validateField(ctx: Ctx, list: ListRecord, f: FieldRecord): void {
  if (f.unique && !f.indexed)
    throw new SpError(
      400,
      CODES.spException,
      `The field '${f.internalName}' must be indexed before it can enforce unique values.`,
    );
  if (
    (f.indexed || f.unique) &&
    (isMulti(f) || f.typeAsString === 'Note' || f.typeAsString === 'URL') &&
    !f.fromBaseType
  )
    throw new SpError(
      400,
      CODES.spException,
      `The field '${f.internalName}' of type '${f.typeAsString}' cannot be indexed or enforce unique values.`,
    );
  if ((f.typeAsString === 'Lookup' || f.typeAsString === 'LookupMulti') && !f.lookupListId)
    throw errors.validation(`The lookup field '${f.internalName}' needs LookupList (the id of the list it looks up).`);
  if (f.unique) {
    const dup = ctx.store
      .prepare(
        `SELECT sp_fold(json_extract(data, ${jsonPath(restName(f))})) AS v, COUNT(*) AS n FROM items WHERE list_id = ${list.id} AND json_extract(data, ${jsonPath(
          restName(f),
        )}) IS NOT NULL GROUP BY v HAVING n > 1 LIMIT 1`,
      )
      .get();
    if (dup !== undefined)
      throw new SpError(
        400,
        CODES.duplicate,
        'This field contains duplicate values. Remove all duplicate values and try the operation again.',
      );
  }
  void fold;
}

function uniqueInternalName(ctx: Ctx, list: ListRecord, wanted: string): string {
  let name = wanted;
  for (let n = 0; ctx.store.fields(list).some((f) => f.internalName.toLowerCase() === name.toLowerCase()); n += 1) {
    name = `${wanted.slice(0, 31)}${n}`;
  }
  return name;
}

function newField(internalName: string, title: string, typeAsString: TypeName, id: string = randomUUID()): FieldRecord {
  const f = plainField(internalName, title, typeAsString, id, {
    readOnly: false,
    fromBaseType: false,
    canBeDeleted: true,
    group: 'Custom Columns',
  });
  if (typeAsString === 'Text') f.maxLength = 255;
  if (typeAsString === 'DateTime') f.displayFormat = 1;
  if (typeAsString === 'Note') {
    f.numberOfLines = 6;
    f.richText = true;
  }
  if (typeAsString === 'Lookup' || typeAsString === 'LookupMulti') f.lookupField = 'Title';
  if (typeAsString === 'User' || typeAsString === 'UserMulti') f.selectionMode = 1;
  if (typeAsString === 'Choice' || typeAsString === 'MultiChoice') f.fillInChoice = false;
  return f;
}

const TYPE_FROM_ODATA: Readonly<Record<string, TypeName>> = {
  'SP.FieldText': 'Text',
  'SP.FieldMultiLineText': 'Note',
  'SP.FieldDateTime': 'DateTime',
  'SP.FieldChoice': 'Choice',
  'SP.FieldMultiChoice': 'MultiChoice',
  'SP.FieldLookup': 'Lookup',
  'SP.FieldNumber': 'Number',
  'SP.FieldCurrency': 'Currency',
  'SP.FieldUrl': 'URL',
  'SP.FieldUser': 'User',
};

function typeFromBody(body: Record<string, unknown>): TypeName {
  const kind = body.FieldTypeKind;
  const metaType = (body.__metadata as { type?: string } | undefined)?.type;
  let t: TypeName | undefined =
    typeof kind === 'number' ? KIND_TO_TYPE[kind] : metaType ? TYPE_FROM_ODATA[metaType] : undefined;
  if (!t) throw errors.notSupported(`FieldTypeKind ${JSON.stringify(kind ?? metaType ?? null)}`);
  if (body.AllowMultipleValues === true && t === 'Lookup') t = 'LookupMulti';
  if (body.AllowMultipleValues === true && t === 'User') t = 'UserMulti';
  return t;
}

function addField(ctx: Ctx, list: ListRecord, f: FieldRecord): FieldRecord {
  checkTitleLength(f.title, 'column');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(f.internalName))
    throw new SpError(
      400,
      CODES.spException,
      `The field name '${f.internalName}' is not valid: use letters, digits and _ only.`,
    );
  validateField(ctx, list, f);
  if (ctx.store.fields(list).some((x) => x.internalName.toLowerCase() === f.internalName.toLowerCase()))
    throw new SpError(400, CODES.spException, `A duplicate field name "${f.internalName}" was found.`);
  if (ctx.store.fields(list).some((x) => x.id === f.id))
    throw new SpError(400, CODES.spException, `A duplicate field ID "{${f.id}}" was found.`);
  ctx.store.transaction(() => ctx.store.saveField(list, f));
  return f;
}

// A small reader for the CAML <Field> element that createfieldasxml takes.
function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

const XML_TYPES: Readonly<Record<string, TypeName>> = {
  text: 'Text',
  note: 'Note',
  choice: 'Choice',
  multichoice: 'MultiChoice',
  number: 'Number',
  integer: 'Number',
  currency: 'Currency',
  datetime: 'DateTime',
  boolean: 'Boolean',
  lookup: 'Lookup',
  lookupmulti: 'LookupMulti',
  user: 'User',
  usermulti: 'UserMulti',
  url: 'URL',
};

function parseFieldXml(ctx: Ctx, xml: string): { field: FieldRecord; name?: string; displayName?: string } {
  const m = /^\s*<Field\b([^>]*?)(\/>|>([\s\S]*)<\/Field>)\s*$/.exec(xml);
  if (!m) throw errors.validation('SchemaXml must be a single <Field> element.');
  const attrs = new Map<string, string>();
  for (const a of (m[1] ?? '').matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set((a[1] ?? '').toLowerCase(), decodeXml(a[2] ?? a[3] ?? ''));
  }
  const body = m[3] ?? '';
  const rawType = (attrs.get('type') ?? '').toLowerCase();
  let type = XML_TYPES[rawType];
  if (!type) throw errors.notSupported(`Field Type="${attrs.get('type') ?? ''}"`);
  const isTrue = (k: string) => (attrs.get(k) ?? '').toUpperCase() === 'TRUE';
  if (isTrue('mult') && type === 'Lookup') type = 'LookupMulti';
  if (isTrue('mult') && type === 'User') type = 'UserMulti';
  const id = (attrs.get('id') ?? '').replace(/[{}]/g, '').toLowerCase() || randomUUID();
  const displayName = attrs.get('displayname');
  const name = attrs.get('name') ?? attrs.get('staticname');
  const f = newField(name ?? displayName ?? 'Field', displayName ?? name ?? 'Field', type, id);
  f.required = isTrue('required');
  f.indexed = isTrue('indexed');
  f.unique = isTrue('enforceuniquevalues');
  f.hidden = isTrue('hidden');
  if (attrs.has('description')) f.description = attrs.get('description') ?? '';
  if (attrs.has('group')) f.group = attrs.get('group') ?? '';
  if (attrs.has('maxlength')) {
    const max = Number(attrs.get('maxlength'));
    // As the typed MERGE path: a Single line of text holds at most 255 characters.
    if (type === 'Text' && !(Number.isInteger(max) && max >= 1 && max <= 255))
      throw errors.validation('MaxLength must be between 1 and 255.');
    f.maxLength = max;
  }
  if (attrs.has('format') && type === 'DateTime')
    f.displayFormat = attrs.get('format')?.toLowerCase() === 'dateonly' ? 0 : 1;
  if (attrs.has('min')) f.min = Number(attrs.get('min'));
  if (attrs.has('max')) f.max = Number(attrs.get('max'));
  if (attrs.has('richtext')) f.richText = isTrue('richtext');
  if (attrs.has('numlines')) f.numberOfLines = Number(attrs.get('numlines'));
  if (attrs.has('fillinchoice')) f.fillInChoice = isTrue('fillinchoice');
  if (attrs.has('lcid') && type === 'Currency') f.currencyLocaleId = Number(attrs.get('lcid'));
  if (type === 'User' || type === 'UserMulti')
    f.selectionMode =
      (attrs.get('userselectionmode') ?? '').toLowerCase() === 'peopleonly' || attrs.get('userselectionmode') === '0'
        ? 0
        : 1;
  // People columns name the site's user information list (List="UserInfo"), which
  // SharePoint accepts; they look users up, not items of one of our lists.
  const isPeople = type === 'User' || type === 'UserMulti';
  if (attrs.has('list') && !(isPeople && /^\{?userinfo\}?$/i.test(attrs.get('list') ?? '')))
    f.lookupListId = resolveLookupList(ctx, attrs.get('list') ?? '');
  if (attrs.has('showfield')) f.lookupField = attrs.get('showfield') ?? 'Title';
  const def = /<Default>([\s\S]*?)<\/Default>/i.exec(body);
  if (def) f.defaultValue = decodeXml(def[1] ?? '');
  const choices = [...body.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/gi)].map((c) => decodeXml(c[1] ?? ''));
  if (choices.length) f.choices = choices;
  const out: { field: FieldRecord; name?: string; displayName?: string } = { field: f };
  if (name !== undefined) out.name = name;
  if (displayName !== undefined) out.displayName = displayName;
  return out;
}

/** AddFieldInternalNameHint: without it SharePoint names the column after its DisplayName. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;

export function fieldsRoute(ctx: Ctx, list: ListRecord, rest: readonly Segment[]): ApiResponse {
  const [next, ...after] = rest;
  if (!next) {
    if (ctx.method === 'GET') {
      ctx.require(list, 1);
      return ctx.metadataCollection(
        ctx.store.fields(list).map((f) => fieldEntity(ctx, list, f)),
        'SP.ApiData.Fields',
      );
    }
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    ctx.require(list, 3);
    const body = ctx.body();
    if (typeof body.Title !== 'string' || body.Title.trim() === '')
      throw errors.validation('A field must have a Title.');
    const type = typeFromBody(body);
    const f = newField(uniqueInternalName(ctx, list, encodeInternalName(body.Title)), body.Title, type);
    applyFieldProps(ctx, f, body, (body.__metadata as { type?: string } | undefined)?.type ?? 'SP.Field');
    addField(ctx, list, f);
    return ctx.entity(fieldEntity(ctx, list, f), 'SP.ApiData.Fields', 201);
  }
  switch (next.lower) {
    case 'getbyinternalnameortitle':
    case 'getbytitle':
    case 'getbyid': {
      const key = String(arg(next) ?? '');
      const f =
        next.lower === 'getbyid'
          ? ctx.store.fieldById(list, key)
          : next.lower === 'getbytitle'
            ? ctx.store.fields(list).find((x) => x.title.toLowerCase() === key.toLowerCase())
            : ctx.store.field(list, key);
      if (!f)
        throw new SpError(
          404,
          CODES.argument,
          `Column '${key}' does not exist. It may have been deleted by another user.`,
        );
      return fieldRoute(ctx, list, f, after);
    }
    case 'createfieldasxml': {
      if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
      ctx.require(list, 3);
      const params = (ctx.body().parameters ?? {}) as Record<string, unknown>;
      if (typeof params.SchemaXml !== 'string') throw errors.validation('parameters.SchemaXml is required.');
      const options = typeof params.Options === 'number' ? params.Options : 0;
      const parsed = parseFieldXml(ctx, params.SchemaXml);
      const useName = (options & ADD_FIELD_INTERNAL_NAME_HINT) !== 0 && parsed.name !== undefined;
      const wanted = useName
        ? (parsed.name as string)
        : encodeInternalName(parsed.displayName ?? parsed.name ?? 'Field');
      parsed.field.internalName = useName ? wanted : uniqueInternalName(ctx, list, wanted);
      addField(ctx, list, parsed.field);
      return ctx.entity(fieldEntity(ctx, list, parsed.field), 'SP.ApiData.Fields');
    }
    case 'addfield': {
      if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
      ctx.require(list, 3);
      const params = (ctx.body().parameters ?? {}) as Record<string, unknown>;
      if (typeof params.Title !== 'string' || params.Title.trim() === '')
        throw errors.validation('parameters.Title is required.');
      const type = typeFromBody(params);
      const f = newField(uniqueInternalName(ctx, list, encodeInternalName(params.Title)), params.Title, type);
      applyFieldProps(ctx, f, params, 'SP.FieldCreationInformation');
      addField(ctx, list, f);
      return ctx.entity(fieldEntity(ctx, list, f), 'SP.ApiData.Fields');
    }
    default: {
      if (next.lower === 'fields' && next.args) {
        const f = ctx.store.fieldById(list, String(arg(next)));
        if (!f) throw errors.columnMissing(String(arg(next)));
        return fieldRoute(ctx, list, f, after);
      }
      throw errors.endpointNotImplemented();
    }
  }
}

const BASE_FIELD_UPDATABLE = new Set([
  'Title',
  'Description',
  'Required',
  'Indexed',
  'EnforceUniqueValues',
  'Hidden',
  'MaxLength',
  'DefaultValue',
]);

export function fieldRoute(ctx: Ctx, list: ListRecord, field: FieldRecord, rest: readonly Segment[]): ApiResponse {
  const [next] = rest;
  if (next) {
    if (next.lower.startsWith('setshowin')) {
      ctx.require(list, 3);
      return ctx.empty();
    }
    throw errors.endpointNotImplemented();
  }
  switch (ctx.method) {
    case 'GET':
      ctx.require(list, 1);
      return ctx.entity(ctx.selected(fieldEntity(ctx, list, field)), 'SP.ApiData.Fields');
    case 'MERGE':
    case 'PATCH': {
      ctx.require(list, 3);
      const body = ctx.body();
      if (field.fromBaseType) {
        for (const k of Object.keys(body)) {
          if (k !== '__metadata' && !k.startsWith('odata.') && !BASE_FIELD_UPDATABLE.has(k))
            throw new SpError(
              400,
              CODES.spException,
              `The property '${k}' of the built-in field '${field.internalName}' cannot be changed.`,
            );
        }
        if (
          field.internalName !== 'Title' &&
          Object.keys(body).some((k) => k !== 'Title' && k !== 'Description' && k !== '__metadata')
        )
          throw new SpError(400, CODES.spException, `The built-in field '${field.internalName}' cannot be changed.`);
      }
      const updated: FieldRecord = { ...field };
      applyFieldProps(ctx, updated, body, 'SP.Field');
      if (updated.fromBaseType && updated.internalName === 'Title') {
        validateTitleUnique(ctx, list, updated);
      } else validateField(ctx, list, updated);
      ctx.store.transaction(() => ctx.store.saveField(list, updated));
      return ctx.noContent();
    }
    case 'DELETE':
      ctx.require(list, 3);
      if (!field.canBeDeleted || field.fromBaseType)
        throw new SpError(400, CODES.spException, 'You cannot delete a built-in or sealed column.');
      ctx.store.transaction(() => ctx.store.deleteField(list, field));
      return ctx.empty();
    default:
      throw errors.methodNotAllowed(ctx.method);
  }
}

function validateTitleUnique(ctx: Ctx, list: ListRecord, f: FieldRecord): void {
  if (f.unique && !f.indexed)
    throw new SpError(
      400,
      CODES.spException,
      `The field '${f.internalName}' must be indexed before it can enforce unique values.`,
    );
  validateField(ctx, list, { ...f, fromBaseType: false });
}

// ---------------------------------------------------------------- views

const VIEW_WRITABLE = new Set([
  'Title',
  'PersonalView',
  'ViewQuery',
  'RowLimit',
  'Paged',
  'DefaultView',
  'SetAsDefaultView',
  'Hidden',
  'ViewTypeKind',
  'ViewType',
  'ViewData',
  'Scope',
  'TabularView',
  'JSLink',
  'ListViewXml',
  'MobileView',
  'MobileDefaultView',
]);

function applyViewProps(v: ViewRecord, body: Record<string, unknown>): void {
  for (const [k, val] of Object.entries(body)) {
    if (k === '__metadata' || k.startsWith('odata.')) continue;
    if (!VIEW_WRITABLE.has(k)) throw errors.unknownProperty(k, 'SP.View');
    if (k === 'Title') checkTitleLength(val, 'view');
    if (k === 'Title' && typeof val === 'string') v.title = val;
    if (k === 'ViewQuery' && typeof val === 'string') v.viewQuery = val;
    if (k === 'RowLimit' && typeof val === 'number') v.rowLimit = val;
    if (k === 'Paged' && typeof val === 'boolean') v.paged = val;
    if (k === 'Hidden' && typeof val === 'boolean') v.hidden = val;
    if (k === 'PersonalView' && typeof val === 'boolean') v.personalView = val;
    if ((k === 'DefaultView' || k === 'SetAsDefaultView') && val === true) v.defaultView = true;
  }
}

export function viewsRoute(ctx: Ctx, list: ListRecord, rest: readonly Segment[]): ApiResponse {
  const [next, ...after] = rest;
  if (!next) {
    if (ctx.method === 'GET') {
      ctx.require(list, 1);
      return ctx.metadataCollection(
        ctx.store.views(list).map((v) => viewEntity(ctx, list, v)),
        'SP.ApiData.Views',
      );
    }
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    ctx.require(list, 3);
    const body = ctx.body();
    if (typeof body.Title !== 'string' || body.Title.trim() === '')
      throw errors.validation('A view must have a Title.');
    checkTitleLength(body.Title, 'view');
    const view = plainView(body.Title, `${list.url}/${body.Title.replace(/[^A-Za-z0-9]/g, '')}.aspx`, false);
    applyViewProps(view, body);
    ctx.store.transaction(() => ctx.store.saveView(list, view));
    return ctx.entity(viewEntity(ctx, list, view), 'SP.ApiData.Views', 201);
  }
  let view: ViewRecord | undefined;
  const key = String(arg(next) ?? '').toLowerCase();
  if (next.lower === 'getbytitle') view = ctx.store.views(list).find((v) => v.title.toLowerCase() === key);
  else if (next.lower === 'getbyid') view = ctx.store.views(list).find((v) => v.id === key.replace(/[{}]/g, ''));
  else throw errors.endpointNotImplemented();
  if (!view) throw new SpError(404, CODES.argument, 'The specified view is invalid.');
  return viewRoute(ctx, list, view, after);
}

const VIEW_FIELD_OPERATIONS: ReadonlySet<string> = new Set([
  'addviewfield',
  'removeviewfield',
  'removeallviewfields',
  'moveviewfieldto',
]);

export function viewRoute(ctx: Ctx, list: ListRecord, view: ViewRecord, rest: readonly Segment[]): ApiResponse {
  const [next, op] = rest;
  if (!next) {
    switch (ctx.method) {
      case 'GET':
        ctx.require(list, 1);
        return ctx.entity(ctx.selected(viewEntity(ctx, list, view)), 'SP.ApiData.Views');
      case 'MERGE':
      case 'PATCH': {
        ctx.require(list, 3);
        const updated = { ...view, fields: [...view.fields] };
        applyViewProps(updated, ctx.body());
        ctx.store.transaction(() => ctx.store.saveView(list, updated));
        return ctx.noContent();
      }
      case 'DELETE':
        ctx.require(list, 3);
        if (view.defaultView)
          throw new SpError(400, CODES.spException, 'The default view of a list cannot be deleted.');
        ctx.store.transaction(() => ctx.store.deleteView(view));
        return ctx.empty();
      default:
        throw errors.methodNotAllowed(ctx.method);
    }
  }
  if (next.lower !== 'viewfields') throw errors.endpointNotImplemented();
  if (!op) {
    ctx.require(list, 1);
    return ctx.entity(viewFieldsEntity(ctx, list, view), 'SP.ApiData.ViewFieldCollections');
  }
  // The operations below change the view (POST); anything else under viewfields (its SchemaXml,
  // Items) is an endpoint this server lacks, not a method SharePoint refuses.
  if (!VIEW_FIELD_OPERATIONS.has(op.lower)) throw errors.endpointNotImplemented();
  if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
  ctx.require(list, 3);
  const fields = [...view.fields];
  const name = String(arg(op) ?? '');
  const known = (n: string) => ctx.store.field(list, n);
  switch (op.lower) {
    case 'addviewfield': {
      const f = known(name);
      if (!f) throw errors.columnMissing(name);
      if (!fields.includes(f.internalName)) fields.push(f.internalName);
      break;
    }
    case 'removeviewfield': {
      const f = known(name);
      const at = fields.indexOf(f?.internalName ?? name);
      if (at >= 0) fields.splice(at, 1);
      break;
    }
    case 'removeallviewfields':
      fields.length = 0;
      break;
    case 'moveviewfieldto': {
      const body = ctx.body();
      const field = typeof body.field === 'string' ? body.field : '';
      const index = Number(body.index ?? 0);
      const at = fields.indexOf(field);
      if (at < 0) throw errors.columnMissing(field);
      fields.splice(at, 1);
      fields.splice(Math.max(0, Math.min(index, fields.length)), 0, field);
      break;
    }
    default:
      throw errors.endpointNotImplemented();
  }
  ctx.store.transaction(() => ctx.store.saveView(list, { ...view, fields }));
  return ctx.empty();
}
