import { applyPendingOutcomes, type PendingOutcomePorts } from '../app/applyPendingOutcomes';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRepositories } from '../data/repositories';
import { ReminderChannelRepository } from '../data/repositories/reminderChannels';
import { ReminderLogBulkRepository, ReminderReadRepository } from '../data/repositories/reminderReads';
import { createSp, type SpConfig } from '../data/sp';
import type { IsoDate } from '../domain/dates';
import {
  runReminders as runReminderJob,
  type DigestCards,
  type ReminderRepositories,
  type RunOptions,
  type RunResult,
} from '../app/reminders';
import type { AdaptiveCard } from '../notify/cardSchema';
import { digestCard, splitDigest, type RecordLinks } from '../notify/cards';
import {
  devInboxTransport,
  graphTransport,
  workflowsTransport,
  type HttpOptions,
  type Log,
  type Transport,
  type TransportKind,
} from '../notify/transports';

/**
 * The composition of the reminder job (src/app/reminders, a use case over
 * ports): everything a host (the CLI, the Azure Function, the benchmark)
 * needs to run it against a site, from a site URL and settings. Here, and only
 * here, the job meets SharePoint (src/data: repositories, app-only auth),
 * the transports and cards (src/notify), the clock and random post ids.
 *
 * - the embedded list server (a site on 127.0.0.1 or localhost) is used as the
 *   governance officer (`Bearer dev:governance`), and its dev inbox, on the
 *   same origin, is the dev transport;
 * - SharePoint Online is used with an app-only token: an Entra ID app with a
 *   certificate and `Sites.Selected` granted on the one site
 *   (docs/reminders.md). Settings: TENANT_ID, CLIENT_ID, CERT_PATH (a PEM file
 *   with the private key, and the certificate) or CERT_PEM (the same text),
 *   and CERT_THUMBPRINT (SHA-256, or SHA-1; worked out from the certificate in
 *   the PEM when absent). The scope is `https://<tenant>.sharepoint.com/.default`.
 *   SP_TOKEN, when set, is used as the bearer token instead (for a quick test).
 * - Microsoft Graph posting needs a DELEGATED token (ChannelMessage.Send):
 *   GRAPH_TOKEN supplies one; without it, Graph channels are reported as
 *   "transport not available".
 * - Workflows webhook addresses are read, per channel, from the setting named
 *   in Reminder Channel Settings (SecretName); in Azure those app settings are
 *   Key Vault references.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export function isLocalSite(site: string): boolean {
  try {
    const host = new URL(site).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function certificate(env: Env): { privateKey: string; thumbprintSha256?: string; thumbprint?: string } {
  let pem = env.CERT_PEM?.trim();
  if (!pem && env.CERT_PATH) {
    try {
      pem = readFileSync(env.CERT_PATH, 'utf8');
    } catch (e) {
      throw new ConfigError(`CERT_PATH: cannot read ${env.CERT_PATH}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!pem) throw new ConfigError('Set CERT_PATH (a PEM file) or CERT_PEM (its text) for the app-only certificate.');
  const key =
    /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(
      pem,
    )?.[0];
  if (!key) throw new ConfigError('The certificate PEM holds no private key (-----BEGIN PRIVATE KEY-----).');
  const given = env.CERT_THUMBPRINT?.replace(/[^0-9a-f]/gi, '');
  if (given && given.length === 64) return { privateKey: key, thumbprintSha256: given };
  if (given && given.length === 40) return { privateKey: key, thumbprint: given };
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!cert)
    throw new ConfigError(
      'Set CERT_THUMBPRINT (SHA-256 or SHA-1, hex), or put the certificate in the PEM beside the key.',
    );
  return { privateKey: key, thumbprintSha256: new X509Certificate(cert).fingerprint256.replace(/:/g, '') };
}

/** How the job gets its SharePoint bearer token for `site`. */
export function tokenProvider(site: string, env: Env): () => Promise<string> {
  if (env.SP_TOKEN) {
    const token = env.SP_TOKEN;
    return () => Promise.resolve(token);
  }
  if (isLocalSite(site)) return () => Promise.resolve(`dev:${env.DEV_USER ?? 'governance'}`);
  const { TENANT_ID: tenant, CLIENT_ID: clientId } = env;
  if (!tenant || !clientId) {
    throw new ConfigError(
      'Set TENANT_ID and CLIENT_ID (and the certificate: CERT_PATH or CERT_PEM, CERT_THUMBPRINT), or SP_TOKEN.',
    );
  }
  const app = new ConfidentialClientApplication({
    auth: { clientId, authority: `https://login.microsoftonline.com/${tenant}`, clientCertificate: certificate(env) },
  });
  const scope = `${new URL(site).origin}/.default`;
  return async () => {
    const r = await app.acquireTokenByClientCredential({ scopes: [scope] });
    if (!r?.accessToken) throw new ConfigError(`No app-only token for ${scope}`);
    return r.accessToken;
  };
}

export interface SetupOptions {
  readonly site: string;
  readonly env: Env;
  readonly log?: Log;
  /** Extra PnPjs settings (tests: quick retries, a counting fetch). */
  readonly sp?: Partial<SpConfig>;
  /** Extra transport settings (tests: quick retries). */
  readonly http?: HttpOptions;
}

export function createReminderRepositories(options: SetupOptions): ReminderRepositories & PendingOutcomePorts {
  const sp = createSp({ siteUrl: options.site, getToken: tokenProvider(options.site, options.env), ...options.sp });
  const repos = createRepositories(sp);
  return {
    ...repos,
    reminderChannels: new ReminderChannelRepository(sp),
    reminderReads: new ReminderReadRepository(sp),
    reminderLogBulk: new ReminderLogBulkRepository(sp),
  };
}

