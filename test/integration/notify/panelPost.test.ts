import { createServices } from '../../../src/ui/app/services';
import { collaboration } from '../data/fixtures';
import { startStack, type Stack } from './stack';

/**
 * The tab's "Post to panel channel" uses the same transports: a post that may
 * have arrived (here: the dev inbox stores the card, and the answer is
 * replaced by a 504 on the way back) is not resent; the tab asks the channel
 * and, finding the card, keeps its link. One card, never two.
 */
jest.setTimeout(60_000);

describe('posting a review card from the tab when the answer is lost', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  it('finds the card that arrived instead of posting it again, and keeps its link', async () => {
    let spoiled = 0;
    // The network between the tab and the inbox: the request goes through, its answer is lost.
    const spoiling: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const response = await fetch(input, init);
      if (init?.method === 'POST' && url.endsWith('/_dev/inbox/messages') && response.ok) {
        spoiled += 1;
        await response.body?.cancel();
        return new Response('Gateway Timeout', { status: 504 });
      }
      return response;
    };
    const services = createServices({
      config: { siteUrl: stack.siteUrl, dev: true, clientId: '', tenantId: '' },
      devUser: 'governance',
      retries: 2,
      retryBaseMs: 1,
      fetch: spoiling,
    });
    const { stores } = services;
    const ref = await stores.collaborations.nextReference();
    if (!ref.ok) throw new Error(ref.error.code);
    const panel = 'Corporate Governance Review Panel';
    const c = await stores.collaborations.create(collaboration(ref.value, { panel, title: 'Lost answer' }));
    if (!c.ok) throw new Error(c.error.code);
    const r = await stores.reviews.create({
      key: `REV-LOST-${Date.now().toString(36)}`,
      collaborationId: c.value.id,
      title: `${ref.value} Governance arrangements check`,
      kind: 'governanceCheck',
      dueDate: '2026-12-10',
      panel,
      attendees: [],
    });
    if (!r.ok) throw new Error(r.error.code);
    const before = (await stack.inboxMessages('cgrp')).length;

    const posted = await services.channels.postPanelReview({ review: r.value, collaboration: c.value });
    expect(spoiled).toBe(1);
    expect(posted.ok).toBe(true);
    const after = await stack.inboxMessages('cgrp');
    expect(after.length).toBe(before + 1);
    expect(posted.ok && posted.messageUrl).toBe(after.at(-1)?.messageUrl);
    expect(posted.ok && posted.review.conversationUrl).toBe(after.at(-1)?.messageUrl);
  });
});
