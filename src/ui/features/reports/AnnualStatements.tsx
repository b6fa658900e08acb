/**
 * The annual report's section on the assurance statements: each statement the Heads of Service
 * made for the year (who, when, complete or not, their comment), then the directorates yet to
 * confirm. Shown as the report's other tables, so it prints the same way; the same tables
 * (workbook.ts, statementTables) go into the workbook and the Word document.
 */
import { Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssuranceStatement } from '../../../domain/assuranceStatement';
import { useServices } from '../../app/context';
import { ReportTableView } from './ReportTableView';
import type { ReportTable } from './workbook';

export type StatementsState = readonly AssuranceStatement[] | 'loading' | 'failed';

/** The year's stored statements, read once per year shown. */
export function useAnnualStatements(year: number): StatementsState {
  const services = useServices();
  const [statements, setStatements] = useState<StatementsState>('loading');
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
  return statements;
}

export function AnnualStatements({
  state,
  tables,
}: {
  readonly state: StatementsState;
  /** statementTables of the year's overview, once the statements are read. */
  readonly tables: readonly ReportTable[];
}) {
  const { t } = useTranslation();
  if (state === 'loading') return <Text as="p">{t('report.annual.statements.loading')}</Text>;
  if (state === 'failed') return <Text as="p">{t('report.annual.statements.loadFailed')}</Text>;
  return (
    <div data-annual-statements>
      {tables.map((table) => (
        <ReportTableView key={table.id} table={table} />
      ))}
    </div>
  );
}
