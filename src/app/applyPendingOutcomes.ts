/**
 * The reminder job's first step: outcomes that panel members recorded (they may freeze
 * their panel's review, not move the record) are applied with the job's rights before
 * anything is worked out, so tonight's digest already counts them: the record's status
 * and dates, the new actions, the next review, the decided review locked. Each
 * application is `applyDecidedReview`, safe to repeat; one that fails is reported and
 * tried again next run, and the others go on.
 */
import { addDays, type IsoDate } from '../domain/dates';
import type { ChannelMappingStore, ReviewStore } from '../domain/ports';
import { panelsOf } from '../domain/panels';
import { applyDecidedReview, awaitsApplying, type ApplyPorts } from './recordReviewOutcome';

export interface PendingOutcomePorts extends ApplyPorts {
  readonly reviews: ApplyPorts['reviews'] & Pick<ReviewStore, 'heldBetween'>;
  readonly channelMappings: Pick<ChannelMappingStore, 'all'>;
}

export interface PendingOutcomesResult {
  readonly applied: readonly string[];
  readonly failed: readonly { readonly review: string; readonly code: string }[];
}

/** How far back a decided review may wait to be applied (a year and a bit: any outcome not yet applied). */
const LOOK_BACK_DAYS = 400;

export async function applyPendingOutcomes(ports: PendingOutcomePorts, today: IsoDate): Promise<PendingOutcomesResult> {
  const held = await ports.reviews.heldBetween(addDays(today, -LOOK_BACK_DAYS), today);
  if (!held.ok) return { applied: [], failed: [{ review: '*', code: held.error.code }] };
  const waiting = held.value.filter(awaitsApplying);
  if (waiting.length === 0) return { applied: [], failed: [] };
  const mappings = await ports.channelMappings.all();
  const panels = panelsOf(mappings.ok ? mappings.value : []);
  const applied: string[] = [];
  const failed: { review: string; code: string }[] = [];
  for (const review of waiting) {
    const r = await applyDecidedReview(ports, review, panels, today);
    if (r.ok) applied.push(review.key);
    else failed.push({ review: review.key, code: r.error.code });
  }
  return { applied, failed };
}
