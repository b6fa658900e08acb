/**
 * Post a review to its panel's channel: the panel's channel is found in the
 * Channel Mappings (kind `panel`, the review's panel by key or name, or failing that
 * the record's); the card is built (notify's panelReviewCard, injected) and
 * sent through the transport; the message's address is kept on the review
 * with the ETag it was read with. The link is the only change: when the
 * review changed meanwhile it is put on the version stored now (re-read when
 * the conflict does not carry it), so nobody's edits are lost.
 */
import type { Collaboration } from '../domain/collaboration';
import type { Assessment, Review } from '../domain/entities';
import { panelsOf, resolvePanel } from '../domain/panels';
import type {
  ChannelMappingStore,
  ChannelPostCode,
  ChannelTransport,
  PanelCardInput,
  RepoError,
  ReviewStore,
  Stored,
} from '../domain/ports';

export interface PanelPostPorts<Card> {
  readonly mappings: Pick<ChannelMappingStore, 'all'>;
  readonly reviews: Pick<ReviewStore, 'get' | 'update'>;
  /** Undefined when the person cannot post (not signed in to Graph). */
  readonly transport: ChannelTransport<Card> | undefined;
  /** Builds the card (notify's panelReviewCard). */
  readonly card: (input: PanelCardInput) => Card;
  /** Where the card's Open goes: the review itself (a Teams deep link, or the tab's address). */
  readonly reviewUrl: (reviewKey: string) => string;
  /** An id the card carries, so a lost response can be found again. */
  readonly postId: (review: Review) => string;
}

export interface PanelPostInput {
  readonly review: Stored<Review>;
  readonly collaboration: Stored<Collaboration>;
  /** The assessment the panel is to consider (its RAG rating and score go on the card). */
  readonly assessment?: Assessment;
}

export type PanelPostCode = ChannelPostCode | 'noChannel' | 'notSignedIn' | 'linkNotSaved';

export type PanelPostResult =
  | {
      readonly ok: true;
      /** The message in the channel (Teams' webUrl; the dev inbox's address locally). */
      readonly messageUrl: string;
      /** The review as stored now, with the link (its new ETag). */
      readonly review: Stored<Review>;
    }
  | {
      readonly ok: false;
      readonly code: PanelPostCode;
      /** `linkNotSaved`: the card WAS posted; this is its address, and why the review kept no link. */
      readonly messageUrl?: string;
      readonly error?: RepoError;
    };

/** How many times the link is put on a review that keeps changing. */
const LINK_ROUNDS = 3;

export async function postReviewToPanel<Card>(
  ports: PanelPostPorts<Card>,
  { review, collaboration, assessment }: PanelPostInput,
): Promise<PanelPostResult> {
  const panel = (review.panel ?? collaboration.panel ?? '').trim();
  const mappings = await ports.mappings.all();
  if (!mappings.ok) return { ok: false, code: 'network', error: mappings.error };
  // The panel by its key, or by its English or Welsh name as older records hold it.
  const found = resolvePanel(panel, panelsOf(mappings.value));
  const mapping = found ? mappings.value.find((m) => m.kind === 'panel' && m.key === found.key) : undefined;
  if (panel === '' || !mapping) return { ok: false, code: 'noChannel' };
  const send = ports.transport;
  if (!send) return { ok: false, code: 'notSignedIn' };

  const card = ports.card({
    language: mapping.language,
    collaboration: {
      reference: collaboration.reference,
      title: collaboration.title,
      ...(collaboration.titleCy ? { titleCy: collaboration.titleCy } : {}),
      ...(collaboration.leadOfficer ? { leadOfficer: collaboration.leadOfficer } : {}),
    },
    review: { kind: review.kind, dueDate: review.dueDate },
    ...(assessment
      ? {
          assessment: {
            ...(assessment.overallRag !== undefined ? { overallRag: assessment.overallRag } : {}),
            ...(assessment.score !== undefined ? { score: assessment.score } : {}),
          },
        }
      : {}),
    url: ports.reviewUrl(review.key),
  });
  const target = {
    channelKey: mapping.channelKey,
    channelName: mapping.channelName,
    ...(mapping.teamId ? { teamId: mapping.teamId } : {}),
    ...(mapping.channelId ? { channelId: mapping.channelId } : {}),
  };
  const postId = ports.postId(review);
  let posted = await send.post(target, card, { postId });
  // A post that may have arrived (503/504 after sending, a time-out) is not resent by the
  // transport: ask the channel whether it is there before telling the person it failed.
  if (!posted.ok && posted.maybeDelivered && send.findPost) {
    const found = await send.findPost(target, postId);
    if (found.state === 'found') {
      posted = {
        ok: true,
        ...(found.messageId ? { messageId: found.messageId } : {}),
        ...(found.messageUrl ? { messageUrl: found.messageUrl } : {}),
      };
    }
  }
  if (!posted.ok) return { ok: false, code: posted.code };
  const messageUrl = posted.messageUrl ?? '';
  if (messageUrl === '') return { ok: false, code: 'linkNotSaved' };

  let base: Stored<Review> = review;
  let error: RepoError | undefined;
  for (let round = 0; round < LINK_ROUNDS; round += 1) {
    const saved = await ports.reviews.update({ ...base, conversationUrl: messageUrl });
    if (saved.ok) return { ok: true, messageUrl, review: saved.value };
    error = saved.error;
    if (saved.error.code !== 'conflict') break;
    if (saved.error.theirs) base = saved.error.theirs;
    else {
      const fresh = await ports.reviews.get(review.id);
      if (!fresh.ok) {
        error = fresh.error;
        break;
      }
      base = fresh.value;
    }
  }
  return { ok: false, code: 'linkNotSaved', messageUrl, ...(error ? { error } : {}) };
}
