import type { ChannelLanguage } from '../../../src/domain/entities';
import { messageBytes, type AdaptiveCard } from '../../../src/notify/cardSchema';
import { digestCard, panelReviewCard, splitDigest, type DigestInput } from '../../../src/notify/cards';
import { shownText } from '../../../src/notify/escape';
import { graphMessageBody } from '../../../src/notify/transports';
import { TODAY, links, manyReminders, reminder } from './fixtures';
import { cardProblems } from './validate';

/** Every text a person sees on a card, after Teams applies the escapes. */
function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(shownText(o.text));
      if (typeof o.title === 'string' && typeof o.value === 'string') out.push(shownText(o.title), shownText(o.value));
      if (o.type === 'Action.OpenUrl' && typeof o.title === 'string') out.push(o.title);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

function urls(card: AdaptiveCard): string[] {
  return (
    JSON.stringify(card)
      .match(/"url":"[^"]+"/g)
      ?.map((m) => m.slice(7, -1)) ?? []
  );
}

const input = (language: ChannelLanguage, count = 9): DigestInput => ({
  channelName: 'Corporate Governance Review Panel',
  language,
  today: TODAY,
  reminders: manyReminders(count),
  links,
});

describe('the schema check itself', () => {
  it('finds the problems of a broken card', () => {
    expect(
      cardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'Bogus' }],
        actions: [{ type: 'Action.OpenUrl', title: 'x' }],
      }),
    ).toHaveLength(2);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [] })).toEqual(['version is 1.6, not 1.5']);
  });
});

