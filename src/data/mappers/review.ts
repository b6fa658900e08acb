import { reviewSchema, type Review } from '../../domain/entities';
import { REVIEWS } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = REVIEWS;

export const REVIEW_COLUMNS = {
  key: 'ReviewKey',
  collaborationId: 'Collaboration',
  title: 'Title',
  kind: 'ReviewKind',
  dueDate: 'DueDate',
  heldOn: 'HeldOn',
  panel: 'Panel',
  attendees: 'Attendees',
  assessmentId: 'Assessment',
  outcome: 'Outcome',
  decisionNote: 'DecisionNote',
  conversationUrl: 'ConversationUrl',
  snapshot: 'SnapshotJson',
  decision: 'DecisionJson',
  appliedOn: 'AppliedOn',
  assuranceLevel: 'AssuranceLevel',
  assuranceReason: 'AssuranceReason',
} as const satisfies Record<Exclude<keyof Review, 'id'>, string>;

const c = REVIEW_COLUMNS;

export const reviewMapper: ListMapper<Review> = {
  list,
  columns: c,
  choiceSets: { ReviewKind: 'reviewKind', Outcome: 'outcome', AssuranceLevel: 'assurance' },
  fromItem: (item: SpItem) =>
    mapItem<Review>(list, item, reviewSchema, c, (r) => ({
      key: r.text(c.key),
      collaborationId: r.lookupId(c.collaborationId),
      title: r.text(c.title),
      kind: r.choice(c.kind, 'reviewKind'),
      dueDate: r.date(c.dueDate),
      heldOn: r.date(c.heldOn),
      panel: r.optText(c.panel),
      attendees: r.people(c.attendees),
      assessmentId: r.lookupId(c.assessmentId),
      outcome: r.choice(c.outcome, 'outcome'),
      decisionNote: r.optText(c.decisionNote),
      conversationUrl: r.url(c.conversationUrl),
      snapshot: r.optText(c.snapshot),
      decision: r.optText(c.decision),
      appliedOn: r.date(c.appliedOn),
      assuranceLevel: r.choice(c.assuranceLevel, 'assurance'),
      assuranceReason: r.optText(c.assuranceReason),
    })),
  toItem: (v: Review) =>
    new ItemWriter(list)
      .text(c.key, v.key)
      .lookup(c.collaborationId, v.collaborationId)
      .text(c.title, v.title)
      .choice(c.kind, 'reviewKind', v.kind)
      .date(c.dueDate, v.dueDate)
      .date(c.heldOn, v.heldOn)
      .text(c.panel, v.panel)
      .people(c.attendees, v.attendees)
      .lookup(c.assessmentId, v.assessmentId)
      .choice(c.outcome, 'outcome', v.outcome)
      .text(c.decisionNote, v.decisionNote)
      .url(c.conversationUrl, v.conversationUrl, 'Channel conversation')
      .text(c.snapshot, v.snapshot)
      .text(c.decision, v.decision)
      .date(c.appliedOn, v.appliedOn)
      .choice(c.assuranceLevel, 'assurance', v.assuranceLevel)
      .text(c.assuranceReason, v.assuranceReason)
      .build(),
  keyOf: (v) => v.key,
};
