import { CODES, errors, SpError } from './errors';
import type { ApiResponse, Ctx } from './context';
import { assignmentEntity, basePermissions, groupEntity, listLink, roleDefinitionEntity, userEntity } from './entities';
import { arg, type Segment } from './path';
import { ROLE_DEFINITIONS, type GroupRecord, type ListRecord, type UserRecord } from '../store/model';
import { itemScope } from '../store/site-store';

const FULL_CONTROL = 1073741829;

function expandSet(ctx: Ctx): Set<string> {
  return new Set(
    (ctx.option('$expand') ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== ''),
  );
}

function findUser(ctx: Ctx, login: string): UserRecord {
  const u = ctx.store.userByLogin(login);
  if (!u) throw errors.userNotFound(login);
  return u;
}

// ---------------------------------------------------------------- users

export function userRoute(ctx: Ctx, user: UserRecord, rest: readonly Segment[]): ApiResponse {
  const [next] = rest;
  if (!next) {
    if (ctx.method === 'DELETE') {
      ctx.require(undefined, 5);
      ctx.store.transaction(() => ctx.store.deletePrincipal(user.Id));
      return ctx.empty();
    }
    // SharePoint accepts MERGE on a user (its Title, Email...): the site's users are fixed here, so
    // an update is an endpoint this server lacks (501), not a method SharePoint refuses (405).
    if (ctx.method === 'MERGE' || ctx.method === 'PATCH' || ctx.method === 'PUT') throw errors.endpointNotImplemented();
    if (ctx.method !== 'GET') throw errors.methodNotAllowed(ctx.method);
    return ctx.entity(ctx.selected(userEntity(ctx, user)), 'SP.ApiData.Users');
  }
  if (next.lower === 'groups') {
    const groups = ctx.store
      .groupsOf(user.Id)
      .map((id) => ctx.store.group(id))
      .filter((g): g is GroupRecord => g !== undefined);
    return ctx.metadataCollection(
      groups.map((g) => groupEntity(ctx, g)),
      'SP.ApiData.Groups',
    );
  }
  throw errors.endpointNotImplemented();
}

/** web/siteusers and sitegroups(n)/users. */
export function usersRoute(ctx: Ctx, rest: readonly Segment[], group?: GroupRecord, self?: Segment): ApiResponse {
  const [next, ...after] = rest;
  const members = group ? new Set(ctx.store.groupMembers(group.Id)) : undefined;
  const inScope = (u: UserRecord | undefined): UserRecord => {
    if (!u || (members && !members.has(u.Id))) throw errors.userNotFound(String(arg(next ?? ({} as Segment)) ?? ''));
    return u;
  };
  if (self?.args) {
    const v = arg(self);
    const u = typeof v === 'number' ? ctx.store.user(v) : ctx.store.userByLogin(String(v));
    return userRoute(ctx, inScope(u), rest);
  }
  if (!next) {
    if (ctx.method === 'GET') {
      const users = ctx.store.users().filter((u) => !members || members.has(u.Id));
      return ctx.metadataCollection(
        users.map((u) => userEntity(ctx, u)),
        'SP.ApiData.Users',
      );
    }
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    ctx.require(undefined, 5);
    const body = ctx.body();
    const login = body.LoginName;
    if (typeof login !== 'string') throw errors.validation('LoginName is required.');
    const u = findUser(ctx, login);
    if (group) ctx.store.transaction(() => ctx.store.addMember(group.Id, u.Id));
    return ctx.entity(userEntity(ctx, u), 'SP.ApiData.Users', 201);
  }
  const v = arg(next);
  switch (next.lower) {
    case 'getbyid':
      return userRoute(ctx, inScope(ctx.store.user(Number(v))), after);
    case 'getbyemail':
    case 'getbyloginname':
      return userRoute(ctx, inScope(ctx.store.userByLogin(String(v ?? ''))), after);
    case 'removebyid':
    case 'removebyloginname': {
      if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
      ctx.require(undefined, 5);
      const u = next.lower === 'removebyid' ? ctx.store.user(Number(v)) : ctx.store.userByLogin(String(v ?? ''));
      if (!u) throw errors.userNotFound(String(v));
      ctx.store.transaction(() => {
        if (group) ctx.store.removeMember(group.Id, u.Id);
        else ctx.store.deletePrincipal(u.Id);
      });
      return ctx.empty();
    }
    default:
      throw errors.endpointNotImplemented();
  }
}

