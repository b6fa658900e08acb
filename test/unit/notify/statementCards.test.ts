import type { Person } from '../../../src/domain/collaboration';
import type { ChannelLanguage } from '../../../src/domain/entities';
import { dueStatementReminders } from '../../../src/domain/statementReminders';
import type { AdaptiveCard } from '../../../src/notify/cardSchema';
import { digestCard, splitDigest } from '../../../src/notify/cards';
import { shownText } from '../../../src/notify/escape';
import { aCollaboration } from '../domain/fixtures';
import { links, reminder } from './fixtures';
import { cardProblems } from './validate';

/**
 * A directorate's annual assurance statement in its channel's digest: who is expected to
 * confirm (by name, never an address), the due date and state, and Open to the year's
 * statements; valid Adaptive Cards 1.5 in English, Welsh and both.
 */
const dylan: Person = { id: 9, displayName: "Dylan O'Brien", email: 'dylan.obrien@example.gov.uk' };
const gareth: Person = { id: 12, displayName: 'Gareth *Hughes*', email: 'gareth.hughes@example.gov.uk' };

function statementReminders(today: string, language: ChannelLanguage) {
  return dueStatementReminders(
    {
      records: [
        aCollaboration({ directorate: 'Corporate Services', headOfService: dylan, startDate: '2014-07-01' }),
        aCollaboration({ directorate: 'Corporate Services', headOfService: gareth, startDate: '2019-07-01' }),
      ],
      statements: [],
      channels: [
        {
          name: 'Corporate Services',
          nameCy: 'Gwasanaethau Corfforaethol',
          kind: 'directorate',
          channelKey: 'corporate',
          channelName: 'Corporate Services – partnerships',
          language,
        },
      ],
    },
    { today },
  ).reminders;
}

function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(shownText(o.text));
      if (typeof o.title === 'string' && typeof o.value === 'string') out.push(shownText(o.title), shownText(o.value));
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

const digest = (today: string, language: ChannelLanguage) =>
  digestCard({
    channelName: 'Corporate Services – partnerships',
    language,
    today,
    reminders: statementReminders(today, language),
    links,
  });

describe('a statement reminder on the digest card', () => {
  it.each(['en', 'cy', 'both'] as const)('is a valid Adaptive Card 1.5 in %s', (language) => {
    expect(cardProblems(digest('2027-07-01', language))).toEqual([]);
  });

  it('names the directorate and year, the due date, the state and who is expected, and opens that year', () => {
    const card = digest('2027-07-01', 'en');
    const shown = texts(card);
    expect(shown).toEqual(
      expect.arrayContaining([
        'Assurance statements overdue (1)',
        'Corporate Services · Annual assurance statement 2026–27',
        'Due',
        '30 June 2027',
        'Overdue by 1 day',
        'To be confirmed by',
        "Dylan O'Brien, Gareth *Hughes*",
      ]),
    );
    const json = JSON.stringify(card);
    expect(json).toContain('"url":"http://127.0.0.1:4321/index.html#/statements?year=2026"');
    // Names only: no address of anyone's, and a name's asterisks stay text, not markup.
    expect(json).not.toMatch(/@example|dylan\.obrien|gareth\.hughes/);
  });

  it('is "to confirm" before the due date, in Welsh with the Welsh name of the directorate', () => {
    const shown = texts(digest('2027-05-12', 'cy'));
    expect(shown).toEqual(
      expect.arrayContaining([
        "Datganiadau sicrwydd i'w cadarnhau (1)",
        'Gwasanaethau Corfforaethol · Datganiad sicrwydd blynyddol 2026–27',
        "I'w gadarnhau gan",
        '30 Mehefin 2027',
      ]),
    );
    expect(shown.join(' ')).not.toContain('Corporate Services ·');
  });

  it('gives both names and both languages, Welsh first, in a bilingual channel', () => {
    expect(texts(digest('2027-05-12', 'both'))).toContain(
      'Gwasanaethau Corfforaethol / Corporate Services · Datganiad sicrwydd blynyddol 2026–27 / Annual assurance statement 2026–27',
    );
  });

  it('says so when no Head of Service is named', () => {
    const [r] = statementReminders('2027-05-12', 'en');
    const card = digestCard({
      channelName: 'x',
      language: 'en',
      today: '2027-05-12',
      reminders: [{ ...r!, expected: [] }],
      links,
    });
    expect(texts(card)).toContain("No Head of Service is named on the directorate's records");
  });

  it('comes after the reviews, actions and assessments of the same channel, and splits like them', () => {
    const reminders = [
      ...statementReminders('2027-07-01', 'en').map((r) => ({ ...r, channelKey: 'cgrp' })),
      reminder('reviewOverdue', 1),
    ];
    const card = digestCard({ channelName: 'x', language: 'en', today: '2027-07-01', reminders, links });
    const headings = texts(card).filter((t) => /\(\d+\)$/.test(t));
    expect(headings).toEqual(['Reviews overdue (1)', 'Assurance statements overdue (1)']);
    const posts = splitDigest(
      { channelName: 'x', language: 'en', today: '2027-07-01', reminders, links },
      { maxBytes: 3500 },
    );
    expect(posts.flatMap((p) => p.reminders.map((r) => r.item))).toEqual(['review', 'statement']);
    for (const p of posts) expect(cardProblems(p.card)).toEqual([]);
  });
});
