import type { Ctx } from './context';
import { Coll, Complex, Entity, EntityList, type Value } from './odata-json';
import {
  fieldKind,
  itemEntityType,
  odataFieldType,
  ROLE_DEFINITIONS,
  type FieldRecord,
  type GroupRecord,
  type ListRecord,
  type RoleDefinition,
  type UserRecord,
  type ViewRecord,
} from '../store/model';

const str =
  (type = 'Edm.String') =>
  (values: readonly string[]) =>
    new Coll(`Collection(${type})`, values);

export function webEntity(ctx: Ctx): Entity {
  const s = ctx.store;
  const id = s.meta('webId') ?? '';
  return new Entity(
    'SP.Web',
    `${ctx.apiUrl}/Web`,
    `${ctx.apiUrl}/Web`,
    {
      AllowRssFeeds: true,
      Created: s.meta('created') ?? '',
      Description: s.meta('webDescription') ?? '',
      Id: id,
      Language: 1033,
      LastItemModifiedDate: s.meta('created') ?? '',
      ServerRelativeUrl: ctx.settings.sitePath,
      Title: s.meta('webTitle') ?? '',
      UIVersion: 15,
      Url: ctx.siteUrl,
      WebTemplate: 'STS',
      Configuration: 0,
    },
    'Web',
  );
}

export function siteEntity(ctx: Ctx): Entity {
  return new Entity(
    'SP.Site',
    `${ctx.apiUrl}/Site`,
    `${ctx.apiUrl}/Site`,
    {
      Id: ctx.store.meta('siteId') ?? '',
      ReadOnly: false,
      ServerRelativeUrl: ctx.settings.sitePath,
      Url: ctx.siteUrl,
    },
    'Site',
  );
}

export function basePermissions(rank: number): Complex {
  const def = ROLE_DEFINITIONS.find((r) => r.rank === rank);
  return new Complex('SP.BasePermissions', { High: def?.High ?? '0', Low: def?.Low ?? '0' });
}

export function listLink(list: ListRecord): string {
  return `Web/Lists(guid'${list.guid}')`;
}

export function listEntity(ctx: Ctx, list: ListRecord): Entity {
  const link = listLink(list);
  const entityType = itemEntityType(list);
  return new Entity(
    'SP.List',
    `${ctx.apiUrl}/${link}`,
    `${ctx.apiUrl}/${link}`,
    {
      AllowContentTypes: true,
      BaseTemplate: list.baseTemplate,
      BaseType: 0,
      ContentTypesEnabled: list.contentTypesEnabled,
      Created: list.created,
      Description: list.description,
      Direction: 'none',
      EnableAttachments: list.enableAttachments,
      EnableFolderCreation: false,
      EnableMinorVersions: false,
      EnableModeration: false,
      EnableVersioning: list.enableVersioning,
      EntityTypeName: entityType.replace(/^SP\.Data\./, '').replace(/Item$/, ''),
      ForceCheckout: false,
      HasExternalDataSource: false,
      Hidden: list.hidden,
      Id: list.guid,
      ItemCount: list.itemCount,
      LastItemDeletedDate: list.lastItemDeleted,
      LastItemModifiedDate: list.lastItemModified,
      LastItemUserModifiedDate: list.lastItemModified,
      ListItemEntityTypeFullName: entityType,
      MajorVersionLimit: list.majorVersionLimit,
      NoCrawl: list.noCrawl,
      ParentWebUrl: ctx.settings.sitePath,
      ServerTemplateCanCreateFolders: true,
      TemplateFeatureId: '00bfea71-de22-43b2-a848-c05709900100',
      Title: list.title,
    },
    link,
  );
}

/** Properties of a list SharePoint returns only when $select (and $expand) names them. */
export function listExtras(ctx: Ctx, list: ListRecord): Record<string, Value> {
  const root = `${ctx.settings.sitePath}/Lists/${list.url}`;
  return {
    HasUniqueRoleAssignments: list.hasUniqueRoleAssignments,
    EffectiveBasePermissions: basePermissions(ctx.store.rankOf(ctx.user, list)),
    DefaultViewUrl: `${root}/AllItems.aspx`,
    RootFolder: new Entity(
      'SP.Folder',
      `${ctx.apiUrl}/${listLink(list)}/RootFolder`,
      `${ctx.apiUrl}/${listLink(list)}/RootFolder`,
      { Name: list.url, ServerRelativeUrl: root, ItemCount: list.itemCount, UniqueId: list.guid },
      `${listLink(list)}/RootFolder`,
    ),
  };
}