describe('the digest card', () => {
  it.each(['en', 'cy', 'both'] as const)('is a valid Adaptive Card 1.5 in %s', (language) => {
    const card = digestCard(input(language));
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('groups reminders into sections in order: reviews overdue, due today, due soon, then actions, then assessments', () => {
    const seen = texts(digestCard(input('en'))).filter((t) => /^(Reviews|Actions|Assessments) /.test(t));
    expect(seen).toEqual([
      'Reviews overdue (1)',
      'Reviews due today (1)',
      'Reviews due soon (1)',
      'Actions overdue (1)',
      'Actions due (2)',
      'Assessments not submitted (1)',
      'Assessments due (2)',
    ]);
  });

  it('shows an action by its title and its collaboration’s reference, never the register’s own action key', () => {
    const r = reminder('actionOverdue', 7);
    const shown = texts(digestCard({ ...input('en'), reminders: [r] }));
    expect(shown).toContain('Gwent Regional Partnership Board 7');
    expect(shown).toContain('COL-0007');
    expect(shown.some((t) => t.includes('ACT-'))).toBe(false);
  });

  it('shows each item with its reference and name, due date, state, owner and an Open button to the record', () => {
    const r = reminder('reviewOverdue', 42, { daysOverdue: 5, repeat: 2, milestone: 'reviewOverdue.2' });
    const card = digestCard({ ...input('en'), reminders: [r] });
    const shown = texts(card);
    expect(shown).toEqual(
      expect.arrayContaining([
        'Reminders for Corporate Governance Review Panel',
        'As at 8 December 2026',
        '1 item, 1 overdue',
        'COL-0042 · Gwent Regional Partnership Board 42',
        'Due',
        '5 December 2026',
        'Overdue by 5 days, reminder 2',
        'Lead officer',
        'Angharad Ellis',
        'Open',
      ]),
    );
    expect(urls(card)).toEqual(['http://127.0.0.1:4321/index.html#/collaboration/COL-0042']);
  });

  it("an action opens its collaboration, a programme action the action plan, and an owner's absence is said", () => {
    const withCollab = reminder('actionDueSoon', 3, { collaborationReference: 'COL-0007' });
    const programme = reminder('actionDueSoon', 4);
    delete (programme as { collaborationReference?: string }).collaborationReference;
    delete (programme as { owner?: unknown }).owner;
    const card = digestCard({ ...input('en'), reminders: [withCollab, programme] });
    expect(urls(card)).toEqual([links.collaboration('COL-0007'), links.programme()]);
    expect(texts(card)).toContain('Nobody named');
    expect(texts(card)).toContain('Due in 5 days');
  });

  it('speaks Welsh in a Welsh channel', () => {
    const shown = texts(digestCard(input('cy')));
    expect(shown).toEqual(
      expect.arrayContaining([
        'Nodiadau atgoffa ar gyfer Corporate Governance Review Panel',
        'Fel ar 8 Rhagfyr 2026',
        'Adolygiadau yn hwyr (1)',
        'Agor',
        '3 diwrnod yn hwyr',
      ]),
    );
    expect(shown.join(' ')).not.toMatch(/Reviews|Overdue|Open\b/);
  });

  it("words a count by the channel language's plural rules (Welsh two: 2 ddiwrnod; English one: 1 day)", () => {
    const card = (language: 'en' | 'cy', daysOverdue: number) =>
      texts(digestCard({ ...input(language), reminders: [reminder('reviewOverdue', 1, { daysOverdue })] }));
    expect(card('cy', 2)).toContain('2 ddiwrnod yn hwyr');
    expect(card('cy', 1)).toContain('1 diwrnod yn hwyr');
    expect(card('cy', 1)).toContain('1 eitem, 1 yn hwyr');
    expect(card('en', 1)).toContain('Overdue by 1 day');
    expect(card('en', 2)).toContain('Overdue by 2 days');
    expect(card('en', 2)).toContain('1 item, 1 overdue');
  });

  it('speaks Welsh then English in a bilingual channel, without repeating either', () => {
    const shown = texts(digestCard(input('both')));
    expect(shown).toEqual(
      expect.arrayContaining([
        'Fel ar 8 Rhagfyr 2026 / As at 8 December 2026',
        'Adolygiadau yn hwyr (1) / Reviews overdue (1)',
        'Agor / Open',
        'Yn ddyledus / Due',
      ]),
    );
  });

  it('escapes what people typed, in every place it appears', () => {
    const r = reminder('reviewDueSoon', 1, {
      title: "**Urgent** [click](https://evil.example) <at>Everyone</at> {{x}} ${y} O'Brien Tŷ",
      owner: { id: 1, displayName: '# Boss' },
    });
    const card = digestCard({ ...input('en'), channelName: '_Panel_', reminders: [r] });
    const json = JSON.stringify(card);
    expect(json).not.toContain('**Urgent**');
    expect(json).not.toContain('](https://');
    expect(json).not.toContain('<at>');
    expect(json).not.toContain('{{x}}');
    expect(json).not.toContain('${y}');
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        "COL-0001 · **Urgent** [click](https://evil.example) <at>Everyone</at> {{x}} ${y} O'Brien Tŷ",
        '# Boss',
        'Reminders for _Panel_',
      ]),
    );
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('splitting a digest', () => {
  it('keeps a small digest in one post with no part numbers', () => {
    const posts = splitDigest(input('both', 9));
    expect(posts).toHaveLength(1);
    expect(texts(posts[0]!.card).some((t) => t.startsWith('Rhan '))).toBe(false);
  });

  it.each(['en', 'cy', 'both'] as const)(
    'splits 400 items (%s) into valid posts, each under 28 KB, none lost or repeated',
    (language) => {
      const digest = input(language, 400);
      const posts = splitDigest(digest);
      expect(posts.length).toBeGreaterThan(1);
      for (const [i, post] of posts.entries()) {
        expect(post.bytes).toBe(messageBytes(post.card));
        expect(post.bytes).toBeLessThan(28_000);
        expect(cardProblems(post.card)).toEqual([]);
        const part = language === 'en' ? `Part ${i + 1} of ${posts.length}` : `Rhan ${i + 1} o ${posts.length}`;
        expect(texts(post.card).some((t) => t.startsWith(part))).toBe(true);
      }
      const keys = posts.flatMap((p) => p.reminders.map((r) => r.key));
      expect(keys).toHaveLength(400);
      expect(new Set(keys).size).toBe(400);
    },
  );

  it('measures the payload the transport will send (Graph sends the card as a string)', () => {
    const measure = (card: AdaptiveCard) =>
      Buffer.byteLength(JSON.stringify(graphMessageBody(card, 'x'.repeat(32))), 'utf8');
    const posts = splitDigest(input('both', 400), { measure });
    for (const post of posts) expect(measure(post.card)).toBeLessThan(28_000);
  });

  it('measures UTF-8 bytes, not characters (Welsh letters take two bytes)', () => {
    const welsh = manyReminders(300).map((r) => ({ ...r, title: 'ŵŷâêîôû'.repeat(30) }));
    const posts = splitDigest({ ...input('cy'), reminders: welsh });
    for (const post of posts)
      expect(
        Buffer.byteLength(
          JSON.stringify({
            type: 'message',
            attachments: [
              { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: post.card },
            ],
          }),
          'utf8',
        ),
      ).toBeLessThan(28_000);
    expect(posts.flatMap((p) => p.reminders)).toHaveLength(300);
  });

  it('marks each part with its post id', () => {
    const posts = splitDigest(input('en', 200), { postIds: (i) => `post-${i}` });
    posts.forEach((p, i) => expect((p.card.body[0] as { id?: string }).id).toBe(`post-${i}`));
  });
});

describe('the review for the panel', () => {
  const base = {
    collaboration: {
      reference: 'COL-0042',
      title: 'Gwent Safeguarding Board',
      titleCy: 'Bwrdd Diogelu Gwent',
      leadOfficer: { id: 3, displayName: "Siân O'Brien" },
    },
    review: { kind: 'governanceCheck' as const, dueDate: '2027-01-15' },
    assessment: { overallRag: 'amber' as const, score: 61.6 },
    url: links.collaboration('COL-0042'),
  };

  it.each(['en', 'cy', 'both'] as const)('is a valid Adaptive Card 1.5 in %s', (language) => {
    const card = panelReviewCard({ ...base, language });
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows the collaboration, the kind of review, its due date, the RAG rating and score, and Open', () => {
    const card = panelReviewCard({ ...base, language: 'en' });
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Review for the panel',
        'COL-0042 · Gwent Safeguarding Board',
        'Governance arrangements check',
        '15 January 2027',
        "Siân O'Brien",
        'Amber',
        '62%',
        'Open',
      ]),
    );
    expect(urls(card)).toEqual([links.collaboration('COL-0042')]);
  });

  it('uses the Welsh name in Welsh, and says when there is no assessment yet', () => {
    const { assessment: _none, ...withoutAssessment } = base;
    const card = panelReviewCard({ ...withoutAssessment, language: 'cy' });
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'COL-0042 · Bwrdd Diogelu Gwent',
        "Gwiriad o'r trefniadau llywodraethu",
        'Heb ei asesu eto',
        'Agor',
      ]),
    );
  });
});
