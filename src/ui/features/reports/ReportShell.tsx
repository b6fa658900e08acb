import { Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useFormat } from '../../app/context';
import { paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RouterLink } from '../../components/RouterLink';
import { PAGE_MARK, PAGES_MARK, PrintStyles } from './printStyles';
import { useReportData, type ReportDataState } from './reportData';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  back: { marginBottom: tokens.spacingVerticalS },
  printHeading: { marginBottom: tokens.spacingVerticalS },
  council: { display: 'block', margin: 0 },
});

export interface ReportShellProps {
  readonly title: string;
  readonly subtitle: ReactNode;
  /** The period reported on, printed under the council's name; without it the subtitle says it. */
  readonly period?: string;
  /** The report's own paper (a named page of printStyles): the quarterly list prints landscape. */
  readonly page?: 'quarterly';
  /** The toolbar (print, download) beside the title. */
  readonly actions: ReactNode;
  /** The report's one filter (a picker), under its label; hidden when printed. */
  readonly filterLabel: string;
  readonly filter: ReactNode;
  readonly data: ReportDataState;
  /** Still loading, beyond the data itself (the report not yet worked out). */
  readonly pending?: boolean;
  /** The report, once the data are in. */
  readonly children: () => ReactNode;
}

/** What every report page has: the way back, print styles, the council and period on paper, the header and toolbar, the filter, and the load's error or spinner. */
export function ReportShell({
  title,
  subtitle,
  period,
  page,
  actions,
  filterLabel,
  filter,
  data,
  pending,
  children,
}: ReportShellProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-title" data-report-page={page}>
      <PrintStyles pageOf={t('report.print.pageOf', { page: PAGE_MARK, pages: PAGES_MARK })} />
      <div className={styles.back} data-print="hide">
        <RouterLink to={paths.reports()}>{t('report.actions.back')}</RouterLink>
      </div>
      {/* On paper only: whose report it is and for when, on page one (the tab itself says which council). */}
      <div className={styles.printHeading} data-print="only">
        <Text as="p" weight="semibold" size={400} className={styles.council}>
          {t('app.council')}
        </Text>
        {period ? (
          <Text as="p" className={styles.council}>
            {t('report.print.period', { period })}
          </Text>
        ) : null}
      </div>
      <PageHeader id="report-title" title={title} subtitle={subtitle} actions={actions} />
      <div className={styles.filters} data-print="hide">
        <Field label={filterLabel}>{filter}</Field>
      </div>
      {data.error ? (
        <ErrorState error={data.error} title={t('report.loadFailed')} onRetry={data.retry} />
      ) : data.loading || pending ? (
        <Loading label={t('report.loading')} />
      ) : (
        children()
      )}
    </section>
  );
}

/** What a report page reads: translations, the app (today, locale), formatting, the address's query and the report data. */
export function useReportPage() {
  const { t } = useTranslation();
  return { t, app: useApp(), format: useFormat(), query: useRoute().query, data: useReportData() };
}
