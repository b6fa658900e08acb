import { assuranceStatementSchema, type AssuranceStatement } from '../../domain/assuranceStatement';
import { ASSURANCE_STATEMENTS } from '../schema';
import { ItemWriter, mapItem, type SpItem } from './common';
import type { ListMapper } from './types';

const list = ASSURANCE_STATEMENTS;

export const ASSURANCE_STATEMENT_COLUMNS = {
  key: 'StatementKey',
  year: 'StatementYear',
  directorate: 'Directorate',
  confirmedBy: 'ConfirmedBy',
  confirmedOn: 'ConfirmedOn',
  complete: 'IsComplete',
  comment: 'StatementComment',
} as const satisfies Record<keyof AssuranceStatement, string>;

const c = ASSURANCE_STATEMENT_COLUMNS;

/** "Economy and Environment 2025–26": the item's title, so the list reads well in SharePoint. */
export function statementTitle(v: Pick<AssuranceStatement, 'directorate' | 'year'>): string {
  return `${v.directorate} ${v.year}–${String((v.year + 1) % 100).padStart(2, '0')}`;
}

export const assuranceStatementMapper: ListMapper<AssuranceStatement> = {
  list,
  columns: c,
  fromItem: (item: SpItem) =>
    mapItem<AssuranceStatement>(list, item, assuranceStatementSchema, c, (r) => ({
      key: r.text(c.key),
      year: r.number(c.year),
      directorate: r.text(c.directorate),
      confirmedBy: r.person(c.confirmedBy),
      confirmedOn: r.date(c.confirmedOn),
      complete: r.boolean(c.complete),
      comment: r.optText(c.comment),
    })),
  toItem: (v: AssuranceStatement) =>
    new ItemWriter(list)
      .text('Title', statementTitle(v))
      .text(c.key, v.key)
      .number(c.year, v.year)
      .text(c.directorate, v.directorate)
      .person(c.confirmedBy, v.confirmedBy)
      .date(c.confirmedOn, v.confirmedOn)
      .boolean(c.complete, v.complete)
      .text(c.comment, v.comment)
      .build(),
  keyOf: (v) => v.key,
};
