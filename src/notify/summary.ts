import { formatDate, translate, type Locale } from '../i18n';
import type { ChannelSummary, RunProblem, RunResult } from '../app/reminders';

/**
 * The run's report for a person (the CLI's output, the Function's log), in the
 * catalogue's words: one line per channel (posted N items in M posts /
 * nothing new / failed, with the reason), the problems by name, and totals.
 * It never holds a webhook address: only the NAME of a secret setting.
 */
export function channelLines(c: ChannelSummary, locale: Locale, problem?: RunProblem): string[] {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `reminders.channel.${key}`, params);
  const name = `${c.channelName} (${c.channelKey})`;
  const lines: string[] = [];
  switch (c.status) {
    case 'posted':
      lines.push(t('posted', { channel: name, items: c.posted, posts: c.posts }));
      break;
    case 'wouldPost':
      lines.push(t('wouldPost', { channel: name, items: c.posted, posts: c.posts }));
      break;
    case 'nothing':
      lines.push(t('nothing', { channel: name }));
      break;
    case 'failed':
      if (c.posts > 0) lines.push(t('posted', { channel: name, items: c.posted, posts: c.posts }));
      lines.push(t('failed', { channel: name, reason: c.reason ?? '' }));
      break;
    case 'misconfigured':
    case 'disabled':
      lines.push(
        t('misconfigured', {
          channel: name,
          reason: problem
            ? problemLine(problem, locale)
            : translate(locale, `reminders.problem.${c.reason ?? 'noSetting'}`, {
                channel: name,
                secret: '',
                transport: c.transport ?? '',
              }),
        }),
      );
      break;
  }
  const extra: [keyof ChannelSummary, string][] = [
    ['skipped', 'skipped'],
    ['inProgress', 'inProgress'],
    ['recovered', 'recovered'],
    ['uncertain', 'uncertain'],
    ['notClaimed', 'notClaimed'],
    ['notRecorded', 'notRecorded'],
  ];
  for (const [field, key] of extra) {
    const count = c[field];
    if (typeof count === 'number' && count > 0) lines.push(`  ${t(key, { count, reason: c.reason ?? '' })}`);
  }
  return lines;
}

export function problemLine(p: RunProblem, locale: Locale): string {
  if (p.kind === 'item') {
    return translate(locale, `reminders.problem.${p.code}`, {
      item: translate(locale, `reminders.item.${p.item}`),
      ref: p.itemRef,
      title: p.title,
      due: p.dueDate ?? '',
    });
  }
  return translate(locale, `reminders.problem.${p.code}`, {
    channel: `${p.channelName} (${p.channelKey})`,
    secret: p.secretName ?? '',
    transport: p.transport ?? '',
  });
}

/** The whole report, line by line. */
export function formatRun(result: RunResult, locale: Locale, site: string): string[] {
  const lines = [translate(locale, 'reminders.header', { date: formatDate(result.today, locale), site })];
  if (result.fatal) {
    lines.push(
      translate(locale, 'reminders.readFailed', {
        what: result.fatal.what,
        detail: `${result.fatal.code} ${result.fatal.detail}`.trim(),
      }),
    );
    return lines;
  }
  if (!result.workingDay) {
    lines.push(translate(locale, 'reminders.notWorkingDay', { date: formatDate(result.today, locale) }));
    return lines;
  }
  for (const c of result.channels) {
    const problem = result.problems.find((p) => p.kind === 'channel' && p.channelKey === c.channelKey);
    lines.push(...channelLines(c, locale, problem));
  }
  // Misconfigured channels are named with their reason in the problems (with the secret's name).
  if (result.problems.length > 0) {
    lines.push(translate(locale, 'reminders.problems', { count: result.problems.length }));
    for (const p of result.problems) lines.push(`  ${problemLine(p, locale)}`);
  }
  lines.push(
    translate(locale, 'reminders.total', {
      items: result.totals.items,
      posts: result.totals.posts,
      channels: result.totals.channels,
    }),
  );
  if (result.dryRun) lines.push(translate(locale, 'reminders.dryRun'));
  if (result.failedChannels.length > 0) {
    lines.push(translate(locale, 'reminders.failedChannels', { channels: result.failedChannels.join(', ') }));
  }
  return lines;
}
