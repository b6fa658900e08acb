import { AssuranceStatementRepository } from '../../../src/data/repositories/assuranceStatements';
import { createRepositories } from '../../../src/data/repositories';
import { createSp } from '../../../src/data/sp';
import { assuranceOverview, checkStatement } from '../../../src/domain/assuranceStatement';
import type { AdaptiveCard } from '../../../src/notify/cardSchema';
import { shownText } from '../../../src/notify/escape';
import { formatRun } from '../../../src/notify/summary';
import { cardProblems } from '../../unit/notify/validate';
import { keysOf, logEntries, run, startStack, type Stack } from './stack';

/**
 * The annual assurance statements' reminders through the whole job: the embedded list server
 * with the demo register, the Assurance Statements list, the Reminder Log and the dev inbox on
 * one port. In May 2027 the statements for 2026–27 are asked for: each directorate that has
 * not answered gets one card in its own channel, and a rerun posts nothing.
 */
jest.setTimeout(60_000);

const MAY = '2027-05-12';
const YEAR = 2026;
const governance = (stack: Stack) =>
  createSp({ siteUrl: stack.siteUrl, getToken: () => Promise.resolve('dev:governance') });

async function confirm(stack: Stack, directorate: string, complete: boolean, on = MAY) {
  const checked = checkStatement({
    year: YEAR,
    directorate,
    confirmedBy: { id: 6, displayName: 'Siân Powell' },
    confirmedOn: on,
    complete,
    ...(complete ? {} : { comment: 'Two records still to update.' }),
  });
  if (!checked.ok) throw new Error('invalid statement');
  const r = await new AssuranceStatementRepository(governance(stack)).create(checked.value);
  if (!r.ok) throw new Error(r.error.code);
}

const statementKeys = (keys: readonly string[]) => keys.filter((k) => k.startsWith('statement'));

/** The statement lines of a card: "Directorate · Annual assurance statement 2026–27". */
function statementLines(card: AdaptiveCard): string[] {
  return card.body.flatMap((el) =>
    el.type === 'Container' && el.items[0]?.type === 'TextBlock' && /assurance statement/i.test(el.items[0].text)
      ? [shownText(el.items[0].text)]
      : [],
  );
}

describe('statement reminders, end to end', () => {
  let stack: Stack;

  beforeEach(async () => {
    stack = await startStack({ today: MAY });
  });
  afterEach(async () => {
    await stack.close();
  });

  it('posts one reminder per directorate yet to confirm, in its channel, and none on a rerun', async () => {
    // Economy and Environment has confirmed; Education said "not yet" (answered: not reminded).
    await confirm(stack, 'Economy and Environment', true);
    await confirm(stack, 'Education', false);

    const repos = createRepositories(governance(stack));
    const [records, statements, mappings] = await Promise.all([
      repos.collaborations.all({}),
      repos.assuranceStatements.forYear(YEAR),
      repos.channelMappings.all(),
    ]);
    if (!records.ok || !statements.ok || !mappings.ok) throw new Error('read failed');
    const unanswered = assuranceOverview(YEAR, records.value, statements.value).directorates.filter(
      (d) => d.statement === undefined,
    );
    expect(unanswered.map((d) => d.directorate).sort()).toEqual(['Corporate Services', 'Social Services']);
    const channelOf = (directorate: string) =>
      mappings.value.find((m) => m.kind === 'directorate' && m.name === directorate)?.channelKey;

    const first = await run(stack, {}, { today: MAY });
    expect(first.exitCode).toBe(0);
    expect(first.statementYear).toBe(YEAR);
    expect(first.reads.statements).toBe(2);
    const keys = statementKeys(keysOf(first));
    expect(keys.sort()).toEqual(
      unanswered.map((d) => `statementRequested:${d.key}:2027-06-30:${channelOf(d.directorate) ?? '?'}`).sort(),
    );

    // In each of those channels, one card naming the directorate and who is expected, by name.
    const messages = await stack.inboxMessages();
    for (const d of unanswered) {
      const inChannel = messages.filter((m) => m.channel === channelOf(d.directorate));
      expect(inChannel).toHaveLength(1);
      const card = inChannel[0]!.card as AdaptiveCard;
      expect(cardProblems(card)).toEqual([]);
      // A bilingual channel names the directorate in Welsh and English (the channel settings' TitleCy).
      const welsh = mappings.value.find((m) => m.kind === 'directorate' && m.name === d.directorate)?.nameCy;
      expect(welsh).toBeDefined();
      expect(statementLines(card)).toEqual([
        `${welsh} / ${d.directorate} · Datganiad sicrwydd blynyddol 2026–27 / Annual assurance statement 2026–27`,
      ]);
      const json = JSON.stringify(card);
      for (const p of d.expected) expect(json).toContain(p.displayName);
      expect(json).toContain(`/index.html#/statements?year=${YEAR}`);
      expect(json).not.toMatch(/@/);
    }
    // Nothing for the directorates that have answered.
    const answeredChannels = ['Economy and Environment', 'Education'].map(channelOf);
    for (const m of messages.filter((x) => answeredChannels.includes(x.channel)))
      expect(statementLines(m.card as AdaptiveCard)).toEqual([]);
    // Claimed in the Reminder Log as posted, under their own kind.
    const entries = await logEntries(stack, keys);
    expect(entries.map((e) => [e.kind, e.state])).toEqual(keys.map(() => ['statementRequested', 'posted']));

    const again = await run(stack, {}, { today: MAY });
    expect(again.exitCode).toBe(0);
    expect(again.totals.posts).toBe(0);
    // The next week, the same stage: still nothing.
    const nextWeek = await run(stack, {}, { today: '2027-05-19' });
    expect(statementKeys(keysOf(nextWeek))).toEqual([]);
    expect((await stack.inboxMessages()).filter((m) => statementLines(m.card as AdaptiveCard).length > 0)).toHaveLength(
      unanswered.length,
    );
  });

  it('reminds again when overdue, but not a directorate that has confirmed since', async () => {
    await run(stack, {}, { today: MAY });
    await confirm(stack, 'Social Services', true, '2027-06-20');
    const overdue = await run(stack, {}, { today: '2027-07-01' });
    const keys = statementKeys(keysOf(overdue));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('statementOverdue.1:'))).toBe(true);
    expect(keys.some((k) => k.includes('social-services'))).toBe(false);
    expect(keys.some((k) => k.includes('economy-and-environment'))).toBe(true);
    // The card says how late it is; the run's report counts the posts.
    const latest = (await stack.inboxMessages()).filter((m) =>
      statementLines(m.card as AdaptiveCard).some((l) =>
        l.startsWith("Economi a'r Amgylchedd / Economy and Environment ·"),
      ),
    );
    expect(latest).toHaveLength(2);
    expect(JSON.stringify(latest.map((m) => m.card))).toContain('Overdue by 1 day');
    expect(formatRun(overdue, 'en-GB', stack.siteUrl).join('\n')).toMatch(/posted \(items: \d+; posts: \d+\)/);
  });

  it('reads no statements out of season', async () => {
    const december = await run(stack, {}, { today: '2027-12-08' });
    expect(december.statementYear).toBeUndefined();
    expect(december.reads.statements).toBe(0);
    expect(statementKeys(keysOf(december))).toEqual([]);
  });
});
