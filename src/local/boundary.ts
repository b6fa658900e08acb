import type { IncomingMessage } from 'node:http';
import { CODES, SpError } from './rest/errors';

/**
 * The local server's trust boundary (issue 19): what a request must be before
 * anything reads or writes the register. Shared by the list API, `/_dev/*`,
 * the dev inbox and the static host of `npm start`.
 *
 * - Host: this server's own name and port (127.0.0.1, localhost, [::1] when it
 *   listens there). Anything else is a rebound host name: 400, as SharePoint
 *   answers a request for a host it does not serve.
 * - Origin: absent, or one of this server's own origins. A page of another
 *   origin (including `Origin: null`) is refused with 403 before its body is read.
 * - Bodies: read as a stream and stopped once over the limit (413), decoded as
 *   strict UTF-8 (400 on an invalid byte sequence), JSON only under a JSON
 *   Content-Type, and nested no deeper than MAX_JSON_DEPTH.
 */

/** SharePoint Online refuses a request body over 2 MB (2,097,152 bytes), a $batch included. */
export const MAX_BODY_BYTES = 2_097_152;
/**
 * Requests one $batch may hold (reads plus every request of every changeset): SharePoint's REST
 * `$batch` takes at most 100 (PnP Core SDK issue 284, PnPjs issue 3207), so PnPjs and this project
 * send at most 100 and this server refuses more, no more forgiving than SharePoint.
 */
export const MAX_BATCH_PARTS = 100;
/**
 * Characters a $batch's answer may grow to (about 100 MB) before its remaining parts are answered
 * 400 unrun: without it, 100 reads of 5,000 whole items would build a string of a gigabyte.
 */
export const MAX_BATCH_ANSWER_CHARS = 100_000_000;
/** Nesting depth of a JSON body (objects and arrays); SharePoint's own reader stops far earlier than V8. */
export const MAX_JSON_DEPTH = 64;

export class BoundaryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toSpError(): SpError {
    return new SpError(this.status, this.code, this.message);
  }
}

function hostHeader(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  return typeof host === 'string' ? host.trim().toLowerCase() : undefined;
}

/** This server's own `host:port` names, as the connection arrived on them. */
export function ownHosts(req: IncomingMessage): string[] {
  const port = req.socket.localPort;
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const address = req.socket.localAddress ?? '';
  if (address === '::1' || address.startsWith('::ffff:127.') || address === '::') hosts.push(`[::1]:${port}`);
  return hosts;
}

/**
 * Refuses a request that does not name this server as its host, or that a page
 * of another origin sends. Throws BoundaryError (400 bad host, 403 foreign origin).
 */
export function checkHostAndOrigin(req: IncomingMessage): void {
  const own = ownHosts(req);
  const host = hostHeader(req);
  if (!host || !own.includes(host))
    throw new BoundaryError(
      400,
      CODES.invalidClientQuery,
      `Bad Request - Invalid Hostname. The local list server answers only to ${own.join(', ')}.`,
    );
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const allowed = own.map((h) => `http://${h}`);
  if (!allowed.includes(origin.trim().toLowerCase()))
    throw new BoundaryError(
      403,
      CODES.accessDenied,
      'Access denied. You do not have permission to perform this action or access this resource. (A page of another origin cannot call the local list server.)',
    );
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}

/** `application/json`, with optional parameters (`odata=verbose`, `charset=utf-8`). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'application/json';
}

/** The boundary of a `multipart/mixed` Content-Type (exactly that media type), or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (mediaType(contentType) !== 'multipart/mixed') return undefined;
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^";\s]{1,70}))/i.exec(contentType ?? '');
  return m?.[1] ?? m?.[2];
}

export const tooLarge = (limit: number) =>
  new BoundaryError(
    413,
    CODES.invalidClientQuery,
    `The request message is too big. The server does not allow messages larger than ${limit} bytes.`,
  );

export const invalidUtf8 = () =>
  new BoundaryError(
    400,
    CODES.invalidClientQuery,
    'The request body is not valid UTF-8. A byte sequence was not recognized.',
  );

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8: an invalid byte sequence is refused (400), never stored as U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw invalidUtf8();
  }
}

/**
 * Reads a request body as a stream, stopping once it is over `limit` bytes:
 * the chunks read so far are dropped and the rest is not kept (413). A body
 * that arrives whole is decoded as strict UTF-8.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onData = (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks = [];
        // Keep draining (without keeping anything) so the 413 can be written; the connection then closes.
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (over) return;
      try {
        resolve(decodeUtf8(Buffer.concat(chunks, size)));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    req.on('error', (e) => {
      if (!over) reject(e);
    });
  });
}

/**
 * Reads and drops what is left of a body that will not be used (a request answered early:
 * faulted, 401, 403...), so the connection stays usable for the client's next request.
 * Resolves false when the body is over `limit` (the answer should then close the connection).
 */
export function discardBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<boolean> {
  if (req.readableEnded || req.complete) return Promise.resolve(true);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(false);
  return new Promise((resolve) => {
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        resolve(false);
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(size <= limit));
    req.on('error', () => resolve(false));
  });
}

/**
 * Throws 400 when the JSON text nests objects or arrays deeper than `max`
 * (a linear scan that skips strings), so that nothing recursive ever walks it.
 */
export function checkJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max)
        throw new BoundaryError(
          400,
          CODES.invalidClientQuery,
          `Invalid JSON. The JSON is nested deeper than ${max} levels.`,
        );
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
}
