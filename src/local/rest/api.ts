import { randomBytes, randomUUID } from 'node:crypto';
import { checkTitleLength, CODES, EndpointNotImplemented, errors, SpError } from './errors';
import {
  baseHeaders,
  Ctx,
  errorResponse,
  statusText,
  type ApiRequest,
  type ApiResponse,
  type ApiSettings,
} from './context';
import { metadataMode } from './odata-json';
import { MAX_BATCH_ANSWER_CHARS, MAX_BATCH_PARTS, multipartBoundary } from '../boundary';
import { basePermissions, listExtras, siteEntity, webEntity } from './entities';
import { Entity } from './odata-json';
import { arg, parsePath, PathError, type Segment } from './path';
import { createItemResponse, itemRoute, queryItems } from './items';
import { fieldsRoute, listResource, listsCollection, viewRoute, viewsRoute } from './lists';
import {
  assignmentsRoute,
  breakInheritance,
  effectivePermissions,
  ensureUser,
  groupsRoute,
  resetInheritance,
  roleDefinitionsRoute,
  userRoute,
  usersRoute,
} from './security';
import type { SiteStore } from '../store/site-store';
import { searchRoute } from '../search/rest';
import type { ListRecord, UserRecord } from '../store/model';

class Rollback extends Error {}

/**
 * The SharePoint REST subset, over a SiteStore. `handle` never throws: every
 * failure is answered with SharePoint's status and error body.
 */
export class ListApi {
  constructor(
    readonly store: SiteStore,
    readonly settings: ApiSettings,
  ) {}

  handle(req: ApiRequest, user: UserRecord, inBatch = false): ApiResponse {
    const mode = metadataMode(req.headers.accept);
    try {
      return this.route(new Ctx(req, user, this.store, this.settings), inBatch);
    } catch (e) {
      if (e instanceof EndpointNotImplemented)
        return errorResponse(errors.notImplemented(req.method, req.url.pathname), mode);
      if (e instanceof SpError) return errorResponse(e, mode);
      if (e instanceof PathError || e instanceof URIError)
        return errorResponse(errors.invalidExpression(req.url.pathname), mode);
      const message = e instanceof Error ? e.message : String(e);
      return errorResponse(new SpError(500, '-1, System.Exception', message), mode);
    }
  }

  private route(ctx: Ctx, inBatch: boolean): ApiResponse {
    const prefix = `${this.settings.sitePath}/_api`.toLowerCase();
    const pathname = ctx.req.url.pathname;
    // As the server answers any path outside the site's API (a $batch part can name one).
    if (!pathname.toLowerCase().startsWith(prefix))
      throw new SpError(404, CODES.invalidClientQuery, `Nothing is served at ${pathname}.`);
    const segments = parsePath(decodeURIComponent(pathname.slice(prefix.length)), ctx.req.url.searchParams);
    const [first, ...rest] = segments;
    if (!first) throw errors.endpointNotImplemented();
    if (ctx.method === 'OPTIONS')
      return {
        status: 200,
        headers: { ...baseHeaders(), Allow: 'GET, POST, MERGE, PATCH, PUT, DELETE, OPTIONS' },
        body: '',
      };
    switch (first.lower) {
      case 'contextinfo':
        if (rest.length > 0) throw errors.endpointNotImplemented();
        return this.contextInfo(ctx);
      case '$batch':
        if (inBatch)
          throw new SpError(400, CODES.invalidClientQuery, 'A $batch request cannot contain another $batch request.');
        if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
        // A POST to $batch runs through handleAsync, part by part.
        throw new SpError(500, '-1, System.InvalidOperationException', 'A $batch is served by handleAsync.');
      case 'web':
        return this.web(ctx, rest);
      case 'site':
        if (rest.length === 0 && ctx.method === 'GET')
          return ctx.entity(ctx.selected(siteEntity(ctx)), 'SP.ApiData.Sites');
        if (rest[0]?.lower === 'rootweb') return this.web(ctx, rest.slice(1));
        throw errors.endpointNotImplemented();
      case 'lists':
        return this.web(ctx, segments);
      case 'search':
        return searchRoute(ctx, rest);
      default:
        throw errors.endpointNotImplemented();
    }
  }

