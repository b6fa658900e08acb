import { makeStyles, Text, tokens, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { planGrid, type Action, type IsoDate, type Stored } from '../../../domain';
import { useFormat } from '../../app/context';
import { RouterLink } from '../../components/RouterLink';
import { StatusLabel } from '../../components/actionShared';

const useStyles = makeStyles({
  // The table scrolls sideways inside this box. Positioned, so the visually hidden "planned" words
  // (absolutely positioned) are held by it too, instead of widening the page.
  wrap: { overflowX: 'auto', maxWidth: '100%', position: 'relative' },
  table: { borderCollapse: 'collapse', minWidth: '960px', width: '100%' },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  th: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    verticalAlign: 'bottom',
  },
  month: { textAlign: 'center', minWidth: '48px' },
  today: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'middle',
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    display: 'block',
    height: '14px',
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    textAlign: 'center',
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase100,
    lineHeight: '14px',
  },
  barOverdue: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteRedBorder2}`,
  },
  barDone: {
    backgroundColor: tokens.colorNeutralBackground5,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  list: { marginTop: tokens.spacingVerticalM },
});

export interface PlanGridProps {
  readonly actions: readonly Stored<Action>[];
  readonly startYear: number;
  readonly startMonth: number;
  readonly today: IsoDate;
  readonly caption: string;
  /** Where an action's title links (its record), if anywhere. */
  readonly linkOf?: (action: Stored<Action>) => string | undefined;
  /** What an action belongs to, in words (a record's name, "Programme"). */
  readonly belongsTo?: (action: Stored<Action>) => string;
  /** Controls for one action (edit, delete), in a last column headed `rowActionsLabel`; none when absent. */
  readonly rowActions?: (action: Stored<Action>) => ReactNode;
  readonly rowActionsLabel?: string;
}

/**
 * Seed 002's appendix as a table: a row per action, a column per month of the
 * plan year, a bar (and, for screen readers, "planned") in each month the
 * action spans, the current month marked in its heading, and each action's
 * status with a symbol and words. Row and column headers are real <th>s, so a
 * screen reader names the action and the month of every cell.
 */
export function PlanGrid(p: PlanGridProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormat();
  const grid = planGrid(p.actions, { startYear: p.startYear, startMonth: p.startMonth, today: p.today });
  const monthName = (m: number) => t(`review.plan.monthShort.m${m}`);

  return (
    <div>
      <div className={styles.wrap} role="region" aria-label={p.caption} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption}>{p.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {t('review.plan.action')}
              </th>
              <th scope="col" className={styles.th}>
                {t('review.action.owner')}
              </th>
              <th scope="col" className={styles.th}>
                {t('review.plan.status')}
              </th>
              {grid.months.map((m, i) => {
                const isToday = grid.todayIndex === i;
                return (
                  <th
                    key={`${m.year}-${m.month}`}
                    scope="col"
                    className={mergeClasses(styles.th, styles.month, isToday && styles.today)}
                    {...(isToday ? { 'aria-current': 'date' as const, 'data-today': 'true' } : {})}
                  >
                    <abbr title={`${t(`tab.months.m${m.month}`)} ${m.year}`}>{monthName(m.month)}</abbr>
                    <br />
                    <Text size={100}>{m.year}</Text>
                    {isToday ? (
                      <>
                        <br />
                        <Text size={100} weight="semibold">
                          {t('review.plan.thisMonth')}
                        </Text>
                      </>
                    ) : null}
                  </th>
                );
              })}
              {p.rowActions ? (
                <th scope="col" className={styles.th}>
                  {p.rowActionsLabel}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {grid.rows.length === 0 ? (
              <tr>
                <td className={styles.td} colSpan={p.rowActions ? 16 : 15}>
                  {t('review.plan.empty')}
                </td>
              </tr>
            ) : null}
            {grid.rows.map((row) => {
              const link = p.linkOf?.(row.action);
              const span = `${format.date(row.action.startDate ?? row.action.dueDate)} – ${format.date(row.action.dueDate ?? row.action.startDate)}`;
              return (
                <tr key={row.action.key} data-action={row.action.key}>
                  <th scope="row" className={styles.td} style={{ fontWeight: 'normal' }}>
                    {link ? <RouterLink to={link}>{row.action.title}</RouterLink> : <Text>{row.action.title}</Text>}
                    <br />
                    <Text size={200} className={styles.muted}>
                      {p.belongsTo ? `${p.belongsTo(row.action)} · ` : ''}
                      {span}
                      {row.startsBeforePlan ? ` · ${t('review.plan.startsBefore')}` : ''}
                      {row.endsAfterPlan ? ` · ${t('review.plan.endsAfter')}` : ''}
                    </Text>
                  </th>
                  <td className={styles.td}>
                    <Text>{row.action.owner?.displayName ?? t('review.action.noOwner')}</Text>
                  </td>
                  <td className={styles.td}>
                    <StatusLabel status={row.status} />
                  </td>
                  {grid.months.map((m, i) => {
                    const inSpan = i >= row.firstMonth && i <= row.lastMonth;
                    const barClass =
                      row.status === 'overdue' ? styles.barOverdue : row.status === 'complete' ? styles.barDone : '';
                    return (
                      <td
                        key={`${m.year}-${m.month}`}
                        className={mergeClasses(styles.cell, grid.todayIndex === i && styles.today)}
                        data-month={i}
                        data-planned={inSpan ? 'true' : undefined}
                      >
                        {inSpan ? (
                          <span className={mergeClasses(styles.bar, barClass)}>
                            <span aria-hidden="true">{i === row.firstMonth ? '✓' : ''}</span>
                            <span className={styles.hidden}>{t('review.plan.planned')}</span>
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                  {p.rowActions ? <td className={styles.td}>{p.rowActions(row.action)}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {grid.outside.length > 0 || grid.unscheduled.length > 0 ? (
        <div className={styles.list}>
          <Text weight="semibold">{t('review.plan.outsideTitle')}</Text>
          <ul>
            {[...grid.outside, ...grid.unscheduled].map((o) => (
              <li key={o.action.key}>
                <Text>
                  {o.action.title} ·{' '}
                  {'position' in o
                    ? t(o.position === 'beforePlan' ? 'review.plan.beforePlan' : 'review.plan.afterPlan')
                    : t('review.plan.unscheduled')}{' '}
                  ·{' '}
                </Text>
                <StatusLabel status={o.status} />
                {p.rowActions ? <> {p.rowActions(o.action)}</> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
