import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ReminderChannelRepository,
  type ReminderChannelSetting,
} from '../../../src/data/repositories/reminderChannels';
import { createSp, type SpConfig } from '../../../src/data/sp';
import { createInbox, type InboxMessage } from '../../../src/local/inbox';
import { createListApi, type ListServerOptions } from '../../../src/local/server';
import type { AdaptiveCard } from '../../../src/notify/cardSchema';
import { ReminderLogRepository } from '../../../src/data/repositories/reminderLog';
import type { ReminderLogEntry, Stored } from '../../../src/domain/ports';
import { shownText } from '../../../src/notify/escape';
import type { RunResult } from '../../../src/app/reminders';
import {
  createRecordLinks,
  createReminderRepositories,
  createTransports,
  runReminders,
  type Env,
  type ReminderRunOptions as RunOptions,
} from '../../../src/cli/reminderSetup';

export const TODAY = '2026-12-08';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** What `npm start` serves, on one free port: the list API and the dev inbox over one SQLite file. */
export async function startStack(options: Partial<ListServerOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'reminders-'));
  const dataFile = join(dir, 'register.db');
  const lists = await createListApi({ dataFile, today: TODAY, ...options });
  const inbox = createInbox({ dataFile });
  const server = createServer((req, res) => {
    void (async () => {
      if (await inbox.handle(req, res)) return;
      if (await lists.handle(req, res)) return;
      // Where the tab is served in `npm start`: cards' Open buttons come here.
      if (req.url?.startsWith('/index.html'))
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>tab</title>');
      else res.writeHead(404).end();
    })();
  });
  const origin = await listen(server);
  const siteUrl = `${origin}/sites/council`;
  return {
    origin,
    siteUrl,
    dataFile,
    async inboxMessages(channel?: string): Promise<InboxMessage[]> {
      const r = await fetch(`${origin}/_dev/inbox/messages${channel ? `?channel=${encodeURIComponent(channel)}` : ''}`);
      return (await r.json()) as InboxMessage[];
    },
    async close() {
      await close(server);
      lists.close();
      inbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type Stack = Awaited<ReturnType<typeof startStack>>;

/** A stand-in for a Workflows webhook on 127.0.0.1: records what arrives, answers what it is told. */
export async function startWebhookReceiver() {
  const received: { path: string; body: unknown }[] = [];
  const status = new Map<string, { code: number; keep: boolean; body?: string }>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const { code, keep, body } = status.get(path) ?? { code: 202, keep: true };
      if (keep) received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      res.writeHead(code).end(code >= 300 ? (body ?? 'The flow failed.') : undefined);
    });
  });
  const origin = await listen(server);
  return {
    url: (name: string) => `${origin}/workflows/${name}/triggers/manual/paths/invoke?sig=SECRET-${name}`,
    received,
    /** Makes the hook of `name` answer `code` from now on (an error answer keeps nothing, unless `keep`). */
    answer(name: string, code: number, options: { keep?: boolean; body?: string } = {}) {
      status.set(`/workflows/${name}/triggers/manual/paths/invoke?sig=SECRET-${name}`, {
        code,
        keep: options.keep ?? (code >= 200 && code < 300),
        ...(options.body !== undefined ? { body: options.body } : {}),
      });
    },
    cards(name: string): AdaptiveCard[] {
      return received
        .filter((r) => r.path.startsWith(`/workflows/${name}/`))
        .map((r) => (r.body as { attachments: { content: AdaptiveCard }[] }).attachments[0]!.content);
    },
    close: () => close(server),
  };
}
export type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** The job as the CLI sets it up, with quick retries for tests. */
export function jobOptions(
  stack: Stack,
  env: Env = {},
  extra: Partial<RunOptions> = {},
  sp: Partial<SpConfig> = {},
): RunOptions {
  const setup = {
    site: stack.siteUrl,
    env,
    sp: { retries: 10, retryBaseMs: 2, retryMaxMs: 20, ...sp },
    http: { retryBaseMs: 2, retryMaxMs: 20 },
  };
  return {
    repos: createReminderRepositories(setup),
    transports: createTransports(setup),
    links: createRecordLinks({ site: stack.siteUrl, env }),
    today: TODAY,
    env,
    pendingLeaseMs: 0,
    programmeDirectorate: 'Corporate Services',
    ...extra,
  };
}

