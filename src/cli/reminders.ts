/**
 * npm run reminders -- --site <url> [--today YYYY-MM-DD] [--dry-run] [--lang en|cy]
 *                      [--programme-directorate <name>] [--pending-lease-minutes <n>] [--json]
 *
 * Runs the reminder job once (src/app/reminders, composed in ./reminderSetup.ts; docs/reminders.md):
 * - against the embedded list server (a site on 127.0.0.1), as the governance
 *   officer, posting to the dev inbox on the same origin;
 * - against SharePoint Online with an app-only certificate token (TENANT_ID,
 *   CLIENT_ID, CERT_PATH or CERT_PEM, CERT_THUMBPRINT) or SP_TOKEN.
 * Exit code 0 when every channel with something due posted; 1 when any
 * channel failed (the output names them); 2 for bad arguments or settings.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../domain/dates';
import { resolveLocale, translate } from '../i18n';
import {
  ConfigError,
  createRecordLinks,
  createReminderRepositories,
  withDecisions,
  createTransports,
  isLocalSite,
  runReminders,
  todayInWales,
  type Env,
  type LinkTarget,
} from './reminderSetup';
import { formatRun } from '../notify/summary';
import type { Log } from '../notify/transports';
import { actionPlanSubPage, collaborationSubPage, recordDeepLink, statementsSubPage } from '../teams/deepLinks';

/** A Teams deep link to a record, a year's assurance statements or the action plan, for the card's Open. */
export function teamsDeepLink(env: Env) {
  return (target: LinkTarget, webUrl: string): string =>
    recordDeepLink({
      appId: env.TEAMS_APP_ID ?? '',
      entityId: env.TEAMS_ENTITY_ID ?? 'home',
      subPageId:
        target.kind === 'collaboration'
          ? collaborationSubPage(target.reference)
          : target.kind === 'statements'
            ? statementsSubPage(target.year)
            : actionPlanSubPage(),
      webUrl,
      ...(target.kind === 'collaboration' ? { label: target.reference } : {}),
    });
}

export async function main(argv: readonly string[], env: Env = process.env): Promise<number> {
  const lang = resolveLocale(env.LANG?.startsWith('cy') ? 'cy' : 'en');
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        site: { type: 'string' },
        today: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        lang: { type: 'string' },
        'programme-directorate': { type: 'string' },
        'pending-lease-minutes': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.error(translate(lang, 'reminders.usage'));
    return 2;
  }
  const locale = values.lang !== undefined ? resolveLocale(values.lang) : lang;
  if (values.help) {
    console.log(translate(locale, 'reminders.usage'));
    return 0;
  }
  const site = (values.site ?? env.SITE_URL)?.replace(/\/+$/, '');
  if (!site || !/^https?:\/\//.test(site)) {
    console.error(translate(locale, 'reminders.usage'));
    return 2;
  }
  const today = values.today ?? todayInWales();
  if (!isIsoDate(today)) {
    console.error(`--today must be a date such as 2026-12-08, not '${today}'`);
    return 2;
  }
  const leaseRaw = values['pending-lease-minutes'];
  const lease = leaseRaw !== undefined ? Number(leaseRaw) : undefined;
  if (lease !== undefined && (!Number.isFinite(lease) || lease < 0)) {
    console.error('--pending-lease-minutes must be a number of minutes, 0 or more');
    return 2;
  }
  const log: Log = (level, message) => {
    if (level !== 'info' || env.REMINDERS_VERBOSE) console.error(`[${level}] ${message}`);
  };
  try {
    const options = { site, env, log };
    const programmeDirectorate =
      values['programme-directorate'] ??
      env.REMINDERS_PROGRAMME_DIRECTORATE ??
      (isLocalSite(site) ? 'Corporate Services' : undefined);
    const result = await runReminders({
      ...withDecisions(createReminderRepositories(options)),
      transports: createTransports(options),
      links: createRecordLinks({ site, env, deepLink: teamsDeepLink(env) }),
      today,
      dryRun: values['dry-run'],
      env,
      log,
      ...(programmeDirectorate ? { programmeDirectorate } : {}),
      ...(lease !== undefined ? { pendingLeaseMs: lease * 60_000 } : {}),
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else for (const line of formatRun(result, locale, site)) console.log(line);
    return result.exitCode;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    },
  );
}
