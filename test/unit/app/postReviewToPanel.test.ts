import { postReviewToPanel, type PanelPostPorts } from '../../../src/app/postReviewToPanel';
import type { Collaboration } from '../../../src/domain/collaboration';
import type { ChannelMapping, Review } from '../../../src/domain/entities';
import type {
  ChannelPostResult,
  ChannelPostTarget,
  ChannelTransport,
  PanelCardInput,
  Stored,
} from '../../../src/domain/ports';
import { aCollaboration } from '../domain/fixtures';
import { FakeList } from './fakes';

interface Sent {
  readonly target: ChannelPostTarget;
  readonly card: PanelCardInput;
  readonly postId?: string;
}

function world(answer: ChannelPostResult = { ok: true, messageUrl: 'https://teams.example/message/1' }) {
  const reviews = new FakeList<Review>();
  const mappings: Stored<ChannelMapping>[] = [
    {
      id: 1,
      etag: '"1"',
      key: 'cgrp',
      name: ' Corporate Governance Review Panel ',
      kind: 'panel',
      channelKey: 'cgrp',
      channelName: 'Review panel',
      teamId: 'team-1',
      channelId: 'channel-1',
      language: 'both',
    },
    {
      id: 2,
      etag: '"1"',
      key: 'cs',
      name: 'Corporate Governance Review Panel',
      kind: 'directorate',
      channelKey: 'wrong',
      channelName: 'A directorate of the same name',
      language: 'en',
    },
  ];
  const sent: Sent[] = [];
  // The card builder is the identity: the test reads what the card was built from.
  const transport: ChannelTransport<PanelCardInput> = {
    post: (target, card, options) => {
      sent.push({ target, card, ...(options?.postId ? { postId: options.postId } : {}) });
      return Promise.resolve(answer);
    },
  };
  const collaboration: Stored<Collaboration> = {
    ...aCollaboration({ titleCy: 'Gwasanaeth Archifau ar y Cyd Gwent' }),
    id: 5,
    etag: '"1"',
  };
  const review = reviews.seed({
    key: 'REV-1',
    collaborationId: 5,
    title: 'Annual review',
    kind: 'annualReview',
    dueDate: '2026-12-20',
    panel: 'corporate governance review panel',
    attendees: [],
  });
  let mappingReads = 0;
  const ports = (over: Partial<PanelPostPorts<PanelCardInput>> = {}): PanelPostPorts<PanelCardInput> => ({
    mappings: {
      all: () => {
        mappingReads += 1;
        return Promise.resolve({ ok: true, value: mappings });
      },
    },
    reviews,
    transport,
    card: (input) => input,
    reviewUrl: (key) => `https://tab.example/#/review/${key}`,
    postId: (r) => `review-${r.key}`,
    ...over,
  });
  return { reviews, review, collaboration, sent, ports, mappingReads: () => mappingReads };
}