export function run(
  stack: Stack,
  env: Env = {},
  extra: Partial<RunOptions> = {},
  sp: Partial<SpConfig> = {},
): Promise<RunResult> {
  return runReminders(jobOptions(stack, env, extra, sp));
}

/** Changes a channel's row in Reminder Channel Settings (as the governance team would). */
export async function setChannel(
  stack: Stack,
  channelKey: string,
  change: Partial<ReminderChannelSetting>,
): Promise<void> {
  const repo = new ReminderChannelRepository(
    createSp({
      siteUrl: stack.siteUrl,
      getToken: () => Promise.resolve('dev:governance'),
      retries: 10,
      retryBaseMs: 2,
      retryMaxMs: 20,
    }),
  );
  const all = await repo.all();
  if (!all.ok) throw new Error(all.error.code);
  const row = all.value.find((s) => s.channelKey === channelKey);
  if (!row) throw new Error(`no channel ${channelKey}`);
  const r = await repo.update({ ...row, ...change });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
}

/** The items a card names ("REF · title" lines), as Teams shows them. */
export function itemRefs(card: AdaptiveCard): string[] {
  const refs: string[] = [];
  for (const el of card.body) {
    if (el.type === 'Container' && el.items[0]?.type === 'TextBlock')
      refs.push(el.id ?? shownText(el.items[0].text).split(' · ')[0] ?? '');
  }
  return refs;
}

/** Every (channel, item) delivered: to the dev inbox and to webhooks (`hooks`: channel key -> hook name). */
export async function delivered(
  stack: Stack,
  receiver?: Receiver,
  hooks: Record<string, string> = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const m of await stack.inboxMessages())
    for (const ref of itemRefs(m.card as AdaptiveCard)) out.push(`${m.channel}|${ref}`);
  for (const [channel, hook] of Object.entries(hooks)) {
    for (const card of receiver?.cards(hook) ?? []) for (const ref of itemRefs(card)) out.push(`${channel}|${ref}`);
  }
  return out.sort();
}

/** The (channel, item) pairs of reminder keys (`milestone:itemRef:dueDate:channelKey`). */
export function pairsOf(keys: readonly string[]): string[] {
  return keys
    .map((k) => {
      const [, ref, , channel] = k.split(':');
      return `${channel}|${ref}`;
    })
    .sort();
}

export function keysOf(result: RunResult): string[] {
  return result.channels.flatMap((c) => c.keys);
}

/**
 * A proxy in front of the dev inbox that lets every card through to the inbox
 * (which stores it) and then spoils the answer to the POST: replaces it with
 * a 504, or drops the connection. Everything else (findPost's reads) passes.
 */
export async function startSpoilingProxy(upstream: string, spoil: 'gateway504' | 'drop') {
  let spoiled = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
        const answer = await fetch(`${upstream}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          ...(body.length > 0 ? { body } : {}),
        });
        const text = await answer.text();
        if (req.method === 'POST' && req.url?.startsWith('/_dev/inbox/messages') && answer.ok) {
          spoiled += 1;
          if (spoil === 'drop') {
            res.socket?.destroy();
            return;
          }
          res.writeHead(504, { 'Content-Type': 'text/plain' }).end('Gateway Timeout');
          return;
        }
        res.writeHead(answer.status, { 'Content-Type': answer.headers.get('Content-Type') ?? 'application/json' });
        res.end(text);
      })();
    });
  });
  const origin = await listen(server);
  return { origin, spoiled: () => spoiled, close: () => close(server) };
}

/** How many cards each channel received. */
export function perChannel(channels: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of channels) out[c] = (out[c] ?? 0) + 1;
  return out;
}

/** The Reminder Log's entries of these keys, read as the governance team. */
export async function logEntries(stack: Stack, keys: readonly string[]): Promise<Stored<ReminderLogEntry>[]> {
  const repo = new ReminderLogRepository(
    createSp({ siteUrl: stack.siteUrl, getToken: () => Promise.resolve('dev:governance') }),
  );
  const r = await repo.byKeys(keys);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}
