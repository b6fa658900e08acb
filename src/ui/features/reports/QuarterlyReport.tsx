import { Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directoratesOf, quarterlyList } from '../../../domain';
import { useApp, useFormat } from '../../app/context';
import { navigate, paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RouterLink } from '../../components/RouterLink';
import { PrintStyles } from './printStyles';
import { useReportData } from './reportData';
import { fileSlug, ReportToolbar } from './ReportToolbar';
import { ReportTableView } from './ReportTableView';
import { quarterlyTable, toWorkbook } from './workbook';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  summary: { display: 'block', marginBottom: tokens.spacingVerticalM },
  back: { marginBottom: tokens.spacingVerticalS },
});

/** The quarterly list for Heads of Service, filtered by directorate (`?directorate=`). */
export function QuarterlyReport() {
  const styles = useStyles();
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const route = useRoute();
  const data = useReportData();
  const directorate = route.query.get('directorate')?.trim() ?? '';

  const directorates = useMemo(() => (data.data ? directoratesOf(data.data.records) : []), [data.data]);
  const rows = useMemo(
    () =>
      data.data
        ? quarterlyList(data.data.records, data.data.reviews, data.data.actions, {
            today: app.today,
            ...(directorate ? { directorate } : {}),
          })
        : [],
    [data.data, app.today, directorate],
  );
  const table = useMemo(() => quarterlyTable(rows, t, app.locale), [rows, t, app.locale]);

  const setDirectorate = (e: ChangeEvent<HTMLSelectElement>) => {
    const params = new URLSearchParams();
    if (e.target.value) params.set('directorate', e.target.value);
    navigate(paths.reports('quarterly', params), { replace: true });
  };

  const overdueReviews = rows.filter((r) => r.reviewState === 'overdue').length;
  const open = rows.reduce((n, r) => n + r.openActions, 0);
  const overdueActions = rows.reduce((n, r) => n + r.overdueActions, 0);
  const title = t('report.quarterly.title');
  const fileName = `${fileSlug(t('report.quarterly.fileName'), directorate, app.today)}.xlsx`;

  return (
    <section aria-labelledby="report-title">
      <PrintStyles />
      <div className={styles.back} data-print="hide">
        <RouterLink to={paths.reports()}>{t('report.actions.back')}</RouterLink>
      </div>
      <PageHeader
        id="report-title"
        title={title}
        subtitle={
          <>
            {t('report.quarterly.subtitle', { date: format.date(app.today) })}{' '}
            {`${t('report.quarterly.directorate')}: ${directorate || t('report.quarterly.allDirectorates')}`}
          </>
        }
        actions={
          <ReportToolbar disabled={!data.data} fileName={fileName} workbook={() => toWorkbook([table], { title })} />
        }
      />
      <div className={styles.filters} data-print="hide">
        <Field label={t('report.quarterly.directorate')}>
          <Select value={directorate} onChange={setDirectorate}>
            <option value="">{t('report.quarterly.allDirectorates')}</option>
            {directorate && !directorates.some((d) => d.toLowerCase() === directorate.toLowerCase()) ? (
              <option value={directorate}>{directorate}</option>
            ) : null}
            {directorates.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {data.error ? (
        <ErrorState error={data.error} title={t('report.loadFailed')} onRetry={data.retry} />
      ) : data.loading ? (
        <Loading label={t('report.loading')} />
      ) : (
        <>
          <Text as="p" className={styles.summary} role="status">
            {t('report.quarterly.summary', {
              collaborations: format.number(rows.length),
              overdueReviews: format.number(overdueReviews),
              open: format.number(open),
              overdueActions: format.number(overdueActions),
            })}
          </Text>
          {rows.length === 0 ? <Text as="p">{t('report.quarterly.empty')}</Text> : <ReportTableView table={table} />}
        </>
      )}
    </section>
  );
}