/**
 * `web/ensureuser` with `{logonName}` (what PnPjs sends) or `web/ensureuser('<login>')`.
 * The site's users are fixed, so a login that names none of them is answered as
 * SharePoint answers a login it cannot resolve: 500 SPException "The specified
 * user <login> could not be found."
 */
export function ensureUser(ctx: Ctx, self: Segment): ApiResponse {
  if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
  let login: unknown;
  if (self.args && self.args.length > 0) login = arg(self, 'logonname');
  else {
    const body = ctx.body();
    login = body.logonName ?? body.LogonName;
  }
  if (typeof login !== 'string') throw errors.validation('logonName is required.');
  const u = ctx.store.userByLogin(login);
  if (!u) throw errors.unresolvedUser(login);
  return ctx.entity(userEntity(ctx, u), 'SP.ApiData.Users');
}

// ---------------------------------------------------------------- groups

export function groupsRoute(ctx: Ctx, rest: readonly Segment[], self?: Segment): ApiResponse {
  if (self?.args) {
    const g = ctx.store.group(Number(arg(self)));
    if (!g) throw errors.groupNotFound();
    return groupRoute(ctx, g, rest);
  }
  const [next, ...after] = rest;
  if (!next) {
    if (ctx.method === 'GET')
      return ctx.metadataCollection(
        ctx.store.groups().map((g) => groupEntity(ctx, g)),
        'SP.ApiData.Groups',
      );
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    ctx.require(undefined, 5);
    const body = ctx.body();
    for (const k of Object.keys(body)) {
      if (
        ![
          '__metadata',
          'Title',
          'Description',
          'AllowMembersEditMembership',
          'OnlyAllowMembersViewMembership',
          'AllowRequestToJoinLeave',
          'AutoAcceptRequestToJoinLeave',
          'RequestToJoinLeaveEmailSetting',
        ].includes(k)
      )
        throw errors.unknownProperty(k, 'SP.Group');
    }
    if (typeof body.Title !== 'string' || body.Title.trim() === '')
      throw errors.validation('A group must have a Title.');
    if (ctx.store.groupByName(body.Title))
      throw new SpError(400, CODES.spException, 'The specified name is already in use.');
    const g: GroupRecord = {
      kind: 'group',
      Id: 0,
      Title: body.Title,
      Description: typeof body.Description === 'string' ? body.Description : '',
      OwnerTitle: ctx.user.Title,
      AllowMembersEditMembership: body.AllowMembersEditMembership === true,
      OnlyAllowMembersViewMembership: body.OnlyAllowMembersViewMembership !== false,
    };
    ctx.store.transaction(() => {
      g.Id = ctx.store.nextPrincipalId();
      ctx.store.savePrincipal(g);
    });
    return ctx.entity(groupEntity(ctx, g), 'SP.ApiData.Groups', 201);
  }
  const v = arg(next);
  switch (next.lower) {
    case 'getbyname': {
      const g = ctx.store.groupByName(String(v ?? ''));
      if (!g) throw errors.groupNotFound();
      return groupRoute(ctx, g, after);
    }
    case 'getbyid': {
      const g = ctx.store.group(Number(v));
      if (!g) throw errors.groupNotFound();
      return groupRoute(ctx, g, after);
    }
    case 'removebyid':
    case 'removebyloginname': {
      if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
      ctx.require(undefined, 5);
      const g = next.lower === 'removebyid' ? ctx.store.group(Number(v)) : ctx.store.groupByName(String(v ?? ''));
      if (!g) throw errors.groupNotFound();
      ctx.store.transaction(() => ctx.store.deletePrincipal(g.Id));
      return ctx.empty();
    }
    default:
      throw errors.endpointNotImplemented();
  }
}

