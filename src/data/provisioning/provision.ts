import { body, headers } from '@pnp/queryable';
import { spPostMerge, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/fields/index.js';
import '@pnp/sp/views/index.js';
import '@pnp/sp/security/index.js';
import '@pnp/sp/site-groups/index.js';
import type { IList } from '@pnp/sp/lists/index.js';
import type { IField } from '@pnp/sp/fields/index.js';
import {
  ASSESSMENT_QUESTIONS,
  ASSESSMENT_TEMPLATES,
  fieldXml,
  LISTS,
  parseFieldXml,
  ROLE_GROUPS,
  type FieldDef,
  type FieldType,
  type ListDef,
  type ListKey,
  type PermissionLevel,
  type Role,
  type ViewDef,
} from '../schema';
import { spErrorMessage, toRepoError } from '../sp';
import { SHIPPED_TEMPLATES } from '../../domain/shippedTemplates';
import type { AssessmentTemplate } from '../../domain/entities';
import { filterFor } from '../odata';
import { TemplateRepository } from '../repositories/templates';

/**
 * Creates or updates the register's lists in an existing site, idempotently:
 * groups, lists, columns (CAML from the schema via createfieldasxml, the same
 * XML as the PnP template), indexes, unique keys, views, versioning, and list
 * permissions. It never deletes a list, a column, a view or an item, never
 * removes a permission, and never changes a column's type; a second run
 * changes nothing and says so.
 */
export type StepKind = 'group' | 'list' | 'field' | 'view' | 'permission' | 'template';
export type StepOutcome = 'created' | 'changed' | 'unchanged' | 'failed' | 'skipped';

export interface ProvisionStep {
  readonly kind: StepKind;
  /** The list the step belongs to (absent for site groups). */
  readonly list?: string;
  /** What the step is about: a group, list, column, view or role assignment. */
  readonly name: string;
  readonly outcome: StepOutcome;
  /** What changed ("Required: no -> yes"), or SharePoint's message for a failure. */
  readonly detail?: string;
}

export interface ProvisionReport {
  readonly dryRun: boolean;
  readonly steps: readonly ProvisionStep[];
  readonly counts: Readonly<Record<StepOutcome, number>>;
  /** True when no step failed. */
  readonly ok: boolean;
  /** True when nothing was (or, in a dry run, would be) created or changed. */
  readonly nothingToChange: boolean;
  /** The final one-line summary. */
  readonly summary: string;
}

export interface ProvisionOptions {
  /** Report what would be done; write nothing. */
  readonly dryRun?: boolean;
  /** Receives each report line as it happens (default: silent). */
  readonly log?: (line: string) => void;
  /** Defaults to every list of the schema. */
  readonly lists?: readonly ListDef[];
  /**
   * Assessment templates to seed as version 1 where no version of their key
   * exists yet (default: the four that ship). Seeded only when both template
   * lists are among `lists`.
   */
  readonly templates?: readonly AssessmentTemplate[];
}

/** SharePoint's built-in role types (locale-independent, unlike role names). */
const ROLE_TYPE: Readonly<Record<PermissionLevel | 'FullControl', number>> = {
  Read: 2,
  Contribute: 3,
  Edit: 6,
  FullControl: 5,
};
const ROLE_NAME: Readonly<Record<PermissionLevel | 'FullControl', string>> = {
  Read: 'Read',
  Contribute: 'Contribute',
  Edit: 'Edit',
  FullControl: 'Full Control',
};

/** The REST entity type of each column type, for MERGE bodies that set type-specific properties. */
const SP_FIELD_TYPE: Readonly<Record<FieldType, string>> = {
  Text: 'SP.FieldText',
  Note: 'SP.FieldMultiLineText',
  Choice: 'SP.FieldChoice',
  MultiChoice: 'SP.FieldMultiChoice',
  Number: 'SP.FieldNumber',
  Currency: 'SP.FieldCurrency',
  DateTime: 'SP.FieldDateTime',
  Boolean: 'SP.Field',
  Lookup: 'SP.FieldLookup',
  LookupMulti: 'SP.FieldLookup',
  User: 'SP.FieldUser',
  UserMulti: 'SP.FieldUser',
  URL: 'SP.FieldUrl',
};

/** AddFieldOptions.AddFieldInternalNameHint: use the XML's Name as the internal name. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;

interface ListInfo {
  Id: string;
  Title: string;
  Description?: string;
  EnableVersioning?: boolean;
  EntityTypeName?: string;
}

interface FieldInfo {
  Id?: string;
  InternalName: string;
  Title?: string;
  TypeAsString?: string;
  Required?: boolean;
  Indexed?: boolean;
  EnforceUniqueValues?: boolean;
  Description?: string | null;
  SchemaXml?: string;
  DefaultValue?: string | null;
  CustomFormatter?: string | null;
}

interface ViewInfo {
  Id: string;
  Title: string;
  DefaultView?: boolean;
  RowLimit?: number;
  Paged?: boolean;
  ViewQuery?: string;
}

interface Change {
  readonly prop: string;
  readonly have: unknown;
  readonly want: unknown;
}

const yesNo = (v: unknown): string => (v === true ? 'yes' : v === false ? 'no' : JSON.stringify(v));
const describe = (changes: readonly Change[]): string =>
  changes
    .map((c) =>
      typeof c.want === 'boolean'
        ? `${c.prop}: ${yesNo(c.have)} -> ${yesNo(c.want)}`
        : c.prop === 'ViewQuery'
          ? `${c.prop} updated`
          : `${c.prop}: ${JSON.stringify(c.have ?? '')} -> ${JSON.stringify(c.want)}`,
    )
    .join('; ');

/** Compact XML for comparing view queries (SharePoint re-serialises them). */
function normaliseCaml(xml: string | undefined): string {
  return (xml ?? '')
    .replace(/\s+\/>/g, '/>')
    .replace(/>\s+</g, '><')
    .replace(/'/g, '"')
    .trim();
}

function arrayOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const results = (value as { results?: unknown } | null | undefined)?.results;
  return Array.isArray(results) ? results.map(String) : [];
}

/** What differs between a column in SharePoint and the schema. */
export function fieldChanges(_list: ListDef, def: FieldDef, have: FieldInfo): Change[] {
  const parsed = parseFieldXml(have.SchemaXml ?? '');
  const attr = parsed.attributes;
  const changes: Change[] = [];
  const check = (prop: string, current: unknown, want: unknown) => {
    if (current !== want) changes.push({ prop, have: current, want });
  };
  check('Title', have.Title ?? attr['DisplayName'], def.title);
  check('Description', have.Description ?? attr['Description'] ?? '', def.description ?? '');
  check('Required', have.Required ?? attr['Required'] === 'TRUE', def.required === true);
  if (def.indexed || def.unique) check('Indexed', have.Indexed ?? attr['Indexed'] === 'TRUE', true);
  if (def.unique)
    check('EnforceUniqueValues', have.EnforceUniqueValues ?? attr['EnforceUniqueValues'] === 'TRUE', true);
  if (def.type === 'Text') check('MaxLength', Number(attr['MaxLength'] ?? 255), def.maxLength ?? 255);
  if ((def.type === 'Choice' || def.type === 'MultiChoice') && def.choices) {
    const want = def.choices.map((c) => c.value);
    if (JSON.stringify(parsed.choices) !== JSON.stringify(want))
      changes.push({ prop: 'Choices', have: parsed.choices, want });
  }
  if (def.defaultValue !== undefined) {
    check('DefaultValue', have.DefaultValue ?? parsed.defaultValue ?? '', def.defaultValue);
  }
  // Column formatting is applied when the column is created (fieldXml) and is then the
  // governance team's to adjust in SharePoint: a later run does not overwrite it.
  return changes;
}

export async function provision(sp: SPFI, options: ProvisionOptions = {}): Promise<ProvisionReport> {
  const dryRun = options.dryRun === true;
  const log = options.log ?? (() => undefined);
  const lists = options.lists ?? LISTS;
  const steps: ProvisionStep[] = [];

  const record = (step: ProvisionStep): void => {
    steps.push(step);
    log(formatStep(step, dryRun));
  };
  const failed = (kind: StepKind, name: string, e: unknown, list?: string): void =>
    record({ kind, name, outcome: 'failed', detail: spErrorMessage(e), ...(list ? { list } : {}) });

  log(dryRun ? 'Provisioning (dry run: nothing will be written)' : 'Provisioning');

  // 1. Site groups, one per role.
  const groupIds = new Map<Role, number>();
  try {
    const existing = await sp.web.siteGroups.select('Id', 'Title')<{ Id: number; Title: string }[]>();
    for (const [role, title] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
      const found = existing.find((g) => g.Title.toLowerCase() === title.toLowerCase());
      if (found) {
        groupIds.set(role, found.Id);
        record({ kind: 'group', name: title, outcome: 'unchanged' });
        continue;
      }
      if (dryRun) {
        record({ kind: 'group', name: title, outcome: 'created' });
        continue;
      }
      try {
        const added = await sp.web.siteGroups.add({
          Title: title,
          Description: `Collaboration Register: ${role}. Members get the register's ${role} permissions.`,
        });
        groupIds.set(role, added.Id);
        record({ kind: 'group', name: title, outcome: 'created' });
      } catch (e) {
        failed('group', title, e);
      }
    }
  } catch (e) {
    failed('group', 'site groups', e);
  }

  // 2. Role definitions by type (names are localised on Welsh-language sites).
  const roleDefIds = new Map<PermissionLevel | 'FullControl', number>();
  try {
    const defs = await sp.web.roleDefinitions.select('Id', 'Name', 'RoleTypeKind')<
      { Id: number; Name: string; RoleTypeKind?: number }[]
    >();
    for (const level of Object.keys(ROLE_TYPE) as (PermissionLevel | 'FullControl')[]) {
      const found =
        defs.find((d) => d.RoleTypeKind === ROLE_TYPE[level]) ??
        defs.find((d) => d.Name.toLowerCase() === ROLE_NAME[level].toLowerCase());
      if (found) roleDefIds.set(level, found.Id);
    }
  } catch (e) {
    failed('permission', 'role definitions', e);
  }

  // The site's Owners group keeps Full Control of lists whose inheritance is broken.
  let ownerGroup: { Id: number; Title: string } | undefined;
  try {
    ownerGroup = await sp.web.associatedOwnerGroup.select('Id', 'Title')<{ Id: number; Title: string }>();
    if (typeof ownerGroup?.Id !== 'number') ownerGroup = undefined;
  } catch (e) {
    if (toRepoError(e).code !== 'notFound') failed('permission', 'site owners group', e);
  }

  // Who is running this: breaking a list's inheritance gives them a direct grant (see provisionPermissions).
  let runner: PermissionContext['runner'];
  try {
    const me = await sp.web.currentUser.select('Id', 'Title', 'IsSiteAdmin')<{
      Id: number;
      Title: string;
      IsSiteAdmin?: boolean;
    }>();
    const owners = ownerGroup
      ? await sp.web.siteGroups.getById(ownerGroup.Id).users.select('Id')<{ Id: number }[]>()
      : [];
    runner = {
      id: me.Id,
      name: me.Title,
      isSiteAdmin: me.IsSiteAdmin === true,
      inOwners: owners.some((u) => u.Id === me.Id),
    };
  } catch (e) {
    failed('permission', 'the current user', e);
  }

  // 3. Lists, in schema order (lookup targets first).
  let existingLists: ListInfo[];
  try {
    existingLists = await sp.web.lists.select('Id', 'Title', 'Description', 'EnableVersioning', 'EntityTypeName')<
      ListInfo[]
    >();
  } catch (e) {
    // Without knowing what exists, creating could only collide: stop here.
    failed('list', 'site lists', e);
    return finish(steps, dryRun, log);
  }
  const listIds = new Map<ListKey, string>();
  const findList = (def: ListDef): ListInfo | undefined =>
    existingLists.find((l) => l.Title.toLowerCase() === def.title.toLowerCase()) ??
    existingLists.find((l) => l.EntityTypeName === `${def.url}List`);

  for (const def of lists) {
    let info = findList(def);
    let created = false;
    if (!info) {
      if (dryRun) {
        record({ kind: 'list', name: def.title, outcome: 'created', detail: `at Lists/${def.url}` });
        planNewList(def, record, ownerGroup, runner);
        continue;
      }
      try {
        // Created under its URL name, then given its title: the URL stays short and space-free.
        const added = (await sp.web.lists.add(def.url, def.description, 100, false, {
          EnableVersioning: def.versioning,
        })) as ListInfo;
        if (def.title !== def.url) await sp.web.lists.getById(added.Id).update({ Title: def.title });
        info = { ...added, Title: def.title };
        created = true;
        record({ kind: 'list', name: def.title, outcome: 'created', detail: `at Lists/${def.url}` });
      } catch (e) {
        failed('list', def.title, e);
        continue;
      }
    }
    listIds.set(def.key, info.Id);
    const list = sp.web.lists.getById(info.Id);

    if (!created) {
      const changes: Change[] = [];
      if (info.Title !== def.title) changes.push({ prop: 'Title', have: info.Title, want: def.title });
      if ((info.Description ?? '') !== def.description)
        changes.push({ prop: 'Description', have: info.Description, want: def.description });
      // Versioning is only ever turned on: turning it off is the governance team's decision.
      if (def.versioning && info.EnableVersioning !== true)
        changes.push({ prop: 'EnableVersioning', have: info.EnableVersioning, want: true });
      if (changes.length === 0) {
        record({ kind: 'list', name: def.title, outcome: 'unchanged' });
      } else if (dryRun) {
        record({ kind: 'list', name: def.title, outcome: 'changed', detail: describe(changes) });
      } else {
        try {
          await list.update(Object.fromEntries(changes.map((c) => [c.prop, c.want])));
          record({ kind: 'list', name: def.title, outcome: 'changed', detail: describe(changes) });
        } catch (e) {
          failed('list', def.title, e);
        }
      }
    }

    await provisionFields(sp, list, def, listIds, dryRun, record, failed);
    await provisionViews(list, def, dryRun, record, failed);
    await provisionPermissions(list, def, created, {
      groupIds,
      roleDefIds,
      ownerGroup,
      ...(runner ? { runner } : {}),
      dryRun,
      record,
      failed,
    });
  }

  // 4. The assessment templates that ship, where the governance team has none of that key yet.
  if (lists.includes(ASSESSMENT_TEMPLATES) && lists.includes(ASSESSMENT_QUESTIONS)) {
    await seedTemplates(sp, options.templates ?? SHIPPED_TEMPLATES, {
      listsExist: listIds.has(ASSESSMENT_TEMPLATES.key) && listIds.has(ASSESSMENT_QUESTIONS.key),
      dryRun,
      record,
      failed,
    });
  }

  return finish(steps, dryRun, log);
}

/**
 * Seeds each template as its shipped version when no version of its key
 * exists. Once any version exists (shipped, edited, published or retired) the
 * wording is the governance team's: it is left alone, never overwritten.
 */
async function seedTemplates(
  sp: SPFI,
  templates: readonly AssessmentTemplate[],
  ctx: { listsExist: boolean; dryRun: boolean; record: Record_; failed: Failed },
): Promise<void> {
  const repo = new TemplateRepository(sp);
  const byKey = filterFor(ASSESSMENT_TEMPLATES);
  for (const template of templates) {
    const base = { kind: 'template' as const, list: ASSESSMENT_TEMPLATES.title, name: template.key };
    const created = `version ${template.version}, ${template.questions.length} questions`;
    if (!ctx.listsExist) {
      if (ctx.dryRun) ctx.record({ ...base, outcome: 'created', detail: created });
      else ctx.record({ ...base, outcome: 'skipped', detail: `the ${ASSESSMENT_TEMPLATES.title} list is missing` });
      continue;
    }
    const existing = await repo.readAll({ filter: byKey.eq('TemplateKey', template.key), top: 100 });
    if (!existing.ok && existing.error.code !== 'invalid') {
      ctx.failed('template', template.key, existing.error.detail ?? existing.error.code, ASSESSMENT_TEMPLATES.title);
      continue;
    }
    // An item that does not read as a template is still the governance team's: leave it alone.
    if (!existing.ok || existing.value.length > 0) {
      const versions = existing.ok ? existing.value.map((t) => t.version).sort((a, b) => a - b) : [];
      ctx.record({
        ...base,
        outcome: 'unchanged',
        detail: versions.length > 0 ? `version ${versions.join(', ')} kept` : 'kept',
      });
      continue;
    }
    if (ctx.dryRun) {
      ctx.record({ ...base, outcome: 'created', detail: created });
      continue;
    }
    const saved = await repo.save(template);
    if (saved.ok) ctx.record({ ...base, outcome: 'created', detail: created });
    else ctx.failed('template', template.key, saved.error.detail ?? saved.error.code, ASSESSMENT_TEMPLATES.title);
  }
}

type Record_ = (step: ProvisionStep) => void;
type Failed = (kind: StepKind, name: string, e: unknown, list?: string) => void;

/** In a dry run, a list that does not exist yet: everything in it would be created. */
function planNewList(
  def: ListDef,
  record: Record_,
  ownerGroup: { Title: string } | undefined,
  runner: PermissionContext['runner'],
): void {
  for (const f of def.fields) {
    if (f.internalName === 'Title') {
      // A new list's Title column is "Title", required, 255 characters.
      const same = f.title === 'Title' && f.required === true && (f.maxLength ?? 255) === 255 && !f.description;
      record({ kind: 'field', list: def.title, name: f.internalName, outcome: same ? 'unchanged' : 'changed' });
    } else {
      record({ kind: 'field', list: def.title, name: f.internalName, outcome: 'created', detail: f.type });
    }
  }
  for (const v of def.views) record({ kind: 'view', list: def.title, name: v.title, outcome: 'created' });
  record({
    kind: 'permission',
    list: def.title,
    name: 'unique permissions',
    outcome: 'created',
    detail: 'inheritance broken, nothing copied',
  });
  // In the order provisionPermissions goes through them: the register's groups, then the Owners.
  for (const role of Object.keys(ROLE_GROUPS) as Role[]) {
    const level = def.permissions[role];
    if (level)
      record({ kind: 'permission', list: def.title, name: `${ROLE_GROUPS[role]} as ${level}`, outcome: 'created' });
  }
  if (ownerGroup)
    record({ kind: 'permission', list: def.title, name: `${ownerGroup.Title} as Full Control`, outcome: 'created' });
  // Breaking the new list's inheritance will give the runner a direct grant, dealt with at once.
  if (runner) record(runnerStep(def, runner, ownerGroup));
}

async function provisionFields(
  _sp: SPFI,
  list: IList,
  def: ListDef,
  listIds: ReadonlyMap<ListKey, string>,
  dryRun: boolean,
  record: Record_,
  failed: Failed,
): Promise<void> {
  let existing: FieldInfo[];
  try {
    existing = await list.fields.select(
      'Id',
      'InternalName',
      'Title',
      'TypeAsString',
      'Required',
      'Indexed',
      'EnforceUniqueValues',
      'Description',
      'SchemaXml',
      'DefaultValue',
    )<FieldInfo[]>();
  } catch (e) {
    failed('field', 'columns', e, def.title);
    return;
  }
  for (const field of def.fields) {
    const have = existing.find((f) => f.InternalName === field.internalName);
    const base = { kind: 'field' as const, list: def.title, name: field.internalName };
    if (!have) {
      if (dryRun) {
        record({ ...base, outcome: 'created', detail: field.type });
        continue;
      }
      try {
        const xml = fieldXml(def, field, {
          lookupList: (key) => {
            const id = listIds.get(key);
            if (!id) throw new Error(`the lookup target list '${key}' is not provisioned`);
            return `{${id}}`;
          },
        });
        await list.fields.createFieldAsXml({ SchemaXml: xml, Options: ADD_FIELD_INTERNAL_NAME_HINT });
        record({ ...base, outcome: 'created', detail: field.type });
      } catch (e) {
        failed('field', field.internalName, e, def.title);
      }
      continue;
    }
    if (have.TypeAsString && have.TypeAsString !== field.type) {
      record({
        ...base,
        outcome: 'failed',
        detail: `is ${have.TypeAsString} in SharePoint but ${field.type} in the schema; a column's type is never changed (change it by hand)`,
      });
      continue;
    }
    const changes = fieldChanges(def, field, have);
    if (changes.length === 0) {
      record({ ...base, outcome: 'unchanged' });
      continue;
    }
    if (!dryRun) {
      try {
        await updateField(list.fields.getByInternalNameOrTitle(field.internalName), field, changes);
      } catch (e) {
        failed('field', field.internalName, e, def.title);
        continue;
      }
    }
    record({ ...base, outcome: 'changed', detail: describe(changes) });
  }
}

/**
 * MERGE on the column with its entity type (verbose), so type-specific
 * properties such as Choices and MaxLength are accepted. The index is set
 * before uniqueness, which SharePoint requires.
 */
async function updateField(field: IField, def: FieldDef, changes: readonly Change[]): Promise<void> {
  const type = SP_FIELD_TYPE[def.type];
  const merge = (props: Record<string, unknown>) =>
    spPostMerge(
      field,
      body(
        { __metadata: { type }, ...props },
        headers({ Accept: 'application/json;odata=verbose', 'Content-Type': 'application/json;odata=verbose' }),
      ),
    );
  const props: Record<string, unknown> = {};
  for (const c of changes) {
    if (c.prop === 'Choices') props['Choices'] = { results: c.want };
    else props[c.prop] = c.want;
  }
  if (props['Indexed'] === true && props['EnforceUniqueValues'] === true) {
    await merge({ Indexed: true });
    delete props['Indexed'];
  }
  await merge(props);
}

async function provisionViews(
  list: IList,
  def: ListDef,
  dryRun: boolean,
  record: Record_,
  failed: Failed,
): Promise<void> {
  let existing: ViewInfo[];
  try {
    existing = await list.views.select('Id', 'Title', 'DefaultView', 'RowLimit', 'Paged', 'ViewQuery')<ViewInfo[]>();
  } catch (e) {
    failed('view', 'views', e, def.title);
    return;
  }
  for (const view of def.views) {
    const base = { kind: 'view' as const, list: def.title, name: view.title };
    const have = existing.find((v) => v.Title.toLowerCase() === view.title.toLowerCase());
    try {
      if (!have) {
        if (!dryRun) {
          const added = (await list.views.add(view.title, false, viewProps(view))) as ViewInfo;
          await setViewFields(list, added.Id, view.fields);
        }
        record({ ...base, outcome: 'created' });
        continue;
      }
      const changes: Change[] = [];
      const props = viewProps(view);
      if (normaliseCaml(have.ViewQuery) !== normaliseCaml(view.query))
        changes.push({ prop: 'ViewQuery', have: have.ViewQuery, want: props['ViewQuery'] });
      if (have.RowLimit !== props['RowLimit'])
        changes.push({ prop: 'RowLimit', have: have.RowLimit, want: props['RowLimit'] });
      if (have.Paged !== props['Paged']) changes.push({ prop: 'Paged', have: have.Paged, want: props['Paged'] });
      if (view.default && have.DefaultView !== true)
        changes.push({ prop: 'DefaultView', have: have.DefaultView, want: true });
      const fields = arrayOf((await list.views.getById(have.Id).fields<{ Items?: unknown }>()).Items);
      const fieldsDiffer = JSON.stringify(fields) !== JSON.stringify(view.fields);
      if (fieldsDiffer) changes.push({ prop: 'Fields', have: fields, want: view.fields });
      if (changes.length === 0) {
        record({ ...base, outcome: 'unchanged' });
        continue;
      }
      if (!dryRun) {
        const update = Object.fromEntries(changes.filter((c) => c.prop !== 'Fields').map((c) => [c.prop, c.want]));
        if (Object.keys(update).length > 0) await list.views.getById(have.Id).update(update);
        if (fieldsDiffer) await setViewFields(list, have.Id, view.fields);
      }
      record({ ...base, outcome: 'changed', detail: describe(changes) });
    } catch (e) {
      failed('view', view.title, e, def.title);
    }
  }
}

function viewProps(view: ViewDef): Record<string, unknown> {
  return {
    ViewQuery: view.query ?? '',
    RowLimit: view.rowLimit ?? 100,
    Paged: view.paged !== false,
    ...(view.default ? { DefaultView: true } : {}),
  };
}

async function setViewFields(list: IList, viewId: string, fields: readonly string[]): Promise<void> {
  const viewFields = list.views.getById(viewId).fields;
  await viewFields.removeAll();
  for (const f of fields) await list.views.getById(viewId).fields.add(f);
}

interface PermissionContext {
  readonly groupIds: ReadonlyMap<Role, number>;
  readonly roleDefIds: ReadonlyMap<PermissionLevel | 'FullControl', number>;
  readonly ownerGroup: { Id: number; Title: string } | undefined;
  /** Whoever runs provisioning, and whether they keep access without a grant of their own. */
  readonly runner?: {
    readonly id: number;
    readonly name: string;
    readonly isSiteAdmin: boolean;
    readonly inOwners: boolean;
  };
  readonly dryRun: boolean;
  readonly record: Record_;
  readonly failed: Failed;
}

async function provisionPermissions(
  list: IList,
  def: ListDef,
  created: boolean,
  ctx: PermissionContext,
): Promise<void> {
  const { record, failed, dryRun } = ctx;
  const base = { kind: 'permission' as const, list: def.title };
  let unique = false;
  if (!created) {
    try {
      unique =
        (await list.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments?: boolean }>())
          .HasUniqueRoleAssignments === true;
    } catch (e) {
      failed('permission', 'unique permissions', e, def.title);
      return;
    }
  }
  // Break inheritance without copying: roles the schema does not name get no access.
  if (unique) {
    record({ ...base, name: 'unique permissions', outcome: 'unchanged' });
  } else {
    try {
      if (!dryRun) await list.breakRoleInheritance(false, true);
      record({ ...base, name: 'unique permissions', outcome: 'created', detail: 'inheritance broken, nothing copied' });
    } catch (e) {
      failed('permission', 'unique permissions', e, def.title);
      return;
    }
  }
  let assignments: { PrincipalId: number; RoleDefinitionBindings?: unknown }[] = [];
  if (unique || !dryRun) {
    try {
      assignments = await list.roleAssignments
        .select('PrincipalId', 'RoleDefinitionBindings/Id')
        .expand('RoleDefinitionBindings')<typeof assignments>();
    } catch (e) {
      failed('permission', 'role assignments', e, def.title);
      return;
    }
  }
  const bindingsOf = (principal: number): number[] => {
    const a = assignments.find((x) => x.PrincipalId === principal);
    if (!a) return [];
    const b = a.RoleDefinitionBindings;
    return (
      Array.isArray(b) ? (b as { Id: number }[]) : ((b as { results?: { Id: number }[] } | undefined)?.results ?? [])
    ).map((x) => x.Id);
  };
  const levelName = (roleDef: number): string =>
    [...ctx.roleDefIds].find(([, id]) => id === roleDef)?.[0] ?? `role ${roleDef}`;
  const remove = async (principal: number, roleDefs: readonly number[]): Promise<void> => {
    if (dryRun) return;
    for (const r of roleDefs) await list.roleAssignments.remove(principal, r);
  };

  // Every principal provisioning answers for on this list: the register's groups (at the level the
  // role policy gives, or none) and the site's Owners group (Full Control, so no list locks them out).
  const wanted: { name: string; principal: number | undefined; level: PermissionLevel | 'FullControl' | undefined }[] =
    [
      ...(Object.keys(ROLE_GROUPS) as Role[]).map((role) => {
        const level = def.permissions[role];
        return {
          name: level ? `${ROLE_GROUPS[role]} as ${level}` : `${ROLE_GROUPS[role]} (no access)`,
          principal: ctx.groupIds.get(role),
          level,
        };
      }),
      ...(ctx.ownerGroup
        ? [
            {
              name: `${ctx.ownerGroup.Title} as Full Control`,
              principal: ctx.ownerGroup.Id,
              level: 'FullControl' as const,
            },
          ]
        : []),
    ];
  for (const w of wanted) {
    const roleDef = w.level ? ctx.roleDefIds.get(w.level) : undefined;
    if (w.principal === undefined || (w.level && roleDef === undefined)) {
      // A group with no access here has nothing to be missing; one with access is reported.
      if (!w.level) continue;
      if (dryRun) record({ ...base, name: w.name, outcome: 'created' });
      else
        record({
          ...base,
          name: w.name,
          outcome: 'skipped',
          detail: w.principal === undefined ? 'the group is missing' : 'no such permission level',
        });
      continue;
    }
    const have = bindingsOf(w.principal);
    // Drift: a level someone added or changed by hand (Members given Edit where the policy says Read).
    const extra = have.filter((r) => r !== roleDef);
    const missing = roleDef !== undefined && !have.includes(roleDef);
    if (!missing && extra.length === 0) {
      if (w.level) record({ ...base, name: w.name, outcome: 'unchanged' });
      continue;
    }
    try {
      if (missing && !dryRun && roleDef !== undefined) await list.roleAssignments.add(w.principal, roleDef);
      await remove(w.principal, extra);
      const was = extra.map(levelName).join(', ');
      record({
        ...base,
        name: w.name,
        outcome: have.length === 0 ? 'created' : 'changed',
        ...(was ? { detail: w.level ? `had ${was}` : `had ${was}, which the role policy does not give` } : {}),
      });
    } catch (e) {
      failed('permission', w.name, e, def.title);
    }
  }

  // The person who ran provisioning: breaking inheritance gave them a direct Full Control grant,
  // which the role policy does not give (on Reminder Channel Settings, none but the governance team
  // may read). It goes when they keep access another way; otherwise the report says how to remove it.
  const runner = ctx.runner;
  if (runner && !wanted.some((w) => w.principal === runner.id)) {
    const direct = bindingsOf(runner.id);
    if (direct.length > 0) {
      const step = runnerStep(def, runner, ctx.ownerGroup);
      try {
        if (step.outcome === 'changed') await remove(runner.id, direct);
        record(step);
      } catch (e) {
        failed('permission', step.name, e, def.title);
      }
    }
  }
}

