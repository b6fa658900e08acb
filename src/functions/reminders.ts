/**
 * The reminder job as an Azure Functions timer (Node.js v4 programming model):
 * weekdays at 08:00 in Wales. Timer schedules are in UTC (Linux plans do not honour
 * WEBSITE_TIME_ZONE), and 08:00 in Wales is 08:00 UTC in winter and 07:00 UTC in summer,
 * so the timer fires at both and the job itself posts only from the firing in Wales's 08:00
 * hour (see `postsNow`; README.md).
 * It runs the same `runReminders` as `npm run reminders`, with the settings of
 * the Function App (Key Vault references for the certificate and the webhook
 * addresses). A run where a channel failed ends as a failed invocation, so it
 * shows in monitoring; running it again is safe (each reminder is posted once).
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { resolveLocale } from '../i18n';
import {
  createRecordLinks,
  createReminderRepositories,
  withDecisions,
  createTransports,
  runReminders,
  todayInWales,
  postsNow,
  REMINDERS_SCHEDULE,
  type Env,
} from '../cli/reminderSetup';
import { formatRun } from '../notify/summary';
import type { Log } from '../notify/transports';
import { teamsDeepLink } from '../cli/reminders';

export async function remindersTimer(
  timer: Timer,
  context: InvocationContext,
  env: Env = process.env,
  now: Date = new Date(),
): Promise<void> {
  const site = env.SITE_URL;
  if (!site)
    throw new Error('Set SITE_URL (the SharePoint site that holds the register) in the Function App settings.');
  const log: Log = (level, message) => {
    if (level === 'error') context.error(message);
    else if (level === 'warn') context.warn(message);
    else context.log(message);
  };
  if (!postsNow(now, timer.isPastDue)) {
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeStyle: 'short' }).format(now);
    context.log(`Reminders go out at 08:00 in Wales, and it is ${clock} there: this firing posts nothing.`);
    return;
  }
  if (timer.isPastDue)
    context.warn('The timer is past due: running now (reminders are posted once, whenever the run happens).');
  // A delegated Graph token lasts about an hour, so it cannot serve a daily timer: the Function posts
  // through Workflows only, and a channel set to Graph is reported as having no transport here.
  const { GRAPH_TOKEN: graphToken, ...jobEnv } = env;
  if (graphToken)
    context.warn(
      'GRAPH_TOKEN is not used by the Function (a delegated token expires within about an hour): post to its channels with Workflows, or run npm run reminders as a person.',
    );
  const options = { site, env: jobEnv, log };
  const result = await runReminders({
    ...withDecisions(createReminderRepositories(options)),
    transports: createTransports(options),
    links: createRecordLinks({ site, env: jobEnv, deepLink: teamsDeepLink(jobEnv) }),
    today: todayInWales(now),
    env: jobEnv,
    log,
    ...(jobEnv.REMINDERS_PROGRAMME_DIRECTORATE ? { programmeDirectorate: jobEnv.REMINDERS_PROGRAMME_DIRECTORATE } : {}),
  });
  for (const line of formatRun(result, resolveLocale(jobEnv.REMINDERS_LANG), site)) context.log(line);
  if (result.exitCode !== 0) {
    throw new Error(
      result.fatal
        ? `Reminders: could not read ${result.fatal.what}`
        : `Reminders: channels failed: ${result.failedChannels.join(', ')}`,
    );
  }
}

app.timer('reminders', {
  schedule: REMINDERS_SCHEDULE,
  handler: (timer, context) => remindersTimer(timer, context),
});