  private contextInfo(ctx: Ctx): ApiResponse {
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    const digest = `0x${randomBytes(64).toString('hex').toUpperCase()},${new Date().toUTCString().replace('GMT', '-0000')}`;
    const info = {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: digest,
      LibraryVersion: '16.0.0.0',
      SiteFullUrl: ctx.siteUrl,
      WebFullUrl: ctx.siteUrl,
    };
    const versions = ['14.0.0.0', '15.0.0.0'];
    if (ctx.mode === 'verbose')
      return ctx.json(200, {
        d: {
          GetContextWebInformation: {
            __metadata: { type: 'SP.ContextWebInformation' },
            ...info,
            SupportedSchemaVersions: { __metadata: { type: 'Collection(Edm.String)' }, results: versions },
          },
        },
      });
    const flat = { ...info, SupportedSchemaVersions: versions };
    return ctx.json(
      200,
      ctx.mode === 'none' ? flat : { 'odata.metadata': ctx.metadataUrl('SP.ContextWebInformation'), ...flat },
    );
  }

  private web(ctx: Ctx, rest: readonly Segment[]): ApiResponse {
    const [next, ...after] = rest;
    if (!next) {
      if (ctx.method === 'GET')
        return ctx.entity(
          ctx.selected(webEntity(ctx), {
            EffectiveBasePermissions: basePermissions(ctx.store.rankOf(ctx.user, undefined)),
          }),
          'SP.ApiData.Webs',
        );
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        ctx.require(undefined, 5);
        const body = ctx.body();
        checkTitleLength(body.Title, 'web');
        ctx.store.transaction(() => {
          if (typeof body.Title === 'string') ctx.store.setMeta('webTitle', body.Title);
          if (typeof body.Description === 'string') ctx.store.setMeta('webDescription', body.Description);
        });
        return ctx.noContent();
      }
      throw errors.methodNotAllowed(ctx.method);
    }
    switch (next.lower) {
      case 'lists': {
        if (next.args) return this.list(ctx, this.listByGuid(ctx, String(arg(next))), after);
        const [sel, ...tail] = after;
        if (!sel) return listsCollection(ctx);
        if (sel.lower === 'getbytitle') {
          const title = String(arg(sel) ?? '');
          const list = ctx.store.listByTitle(title);
          if (!list) throw errors.listNotFound(title, ctx.siteUrl);
          return this.list(ctx, list, tail);
        }
        if (sel.lower === 'getbyid') return this.list(ctx, this.listByGuid(ctx, String(arg(sel))), tail);
        throw errors.endpointNotImplemented();
      }
      case 'getlist': {
        const url = String(arg(next) ?? '');
        const list = ctx.store.listByUrl(url);
        if (!list) throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
        return this.list(ctx, list, after);
      }
      case 'currentuser':
        return userRoute(ctx, ctx.user, after);
      case 'ensureuser':
        if (after.length > 0) throw errors.endpointNotImplemented();
        return ensureUser(ctx, next);
      case 'siteusers':
        return usersRoute(ctx, after, undefined, next);
      case 'getuserbyid': {
        const u = ctx.store.user(Number(arg(next)));
        if (!u) throw errors.userNotFound(String(arg(next)));
        return userRoute(ctx, u, after);
      }
      case 'sitegroups':
        return groupsRoute(ctx, after, next);
      case 'associatedownergroup':
      case 'associatedmembergroup':
      case 'associatedvisitorgroup': {
        const id = Number(ctx.store.meta(next.lower.replace('associated', '').replace('group', 'GroupId')) ?? 0);
        const g = ctx.store.group(id);
        if (!g) throw errors.groupNotFound();
        return groupsRoute(ctx, after, { name: 'sitegroups', lower: 'sitegroups', args: [{ value: g.Id }] });
      }
      case 'roledefinitions':
        return roleDefinitionsRoute(ctx, after, next);
      case 'roleassignments':
        return assignmentsRoute(ctx, undefined, after, next);
      case 'effectivebasepermissions':
      case 'getusereffectivepermissions':
        return effectivePermissions(ctx, undefined, next);
      case 'title':
        if (after.length > 0) throw errors.endpointNotImplemented();
        return ctx.property('Title', ctx.store.meta('webTitle') ?? '', 'Edm.String');
      default:
        throw errors.endpointNotImplemented();
    }
  }

  private listByGuid(ctx: Ctx, guid: string): ListRecord {
    const list = ctx.store.listByGuid(guid);
    if (!list)
      throw new SpError(
        404,
        CODES.argument,
        'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.',
      );
    return list;
  }

  private list(ctx: Ctx, list: ListRecord, rest: readonly Segment[]): ApiResponse {
    const [next, ...after] = rest;
    if (!next) return listResource(ctx, list);
    switch (next.lower) {
      case 'items': {
        if (next.args) return itemRoute(ctx, list, Number(arg(next)), after);
        const [sel, ...tail] = after;
        if (sel?.lower === 'getbyid') return itemRoute(ctx, list, Number(arg(sel)), tail);
        if (sel) throw errors.endpointNotImplemented();
        if (ctx.method === 'GET') return queryItems(ctx, list);
        if (ctx.method === 'POST') return createItemResponse(ctx, list);
        throw errors.methodNotAllowed(ctx.method);
      }
      case 'getitembyid':
        return itemRoute(ctx, list, Number(arg(next)), after);
      case 'getitembystringid': {
        const raw = String(arg(next) ?? '');
        if (!/^\d+$/.test(raw)) throw errors.itemNotFound();
        return itemRoute(ctx, list, Number(raw), after);
      }
      case 'fields':
        return fieldsRoute(ctx, list, next.args ? [next, ...after] : after);
      case 'views':
        if (next.args) {
          const id = String(arg(next)).replace(/[{}]/g, '').toLowerCase();
          const view = ctx.store.views(list).find((v) => v.id === id);
          if (!view) throw new SpError(404, CODES.argument, 'The specified view is invalid.');
          return viewRoute(ctx, list, view, after);
        }
        return viewsRoute(ctx, list, after);
      case 'defaultview':
      case 'getview': {
        const views = ctx.store.views(list);
        const view =
          next.lower === 'defaultview'
            ? views.find((v) => v.defaultView)
            : views.find((v) => v.id === String(arg(next)).replace(/[{}]/g, '').toLowerCase());
        if (!view) throw new SpError(404, CODES.argument, 'The specified view is invalid.');
        return viewRoute(ctx, list, view, after);
      }
      case 'roleassignments':
        return assignmentsRoute(ctx, list, after, next);
      case 'breakroleinheritance':
        return breakInheritance(ctx, list, next);
      case 'resetroleinheritance':
        return resetInheritance(ctx, list);
      case 'effectivebasepermissions':
      case 'getusereffectivepermissions':
        ctx.require(list, 1);
        return effectivePermissions(ctx, list, next);
      case 'hasuniqueroleassignments':
        ctx.require(list, 1);
        return ctx.property('HasUniqueRoleAssignments', list.hasUniqueRoleAssignments, 'Edm.Boolean');
      case 'itemcount':
        ctx.require(list, 1);
        return ctx.property('ItemCount', list.itemCount, 'Edm.Int32');
      case 'rootfolder': {
        ctx.require(list, 1);
        const folder = listExtras(ctx, list).RootFolder;
        if (!(folder instanceof Entity)) throw errors.endpointNotImplemented();
        return ctx.entity(ctx.selected(folder), 'SP.ApiData.Folders');
      }
      default:
        throw errors.endpointNotImplemented();
    }
  }

  // ---------------------------------------------------------------- $batch

  /**
   * As `handle`, but a `$batch` runs part by part, yielding to the event loop
   * between parts (setImmediate) so that other requests are answered meanwhile.
   */
  async handleAsync(req: ApiRequest, user: UserRecord): Promise<ApiResponse> {
    const prefix = `${this.settings.sitePath}/_api/$batch`.toLowerCase();
    if (req.url.pathname.toLowerCase() !== prefix || req.method !== 'POST') return this.handle(req, user);
    const mode = metadataMode(req.headers.accept);
    try {
      return await this.batch(new Ctx(req, user, this.store, this.settings));
    } catch (e) {
      if (e instanceof SpError) return errorResponse(e, mode);
      const message = e instanceof Error ? e.message : String(e);
      return errorResponse(new SpError(500, '-1, System.Exception', message), mode);
    }
  }

  /** Parses the whole batch first (so a malformed or oversized one runs nothing), then runs it. */
  private async batch(ctx: Ctx): Promise<ApiResponse> {
    if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
    const boundary = multipartBoundary(ctx.req.headers['content-type']);
    if (!boundary)
      throw new SpError(
        400,
        CODES.invalidClientQuery,
        'The batch request must have a multipart/mixed Content-Type with a boundary.',
      );
    type Step = { read: ApiRequest } | { changeset: ApiRequest[] };
    const steps: Step[] = [];
    let count = 0;
    const counted = (n: number) => {
      count += n;
      if (count > MAX_BATCH_PARTS)
        throw new SpError(
          400,
          CODES.invalidClientQuery,
          `The batch holds more than ${MAX_BATCH_PARTS} requests, the most one $batch may hold. Send them in several batches.`,
        );
    };
    for (const part of splitMultipart(ctx.req.body, boundary)) {
      const { headers, body } = splitHeaders(part);
      const changeset = multipartBoundary(headers['content-type']);
      if (changeset) {
        const requests = splitMultipart(body, changeset).map((p) => parseHttpPart(p, ctx.req.url));
        counted(requests.length);
        steps.push({ changeset: requests });
      } else {
        const req = parseHttpPart(part, ctx.req.url);
        if (req.method !== 'GET')
          throw new SpError(400, CODES.invalidClientQuery, 'A write operation in a $batch must be inside a changeset.');
        counted(1);
        steps.push({ read: req });
      }
    }
    const responses: ApiResponse[] = [];
    const budget = this.settings.maxBatchAnswerChars ?? MAX_BATCH_ANSWER_CHARS;
    let answered = 0;
    for (const step of steps) {
      const requests = 'read' in step ? [step.read] : step.changeset;
      if (answered > budget) {
        // The answer is already as large as a batch may make it: the rest do not run (and write nothing).
        for (const r of requests)
          responses.push(
            errorResponse(
              new SpError(
                400,
                CODES.invalidClientQuery,
                `The batch's answer is over ${budget} characters; this request was not run. Send fewer or smaller requests per batch.`,
              ),
              metadataMode(r.headers.accept),
            ),
          );
        continue;
      }
      // Let other requests in between parts: a long batch never holds the server.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const done = 'read' in step ? [this.handle(step.read, ctx.user, true)] : this.changeset(step.changeset, ctx.user);
      for (const r of done) answered += r.body.length;
      responses.push(...done);
    }
    const id = `batchresponse_${randomUUID()}`;
    const chunks: string[] = [];
    for (const r of responses) {
      let head = `--${id}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n`;
      head += `HTTP/1.1 ${r.status} ${r.statusText ?? statusText(r.status)}\r\n`;
      for (const [k, v] of Object.entries(r.headers)) {
        if (/^(content-type|etag)$/i.test(k)) head += `${k.toUpperCase()}: ${v}\r\n`;
      }
      chunks.push(head, '\r\n', r.body, '\r\n');
    }
    chunks.push(`--${id}--\r\n`);
    return {
      status: 200,
      headers: { ...baseHeaders(), 'Content-Type': `multipart/mixed; boundary=${id}` },
      body: chunks.join(''),
    };
  }

  /**
   * A changeset's requests, in order. As SharePoint documents, a changeset is
   * not atomic: each request succeeds or fails on its own (a failing request
   * writes nothing). With `atomicChangesets`, the first failure rolls back the
   * whole changeset and the other requests answer 424 Failed Dependency.
   */
  private changeset(requests: ApiRequest[], user: UserRecord): ApiResponse[] {
    if (!this.settings.atomicChangesets) return requests.map((r) => this.handle(r, user, true));
    const responses: ApiResponse[] = [];
    let failedAt = -1;
    try {
      this.store.transaction(() => {
        for (const r of requests) {
          const res = this.handle(r, user, true);
          responses.push(res);
          if (res.status >= 400) {
            failedAt = responses.length - 1;
            throw new Rollback();
          }
        }
      });
      return responses;
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
      return requests.map((r, n) => {
        const own = responses[n];
        if (n === failedAt && own) return own;
        return errorResponse(
          new SpError(
            424,
            CODES.clientService,
            'The request was not applied because another request in its changeset failed, and the changeset was rolled back.',
          ),
          metadataMode(r.headers.accept),
        );
      });
    }
  }
}