function groupRoute(ctx: Ctx, g: GroupRecord, rest: readonly Segment[]): ApiResponse {
  const [next, ...after] = rest;
  if (!next) {
    switch (ctx.method) {
      case 'GET':
        return ctx.entity(ctx.selected(groupEntity(ctx, g)), 'SP.ApiData.Groups');
      case 'MERGE':
      case 'PATCH': {
        ctx.require(undefined, 5);
        const body = ctx.body();
        const updated = { ...g };
        if (typeof body.Title === 'string') updated.Title = body.Title;
        if (typeof body.Description === 'string') updated.Description = body.Description;
        ctx.store.transaction(() => ctx.store.savePrincipal(updated));
        return ctx.noContent();
      }
      case 'DELETE':
        ctx.require(undefined, 5);
        ctx.store.transaction(() => ctx.store.deletePrincipal(g.Id));
        return ctx.empty();
      default:
        throw errors.methodNotAllowed(ctx.method);
    }
  }
  if (next.lower === 'users') return usersRoute(ctx, after, g, next);
  throw errors.endpointNotImplemented();
}

// ---------------------------------------------------------------- role definitions

export function roleDefinitionsRoute(ctx: Ctx, rest: readonly Segment[], self?: Segment): ApiResponse {
  const [next] = rest;
  const one = (r: (typeof ROLE_DEFINITIONS)[number] | undefined): ApiResponse => {
    if (!r) throw new SpError(404, CODES.argument, 'Cannot find the specified role definition.');
    return ctx.entity(ctx.selected(roleDefinitionEntity(ctx, r)), 'SP.ApiData.RoleDefinitions');
  };
  if (self?.args) return one(ROLE_DEFINITIONS.find((r) => r.Id === Number(arg(self))));
  if (!next) {
    if (ctx.method !== 'GET') throw errors.endpointNotImplemented();
    return ctx.metadataCollection(
      ROLE_DEFINITIONS.map((r) => roleDefinitionEntity(ctx, r)),
      'SP.ApiData.RoleDefinitions',
    );
  }
  const v = arg(next);
  switch (next.lower) {
    case 'getbyname':
      return one(ROLE_DEFINITIONS.find((r) => r.Name.toLowerCase() === String(v ?? '').toLowerCase()));
    case 'getbytype':
      return one(ROLE_DEFINITIONS.find((r) => r.RoleTypeKind === Number(v)));
    case 'getbyid':
      return one(ROLE_DEFINITIONS.find((r) => r.Id === Number(v)));
    default:
      throw errors.endpointNotImplemented();
  }
}

// ---------------------------------------------------------------- role assignments and inheritance

/** roleassignments of the web (list undefined) or of a list. */
export function assignmentsRoute(
  ctx: Ctx,
  list: ListRecord | undefined,
  rest: readonly Segment[],
  self?: Segment,
  itemId?: number,
): ApiResponse {
  const unique =
    list && itemId !== undefined ? ctx.store.itemHasUniqueRoles(list, itemId) : list?.hasUniqueRoleAssignments;
  const scope = list ? (itemId !== undefined ? itemScope(list, itemId) : list.guid) : 'web';
  const scopeLink = list ? (itemId !== undefined ? `${listLink(list)}/Items(${itemId})` : listLink(list)) : 'Web';
  const [next, ...after] = rest;
  const single = (principalId: number, tail: readonly Segment[]): ApiResponse => {
    ctx.require(list, 5, itemId);
    const a = ctx.store.assignments(ctx.store.scopeOf(list, itemId)).find((x) => x.principalId === principalId);
    if (!a) throw new SpError(404, CODES.argument, 'Cannot find a role assignment for the specified principal.');
    const [t] = tail;
    if (!t) return ctx.entity(assignmentEntity(ctx, scopeLink, a, expandSet(ctx)), 'SP.ApiData.RoleAssignments');
    if (t.lower === 'member') {
      const p = ctx.store.principal(principalId);
      if (!p) throw errors.userNotFound(String(principalId));
      return ctx.entity(p.kind === 'user' ? userEntity(ctx, p) : groupEntity(ctx, p), 'SP.ApiData.Principals');
    }
    if (t.lower === 'roledefinitionbindings')
      return ctx.collection(
        a.roleIds.flatMap((id) => {
          const r = ROLE_DEFINITIONS.find((d) => d.Id === id);
          return r ? [roleDefinitionEntity(ctx, r)] : [];
        }),
        'SP.ApiData.RoleDefinitions',
      );
    throw errors.endpointNotImplemented();
  };
  if (self?.args) return single(Number(arg(self)), rest);
  if (!next) {
    if (ctx.method !== 'GET') throw errors.methodNotAllowed(ctx.method);
    ctx.require(list, 5, itemId);
    const ex = expandSet(ctx);
    return ctx.metadataCollection(
      ctx.store.assignments(ctx.store.scopeOf(list, itemId)).map((a) => assignmentEntity(ctx, scopeLink, a, ex)),
      'SP.ApiData.RoleAssignments',
    );
  }
  switch (next.lower) {
    case 'getbyprincipalid':
      return single(Number(arg(next)), after);
    case 'addroleassignment':
    case 'removeroleassignment': {
      if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
      ctx.require(list, 5, itemId);
      const principalId = Number(arg(next, 'principalid'));
      const roleId = Number(arg(next, 'roledefid') ?? next.args?.[1]?.value);
      if (!ctx.store.principal(principalId)) throw errors.userNotUnique();
      if (!ROLE_DEFINITIONS.some((r) => r.Id === roleId))
        throw new SpError(404, CODES.argument, 'Cannot find the specified role definition.');
      if (list && !unique)
        throw new SpError(
          400,
          CODES.spException,
          'This operation is not allowed on an object that inherits permissions.',
        );
      ctx.store.transaction(() => {
        if (next.lower === 'addroleassignment') ctx.store.addAssignment(scope, principalId, roleId);
        else ctx.store.removeAssignment(scope, principalId, roleId);
      });
      return ctx.empty();
    }
    default:
      throw errors.endpointNotImplemented();
  }
}