/** A CAML <Field> element describing the field, as SharePoint's SchemaXml shows it. */
export function schemaXml(list: ListRecord, f: FieldRecord): string {
  const attr = (k: string, v: string | number | boolean | undefined): string =>
    v === undefined
      ? ''
      : ` ${k}="${String(typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v)
          .replace(/&/g, '&amp;')
          .replace(/"/g, '&quot;')
          .replace(/</g, '&lt;')}"`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let xml = `<Field${attr('Type', f.typeAsString)}${attr('DisplayName', f.title)}${attr('Required', f.required)}${attr(
    'EnforceUniqueValues',
    f.unique,
  )}${attr('Indexed', f.indexed)}${attr('MaxLength', f.maxLength)}${attr('Format', f.displayFormat === 0 ? 'DateOnly' : f.displayFormat === 1 ? 'DateTime' : undefined)}${attr(
    'List',
    f.lookupListId ? `{${f.lookupListId}}` : undefined,
  )}${attr('ShowField', f.lookupField)}${attr('Mult', f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti' ? true : undefined)}${attr(
    'Min',
    f.min,
  )}${attr('Max', f.max)}${attr('RichText', f.richText)}${attr('ID', `{${f.id}}`)}${attr('SourceID', `{${list.guid}}`)}${attr(
    'StaticName',
    f.internalName,
  )}${attr('Name', f.internalName)}`;
  const children: string[] = [];
  if (f.defaultValue !== undefined && f.defaultValue !== null)
    children.push(`<Default>${esc(f.defaultValue)}</Default>`);
  if (f.choices) children.push(`<CHOICES>${f.choices.map((c) => `<CHOICE>${esc(c)}</CHOICE>`).join('')}</CHOICES>`);
  xml += children.length ? `>${children.join('')}</Field>` : ' />';
  return xml;
}

export function fieldEntity(ctx: Ctx, list: ListRecord, f: FieldRecord): Entity {
  const link = `${listLink(list)}/Fields(guid'${f.id}')`;
  const props: Record<string, Value> = {
    AutoIndexed: false,
    CanBeDeleted: f.canBeDeleted,
    DefaultValue: f.defaultValue ?? null,
    Description: f.description,
    Direction: 'none',
    EnforceUniqueValues: f.unique,
    EntityPropertyName: f.internalName.startsWith('_') ? `OData_${f.internalName}` : f.internalName,
    Filterable: !['Note', 'Computed', 'URL'].includes(f.typeAsString),
    FromBaseType: f.fromBaseType,
    Group: f.group,
    Hidden: f.hidden,
    Id: f.id,
    Indexed: f.indexed,
    InternalName: f.internalName,
    ReadOnlyField: f.readOnly,
    Required: f.required,
    SchemaXml: schemaXml(list, f),
    Scope: `${ctx.settings.sitePath}/Lists/${list.url}`,
    Sealed: f.fromBaseType,
    Sortable: !['Note', 'MultiChoice', 'LookupMulti', 'UserMulti', 'Computed'].includes(f.typeAsString),
    StaticName: f.internalName,
    Title: f.title,
    FieldTypeKind: fieldKind(f),
    TypeAsString: f.typeAsString,
    TypeDisplayName: f.typeAsString,
    ValidationFormula: null,
    ValidationMessage: null,
  };
  switch (f.typeAsString) {
    case 'Text':
      props.MaxLength = f.maxLength ?? 255;
      break;
    case 'Note':
      props.NumberOfLines = f.numberOfLines ?? 6;
      props.RichText = f.richText ?? false;
      props.AllowHyperlink = false;
      props.AppendOnly = false;
      props.RestrictedMode = true;
      break;
    case 'Choice':
    case 'MultiChoice':
      props.Choices = str()(f.choices ?? []);
      props.FillInChoice = f.fillInChoice ?? false;
      props.EditFormat = 0;
      break;
    case 'DateTime':
      props.DisplayFormat = f.displayFormat ?? 1;
      props.DateTimeCalendarType = 1;
      props.FriendlyDisplayFormat = 0;
      break;
    case 'Number':
    case 'Currency':
      props.MinimumValue = f.min ?? -1.7976931348623157e308;
      props.MaximumValue = f.max ?? 1.7976931348623157e308;
      if (f.typeAsString === 'Currency') props.CurrencyLocaleId = f.currencyLocaleId ?? 2057;
      break;
    case 'Lookup':
    case 'LookupMulti':
    case 'User':
    case 'UserMulti':
      props.AllowMultipleValues = f.typeAsString.endsWith('Multi');
      props.LookupField = f.lookupField ?? (f.typeAsString.startsWith('User') ? 'ImnName' : 'Title');
      props.LookupList = f.lookupListId ? `{${f.lookupListId}}` : f.typeAsString.startsWith('User') ? 'UserInfo' : '';
      props.LookupWebId = ctx.store.meta('webId') ?? '';
      props.IsRelationship = true;
      props.RelationshipDeleteBehavior = 0;
      if (f.typeAsString.startsWith('User')) {
        props.SelectionMode = f.selectionMode ?? 0;
        props.SelectionGroup = 0;
        props.AllowDisplay = true;
        props.Presence = true;
      }
      break;
    case 'URL':
      props.DisplayFormat = 0;
      break;
    default:
      break;
  }
  return new Entity(odataFieldType(f), `${ctx.apiUrl}/${link}`, `${ctx.apiUrl}/${link}`, props, link);
}