/** The transports this run can use: Workflows always; the dev inbox for a local site (or DEV_INBOX_URL); Graph with GRAPH_TOKEN. */
export function createTransports(options: SetupOptions): Partial<Record<TransportKind, Transport>> {
  const http = { ...(options.log ? { log: options.log } : {}), ...options.http };
  const transports: Partial<Record<TransportKind, Transport>> = { workflows: workflowsTransport(http) };
  const inbox = options.env.DEV_INBOX_URL ?? (isLocalSite(options.site) ? new URL(options.site).origin : undefined);
  if (inbox) transports.devInbox = devInboxTransport({ ...http, baseUrl: inbox });
  const graphToken = options.env.GRAPH_TOKEN;
  if (graphToken) transports.graph = graphTransport({ ...http, getToken: () => Promise.resolve(graphToken) });
  return transports;
}

/** What a card's Open button opens: a record, the programme's action plan, or a year's assurance statements. */
export type LinkTarget =
  | { readonly kind: 'collaboration'; readonly reference: string }
  | { readonly kind: 'programme' }
  | { readonly kind: 'statements'; readonly year: number };

/**
 * Where Open goes. Locally: the local tab, `<origin>/index.html#/collaboration/COL-0042`.
 * In Teams: a deep link to the tab (`deepLink`, from src/teams/deepLinks), with
 * the tab's web address (TAB_URL) for browsers without Teams.
 */
export function createRecordLinks(options: {
  readonly site: string;
  readonly env: Env;
  readonly deepLink?: (target: LinkTarget, webUrl: string) => string;
}): RecordLinks {
  const tab = (options.env.TAB_URL ?? (isLocalSite(options.site) ? new URL(options.site).origin : '')).replace(
    /\/+$/,
    '',
  );
  const web = (hash: string) => `${tab}/index.html#/${hash}`;
  const deep = options.env.TEAMS_APP_ID && options.deepLink ? options.deepLink : undefined;
  return {
    collaboration: (reference) => {
      const url = web(`collaboration/${encodeURIComponent(reference)}`);
      return deep ? deep({ kind: 'collaboration', reference }, url) : url;
    },
    programme: () => {
      const url = web('action-plan');
      return deep ? deep({ kind: 'programme' }, url) : url;
    },
    statements: (year) => {
      const url = web(`statements?year=${year}`);
      return deep ? deep({ kind: 'statements', year }, url) : url;
    },
  };
}

/** Today in Wales (Europe/London), as an ISO date. */
export function todayInWales(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The hour (0–23) in Wales at `now`: Europe/London, so GMT in winter and BST in summer. */
export function hourInWales(now: Date = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/** Reminders go out at 08:00 in Wales. */
export const POSTING_HOUR = 8;
/** The Function's timer (UTC): 07:00 and 08:00 on weekdays, one of which is 08:00 in Wales, summer or winter. */
export const REMINDERS_SCHEDULE = '0 0 7,8 * * 1-5';
/**
 * Whether this firing posts: the one in Wales's 08:00 hour does; one before 08:00 (07:00 GMT in
 * winter) never does; a later one only when the host says it is past due (it was down at 08:00,
 * and fires once on waking), so the summer's second firing, at 09:00 BST, posts nothing.
 */
export function postsNow(now: Date, isPastDue: boolean): boolean {
  const hour = hourInWales(now);
  return hour === POSTING_HOUR || (isPastDue && hour > POSTING_HOUR);
}

/** The digest cards of src/notify/cards.ts, with Open going to `links`. */
export function digestCards(links: RecordLinks): DigestCards<AdaptiveCard> {
  return {
    split: (input, options) => splitDigest({ ...input, links }, options),
    card: (input, part) => digestCard({ ...input, links }, part),
  };
}

/** A new random post id: 32 hex digits. */
export const newPostId = (): string => randomUUID().replace(/-/g, '');

/** The job's options as a host gives them: the record links instead of the card builder; the clock, ids and settings defaulted. */
export type ReminderRunOptions = Omit<RunOptions<AdaptiveCard>, 'cards' | 'now' | 'newPostId' | 'env'> & {
  readonly links: RecordLinks;
  /** Where decided reviews wait to be applied (src/app/applyPendingOutcomes.ts); applied before the run. */
  readonly decisions?: PendingOutcomePorts;
  readonly env?: Env;
  readonly now?: () => Date;
  readonly newPostId?: () => string;
};

/** Runs the reminder job once, composed with notify's cards, the system clock and random post ids. */
export async function runReminders(options: ReminderRunOptions): Promise<RunResult> {
  const { links, decisions, ...rest } = options;
  if (decisions && !options.dryRun) {
    const pending = await applyPendingOutcomes(decisions, options.today);
    for (const key of pending.applied) options.log?.('info', `outcome of review ${key} applied`);
    for (const f of pending.failed)
      options.log?.('warn', `outcome of review ${f.review} not applied yet (${f.code}); the next run tries again`);
  }
  return runReminderJob<AdaptiveCard>({
    ...rest,
    cards: digestCards(links),
    env: options.env ?? process.env,
    now: options.now ?? (() => new Date()),
    newPostId: options.newPostId ?? newPostId,
  });
}

/** The run's stores, also as the place decided reviews wait to be applied. */
export function withDecisions(repos: ReminderRepositories & PendingOutcomePorts): {
  repos: ReminderRepositories;
  decisions: PendingOutcomePorts;
} {
  return { repos, decisions: repos };
}