export function breakInheritance(ctx: Ctx, list: ListRecord, seg: Segment, itemId?: number): ApiResponse {
  if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
  ctx.require(list, 5, itemId);
  const copy = arg(seg, 'copyroleassignments') === true;
  ctx.store.transaction(() => {
    if (itemId !== undefined) {
      if (ctx.store.itemHasUniqueRoles(list, itemId)) return;
      const from = ctx.store.scopeOf(list);
      const scope = itemScope(list, itemId);
      ctx.store.clearAssignments(scope);
      ctx.store.setItemUniqueRoles(list, itemId, true);
      if (copy) {
        for (const a of ctx.store.assignments(from))
          for (const r of a.roleIds) ctx.store.addAssignment(scope, a.principalId, r);
      } else ctx.store.addAssignment(scope, ctx.user.Id, FULL_CONTROL);
      return;
    }
    if (list.hasUniqueRoleAssignments) return;
    ctx.store.clearAssignments(list.guid);
    if (copy) {
      for (const a of ctx.store.assignments('web'))
        for (const r of a.roleIds) ctx.store.addAssignment(list.guid, a.principalId, r);
    } else {
      // As SharePoint does, the user who breaks inheritance without copying keeps Full Control.
      ctx.store.addAssignment(list.guid, ctx.user.Id, FULL_CONTROL);
    }
    ctx.store.saveList({ ...list, hasUniqueRoleAssignments: true });
  });
  return ctx.empty();
}

export function resetInheritance(ctx: Ctx, list: ListRecord, itemId?: number): ApiResponse {
  if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
  ctx.require(list, 5, itemId);
  ctx.store.transaction(() => {
    if (itemId !== undefined) {
      ctx.store.setItemUniqueRoles(list, itemId, false);
      return;
    }
    ctx.store.clearAssignments(list.guid);
    ctx.store.saveList({ ...list, hasUniqueRoleAssignments: false });
  });
  return ctx.empty();
}

export function effectivePermissions(
  ctx: Ctx,
  list: ListRecord | undefined,
  seg: Segment,
  itemId?: number,
): ApiResponse {
  let user = ctx.user;
  if (seg.lower === 'getusereffectivepermissions') {
    const login = arg(seg);
    user = findUser(ctx, String(login ?? ''));
  }
  return ctx.property(
    'EffectiveBasePermissions',
    basePermissions(ctx.store.rankOf(user, list, itemId)),
    list ? 'SP.ApiData.Lists/EffectiveBasePermissions' : 'SP.ApiData.Webs/EffectiveBasePermissions',
  );
}