/** What becomes of the runner's direct grant on a list: removed when they keep access otherwise, else kept and explained. */
function runnerStep(
  def: ListDef,
  runner: NonNullable<PermissionContext['runner']>,
  ownerGroup: { Title: string } | undefined,
): ProvisionStep {
  const owners = ownerGroup?.Title ?? 'the site Owners group';
  const base = { kind: 'permission' as const, list: def.title, name: `${runner.name} (a direct grant)` };
  return runner.isSiteAdmin || runner.inOwners
    ? {
        ...base,
        outcome: 'changed',
        detail: `removed: you keep access ${runner.isSiteAdmin ? 'as a site collection administrator' : `through ${owners}`}`,
      }
    : {
        ...base,
        outcome: 'skipped',
        detail: `kept, or you would lose access: once someone in ${owners} can manage the list, remove it in List settings > Permissions for this list`,
      };
}

const WORDS: Readonly<Record<StepOutcome, [string, string]>> = {
  created: ['created', 'would create'],
  changed: ['changed', 'would change'],
  unchanged: ['left alone', 'left alone'],
  failed: ['FAILED', 'FAILED'],
  skipped: ['skipped', 'skipped'],
};

/** One report line: `  field Collaborations.Status: changed (Required: no -> yes)`. */
export function formatStep(step: ProvisionStep, dryRun: boolean): string {
  const where =
    step.kind === 'group'
      ? `group "${step.name}"`
      : step.kind === 'list'
        ? `list "${step.name}"`
        : step.kind === 'template'
          ? `assessment template "${step.name}"`
          : `${step.kind} ${step.list}.${step.name}`;
  const indent = step.kind === 'group' || step.kind === 'list' || step.kind === 'template' ? '' : '  ';
  const word = WORDS[step.outcome][dryRun ? 1 : 0];
  return `${indent}${where}: ${word}${step.detail ? ` (${step.detail})` : ''}`;
}

function finish(steps: readonly ProvisionStep[], dryRun: boolean, log: (line: string) => void): ProvisionReport {
  const counts: Record<StepOutcome, number> = { created: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0 };
  for (const s of steps) counts[s.outcome]++;
  const nothingToChange = counts.created === 0 && counts.changed === 0;
  const ok = counts.failed === 0;
  const verb = dryRun ? ['would create', 'would change'] : ['created', 'changed'];
  const summary =
    nothingToChange && ok
      ? `${dryRun ? 'Dry run: ' : ''}Nothing to change: ${counts.unchanged} left alone, 0 failed.`
      : `${dryRun ? 'Dry run: ' : ''}${counts.created} ${verb[0]}, ${counts.changed} ${verb[1]}, ${counts.unchanged} left alone, ${counts.skipped} skipped, ${counts.failed} failed.`;
  log(summary);
  return { dryRun, steps, counts, ok, nothingToChange, summary };
}
