import {
  COLUMN_FORMATS,
  fieldXml,
  LISTS,
  ROLE_GROUPS,
  viewXml,
  xmlEscape,
  type ColumnFormatName,
  type ListDef,
  type PermissionLevel,
  type Role,
} from '../schema';
import { ASSESSMENT_QUESTIONS, ASSESSMENT_TEMPLATES, templateVersionKey } from '../schema';
import { questionMapper, templateMapper } from '../mappers';
import { SHIPPED_TEMPLATES } from '../../domain/shippedTemplates';
import type { AssessmentTemplate } from '../../domain/entities';

/**
 * The schema as a PnP provisioning template (schema 2022-09), for councils
 * that provision with PnP PowerShell (`Invoke-PnPSiteTemplate`). Same CAML
 * as provisioning (schema/caml.ts); field and view ids are UUIDv5 of their
 * names, and nothing depends on the clock, so the output is byte-identical on
 * every run.
 */
export const PNP_NAMESPACE = 'http://schemas.dev.office.com/PnP/2022/09/ProvisioningSchema';
export const TEMPLATE_PATH = 'sharepoint/collaboration-register.xml';
export const TEMPLATE_VERSION = '1.0';

/** SharePoint's built-in Title column. */
const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

/** PnP tokens for the built-in permission levels (locale-independent). */
const ROLE_TOKEN: Readonly<Record<PermissionLevel, string>> = {
  Read: '{roledefinition:Reader}',
  Contribute: '{roledefinition:Contributor}',
  Edit: '{roledefinition:Editor}',
  FullControl: '{roledefinition:Administrator}',
};

const GROUP_DESCRIPTION: Readonly<Record<Role, string>> = {
  officers: 'Collaboration Register: lead officers, Heads of Service and the policy unit.',
  panel: 'Collaboration Register: review panel and Audit Committee members.',
  governance: 'Collaboration Register: the governance team that maintains the register.',
};

const attr = (name: string, value: string | number | boolean): string =>
  `${name}="${xmlEscape(typeof value === 'boolean' ? String(value) : String(value))}"`;

/** Item values (internal name -> value, as the mappers write them) to be added as a list's data rows. */
type Row = Readonly<Record<string, unknown>>;

/**
 * The shipped assessment templates as rows of Assessment Templates and
 * Assessment Questions. Keyed on their unique key columns with
 * UpdateBehavior Skip: PnP adds a row that is missing and never overwrites one
 * the governance team has edited.
 */
export function templateRows(templates: readonly AssessmentTemplate[] = SHIPPED_TEMPLATES): Map<string, Row[]> {
  const headers: Row[] = [];
  const questions: Row[] = [];
  for (const t of templates) {
    const { questions: qs, ...header } = t;
    headers.push(templateMapper.toItem(header));
    const versionKey = templateVersionKey(t.key, t.version);
    for (const q of qs) questions.push(questionMapper.toItem({ ...q, templateVersionKey: versionKey }));
  }
  return new Map([
    [ASSESSMENT_TEMPLATES.key, headers],
    [ASSESSMENT_QUESTIONS.key, questions],
  ]);
}

function dataValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function dataRows(list: ListDef, rows: readonly Row[], indent: string): string[] {
  if (rows.length === 0) return [];
  const i1 = `${indent}  `;
  const i2 = `${indent}    `;
  const lines = [`${indent}<pnp:DataRows ${attr('KeyColumn', list.keyField)} UpdateBehavior="Skip">`];
  for (const row of rows) {
    lines.push(`${i1}<pnp:DataRow>`);
    for (const [name, value] of Object.entries(row)) {
      const text = dataValue(value);
      if (text !== undefined)
        lines.push(`${i2}<pnp:DataValue ${attr('FieldName', name)}>${xmlEscape(text)}</pnp:DataValue>`);
    }
    lines.push(`${i1}</pnp:DataRow>`);
  }
  lines.push(`${indent}</pnp:DataRows>`);
  return lines;
}

