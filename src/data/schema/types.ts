import type { Role as DomainRole, StoreName } from '../../domain/policy';
/**
 * The shape of the list schema: data that provisioning, the repositories'
 * select lists, the PnP provisioning template and the embedded list server all
 * read (STYLE.md, example 4). Nothing outside src/data imports this.
 */
export type FieldType =
  | 'Text'
  | 'Note'
  | 'Choice'
  | 'MultiChoice'
  | 'Number'
  | 'Currency'
  | 'DateTime'
  | 'Boolean'
  | 'Lookup'
  | 'LookupMulti'
  | 'User'
  | 'UserMulti'
  | 'URL';

/** A choice value: the domain's code and the plain words the governance team sees in SharePoint. */
export interface ChoiceDef {
  readonly code: string;
  readonly value: string;
}

export interface FieldDef {
  /** Internal (static) name: no spaces, never changes after provisioning. */
  readonly internalName: string;
  /** Display name the governance team sees. */
  readonly title: string;
  readonly type: FieldType;
  readonly description?: string;
  readonly required?: boolean;
  /** Enforce unique values (SharePoint requires the column to be indexed too). */
  readonly unique?: boolean;
  readonly indexed?: boolean;
  readonly choices?: readonly ChoiceDef[];
  /** Text: maximum length (SharePoint's single line of text allows 255). */
  readonly maxLength?: number;
  /** DateTime: date only (no time part). */
  readonly dateOnly?: boolean;
  /** Lookup: the target list's key in LISTS. */
  readonly lookupList?: ListKey;
  /** Lookup: the target field shown (default Title). */
  readonly lookupField?: string;
  /** Number: bounds. */
  readonly min?: number;
  readonly max?: number;
  readonly defaultValue?: string;
  /** Note: plain text only (never rich text: user text is never HTML). */
  readonly richText?: false;
}

export interface ViewDef {
  readonly title: string;
  readonly default?: boolean;
  readonly fields: readonly string[];
  /** CAML <Where>...</Where> body and ordering, or omitted for all items. */
  readonly query?: string;
  readonly rowLimit?: number;
  readonly paged?: boolean;
}

/** The council's roles, each a SharePoint group created by provisioning (the domain's role policy). */
export type Role = DomainRole;

/** SharePoint's built-in permission levels the register grants (Full Control: to manage item permissions). */
export type PermissionLevel = 'Read' | 'Contribute' | 'Edit' | 'FullControl';

export interface ListDef {
  readonly key: ListKey;
  /** The list's title: what getbytitle() takes and the governance team sees. */
  readonly title: string;
  /** URL segment under /Lists/. */
  readonly url: string;
  readonly description: string;
  readonly fields: readonly FieldDef[];
  readonly views: readonly ViewDef[];
  /**
   * The client-made unique key column: a create that is retried with the same
   * key is rejected as a duplicate rather than written twice.
   */
  readonly keyField: string;
  /** Who may do what; roles not named have no access (inheritance is broken). */
  readonly permissions: Readonly<Partial<Record<Role, PermissionLevel>>>;
  /** Keep item versions (major versions). */
  readonly versioning: boolean;
}

/** The register's lists: the stores of the role policy (domain/policy.ts). */
export type ListKey = StoreName;