function splitMultipart(body: string, boundary: string): string[] {
  const delim = `--${boundary}`;
  const parts: string[] = [];
  let cur: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith(delim)) {
      if (cur) parts.push(cur.join('\n'));
      cur = line.startsWith(`${delim}--`) ? undefined : [];
      continue;
    }
    cur?.push(line);
  }
  return parts;
}

function splitHeaders(text: string): { headers: Record<string, string>; body: string } {
  const lines = text.split('\n');
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
  for (; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      break;
    }
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { headers, body: lines.slice(i).join('\n') };
}

function parseHttpPart(part: string, outer: URL): ApiRequest {
  const { body: http } = splitHeaders(part);
  const lines = http.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
  const m = /^([A-Z]+)\s+(.+?)(?:\s+HTTP\/[\d.]+)?\s*$/i.exec((lines[i] ?? '').trim());
  if (!m || !m[1] || !m[2]) throw new SpError(400, CODES.invalidClientQuery, 'The batch part is not an HTTP request.');
  const { headers, body } = splitHeaders(lines.slice(i + 1).join('\n'));
  const override = headers['x-http-method'];
  let url: URL;
  try {
    url = new URL(m[2], outer);
  } catch {
    throw new SpError(400, CODES.invalidClientQuery, 'The batch part has an invalid request URL.');
  }
  // As SharePoint: the URLs inside a batch target the batch's own site.
  if (url.origin !== outer.origin)
    throw new SpError(400, CODES.invalidClientQuery, 'The request URLs in a $batch must target the same site.');
  return {
    method: (override ?? m[1]).toUpperCase(),
    url,
    headers,
    body: body.replace(/\s+$/, ''),
  };
}