export function viewEntity(ctx: Ctx, list: ListRecord, v: ViewRecord): Entity {
  const link = `${listLink(list)}/Views(guid'${v.id}')`;
  return new Entity(
    'SP.View',
    `${ctx.apiUrl}/${link}`,
    `${ctx.apiUrl}/${link}`,
    {
      DefaultView: v.defaultView,
      Hidden: v.hidden,
      Id: v.id,
      MobileDefaultView: false,
      MobileView: false,
      Paged: v.paged,
      PersonalView: v.personalView,
      ReadOnlyView: false,
      RowLimit: v.rowLimit,
      ServerRelativeUrl: `${ctx.settings.sitePath}/Lists/${v.url}`,
      Title: v.title,
      ViewQuery: v.viewQuery,
      ViewType: 'HTML',
      ViewTypeKind: 1,
    },
    link,
  );
}

export function viewFieldsEntity(ctx: Ctx, list: ListRecord, v: ViewRecord): Entity {
  const link = `${listLink(list)}/Views(guid'${v.id}')/ViewFields`;
  return new Entity(
    'SP.ViewFieldCollection',
    `${ctx.apiUrl}/${link}`,
    `${ctx.apiUrl}/${link}`,
    {
      SchemaXml: `<FieldRef Name="${v.fields.join('" /><FieldRef Name="')}" />`.replace('<FieldRef Name="" />', ''),
      Items: str()(v.fields),
    },
    link,
  );
}

export function userEntity(ctx: Ctx, u: UserRecord): Entity {
  const link = `Web/GetUserById(${u.Id})`;
  return new Entity(
    'SP.User',
    `${ctx.apiUrl}/${link}`,
    `${ctx.apiUrl}/${link}`,
    {
      Id: u.Id,
      IsHiddenInUI: false,
      LoginName: u.LoginName,
      Title: u.Title,
      PrincipalType: 1,
      Email: u.Email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: u.IsSiteAdmin,
      UserId: new Complex('SP.UserIdInfo', {
        NameId: u.Id.toString(16).padStart(16, '1'),
        NameIdIssuer: 'urn:federation:microsoftonline',
      }),
      UserPrincipalName: u.Email,
    },
    link,
  );
}

export function groupEntity(ctx: Ctx, g: GroupRecord): Entity {
  const link = `Web/SiteGroups/GetById(${g.Id})`;
  return new Entity(
    'SP.Group',
    `${ctx.apiUrl}/${link}`,
    `${ctx.apiUrl}/${link}`,
    {
      Id: g.Id,
      IsHiddenInUI: false,
      LoginName: g.Title,
      Title: g.Title,
      PrincipalType: 8,
      AllowMembersEditMembership: g.AllowMembersEditMembership,
      AllowRequestToJoinLeave: false,
      AutoAcceptRequestToJoinLeave: false,
      Description: g.Description,
      OnlyAllowMembersViewMembership: g.OnlyAllowMembersViewMembership,
      OwnerTitle: g.OwnerTitle,
      RequestToJoinLeaveEmailSetting: null,
    },
    link,
  );
}

export function roleDefinitionEntity(ctx: Ctx, r: RoleDefinition): Entity {
  const link = `Web/RoleDefinitions(${r.Id})`;
  return new Entity(
    'SP.RoleDefinition',
    `${ctx.apiUrl}/${link}`,
    `${ctx.apiUrl}/${link}`,
    {
      BasePermissions: new Complex('SP.BasePermissions', { High: r.High, Low: r.Low }),
      Description: r.Description,
      Hidden: r.Hidden,
      Id: r.Id,
      Name: r.Name,
      Order: r.Order,
      RoleTypeKind: r.RoleTypeKind,
    },
    link,
  );
}

export function assignmentEntity(
  ctx: Ctx,
  scopeLink: string,
  a: { principalId: number; roleIds: number[] },
  expand: ReadonlySet<string>,
): Entity {
  const link = `${scopeLink}/RoleAssignments/GetByPrincipalId(${a.principalId})`;
  const props: Record<string, Value> = { PrincipalId: a.principalId };
  if (expand.has('member')) {
    const p = ctx.store.principal(a.principalId);
    props.Member = p ? (p.kind === 'user' ? userEntity(ctx, p) : groupEntity(ctx, p)) : null;
  }
  if (expand.has('roledefinitionbindings')) {
    props.RoleDefinitionBindings = new EntityList(
      a.roleIds
        .map((id) => ROLE_DEFINITIONS.find((r) => r.Id === id))
        .filter((r): r is RoleDefinition => r !== undefined)
        .map((r) => roleDefinitionEntity(ctx, r)),
    );
  }
  return new Entity('SP.RoleAssignment', `${ctx.apiUrl}/${link}`, `${ctx.apiUrl}/${link}`, props, link);
}
