/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any -- raw REST bodies are untyped JSON, checked property by property */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTabServer, type RunningTabServer } from '../../../src/cli/start';

/** The `npm start` server (list API, /_dev/*, the inbox, the static host), on a free port of 127.0.0.1. */
export async function startStack(options: { user?: string } = {}): Promise<{
  server: RunningTabServer;
  close: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'security-'));
  const server = await startTabServer({
    port: 0,
    dataFile: join(dir, 'register.db'),
    build: 'never',
    today: '2026-11-23',
    ...options,
  });
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A string or bytes sent whole (with Content-Length), or a generator of chunks sent chunked. */
  body?: string | Buffer | (() => Iterable<Buffer>);
}

/** One request with node:http, which (unlike fetch) lets a test choose Host and stream a chunked body. */
export function raw(port: number, r: RawRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...r.headers };
    const body = r.body;
    if (typeof body === 'string' || Buffer.isBuffer(body)) headers['Content-Length'] = String(Buffer.byteLength(body));
    const req = request(
      { host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path, headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    // A refused upload may be cut off after the answer: the answer is what counts.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    if (typeof body === 'function') {
      const chunks = body()[Symbol.iterator]();
      const pump = () => {
        for (;;) {
          const next = chunks.next();
          if (next.done) {
            req.end();
            return;
          }
          if (req.destroyed) return;
          if (!req.write(next.value)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      req.on('response', () => chunks.return?.());
      pump();
    } else req.end(body);
  });
}

export const auth = (user = 'governance') => ({ Authorization: `Bearer dev:${user}` });
export const JSON_HEADERS = {
  'Content-Type': 'application/json;odata=nometadata',
  Accept: 'application/json;odata=nometadata',
};

export const items = (title: string, query = '') =>
  `/sites/council/_api/web/lists/getbytitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items${query}`;

/** Every item of a list, as the governance officer reads it (Id, Modified, Title), to compare before and after. */
export async function snapshot(port: number, title: string): Promise<string> {
  const r = await raw(port, {
    path: items(title, '?$select=Id,Title,Modified&$top=5000&$orderby=Id'),
    headers: { ...auth(), Accept: 'application/json;odata=nometadata' },
  });
  if (r.status !== 200) throw new Error(`Could not read ${title}: ${r.status} ${r.text}`);
  return JSON.stringify(r.json.value);
}

/** What an attacker could change: a few lists, the fault switch and the dev inbox, as one string. */
export async function registerState(port: number): Promise<string> {
  const lists = ['Reminder Channel Settings', 'Partner Organisations', 'Collaborations', 'Channel Mappings'];
  const parts = await Promise.all(lists.map((l) => snapshot(port, l)));
  const faults = await raw(port, { path: '/_dev/faults' });
  const inbox = await raw(port, { path: '/_dev/inbox/messages' });
  return JSON.stringify({ parts, faults: faults.json, inbox: inbox.json });
}
