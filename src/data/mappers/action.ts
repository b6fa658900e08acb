import { actionSchema, type Action } from '../../domain/entities';
import { ACTIONS } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = ACTIONS;

export const ACTION_COLUMNS = {
  key: 'ActionKey',
  title: 'Title',
  scope: 'ActionScope',
  collaborationId: 'Collaboration',
  reviewId: 'Review',
  owner: 'Owner',
  startDate: 'StartDate',
  dueDate: 'DueDate',
  progress: 'Progress',
  completedOn: 'CompletedOn',
  progressNote: 'ProgressNote',
} as const satisfies Record<Exclude<keyof Action, 'id'>, string>;

const c = ACTION_COLUMNS;

export const actionMapper: ListMapper<Action> = {
  list,
  columns: c,
  choiceSets: { ActionScope: 'actionScope' },
  fromItem: (item: SpItem) =>
    mapItem<Action>(list, item, actionSchema, c, (r) => ({
      key: r.text(c.key),
      title: r.text(c.title),
      scope: r.choice(c.scope, 'actionScope'),
      collaborationId: r.lookupId(c.collaborationId),
      reviewId: r.lookupId(c.reviewId),
      owner: r.person(c.owner),
      startDate: r.date(c.startDate),
      dueDate: r.date(c.dueDate),
      progress: r.number(c.progress) ?? 0,
      completedOn: r.date(c.completedOn),
      progressNote: r.optText(c.progressNote),
    })),
  toItem: (v: Action) =>
    new ItemWriter(list)
      .text(c.key, v.key)
      .text(c.title, v.title)
      .choice(c.scope, 'actionScope', v.scope)
      .lookup(c.collaborationId, v.collaborationId)
      .lookup(c.reviewId, v.reviewId)
      .person(c.owner, v.owner)
      .date(c.startDate, v.startDate)
      .date(c.dueDate, v.dueDate)
      .number(c.progress, v.progress)
      .date(c.completedOn, v.completedOn)
      .text(c.progressNote, v.progressNote)
      .build(),
  keyOf: (v) => v.key,
};
