import { makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, type ChangeEvent } from 'react';
import { annualPapers, financialYear, financialYearOf } from '../../../domain';
import { assuranceOverview } from '../../../domain/assuranceStatement';
import { panelsOf } from '../../../domain/panels';
import { useLookup } from '../../components/useLookups';
import { navigate, paths } from '../../app/router';
import { domainErrorMessage } from '../../components/messages';
import { fileSlug, ReportToolbar } from './ReportToolbar';
import { ReportShell, useReportPage } from './ReportShell';
import { ReportTableView } from './ReportTableView';
import { AnnualNarrative, useNarrative } from './AnnualNarrative';
import { AnnualStatements, useAnnualStatements } from './AnnualStatements';
import { AnnualPrintStyles } from './annualPrint';
import { DateChanges } from './DateChanges';
import { annualWordDocument } from './wordDocument';
import { annualPapersTables, financialYearLabel, statementTables, toWorkbook } from './workbook';

const useStyles = makeStyles({
  note: { display: 'block', marginBottom: tokens.spacingVerticalL },
});

/** Years offered in the picker: ten before this financial year, and the next. Any year can still be asked for by address. */
const YEARS_BACK = 10;

/** "2025–26": a financial year as councils write it (one spelling for the page, the workbook and the Word document). */
export const yearLabel = financialYearLabel;

function parseYear(raw: string | null, fallback: number): number {
  if (raw === null || !/^\d{4}$/.test(raw)) return fallback;
  const year = Number(raw);
  return year >= 1900 && year <= 2999 ? year : fallback;
}

/** The annual summary for the Governance and Audit Committee, for a financial year (`?year=2025` is 2025–26). */
export function AnnualReport() {
  const styles = useStyles();
  const { t, app, format, query, data } = useReportPage();
  const thisYear = financialYearOf(app.today);
  const year = parseYear(query.get('year'), thisYear);
  const period = financialYear(year);

  // The committee papers: the annual summary with costs, RAG, significance and last year beside it.
  const papers = useMemo(
    () =>
      data.data
        ? annualPapers({
            records: data.data.records,
            reviews: data.data.reviews,
            actions: data.data.actions,
            partners: data.data.partners,
            history: data.data.history,
            year,
            today: app.today,
          })
        : undefined,
    [data.data, year, app.today],
  );
  const summary = useMemo(
    () => (papers ? (papers.ok ? { ok: true as const, value: papers.value.summary } : papers) : undefined),
    [papers],
  );
  const mappings = useLookup('channelMappings');
  const tables = useMemo(
    () => (papers?.ok ? annualPapersTables(papers.value, t, app.locale, panelsOf(mappings.value ?? [])) : []),
    [papers, t, app.locale, mappings.value],
  );
  const narrative = useNarrative(year);
  // The assurance statements: on the page after the other tables, and in the workbook and the Word document.
  const statements = useAnnualStatements(year);
  const statementsTables = useMemo(
    () =>
      data.data && typeof statements !== 'string'
        ? statementTables(assuranceOverview(year, data.data.records, statements), t)
        : [],
    [data.data, statements, year, t],
  );
  const allTables = useMemo(() => [...tables, ...statementsTables], [tables, statementsTables]);

  const years = useMemo(() => {
    const list = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);
    return list.includes(year) ? list : [year, ...list].sort((a, b) => b - a);
  }, [thisYear, year]);

  const setYear = (e: ChangeEvent<HTMLSelectElement>) => {
    const params = new URLSearchParams({ year: e.target.value });
    navigate(paths.reports('annual', params), { replace: true });
  };

  const title = t('report.annual.title');
  const label = yearLabel(year);
  const fileName = `${fileSlug(t('report.annual.fileName'), yearLabel(year, '-'))}.xlsx`;
  const wordFileName = `${fileSlug(t('report.annual.fileName'), yearLabel(year, '-'))}.docx`;
  const word = () =>
    annualWordDocument({
      tables: allTables,
      ...(narrative.stored ? { narrative: narrative.stored } : {}),
      t,
      locale: app.locale,
      format,
      council: t('app.council'),
      yearLabel: label,
      period,
      ...(summary?.ok
        ? {
            notes: [
              `${t('report.printedOn', { date: format.date(app.today) })} ${t('report.annual.asOf', { date: format.date(summary.value.asOf) })}`,
              t('report.papers.costNote'),
              ...(statements === 'failed' ? [t('report.annual.statements.loadFailed')] : []),
            ],
          }
        : {}),
    });

  return (
    <ReportShell
      title={title}
      subtitle={t('report.annual.subtitle', {
        year: label,
        from: format.date(period.from),
        to: format.date(period.to),
      })}
      actions={
        <ReportToolbar
          disabled={tables.length === 0 || statements === 'loading'}
          fileName={fileName}
          workbook={() => toWorkbook(allTables, { title: `${title} ${label}` })}
          word={{ build: word, fileName: wordFileName, disabled: narrative.loading }}
        />
      }
      filterLabel={t('report.annual.year')}
      filter={
        <Select value={String(year)} onChange={setYear}>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {t('report.annual.yearOption', { from: y, to: String((y + 1) % 100).padStart(2, '0') })}
            </option>
          ))}
        </Select>
      }
      data={data}
      pending={!summary}
    >
      {() =>
        !summary?.ok ? (
          <MessageBar intent="error">
            <MessageBarBody>{summary?.error.map((e) => domainErrorMessage(t, e)).join(' ')}</MessageBarBody>
          </MessageBar>
        ) : (
          <div data-annual-report>
            <AnnualPrintStyles tables={tables} />
            <Text as="p" className={styles.note}>
              {t('report.printedOn', { date: format.date(app.today) })}{' '}
              {t('report.annual.asOf', { date: format.date(summary.value.asOf) })}
            </Text>
            <AnnualNarrative year={year} state={narrative} />
            <Text as="p" className={styles.note}>
              {t('report.papers.costNote')}
            </Text>
            {tables.map((table) => (
              <ReportTableView key={table.id} table={table} />
            ))}
            <DateChanges changes={summary.value.undated} onDated={data.retry} />
            <AnnualStatements state={statements} tables={statementsTables} />
          </div>
        )
      }
    </ReportShell>
  );
}
