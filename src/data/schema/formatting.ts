import { DEFAULT_REVIEW_STATE_POLICY } from '../../domain/reviewCycle';
import type { ListKey } from './types';

/**
 * SharePoint column formatting (JSON, schema v2) for the columns the
 * governance team scans: Status, the RAG columns and Next review due. Colour
 * is never the only signal: the text is always shown, with an icon. The
 * classes are SharePoint's own `sp-field-severity--*` (accessible in light,
 * dark and high-contrast themes), not raw colours. `npm run template` writes
 * each as sharepoint/formatting/<name>.json and puts it in the field's
 * CustomFormatter attribute; provisioning sets the same attribute.
 */
const SCHEMA = 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json';

const pill = (classExpr: string, iconExpr: string) => ({
  $schema: SCHEMA,
  elmType: 'div',
  attributes: { class: classExpr },
  style: {
    display: "=if(@currentField == '', 'none', 'inline-flex')",
    'align-items': 'center',
    'border-radius': '12px',
    padding: '0 10px 0 6px',
    'line-height': '24px',
  },
  children: [
    { elmType: 'span', attributes: { iconName: iconExpr, class: 'ms-fontSize-14' }, style: { 'padding-right': '6px' } },
    { elmType: 'span', txtContent: '@currentField' },
  ],
});

/** A day in milliseconds, and the one review-state window (the domain's policy) in milliseconds. */
const DAY_MS = 86_400_000;
const SOON_MS = DEFAULT_REVIEW_STATE_POLICY.dueSoonDays * DAY_MS;

export const COLUMN_FORMATS = {
  status: pill(
    "=if(@currentField == 'Active', 'sp-field-severity--good', if(@currentField == 'Under review', 'sp-field-severity--warning', if(@currentField == 'Reforming', 'sp-field-severity--warning', if(@currentField == 'Withdrawing', 'sp-field-severity--severeWarning', if(@currentField == 'Closed', 'sp-field-severity--blocked', 'sp-field-severity--low')))))",
    "=if(@currentField == 'Active', 'CheckMark', if(@currentField == 'Under review', 'Search', if(@currentField == 'Reforming', 'Sync', if(@currentField == 'Withdrawing', 'Leave', if(@currentField == 'Closed', 'Lock', 'Lightbulb')))))",
  ),
  rag: pill(
    "=if(@currentField == 'Green', 'sp-field-severity--good', if(@currentField == 'Amber', 'sp-field-severity--warning', if(@currentField == 'Red', 'sp-field-severity--blocked', '')))",
    "=if(@currentField == 'Green', 'CheckMark', if(@currentField == 'Amber', 'Warning', if(@currentField == 'Red', 'ErrorBadge', '')))",
  ),
  'next-review-due': {
    $schema: SCHEMA,
    elmType: 'div',
    attributes: {
      // A date-only value is midnight of its day: overdue once the whole day has passed.
      class: `=if(@currentField == '', '', if(Number(@currentField) + ${DAY_MS} <= Number(@now), 'sp-field-severity--blocked', if(Number(@currentField) <= Number(@now) + ${SOON_MS}, 'sp-field-severity--warning', '')))`,
    },
    style: {
      display: 'inline-flex',
      'align-items': 'center',
      padding: '0 8px',
      'border-radius': '12px',
      'line-height': '24px',
    },
    children: [
      {
        elmType: 'span',
        attributes: {
          iconName: `=if(@currentField == '', '', if(Number(@currentField) + ${DAY_MS} <= Number(@now), 'ErrorBadge', if(Number(@currentField) <= Number(@now) + ${SOON_MS}, 'Clock', '')))`,
          class: 'ms-fontSize-14',
        },
        style: { 'padding-right': "=if(@currentField == '', '0', '6px')" },
      },
      { elmType: 'span', txtContent: '@currentField' },
      {
        elmType: 'span',
        style: { 'padding-left': '6px', 'font-weight': '600' },
        txtContent: `=if(@currentField == '', '', if(Number(@currentField) + ${DAY_MS} <= Number(@now), 'Overdue', if(Number(@currentField) <= Number(@now) + ${SOON_MS}, 'Due soon', '')))`,
      },
    ],
  },
} as const;

export type ColumnFormatName = keyof typeof COLUMN_FORMATS;

/** Which column wears which format. */
export const FIELD_FORMATS: readonly { list: ListKey; field: string; format: ColumnFormatName }[] = [
  { list: 'collaborations', field: 'Status', format: 'status' },
  { list: 'collaborations', field: 'LastAssessmentRag', format: 'rag' },
  { list: 'collaborations', field: 'NextReviewDue', format: 'next-review-due' },
  { list: 'assessments', field: 'OverallRag', format: 'rag' },
];

export function formatFor(list: ListKey, field: string): ColumnFormatName | undefined {
  return FIELD_FORMATS.find((f) => f.list === list && f.field === field)?.format;
}

/** The format as SharePoint stores it in CustomFormatter: compact JSON. */
export function formatJson(name: ColumnFormatName): string {
  return JSON.stringify(COLUMN_FORMATS[name]);
}
