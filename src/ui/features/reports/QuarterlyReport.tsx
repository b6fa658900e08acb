import { makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, type ChangeEvent } from 'react';
import { directoratesOf, financialQuarterOf, quarterlyList } from '../../../domain';
import { navigate, paths } from '../../app/router';
import { useDirectorateLabel } from '../../components/useLookups';
import { fileSlug, ReportToolbar } from './ReportToolbar';
import { ReportShell, useReportPage } from './ReportShell';
import { ReportTableView } from './ReportTableView';
import { quarterlyTable, toWorkbook } from './workbook';

const useStyles = makeStyles({
  summary: { display: 'block', marginBottom: tokens.spacingVerticalM },
});

/** The quarterly list for Heads of Service, filtered by directorate (`?directorate=`). */
export function QuarterlyReport() {
  const styles = useStyles();
  const { t, app, format, query, data } = useReportPage();
  const directorate = query.get('directorate')?.trim() ?? '';

  const directorateLabel = useDirectorateLabel();
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
  const quarter = financialQuarterOf(app.today);
  const period = t('report.quarterly.print.period', {
    quarter: format.number(quarter.quarter),
    year: t('report.annual.yearOption', { from: quarter.year, to: String((quarter.year + 1) % 100).padStart(2, '0') }),
    from: format.date(quarter.from),
    to: format.date(quarter.to),
  });
  const fileName = `${fileSlug(t('report.quarterly.fileName'), directorate, app.today)}.xlsx`;

  return (
    <ReportShell
      title={title}
      period={period}
      page="quarterly"
      subtitle={
        <>
          {t('report.quarterly.subtitle', { date: format.date(app.today) })}{' '}
          {`${t('report.quarterly.directorate')}: ${directorate ? directorateLabel(directorate) : t('report.quarterly.allDirectorates')}`}
        </>
      }
      actions={
        <ReportToolbar disabled={!data.data} fileName={fileName} workbook={() => toWorkbook([table], { title })} />
      }
      filterLabel={t('report.quarterly.directorate')}
      filter={
        <Select value={directorate} onChange={setDirectorate}>
          <option value="">{t('report.quarterly.allDirectorates')}</option>
          {directorate && !directorates.some((d) => d.toLowerCase() === directorate.toLowerCase()) ? (
            <option value={directorate}>{directorateLabel(directorate)}</option>
          ) : null}
          {directorates.map((d) => (
            <option key={d} value={d}>
              {directorateLabel(d)}
            </option>
          ))}
        </Select>
      }
      data={data}
    >
      {() => (
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
    </ReportShell>
  );
}
