/**
 * The reminder job as an Azure Functions timer (Node.js v4 programming model):
 * weekdays at 08:00 in Wales (WEBSITE_TIME_ZONE=Europe/London; see README.md).
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
  if (timer.isPastDue)
    context.warn('The timer is past due: running now (reminders are posted once, whenever the run happens).');
  const options = { site, env, log };
  const result = await runReminders({
    ...withDecisions(createReminderRepositories(options)),
    transports: createTransports(options),
    links: createRecordLinks({ site, env, deepLink: teamsDeepLink(env) }),
    today: todayInWales(now),
    env,
    log,
    ...(env.REMINDERS_PROGRAMME_DIRECTORATE ? { programmeDirectorate: env.REMINDERS_PROGRAMME_DIRECTORATE } : {}),
  });
  for (const line of formatRun(result, resolveLocale(env.REMINDERS_LANG), site)) context.log(line);
  if (result.exitCode !== 0) {
    throw new Error(
      result.fatal
        ? `Reminders: could not read ${result.fatal.what}`
        : `Reminders: channels failed: ${result.failedChannels.join(', ')}`,
    );
  }
}

app.timer('reminders', {
  schedule: '0 0 8 * * 1-5',
  handler: (timer, context) => remindersTimer(timer, context),
});