describe('postReviewToPanel', () => {
  it('posts the card to the panel’s channel (named as the review’s panel) and keeps the link on the review', async () => {
    const w = world();
    const r = await postReviewToPanel(w.ports(), {
      review: w.review,
      collaboration: w.collaboration,
      assessment: {
        key: 'A-1',
        collaborationId: 5,
        templateKey: 't',
        templateVersion: 1,
        status: 'submitted',
        answers: {},
        overallRag: 'amber',
        score: 61.5,
      },
    });
    expect(r.ok).toBe(true);
    expect(w.sent).toEqual([
      {
        target: { channelKey: 'cgrp', channelName: 'Review panel', teamId: 'team-1', channelId: 'channel-1' },
        card: {
          language: 'both',
          collaboration: {
            reference: 'COL-0042',
            title: 'Gwent Joint Archives Service',
            titleCy: 'Gwasanaeth Archifau ar y Cyd Gwent',
          },
          review: { kind: 'annualReview', dueDate: '2026-12-20' },
          assessment: { overallRag: 'amber', score: 61.5 },
          url: 'https://tab.example/#/review/REV-1',
        },
        postId: 'review-REV-1',
      },
    ]);
    expect(r.ok && r.review.conversationUrl).toBe('https://teams.example/message/1');
    expect(w.reviews.items.get(w.review.id)?.conversationUrl).toBe('https://teams.example/message/1');
  });

  it('falls back on the record’s panel when the review names none', async () => {
    const w = world();
    const { panel: _panel, ...review } = w.review;
    const r = await postReviewToPanel(w.ports(), {
      review: review,
      collaboration: { ...w.collaboration, panel: 'Corporate Governance Review Panel' },
    });
    expect(r.ok).toBe(true);
    expect(w.sent.map((s) => s.target.channelKey)).toEqual(['cgrp']);
  });

  it('says `noChannel` and posts nothing when no panel channel is mapped, or there is no panel', async () => {
    const w = world();
    const unmapped = await postReviewToPanel(w.ports(), {
      review: { ...w.review, panel: 'A panel nobody mapped' },
      collaboration: w.collaboration,
    });
    expect(unmapped).toEqual({ ok: false, code: 'noChannel' });
    const { panel: _panel, ...none } = w.review;
    const nameless = await postReviewToPanel(w.ports(), {
      review: none,
      collaboration: w.collaboration,
    });
    expect(nameless).toEqual({ ok: false, code: 'noChannel' });
    expect(w.sent).toEqual([]);
    expect(w.reviews.writes).toEqual([]);
  });

  it('says `notSignedIn` without a transport, and `network` when the mappings cannot be read', async () => {
    const w = world();
    const input = { review: w.review, collaboration: w.collaboration };
    expect(await postReviewToPanel(w.ports({ transport: undefined }), input)).toEqual({
      ok: false,
      code: 'notSignedIn',
    });
    const unread = await postReviewToPanel(
      w.ports({ mappings: { all: () => Promise.resolve({ ok: false, error: { code: 'throttled' } }) } }),
      input,
    );
    expect(unread).toEqual({ ok: false, code: 'network', error: { code: 'throttled' } });
    expect(w.reviews.writes).toEqual([]);
  });

  it('passes the transport’s failure on and keeps nothing on the review', async () => {
    const w = world({ ok: false, code: 'tooLarge' });
    const r = await postReviewToPanel(w.ports(), { review: w.review, collaboration: w.collaboration });
    expect(r).toEqual({ ok: false, code: 'tooLarge' });
    expect(w.reviews.writes).toEqual([]);
  });

  it('says `linkNotSaved` when the post landed without an address', async () => {
    const w = world({ ok: true });
    const r = await postReviewToPanel(w.ports(), { review: w.review, collaboration: w.collaboration });
    expect(r).toEqual({ ok: false, code: 'linkNotSaved' });
    expect(w.sent).toHaveLength(1);
  });

  it('puts the link on the version stored now when the review changed meanwhile, keeping the other edit', async () => {
    const w = world();
    w.reviews.touch(w.review.id, { attendees: [{ id: 8, displayName: 'Eleri Morgan' }] });
    const r = await postReviewToPanel(w.ports(), { review: w.review, collaboration: w.collaboration });
    expect(r.ok).toBe(true);
    const stored = w.reviews.items.get(w.review.id);
    expect(stored?.attendees.map((a) => a.id)).toEqual([8]);
    expect(stored?.conversationUrl).toBe('https://teams.example/message/1');
  });

  it('re-reads the review when the conflict does not carry the version stored now', async () => {
    const w = world();
    const changed = w.reviews.touch(w.review.id, { title: 'Renamed by someone else' });
    w.reviews.failNext('update', { code: 'conflict' });
    const r = await postReviewToPanel(w.ports(), { review: w.review, collaboration: w.collaboration });
    expect(r.ok).toBe(true);
    expect(w.reviews.items.get(changed.id)).toMatchObject({
      title: 'Renamed by someone else',
      conversationUrl: 'https://teams.example/message/1',
    });
  });

  it('says `linkNotSaved` with the message’s address when the review cannot take the link', async () => {
    const w = world();
    w.reviews.failNext('update', { code: 'forbidden' });
    const r = await postReviewToPanel(w.ports(), { review: w.review, collaboration: w.collaboration });
    expect(r).toEqual({
      ok: false,
      code: 'linkNotSaved',
      messageUrl: 'https://teams.example/message/1',
      error: { code: 'forbidden' },
    });
    expect(w.reviews.items.get(w.review.id)?.conversationUrl).toBeUndefined();
  });
});
