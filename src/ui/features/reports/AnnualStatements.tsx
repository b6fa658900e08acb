/**
 * The annual report's section on the assurance statements: each statement the Heads of Service
 * made for the year (who, when, complete or not, their comment), then the directorates yet to
 * confirm. Shown as the report's other tables, so it prints the same way.
 */
import { Text } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration } from '../../../domain';
import { assuranceOverview, type AssuranceStatement } from '../../../domain/assuranceStatement';
import { useServices } from '../../app/context';
import { ReportTableView } from './ReportTableView';
import type { ReportCell, ReportTable } from './workbook';

const text = (value: string | undefined): ReportCell => (value ? { kind: 'text', value } : { kind: 'empty' });

export function AnnualStatements({
  year,
  records,
}: {
  readonly year: number;
  readonly records: readonly Pick<Collaboration, 'directorate' | 'headOfService' | 'startDate' | 'endDate'>[];
}) {
  const { t } = useTranslation();
  const services = useServices();
  const [statements, setStatements] = useState<readonly AssuranceStatement[] | 'loading' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    setStatements('loading');
    void services.stores.assuranceStatements.forYear(year).then((r) => {
      if (live) setStatements(r.ok ? r.value : 'failed');
    });
    return () => {
      live = false;
    };
  }, [services, year]);

  const tables = useMemo((): ReportTable[] => {
    if (typeof statements === 'string') return [];
    const overview = assuranceOverview(year, records, statements);
    const k = 'report.annual.statements';
    const answered = overview.directorates.filter((d) => d.statement !== undefined);
    const pending = overview.directorates.filter((d) => d.statement === undefined);
    return [
      {
        id: 'statements',
        title: t(`${k}.title`),
        sheet: t(`${k}.sheet`),
        headings: [
          t(`${k}.directorate`),
          t(`${k}.confirmedBy`),
          t(`${k}.confirmedOn`),
          t(`${k}.complete`),
          t(`${k}.comment`),
        ],
        rows: answered.flatMap((d) =>
          d.statement
            ? [
                [
                  text(d.directorate),
                  text(d.statement.confirmedBy.displayName),
                  { kind: 'date', value: d.statement.confirmedOn },
                  d.statement.complete
                    ? { kind: 'mark', value: t(`${k}.yes`), tone: 'success' }
                    : { kind: 'mark', value: t(`${k}.notYet`), tone: 'warning' },
                  text(d.statement.comment),
                ] satisfies ReportCell[],
              ]
            : [],
        ),
      },
      {
        id: 'statementsPending',
        title: t(`${k}.pendingTitle`),
        sheet: t(`${k}.pendingTitle`),
        headings: [t(`${k}.directorate`), t(`${k}.expected`)],
        rows: pending.map((d) => [
          text(d.directorate),
          text(d.expected.length > 0 ? d.expected.map((p) => p.displayName).join(', ') : t(`${k}.noneExpected`)),
        ]),
      },
    ];
  }, [statements, year, records, t]);

  if (statements === 'loading') return <Text as="p">{t('report.annual.statements.loading')}</Text>;
  if (statements === 'failed') return <Text as="p">{t('report.annual.statements.loadFailed')}</Text>;
  return (
    <div data-annual-statements>
      {tables.map((table) => (
        <ReportTableView key={table.id} table={table} />
      ))}
    </div>
  );
}
