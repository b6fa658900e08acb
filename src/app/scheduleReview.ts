/**
 * Schedule a review (the governance team: domain/policy.ts `scheduleReview`): the review is
 * created on its client-made key, holding its panel's key, then given its own permissions
 * (its panel's members contribute to it; everyone else reads it), so the panel can record
 * its outcome and nobody else can.
 */
import type { Review } from '../domain/entities';
import { panelKeyOf, type Panel } from '../domain/panels';
import { reviewItemAccess } from '../domain/policy';
import type { RepoResult, ReviewStore, Stored } from '../domain/ports';

export async function scheduleReviewWithAccess(
  reviews: Pick<ReviewStore, 'create' | 'secure'>,
  review: Review,
  panels: readonly Panel[],
): Promise<RepoResult<Stored<Review>>> {
  const panel = panelKeyOf(review.panel, panels);
  const value: Review = { ...review, ...(panel ? { panel } : {}) };
  const created = await reviews.create(value);
  if (!created.ok) return created;
  const secured = await reviews.secure(created.value.id, reviewItemAccess(value));
  return secured.ok ? created : secured;
}
