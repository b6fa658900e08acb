/**
 * SharePoint's error codes and messages, as its REST service returns them in
 * `{"odata.error":{"code":..., "message":{"lang":"en-US","value":...}}}`
 * (or `{"error":{...}}` under odata=verbose).
 */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/**
 * A request whose path shape (or method on that path) the local list server
 * does not implement. `ListApi.handle` answers it 501 Not Implemented, naming
 * the method and path; an endpoint that exists but whose list, item, field...
 * does not is a 404 as in SharePoint, never this.
 */
export class EndpointNotImplemented extends SpError {
  constructor() {
    super(501, '-1, System.NotSupportedException', 'This endpoint is not implemented by the local list server.');
  }
}

export const CODES = {
  argument: '-1, System.ArgumentException',
  invalidClientQuery: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
  clientService: '-1, Microsoft.SharePoint.Client.ClientServiceException',
  spException: '-2146232832, Microsoft.SharePoint.SPException',
  accessDenied: '-2147024891, System.UnauthorizedAccessException',
  throttled: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
  duplicate: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
  itemMissing: '-2130575338, Microsoft.SharePoint.SPException',
  fieldValidation: '-2130575155, Microsoft.SharePoint.SPFieldValidationException',
  listExists: '-2130575342, Microsoft.SharePoint.SPException',
  notSupported: '-1, System.NotSupportedException',
  userNotFound: '-2146232832, Microsoft.SharePoint.SPException',
} as const;

/** The longest title of a list, view, web or column that SharePoint accepts. */
export const MAX_TITLE_LENGTH = 255;

/** Refuses a title over MAX_TITLE_LENGTH characters (counted as SharePoint does, in UTF-16 code units). */
export function checkTitleLength(title: unknown, what: string): void {
  if (typeof title === 'string' && title.length > MAX_TITLE_LENGTH) throw errors.titleTooLong(what);
}

/** SharePoint properties of webs, lists and items that the local list server does not implement. */
const UNIMPLEMENTED_PROPERTIES: ReadonlySet<string> = new Set([
  'allproperties',
  'attachmentfiles',
  'contenttype',
  'contenttypes',
  'effectivebasepermissionsforui',
  'features',
  'fieldvaluesashtml',
  'fieldvaluesastext',
  'fieldvaluesforedit',
  'file',
  'firstuniqueancestorsecurableobject',
  'folder',
  'navigation',
  'parentlist',
  'parentweb',
  'properties',
  'regionalsettings',
  'rootfolder',
  'usercustomactions',
]);

export const errors = {
  listNotFound: (title: string, siteUrl: string) =>
    new SpError(404, CODES.argument, `List '${title}' does not exist at site with URL '${siteUrl}'.`),
  accessDenied: () =>
    new SpError(
      403,
      CODES.accessDenied,
      'Access denied. You do not have permission to perform this action or access this resource.',
    ),
  itemNotFound: () =>
    new SpError(404, CODES.itemMissing, 'Item does not exist. It may have been deleted by another user.'),
  throttled: () =>
    new SpError(
      500,
      CODES.throttled,
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    ),
  lookupThreshold: () =>
    new SpError(
      500,
      CODES.throttled,
      'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold enforced by the administrator.',
    ),
  duplicate: () =>
    new SpError(
      400,
      CODES.duplicate,
      'The list item could not be added or updated because duplicate values were found in one or more fields in the list.',
    ),
  etagMismatch: (requested: string, actual: string) =>
    new SpError(
      412,
      CODES.clientService,
      `The request ETag value '${requested}' does not match the object's ETag value '${actual}'.`,
    ),
  ifMatchRequired: () =>
    new SpError(400, CODES.invalidClientQuery, 'The If-Match header must be specified for this kind of request.'),
  unknownProperty: (name: string, type: string) =>
    new SpError(
      400,
      CODES.invalidClientQuery,
      `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
    ),
  wrongType: (edmType: string) =>
    new SpError(
      400,
      CODES.invalidClientQuery,
      `Cannot convert a primitive value to the expected type '${edmType}'. See the inner exception for more details.`,
    ),
  invalidExpression: (expression: string) =>
    new SpError(400, CODES.invalidClientQuery, `The expression "${expression}" is not valid.`),
  columnMissing: (name: string) =>
    new SpError(400, CODES.argument, `Column '${name}' does not exist. It may have been deleted by another user.`),
  /**
   * A $select or $expand of a name the entity lacks: 400 "does not exist", as SharePoint says of a
   * name it does not know; but a SharePoint property this server does not implement (ParentWeb,
   * RootFolder, ...) is 501, since SharePoint would have answered it.
   */
  fieldOrPropertyMissing: (name: string) => {
    const head = name.split('/')[0] ?? name;
    return UNIMPLEMENTED_PROPERTIES.has(head.toLowerCase())
      ? new SpError(
          501,
          CODES.notSupported,
          `The property ${name} is not implemented by the local list server (see docs/local-server.md).`,
        )
      : new SpError(400, CODES.argument, `The field or property '${name}' does not exist.`);
  },
  invalidJson: () =>
    new SpError(400, CODES.invalidClientQuery, 'Invalid JSON. A token was not recognized in the JSON content.'),
  validation: (message: string) => new SpError(400, CODES.fieldValidation, message),
  notSupported: (what: string) =>
    new SpError(
      501,
      CODES.notSupported,
      `${what} is not supported by the local list server (see docs/local-server.md).`,
    ),
  /** Thrown where a path shape is unknown; `ListApi.handle` names the method and path. */
  endpointNotImplemented: () => new EndpointNotImplemented(),
  /** The one answer for every endpoint the local list server lacks. */
  notImplemented: (method: string, path: string) =>
    new SpError(
      501,
      CODES.notSupported,
      `The endpoint ${method} ${path} is not implemented by the local list server (see docs/local-server.md for the endpoints it implements).`,
    ),
  methodNotAllowed: (method: string) =>
    new SpError(405, CODES.invalidClientQuery, `The HTTP method '${method}' cannot be used on this resource.`),
  userNotFound: (login: string) =>
    new SpError(404, CODES.userNotFound, `The specified user ${login} could not be found.`),
  /**
   * A list's, view's, web's or column's title over 255 characters: Microsoft documents each
   * (List.Title, ListCreationInformation.Title, ViewCreationInformation.Title, Web.Title, a
   * Field's DisplayName) as "Its length must be equal to or less than 255". The wording is
   * this server's; SharePoint refuses such a title as a bad argument.
   */
  titleTooLong: (what: string) =>
    new SpError(
      400,
      CODES.argument,
      `The ${what} title is longer than ${MAX_TITLE_LENGTH} characters; its length must be equal to or less than ${MAX_TITLE_LENGTH}.`,
    ),
  /** What SharePoint's ensureuser answers for a login it cannot resolve. */
  unresolvedUser: (login: string) =>
    new SpError(500, CODES.userNotFound, `The specified user ${login} could not be found.`),
  userNotUnique: () => new SpError(400, CODES.spException, 'The user does not exist or is not unique.'),
  groupNotFound: () => new SpError(404, CODES.spException, 'Group cannot be found.'),
};