function listInstance(list: ListDef, indent: string, rows: readonly Row[] = []): string[] {
  const i1 = `${indent}  `;
  const i2 = `${indent}    `;
  const i3 = `${indent}      `;
  const title = list.fields.find((f) => f.internalName === 'Title');
  const others = list.fields.filter((f) => f.internalName !== 'Title');
  const lines: string[] = [];
  lines.push(
    `${indent}<pnp:ListInstance ${[
      attr('Title', list.title),
      attr('Description', list.description),
      attr('TemplateType', 100),
      attr('Url', `Lists/${list.url}`),
      attr('EnableVersioning', list.versioning),
      attr('OnQuickLaunch', true),
      attr('EnableFolderCreation', false),
    ].join(' ')}>`,
  );
  if (title) {
    lines.push(`${i1}<pnp:FieldRefs>`);
    lines.push(
      `${i2}<pnp:FieldRef ${[
        attr('ID', TITLE_FIELD_ID),
        attr('Name', 'Title'),
        attr('DisplayName', title.title),
        attr('Required', title.required === true),
      ].join(' ')} />`,
    );
    lines.push(`${i1}</pnp:FieldRefs>`);
  }
  lines.push(`${i1}<pnp:Fields>`);
  for (const f of others) {
    lines.push(
      `${i2}${fieldXml(list, f, { lookupList: (key) => `{listid:${LISTS.find((l) => l.key === key)?.title ?? key}}`, emptyNamespace: true })}`,
    );
  }
  lines.push(`${i1}</pnp:Fields>`);
  lines.push(`${i1}<pnp:Views>`);
  for (const v of list.views) lines.push(`${i2}${viewXml(list, v, { emptyNamespace: true })}`);
  lines.push(`${i1}</pnp:Views>`);
  lines.push(...dataRows(list, rows, i1));
  lines.push(`${i1}<pnp:Security>`);
  lines.push(`${i2}<pnp:BreakRoleInheritance CopyRoleAssignments="false" ClearSubscopes="true">`);
  for (const [role, level] of Object.entries(list.permissions) as [Role, PermissionLevel][]) {
    lines.push(
      `${i3}<pnp:RoleAssignment ${attr('Principal', ROLE_GROUPS[role])} ${attr('RoleDefinition', ROLE_TOKEN[level])} />`,
    );
  }
  lines.push(
    `${i3}<pnp:RoleAssignment Principal="{associatedownergroup}" RoleDefinition="{roledefinition:Administrator}" />`,
  );
  lines.push(`${i2}</pnp:BreakRoleInheritance>`);
  lines.push(`${i1}</pnp:Security>`);
  lines.push(`${indent}</pnp:ListInstance>`);
  return lines;
}

/** The template's text (UTF-8, LF line ends, final newline). */
export function buildTemplate(
  lists: readonly ListDef[] = LISTS,
  rows: ReadonlyMap<string, readonly Row[]> = templateRows(),
): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated by `npm run template` from src/data/schema. Do not edit by hand: change the schema and regenerate. -->',
    `<pnp:Provisioning xmlns:pnp="${PNP_NAMESPACE}">`,
    `  <pnp:Preferences ${attr('Generator', 'Collaboration Register for Microsoft Teams')} ${attr('Version', TEMPLATE_VERSION)} />`,
    '  <pnp:Templates ID="CONTAINER-COLLABORATION-REGISTER">',
    `    <pnp:ProvisioningTemplate ID="COLLABORATION-REGISTER" ${attr('Version', TEMPLATE_VERSION)} ${attr(
      'DisplayName',
      'Collaboration Register',
    )} ${attr('Description', "The register of a council's collaborations and partnerships, with assessments, reviews, actions and reminders.")}>`,
    '      <pnp:Security>',
    '        <pnp:SiteGroups>',
  ];
  for (const [role, title] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
    lines.push(
      `          <pnp:SiteGroup ${[
        attr('Title', title),
        attr('Description', GROUP_DESCRIPTION[role]),
        attr('Owner', '{associatedownergroup}'),
        attr('AllowMembersEditMembership', false),
        attr('OnlyAllowMembersViewMembership', false),
      ].join(' ')} />`,
    );
  }
  lines.push('        </pnp:SiteGroups>', '      </pnp:Security>', '      <pnp:Lists>');
  for (const list of lists) lines.push(...listInstance(list, '        ', rows.get(list.key)));
  lines.push('      </pnp:Lists>', '    </pnp:ProvisioningTemplate>', '  </pnp:Templates>', '</pnp:Provisioning>', '');
  return lines.join('\n');
}

/** The column formatting files: name -> pretty JSON text (sharepoint/formatting/<name>.json). */
export function formattingFiles(): Record<`${ColumnFormatName}.json`, string> {
  const out = {} as Record<`${ColumnFormatName}.json`, string>;
  for (const name of Object.keys(COLUMN_FORMATS) as ColumnFormatName[]) {
    out[`${name}.json`] = `${JSON.stringify(COLUMN_FORMATS[name], null, 2)}\n`;
  }
  return out;
}
