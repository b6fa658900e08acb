/**
 * #/statements: the annual assurance statements. A Head of Service sees the directorates they
 * answer for this financial year and confirms each ("complete and correct", or "not yet" with a
 * comment); the governance team sees every directorate with who has and has not confirmed, and
 * may confirm any; everyone else reads the list. `?year=2025` is 2025–26.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { financialYearOf } from '../../../domain';
import { directoratesAnsweredBy, type DirectorateAssurance } from '../../../domain/assuranceStatement';
import { may } from '../../../domain/policy';
import { useApp, useFormat } from '../../app/context';
import { navigate, paths, useRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SimpleTable } from '../../components/SimpleTable';
import { useDirectorateLabel } from '../../components/useLookups';
import { useMe } from '../../components/useRoles';
import { ConfirmStatementDialog } from './ConfirmStatementDialog';
import { useStatements } from './useStatements';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  year: { maxWidth: '12rem' },
  comment: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** Years offered: five before this financial year and this one; any other can be asked for by address. */
const YEARS_BACK = 5;

function parseYear(raw: string | null, fallback: number): number {
  const year = Number(raw);
  return raw !== null && Number.isInteger(year) && year >= 1900 && year <= 2999 ? year : fallback;
}

export function StatementsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const app = useApp();
  const format = useFormat();
  const me = useMe();
  const directorateLabel = useDirectorateLabel();
  const { query } = useRoute();
  const thisYear = financialYearOf(app.today);
  const year = parseYear(query.get('year'), thisYear);
  const { state, reload } = useStatements(year);
  const [confirming, setConfirming] = useState<DirectorateAssurance | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const label = (y: number) => t('tab.statements.yearOption', { from: y, to: String((y + 1) % 100).padStart(2, '0') });
  const years = Array.from({ length: YEARS_BACK + 1 }, (_v, i) => thisYear - i);
  if (!years.includes(year)) years.unshift(year);
  const setYear = (e: ChangeEvent<HTMLSelectElement>) => navigate(paths.statements(Number(e.target.value)));

  const ready = state.kind === 'ready' ? state : undefined;
  const mayConfirm = (d: DirectorateAssurance) =>
    !me.loading &&
    !!ready &&
    may(me.actor, { kind: 'confirmStatement', directorate: d.directorate, records: ready.records });
  const governance = me.roles.includes('governance');
  const mine = ready ? directoratesAnsweredBy(ready.overview, me.person) : [];

  const stateText = (d: DirectorateAssurance) =>
    d.statement === undefined
      ? t('tab.statements.state.none')
      : d.statement.complete
        ? t('tab.statements.state.complete')
        : t('tab.statements.state.notYet');

  const table = (rows: readonly DirectorateAssurance[], labelledBy: string, actions: boolean) => (
    <SimpleTable
      labelledBy={labelledBy}
      size="small"
      rows={rows}
      rowKey={(d) => d.key}
      rowProps={(d) => ({ 'data-directorate': d.directorate })}
      empty={t('tab.statements.none')}
      columns={[
        { heading: t('tab.statements.columns.directorate'), cell: (d) => directorateLabel(d.directorate) },
        {
          heading: t('tab.statements.columns.expected'),
          cell: (d) =>
            d.expected.length > 0 ? d.expected.map((p) => p.displayName).join(', ') : t('tab.statements.nobody'),
        },
        { heading: t('tab.statements.columns.records'), cell: (d) => format.number(d.records) },
        { heading: t('tab.statements.columns.state'), cell: stateText, testId: 'statement-state' },
        { heading: t('tab.statements.columns.confirmedBy'), cell: (d) => d.statement?.confirmedBy.displayName ?? '' },
        {
          heading: t('tab.statements.columns.confirmedOn'),
          cell: (d) => (d.statement ? format.date(d.statement.confirmedOn) : ''),
        },
        {
          heading: t('tab.statements.columns.comment'),
          className: styles.comment,
          cell: (d) => d.statement?.comment ?? '',
        },
        actions && {
          heading: '',
          cell: (d) =>
            mayConfirm(d) ? (
              <Button
                size="small"
                aria-label={t('tab.statements.confirm.label', { directorate: directorateLabel(d.directorate) })}
                onClick={() => {
                  setNotice(undefined);
                  setConfirming(d);
                }}
              >
                {d.statement ? t('tab.statements.confirm.change') : t('tab.statements.confirm.button')}
              </Button>
            ) : null,
        },
      ]}
    />
  );

  return (
    <div className={styles.root}>
      <PageHeader id="statements-title" title={t('tab.statements.title')} />
      <Text as="p">{t('tab.statements.intro')}</Text>
      <Field label={t('tab.statements.year')} className={styles.year}>
        <Select value={String(year)} onChange={setYear}>
          {years.map((y) => (
            <option key={y} value={y}>
              {label(y)}
            </option>
          ))}
        </Select>
      </Field>
      {notice ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'loading' || me.loading ? <Loading label={t('tab.statements.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState error={state.error} title={t('tab.statements.loadFailed')} onRetry={reload} />
      ) : null}
      {ready && !me.loading ? (
        <>
          {mine.length > 0 ? (
            <section aria-labelledby="statements-yours">
              <h2 id="statements-yours">{t('tab.statements.yoursTitle')}</h2>
              {table(mine, 'statements-yours', true)}
            </section>
          ) : governance ? null : (
            <Text as="p">{t('tab.statements.readOnly')}</Text>
          )}
          <section aria-labelledby="statements-all">
            <h2 id="statements-all">{t('tab.statements.allTitle')}</h2>
            <Text as="p" role="status">
              {t('tab.statements.summary', {
                confirmed: ready.overview.confirmed.length,
                total: ready.overview.directorates.length,
                outstanding: ready.overview.outstanding.length,
              })}
            </Text>
            {table(ready.overview.directorates, 'statements-all', governance)}
          </section>
        </>
      ) : null}
      {confirming && ready && me.person ? (
        <ConfirmStatementDialog
          year={year}
          yearLabel={label(year)}
          line={confirming}
          {...(ready.stored.get(confirming.key) ? { base: ready.stored.get(confirming.key) } : {})}
          me={me.person}
          actor={me.actor}
          records={ready.records}
          onSaved={(saved) => {
            setConfirming(undefined);
            setNotice(t('tab.statements.confirm.saved', { directorate: directorateLabel(saved.directorate) }));
            reload();
          }}
          onCancel={() => setConfirming(undefined)}
        />
      ) : null}
    </div>
  );
}
